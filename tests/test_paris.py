"""The five Paris Agreement texts of 2015 against a hand-checked oracle (tests/paris_expected.py).

The oracle was written by reading the files, before the reader was tuned on them; this test reads
the corpus from ../shared/corpora/paris-2015/ and skips when that folder is absent (the files are
never copied into the repository).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import paris_expected as expected
import pytest

from amendtrack.model.tree import Draft, Paragraph
from amendtrack.read.files import read_draft_file

CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpora" / "paris-2015"
pytestmark = pytest.mark.skipif(
    not CORPUS.is_dir(), reason=f"the Paris corpus is not here ({CORPUS}): it is shared, never copied into the repo"
)
MARKDOWN = re.compile(r"\*\*|^#|\[\^|\]: https?:|\{:|</?span|^---$")  # a lone '*' may be the text's own ('\\*')


@cache
def tree(name: str) -> Draft:
    return read_draft_file(CORPUS / name)


def articles(draft: Draft) -> list[Paragraph]:
    return [node for node, _ in draft.walk() if node.kind == "article"]


def article(draft: Draft, number: str) -> Paragraph:
    wanted = number.replace(" ", "")
    return next(a for a in articles(draft) if a.num == wanted)


def within(node: Paragraph) -> list[Paragraph]:
    """The nodes under `node` in document order."""
    found: list[Paragraph] = []
    for child in node.children:
        found.append(child)
        found.extend(within(child))
    return found


def paragraphs_of(node: Paragraph) -> list[Paragraph]:
    """An Article's numbered paragraphs in order, those inside its options included."""
    found = []
    for child in node.children:
        if child.kind == "paragraph":
            found.append(child)
        elif child.kind in ("option_group", "option"):
            found.extend(paragraphs_of(child))
    return found


@pytest.mark.parametrize("name", expected.DRAFTS)
def test_every_article_is_found_once_in_order_with_number_and_title(name: str) -> None:
    draft = tree(name)
    found = [(a.num, a.text.strip("[]"), a.text.startswith("[")) for a in articles(draft)]
    wanted = [(number.replace(" ", ""), title, bracketed) for number, title, bracketed in expected.ARTICLES[name]]
    assert found == wanted
    assert all(a in draft.paragraphs for a in articles(draft))  # Articles stand at the top, none inside another


@pytest.mark.parametrize("name", expected.DRAFTS)
def test_the_preamble_recitals_are_present(name: str) -> None:
    draft = tree(name)
    enacting = next(k for k, n in enumerate(draft.paragraphs) if n.label == "Enacting formula")
    recitals = [n for n in draft.paragraphs[:enacting] if n.kind in ("preamble", "option_group")]
    assert len(recitals) == expected.RECITALS[name]
    assert [n.label for n in recitals] == [f"PP{k}" for k in range(1, len(recitals) + 1)]
    groups = [(k, len(n.children)) for k, n in enumerate(recitals, start=1) if n.kind == "option_group"]
    assert groups == expected.RECITAL_OPTION_GROUPS[name]
    assert draft.paragraphs[0].text == "The Parties to this Agreement,"


@pytest.mark.parametrize("name", sorted(expected.PARAGRAPHS))
def test_each_article_holds_exactly_its_paragraphs(name: str) -> None:
    draft = tree(name)
    for number, (numbered, unnumbered, subs) in expected.PARAGRAPHS[name].items():
        node = article(draft, number)
        paragraphs = [c for c in node.children if c.kind == "paragraph"]
        assert [p.num for p in paragraphs] == [str(k) for k in range(1, numbered + 1)], f"Article {number}"
        assert [p.label for p in paragraphs] == [f"{number}.{k}" for k in range(1, numbered + 1)]
        assert sum(1 for c in node.children if c.kind == "chapeau") == unnumbered, f"Article {number}"
        found_subs = {int(p.num or 0): len(p.children) for p in paragraphs if p.children}
        assert found_subs == subs, f"Article {number}"
        assert all(c.kind == "subparagraph" for p in paragraphs for c in p.children)


@pytest.mark.parametrize("name", sorted(expected.PARAGRAPH_NUMBERS))
def test_paragraph_numbers_as_printed_in_every_article(name: str) -> None:
    draft = tree(name)
    typed = {(art, re.sub(r"[^0-9a-z]", "", label)) for art, _, label in expected.UNLISTED_NUMBERED_BLOCKS[name]}
    for number, numbers in expected.PARAGRAPH_NUMBERS[name].items():
        # the oracle counts list items only; labels typed as text ('5bis.') are paragraphs here too
        found = [p.num for p in paragraphs_of(article(draft, number)) if (number, p.num) not in typed]
        assert found == numbers, f"Article {number}"


@pytest.mark.parametrize("name", expected.DRAFTS)
def test_no_markdown_front_matter_or_definitions_in_any_text(name: str) -> None:
    draft = tree(name)
    for node, _ in draft.walk():
        assert not MARKDOWN.search(node.text), (node.label, node.text[:80])
        assert "http" not in node.text, (node.label, node.text[:80])
    assert not any("title:" in line or "{:toc}" in line for line in draft.preface)


def locate(draft: Draft, where: tuple) -> Paragraph:
    """The node a BRACKET_SAMPLES entry points at (see the oracle's docstring)."""
    if where[0] == "recital":
        recitals = [n for n in draft.paragraphs if n.kind in ("preamble", "option_group")]
        return recitals[where[1] - 1]
    node = article(draft, where[1])
    node = next(p for p in paragraphs_of(node) if p.num == where[2])
    rest = list(where[3:])
    if rest and rest[0] != "option":
        subs = [n for n in within(node) if n.kind == "subparagraph"]
        node = subs[int(rest.pop(0)) - 1]
    if rest:
        group = next(n for n in within(node) if n.kind == "option_group")
        node = group.children[rest[1] - 1]
    return node


def test_bracket_samples_match_the_reading_exactly() -> None:
    checked = 0
    for name, where, text, brackets, groups in expected.BRACKET_SAMPLES:
        node = locate(tree(name), where)
        if "option" in where:  # the oracle quotes the option's block whole; the option's text follows its number
            text = re.sub(r"^\[?Option \w+\s*:?\s*", "", text)
        assert node.text == text, (name, where)
        assert [(b.text, b.depth) for b in node.brackets] == [tuple(b) for b in brackets], (name, where)
        found_groups: dict[int, list[int]] = {}
        for k, bracket in enumerate(node.brackets):
            if bracket.group is not None:
                found_groups.setdefault(bracket.group, []).append(k)
        assert sorted(found_groups.values()) == sorted(groups), (name, where)
        checked += 1
    assert checked >= 20


def test_document_symbols_are_never_split() -> None:
    for name in expected.DRAFTS:
        for node, _ in tree(name).walk():
            for bracket in node.brackets:
                for alternative in bracket.alternatives:
                    assert not re.match(r"^(CP|CMA|CMP)\.\d", alternative), (node.label, bracket.text)


NUMBERED = ("paragraph", "subparagraph", "item")


def groups_at(draft: Draft, art: str, where: str) -> list[Paragraph]:
    """The option groups the oracle places at `where` in Article `art`, in document order."""
    node = article(draft, art)
    if where == "article":
        return [c for c in node.children if c.kind == "option_group"]
    path, _, option = where.partition("/Option ")
    number, _, sub = path.partition(".")
    node = next(p for p in paragraphs_of(node) if p.num == number)
    if sub:
        node = [n for n in node.children if n.kind == "subparagraph"][int(sub) - 1]
    groups = [c for c in node.children if c.kind == "option_group"]
    if option:
        groups = [c for c in groups[0].children[int(option) - 1].children if c.kind == "option_group"]
    return groups


@pytest.mark.parametrize("name", sorted(expected.OPTION_GROUPS))
def test_option_groups_hold_their_options_and_content(name: str) -> None:
    draft = tree(name)
    places: dict[tuple[str, str], list[tuple[int, tuple[int, ...]]]] = {}
    for art, where, count, contents in expected.OPTION_GROUPS[name]:
        places.setdefault((art, where), []).append((count, tuple(contents)))
    typed = {line for _, line, _ in expected.UNLISTED_NUMBERED_BLOCKS[name]}  # the oracle counts list items only

    def items(option: Paragraph) -> int:
        return sum(1 for c in option.children if c.kind in NUMBERED and c.line_start not in typed)

    for (art, where), wanted in places.items():
        found = [(len(g.children), tuple(items(o) for o in g.children)) for g in groups_at(draft, art, where)]
        assert found == wanted, (art, where)
