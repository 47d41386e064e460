"""Echoes: paragraphs that restate others, on the 2019 report (one draft in three parts) and against 2015."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.compare.echoes import ECHO, Passage, find_echoes
from amendtrack.resources import sample_data_dir

DRAFTS = sample_data_dir() / "drafts"
GOLD = Path(__file__).resolve().parents[1] / "bench" / "eval" / "wg2019_echoes.py"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def wg(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('echoes') / 'wg.db'}"
    for folder in ("wg-tip-2019", "wg-tip-2015"):
        assert run("--db", url, "import", str(DRAFTS / folder))[0] == 0
    return url


def gold() -> object:
    spec = importlib.util.spec_from_file_location("wg2019_echoes", GOLD)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pairs(found: dict, kind: str = "within") -> dict[frozenset[str], dict]:
    return {frozenset((e["first"]["label"], e["second"]["label"])): e for e in found["echoes"] if e["kind"] == kind}


def rec(n: int) -> str:
    return f"Recommendation {n}"


def test_restated_recommendations_across_the_parts_are_found_with_what_they_share(wg: str) -> None:
    code, out, _ = run("--db", wg, "echoes", "wg-tip-2019", "--json")
    found = pairs(json.loads(out))
    # read by hand (bench/eval/wg2019_echoes.py): 37 (Add.2) repeats 32 (Add.1) but for one word;
    # 47 (Add.2) asks what 33 (Add.1) asks: train personnel before serving abroad, on domestic servitude
    echo = found[frozenset((rec(32), rec(37)))]
    assert echo["similarity"] > 0.95 and "registration" in echo["shared_words"]
    assert echo["redline"].count("{+") == 1 and "{+human +}" in echo["redline"]
    echo = found[frozenset((rec(33), rec(47)))]
    assert "train their personnel before serving" in echo["shared_phrases"]
    assert "servitude" in echo["shared_words"] and echo["similarity"] >= ECHO
    # same topic, another ask: never an echo
    for a, b, _why in gold().NOT_RESTATED:
        assert frozenset((rec(a), rec(b))) not in found, (a, b)


def test_boilerplate_alone_never_makes_an_echo(wg: str) -> None:
    found = json.loads(run("--db", wg, "echoes", "wg-tip-2019", "--json")[1])
    labels = {label for key in pairs(found) for label in key}
    # "The Working Group recommended that the Conference of the Parties consider the adoption of the
    # following recommendations:" opens each group of recommendations (L.1 4 and 5, Add.1 1)
    assert not labels & {"L.1, 4", "L.1, 5", "L.1/Add.1, 1"}
    for echo in found["echoes"]:  # each pair names content words of its own, not the formula
        assert echo["shared_words"] and not {"member", "states", "should"} & set(echo["shared_words"][:3])


def test_the_formula_is_learnt_from_the_texts_not_listed() -> None:
    topics = ["fisheries subsidies", "maritime boundaries", "ocean acidification", "coral reefs", "plastic debris"]
    texts = [f"Parties shall endeavour to cooperate on {topic} through regional programmes." for topic in topics]
    texts += [
        "Parties shall endeavour to cooperate on deep seabed mining licences and royalties for coastal States.",
        "Parties shall endeavour to cooperate on royalties from deep seabed mining licences for coastal States.",
    ]
    found = find_echoes([Passage("t/1", str(k), text) for k, text in enumerate(texts, start=1)])
    assert [(e.first.label, e.second.label) for e in found] == [("6", "7")]
    assert "shall endeavour" not in " ".join(found[0].shared_phrases)  # the formula is no shared phrase
    assert {"seabed", "mining", "royalties"} <= set(found[0].shared_words)


def test_a_paragraph_is_no_echo_of_its_own_earlier_version_nor_of_what_it_holds() -> None:
    text = "States parties shall criminalize the laundering of proceeds of crime committed abroad by nationals."
    same = [Passage("n/1", "5", text, pid="p5"), Passage("n/2", "7", text, pid="p5")]
    assert find_echoes(same) == []
    held = [Passage("n/1", "5", text + " They shall also.", holds=("5(a)",)), Passage("n/1", "5(a)", text)]
    assert find_echoes(held) == []
    assert len(find_echoes([Passage("n/1", "5", text), Passage("n/1", "9", text)])) == 1


def test_against_the_2015_recommendations_each_paragraph_gets_its_antecedent(wg: str, tmp_path: Path) -> None:
    code, out, _ = run("--db", wg, "echoes", "wg-tip-2019", "--against", "wg-tip-2015", "--json")
    found = json.loads(out)
    assert found["against"] == ["wg-tip-2015/consolidated-2015"]
    earlier = pairs(found, "antecedent")
    # read by hand: 3 and 16 (joint investigation teams) go back to 2015 paragraph 100(a)
    assert "joint investigation teams and" in earlier[frozenset((rec(3), "100(a)"))]["shared_phrases"]
    assert frozenset((rec(16), "100(a)")) in earlier
    firsts = [e["first"]["label"] for e in found["echoes"] if e["kind"] == "antecedent"]
    assert len(firsts) == len(set(firsts))  # one antecedent per paragraph, the most alike
    page = tmp_path / "echoes.html"
    code, _, err = run("--db", wg, "echoes", "wg-tip-2019", "--against", "wg-tip-2015", "--html", str(page))
    html = page.read_text(encoding="utf-8")
    assert (code, err) == (0, "") and "Recommendation 32 ~ Recommendation 37" in html and "<ins>human </ins>" in html
    assert "100(a)" in html and "<script" not in html


def test_echoes_of_an_unknown_negotiation_is_one_line(wg: str) -> None:
    code, _, err = run("--db", wg, "echoes", "wg-tip-2019", "--against", "nowhere")
    assert code == 1 and err.count("\n") == 1 and "unknown negotiation 'nowhere'" in err
