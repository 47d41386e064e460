"""The word-level redline: the invariant (old text + redline = new text) property-tested, and pinned examples.

The examples come from the Global Plan of Action: first draft (April 2010) → draft of 19 July 2010.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from amendtrack.compare.redline import (
    BOUNDARY,
    DELETE,
    EQUAL,
    INSERT,
    Change,
    new_text,
    old_text,
    plain,
    redline,
    redline_many,
)
from amendtrack.model.tree import Draft, Paragraph
from amendtrack.model.words import tokens
from amendtrack.read.text import read_text_file

GPA = Path(__file__).resolve().parent.parent / "data" / "drafts" / "gpa-2010"
MANY = settings(deadline=None)  # examples: the Hypothesis profile (tests/conftest.py: 2,000 in CI, 20,000 --slow)

# --- strategies -----------------------------------------------------------------------------

WORDS = (
    "the",
    "States",
    "Member",
    "trafficking",
    "persons",
    "victims",
    "Ensuring",
    "Ensure",
    "shall",
    "should",
    "protocol",
    "42",
    "10bis",
    "PP12",
    "co-operation",
    "women’s",
    "children's",
    "l'homme",
    "Côte",
    "d’Ivoire",
    "naïve",
    "São",
    "über",
    "ООН",
    "联合国",
    "_",
)
PUNCTUATION = tuple(",.;:!?()[]{}-–—/\"'“”‘’«»…§%&*+=<>@#")
SPACES = (" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n ", "\u2003")

token = st.one_of(st.sampled_from(WORDS), st.sampled_from(PUNCTUATION), st.sampled_from(SPACES))
wordy_text = st.lists(token, max_size=60).map("".join)


@st.composite
def edited(draw: st.DrawFn) -> tuple[str, str]:
    """A text and a reworded version of it: spans deleted, inserted and replaced, as between two drafts."""
    old = draw(st.lists(token, max_size=60))
    new = list(old)
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(new)))
        end = draw(st.integers(start, min(len(new), start + 6)))
        new[start:end] = draw(st.lists(token, max_size=6))
    return "".join(old), "".join(new)


text_pairs = st.one_of(edited(), st.tuples(wordy_text, wordy_text))
arbitrary_pairs = st.tuples(st.text(), st.text())
paragraph_lists = st.lists(st.one_of(wordy_text, st.text(max_size=40)), max_size=5)


def check_shape(changes: list[Change]) -> None:
    """No empty change, no two neighbours with the same op, deletions before insertions."""
    for change in changes:
        assert change.op in (EQUAL, DELETE, INSERT)
        assert change.text, changes
    for before, after in zip(changes, changes[1:], strict=False):
        assert before.op != after.op, changes
        assert (before.op, after.op) != (INSERT, DELETE), changes


def cuts(changes: list[Change], side: str) -> set[int]:
    """Character offsets in the old (or new) text where one change ends and another begins."""
    skip = INSERT if side == "old" else DELETE
    offsets, at = set(), 0
    for change in changes:
        if change.op == skip:
            continue
        at += len(change.text)
        offsets.add(at)
    return offsets


def boundaries(text: str) -> set[int]:
    """Offsets between the word, space and punctuation tokens of a text."""
    offsets, at = {0}, 0
    for part in tokens(text):
        at += len(part)
        offsets.add(at)
    return offsets


# --- properties -----------------------------------------------------------------------------


@MANY
@given(text_pairs)
def test_redline_turns_old_into_new_on_wordy_text(pair: tuple[str, str]) -> None:
    old, new = pair
    changes = redline(old, new)
    assert old_text(changes) == old
    assert new_text(changes) == new
    check_shape(changes)


@MANY
@given(arbitrary_pairs)
def test_redline_turns_old_into_new_on_arbitrary_text(pair: tuple[str, str]) -> None:
    old, new = pair
    changes = redline(old, new)
    assert old_text(changes) == old
    assert new_text(changes) == new
    check_shape(changes)


@MANY
@given(st.one_of(edited(), arbitrary_pairs))
def test_changes_cut_only_between_whole_tokens(pair: tuple[str, str]) -> None:
    """No change starts or ends inside a word: the redline is words and phrases, never character confetti."""
    old, new = pair
    changes = redline(old, new)
    assert cuts(changes, "old") <= boundaries(old)
    assert cuts(changes, "new") <= boundaries(new)


@MANY
@given(paragraph_lists, paragraph_lists)
def test_redline_many_turns_the_joined_sources_into_the_joined_targets(old: list[str], new: list[str]) -> None:
    changes = redline_many(old, new)
    assert old_text(changes) == BOUNDARY.join(old)
    assert new_text(changes) == BOUNDARY.join(new)
    check_shape(changes)


@MANY
@given(st.one_of(wordy_text, st.text()))
def test_identical_texts_give_one_equal_change(text: str) -> None:
    assert redline(text, text) == ([Change(EQUAL, text)] if text else [])


# --- examples -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def first() -> Draft:
    return read_text_file(GPA / "01-first-draft.txt")


@pytest.fixture(scope="module")
def july() -> Draft:
    return read_text_file(GPA / "03-draft-2010-07-19.txt")


def node(draft: Draft, label: str) -> Paragraph:
    found = draft.find(label)
    assert found is not None, label
    return found


def test_para_26_inserts_labor_inspectors_as_one_phrase(first: Draft, july: Draft) -> None:
    old, new = node(first, "26").text, node(july, "26").text
    changes = redline(old, new)
    assert old_text(changes) == old and new_text(changes) == new
    inserted = [c.text for c in changes if c.op == INSERT]
    assert "labor inspectors, " in inserted  # the phrase with its comma, as one insertion
    assert " in persons" in inserted  # "victims of trafficking{+ in persons+}"
    at = changes.index(Change(INSERT, "labor inspectors, "))
    assert changes[at - 1].op == EQUAL and changes[at - 1].text.endswith("border control officers, ")
    assert changes[at + 1].op == EQUAL and changes[at + 1].text.startswith("consular embassy officials")
    assert "border control officers, {+labor inspectors, +}consular embassy officials" in plain(changes)
    assert "[-ensuring-]{+ensure+}" in plain(changes)


def test_para_12_mainstreaming_becomes_mainstream_as_whole_words(first: Draft, july: Draft) -> None:
    old, new = node(first, "12").text, node(july, "12").text
    assert old.startswith("Mainstreaming") and new.startswith("Mainstream ")
    changes = redline(old, new)
    assert changes[:3] == [
        Change(DELETE, "Mainstreaming"),
        Change(INSERT, "Mainstream"),
        Change(EQUAL, " the issue of trafficking in persons into "),
    ]
    assert [c for c in changes if c.op == DELETE] == [Change(DELETE, "Mainstreaming")]  # words only added after it
    assert [c.text for c in changes if c.op == INSERT] == [
        "Mainstream",
        "the broader ",
        "of the UN ",
        "and social ",
        "education, ",
    ]


def test_identical_gpa_paragraph_gives_one_equal_change(first: Draft, july: Draft) -> None:
    old, new = node(first, "PP1").text, node(july, "PP1").text
    assert old == new and old
    assert redline(old, new) == [Change(EQUAL, old)]
    assert plain(redline(old, new)) == old


def test_merge_of_56_to_58_into_56_keeps_the_boundaries(first: Draft, july: Draft) -> None:
    sources = [node(first, label).text for label in ("56", "57", "58")]
    target = node(july, "56").text
    changes = redline_many(sources, [target])
    assert old_text(changes) == BOUNDARY.join(sources)
    assert new_text(changes) == target
    assert old_text(changes).count(BOUNDARY) == 2
    check_shape(changes)


def test_punctuation_goes_with_the_phrase_it_belongs_to() -> None:
    changes = redline("A, B and C;", "A, B, C and D;")
    assert changes == [
        Change(EQUAL, "A, B"),
        Change(INSERT, ", C"),
        Change(EQUAL, " and "),
        Change(DELETE, "C"),
        Change(INSERT, "D"),
        Change(EQUAL, ";"),
    ]
    assert plain(changes) == "A, B{+, C+} and [-C-]{+D+};"


def test_plain_marks_deletions_and_insertions() -> None:
    changes = redline("Ensuring the protection of victims", "Ensure the full protection of all victims")
    assert plain(changes) == "[-Ensuring-]{+Ensure+} the {+full +}protection of {+all +}victims"
    assert plain([Change(DELETE, "gone")]) == "[-gone-]"
    assert plain([Change(INSERT, "added")]) == "{+added+}"


def test_punctuation_between_two_changes_is_absorbed_into_one_phrase() -> None:
    """'[-protection-]{+support+}, [-assistance-]{+care+}' reads better as one replaced phrase."""
    changes = redline("Ensuring protection, assistance and", "Ensuring support, care and")
    assert changes == [
        Change(EQUAL, "Ensuring "),
        Change(DELETE, "protection, assistance"),
        Change(INSERT, "support, care"),
        Change(EQUAL, " and"),
    ]
    assert plain(redline("the victims (women) and", "the persons (children) and")) == (
        "the [-victims (women-]{+persons (children+}) and"
    )


def test_empty_texts() -> None:
    assert redline("", "") == []
    assert redline("", "new words") == [Change(INSERT, "new words")]
    assert redline("old words", "") == [Change(DELETE, "old words")]


# --- many redlines at once, on every core --------------------------------------------------------


def _gpa_pairs() -> list[tuple[str, str]]:
    from amendtrack.compare.align import align

    old, new = read_text_file(GPA / "01-first-draft.txt"), read_text_file(GPA / "03-draft-2010-07-19.txt")
    return [
        (BOUNDARY.join(p.text for p in link.sources), BOUNDARY.join(p.text for p in link.targets))
        for link in align(old, new).links
    ]


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_redline_all_is_redline_of_each_pair_in_order(monkeypatch: pytest.MonkeyPatch, workers: int) -> None:
    """Spreading the diffs over threads changes nothing: the same redlines, in the same order."""
    import amendtrack.compare.redline as module

    monkeypatch.setattr(module, "DIFF_WORKERS", workers)
    monkeypatch.setattr(module, "PARALLEL_TOKENS", 0)  # use the pool even for a little work
    pairs = _gpa_pairs()
    pairs += [("", "new words"), ("old words", ""), ("same", "same"), ("", "")]
    codec = module.Codec()
    expected = [redline(old, new, codec) for old, new in pairs]
    assert module.redline_all(pairs, module.Codec()) == expected
    assert sum(1 for changes in expected if any(c.op != EQUAL for c in changes)) > 50  # real work was shared


def test_redline_all_works_in_a_forked_child_after_the_parent_used_its_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child forked after the pool was made must not wait on threads it does not have."""
    import multiprocessing

    import amendtrack.compare.redline as module

    monkeypatch.setattr(module, "DIFF_WORKERS", 2)
    monkeypatch.setattr(module, "PARALLEL_TOKENS", 0)
    pairs = _gpa_pairs()
    expected = module.redline_all(pairs)  # the parent's pool now exists
    context = multiprocessing.get_context("fork")
    with context.Pool(1) as children:
        result = children.apply_async(module.redline_all, (pairs,))
        assert result.get(timeout=20) == expected
