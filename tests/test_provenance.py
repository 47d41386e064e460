"""Agreed language: phrases of a draft found in adopted text, through the database's index."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from amendtrack.cli import cli
from amendtrack.compare.provenance import Words, chains, phrases, shingles, words_of
from amendtrack.read.files import read_draft_file
from amendtrack.resources import sample_data_dir

DRAFTS = sample_data_dir() / "drafts"
NOTE = DRAFTS / "wg-tip-2015" / "01-consolidated-recommendations.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def window(text: str, first: int, size: int) -> str:
    """`size` words of `text` from its word `first` on, as the text has them (punctuation kept)."""
    spans = [m.span() for m in re.finditer(r"\S+", text)]
    return text[spans[first][0] : spans[first + size - 1][1]].strip(",;.")


def borrowed(note: object) -> list[tuple[str, str, str]]:
    """(paragraph label in the note, the phrase as a draft borrows it, how) for a test draft.

    The phrases are cut from the 2015 note by position, then changed as drafters change agreed
    language: kept word for word, a verb inflected, a British spelling made American, words inserted.
    """
    cut = {label: window(note.find(label).text, 3, 14) for label in ("7", "32", "65", "100(a)", "121")}
    return [
        ("7", cut["7"], "verbatim"),
        ("32", cut["32"].replace("register", "registering").replace("license", "licence"), "inflection, spelling"),
        ("65", cut["65"].replace("identify victims", "identify possible victims"), "a word inserted"),
        ("100(a)", cut["100(a)"].replace("Organized", "Organised"), "spelling"),
        ("121", cut["121"], "verbatim"),
    ]


@pytest.fixture
def with_adopted(db_url: str) -> str:
    assert run("--db", db_url, "import", str(DRAFTS / "wg-tip-2015"))[0] == 0
    return db_url


def test_a_draft_built_from_phrases_of_the_2015_note_finds_each_with_its_source(
    with_adopted: str, tmp_path: Path
) -> None:
    taken = borrowed(read_draft_file(NOTE))
    filler = "The Working Group took note of the discussion held at its meeting and of the views expressed"
    lines = [f"{k}. {filler}, and recalled that {phrase}, as decided." for k, (_, phrase, _) in enumerate(taken, 1)]
    draft = tmp_path / "draft.txt"
    draft.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert run("--db", with_adopted, "import", str(draft), "--negotiation", "test")[0] == 0
    code, out, _ = run("--db", with_adopted, "provenance", "test", "draft", "--json")
    found = json.loads(out)
    assert code == 0 and found["adopted_documents"] == 1
    for k, (label, phrase, how) in enumerate(taken, start=1):
        mine = [p for p in found["phrases"] if p["paragraph"] == str(k)]
        assert [p["source"]["paragraph"] for p in mine] == [label], (label, how)
        assert mine[0]["source"]["document"] == "consolidated-2015"
        assert mine[0]["words"] >= 8 and set(mine[0]["text"].split()) <= set(phrase.split()), (label, how)
        assert mine[0]["verbatim"] == (how == "verbatim"), (label, how)
    assert "recalled that" not in out and filler[:20] not in out  # the draft's own words are not agreed language


def test_on_the_july_gpa_draft_nothing_shorter_than_min_words(with_adopted: str) -> None:
    assert run("--db", with_adopted, "import", str(DRAFTS / "gpa-2010"))[0] == 0
    counts = {}
    for least in (5, 8, 12):
        code, out, _ = run(
            "--db", with_adopted, "provenance", "gpa-2010", "draft-2010-07-19", "--min-words", str(least), "--json"
        )
        found = json.loads(out)
        assert code == 0 and all(len(re.findall(r"[^\W_]+", p["text"])) >= least for p in found["phrases"])
        counts[least] = len(found["phrases"])
    # the 2010 Plan of Action and the 2015 recommendations share the language of the Protocol
    assert counts[5] >= counts[8] >= counts[12] and counts[5] > 0
    code, out, _ = run("--db", with_adopted, "provenance", "gpa-2010", "draft-2010-07-19", "--min-words", "5")
    assert code == 0 and "found in 1 adopted document" in out.splitlines()[0]


def test_adopted_text_is_listed_backed_up_and_restored_with_its_index(with_adopted: str, tmp_path: Path) -> None:
    code, out, _ = run("--db", with_adopted, "drafts", "wg-tip-2015", "--json")
    assert [d["kind"] for d in json.loads(out)] == ["adopted"]
    dump = tmp_path / "wg15.json"
    assert run("--db", with_adopted, "export", "json", "wg-tip-2015", "--out", str(dump))[0] == 0
    assert json.loads(dump.read_text(encoding="utf-8"))["documents"][0]["kind"] == "adopted"
    other = f"sqlite:///{tmp_path / 'restored.db'}"
    assert run("--db", other, "import", str(dump))[0] == 0
    draft = tmp_path / "d.txt"
    text = read_draft_file(NOTE).find("65").text
    draft.write_text(f"1. {text}\n", encoding="utf-8")
    for url in (with_adopted, other):
        assert run("--db", url, "import", str(draft), "--negotiation", "probe")[0] == 0
        found = json.loads(run("--db", url, "provenance", "probe", "d", "--json")[1])
        assert [(p["source"]["paragraph"], p["verbatim"]) for p in found["phrases"]] == [("65", True)]


def test_a_file_can_be_registered_as_adopted_and_unknown_names_are_one_line(db_url: str, tmp_path: Path) -> None:
    adopted = tmp_path / "resolution.txt"
    adopted.write_text(
        "1. Urges Member States to criminalize trafficking in persons in all its forms and to condemn the practice.\n",
        encoding="utf-8",
    )
    assert run("--db", db_url, "import", str(adopted), "--negotiation", "res", "--adopted")[0] == 0
    draft = tmp_path / "draft.txt"
    draft.write_text(
        "1. The Assembly strongly urges Member States to criminalise trafficking in persons in all its forms.\n"
    )
    assert run("--db", db_url, "import", str(draft), "--negotiation", "new")[0] == 0
    found = json.loads(run("--db", db_url, "provenance", "new", "draft", "--against", "res", "--json")[1])
    [phrase] = found["phrases"]
    assert phrase["text"] == "urges Member States to criminalise trafficking in persons in all its forms"
    assert not phrase["verbatim"] and phrase["source"]["negotiation"] == "res"
    code, _, err = run("--db", db_url, "provenance", "new", "draft", "--against", "nowhere")
    assert code == 1 and err.count("\n") == 1 and "unknown negotiation 'nowhere'" in err
    code, _, err = run("--db", db_url, "import", str(DRAFTS / "wg-tip-2015"), "--adopted")
    assert code == 1 and "apply to a single draft file" in err


def test_phrases_chain_shingles_across_a_small_insertion() -> None:
    source = words_of(
        "States should consider taking measures to regulate, register, license and monitor private agencies."
    )
    draft = words_of(
        "They consider taking measures to regulate, register, license and closely monitor private agencies today."
    )
    index = {value: position for value, position in shingles(source)}
    hits = [(mine, 7, index[value]) for value, mine in shingles(draft) if value in index]
    found = phrases(draft, chains(draft, hits, 8), {7: source})
    expected = "consider taking measures to regulate, register, license and closely monitor private agencies"
    assert [draft.text[p.start : p.end] for p in found] == [expected]
    assert source.text[found[0].source_start : found[0].source_end].endswith("and monitor private agencies")
    assert chains(draft, hits, 14) == []  # thirteen words: not enough at fourteen
    assert isinstance(source, Words) and not found[0].verbatim


def test_the_site_marks_agreed_language_in_redlines_and_histories_and_links_its_source(
    sqlite_url: str, tmp_path: Path
) -> None:
    for folder in ("wg-tip-2015", "gpa-2010"):
        assert run("--db", sqlite_url, "import", str(DRAFTS / folder))[0] == 0
    out = tmp_path / "site"
    assert run("--db", sqlite_url, "site", "--out", str(out))[0] == 0
    gpa = next(p for p in out.rglob("index.html") if p.parent.name == "gpa-2010").parent
    agreed = (gpa / "agreed-draft-2010-07-19.html").read_text(encoding="utf-8")
    phrase = "Council of Europe Convention on Action against Trafficking in Human Beings"
    assert phrase in agreed and "wg-tip-2015/consolidated-2015 61" in agreed
    assert '<p class="negotiation">United Nations Global Plan of Action' in agreed  # its title, not its key
    anchors = set(re.findall(r'id="(para-[^"]+)"', agreed))
    redline = next(gpa.glob("redline-*.html")).read_text(encoding="utf-8")
    links = re.findall(
        r'<mark class="agreed" title="([^"]+)"><a class="agreed" href="agreed-draft-2010-07-19\.html#([^"]+)">', redline
    )
    assert links and {anchor for _, anchor in links} <= anchors  # every mark links to its source on the page
    assert any("consolidated-2015 61" in title for title, _ in links)
    marked = re.search(r'<mark class="agreed"[^>]*><a [^>]*>(.*?)</a></mark>', redline)
    assert marked and "<mark" not in marked.group(1)  # marks do not nest
    compilation = (gpa / "compilation-first-draft.html").read_text(encoding="utf-8")
    assert 'href="agreed-first-draft.html#para-' in compilation  # the compiled draft's own agreed language
    histories = [p.read_text(encoding="utf-8") for p in gpa.glob("paragraph-*.html")]
    assert sum('<mark class="agreed"' in h for h in histories) >= 5
    index = (gpa / "index.html").read_text(encoding="utf-8")
    assert 'href="agreed-draft-2010-07-19.html"' in index and 'href="echoes.html"' in index


def test_deleting_adopted_text_takes_its_index_with_it(with_adopted: str, tmp_path: Path) -> None:
    from sqlalchemy import text

    from amendtrack.store.engine import engine_for

    def rows() -> int:
        engine = engine_for(with_adopted)
        try:
            with engine.connect() as connection:
                return int(connection.execute(text("SELECT count(*) FROM shingle")).scalar_one())
        finally:
            engine.dispose()

    assert rows() > 1000
    draft = tmp_path / "d.txt"
    draft.write_text(f"1. {read_draft_file(NOTE).find('65').text}\n", encoding="utf-8")
    assert run("--db", with_adopted, "import", str(draft), "--negotiation", "probe")[0] == 0
    assert run("--db", with_adopted, "delete", "wg-tip-2015", "--yes")[0] == 0
    assert rows() == 0  # no foreign key brings the rows along: delete removes them itself
    found = json.loads(run("--db", with_adopted, "provenance", "probe", "d", "--json")[1])
    assert found["adopted_documents"] == 0 and found["phrases"] == []


def test_reports_written_on_their_own_mark_agreed_language_and_name_its_source(sqlite_url: str, tmp_path: Path) -> None:
    """`diff`, `history` and `compile --html` mark what the site marks; with no page to link to, the mark names
    its source (document and paragraph) and links nowhere."""
    for folder in ("gpa-2010", "wg-tip-2015"):
        assert run("--db", sqlite_url, "import", str(DRAFTS / folder))[0] == 0
    pages = {name: tmp_path / f"{name}.html" for name in ("diff", "history", "compile")}
    commands = {
        "diff": ["diff", "gpa-2010", "first-draft", "draft-2010-07-19"],
        "history": ["history", "gpa-2010", "PP14", "--draft", "draft-2010-07-19"],
        "compile": ["compile", "gpa-2010", "first-draft"],
    }
    for name, args in commands.items():
        assert run("--db", sqlite_url, *args, "--html", str(pages[name]))[0] == 0
    source = 'title="agreed language, found in wg-tip-2015/consolidated-2015 61">'
    phrase = "Council of Europe Convention on Action against Trafficking in Human Beings"
    for name, path in pages.items():
        html = path.read_text(encoding="utf-8")
        marked = [re.sub(r"<[^>]+>", "", m) for m in re.findall(rf"<mark class=\"agreed\" {source}(.*?)</mark>", html)]
        assert phrase in marked, name  # in the redline, inserted words inside the mark
        assert 'class="agreed" href=' not in html, name  # no page of agreed language beside it: no dead link
    bare = tmp_path / "bare.db"  # no adopted text registered: nothing marked
    assert run("--db", f"sqlite:///{bare}", "import", str(DRAFTS / "gpa-2010"))[0] == 0
    assert run("--db", f"sqlite:///{bare}", *commands["diff"], "--html", str(tmp_path / "bare.html"))[0] == 0
    assert '<mark class="agreed" title' not in (tmp_path / "bare.html").read_text(encoding="utf-8")
