"""Co-sponsor grouping: the same grouping as the rule says, in time that grows with the number of proposals."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from amendtrack.compare import cosponsor
from amendtrack.compare.cosponsor import change_key, group_cosponsored
from amendtrack.model.proposal import Edit, Proposal, Source, Sponsor

NAMES = ["Japan", "EU", "Norway", "Canada", "USA"]


def proposal(who: list[str], operation: str, words: str, paragraph: str | None = "26") -> Proposal:
    sponsors = [Sponsor(name, "labelled", f"{name}: {words}", Source("f.csv", 2, 2)) for name in who]
    if operation == "comment":
        return Proposal("comment", paragraph, sponsors, rationale=words)
    return Proposal("insert", paragraph, sponsors, edits=[Edit("insert", None, words, "the", "after")])


def reference(proposals: list[Proposal]) -> list[tuple[tuple[str, ...], str | None]]:
    """The rule as first written (a scan of every open group): first group of the change sharing no delegation."""
    groups: list[Proposal] = []
    open_groups: dict[tuple, list[Proposal]] = {}
    for p in proposals:
        key = change_key(p)
        target = next((g for g in open_groups.get(key, []) if not set(g.delegations) & set(p.delegations)), None)
        if key is None or target is None:
            target = replace(p, sponsors=list(p.sponsors))
            groups.append(target)
            if key is not None:
                open_groups.setdefault(key, []).append(target)
        else:
            target.sponsors.extend(p.sponsors)
    return [(tuple(g.delegations), g.paragraph) for g in groups]


inputs = st.lists(
    st.builds(
        proposal,
        st.lists(st.sampled_from(NAMES), min_size=1, max_size=2, unique=True),
        st.sampled_from(["comment", "insert"]),
        st.sampled_from(["agreed language?", "labour inspectors", "Agreed  Language?"]),
        st.sampled_from(["26", "27", None]),
    ),
    max_size=40,
)


@given(inputs)
def test_groups_as_the_rule_says(proposals: list[Proposal]) -> None:
    grouped = group_cosponsored(proposals)
    assert [(tuple(g.delegations), g.paragraph) for g in grouped] == reference(proposals)
    assert sum(len(g.sponsors) for g in grouped) == sum(len(p.sponsors) for p in proposals)


@pytest.mark.hostile
def test_one_delegation_repeating_a_comment_costs_a_step_per_row(monkeypatch: pytest.MonkeyPatch) -> None:
    """An independent probe: 16,000 repeated comments took 147 s, 120,000 never ended (every group scanned for
    every row). Counted, not timed: how often a proposal's delegations are asked for grows with the rows."""
    asked = 0
    plain = Proposal.delegations

    def counted(self: Proposal) -> list[str]:
        nonlocal asked
        asked += 1
        return plain.fget(self)  # type: ignore[attr-defined]

    monkeypatch.setattr(Proposal, "delegations", property(counted))
    for rows in (1_000, 4_000):
        asked = 0
        grouped = group_cosponsored([proposal(["Japan"], "comment", "Is this agreed language?") for _ in range(rows)])
        assert len(grouped) == rows  # one delegation repeating itself: that many pieces of evidence
        assert asked <= 5 * rows, (rows, asked)
    assert cosponsor.fold_words.cache_info().hits > 0  # the repeated words are folded once


def test_redrafts_asked_without_words_are_joint_only_when_they_ask_the_same() -> None:
    """Two redrafts that give no words are the same change only if they say the same thing; deleting the whole
    paragraph is one change, whoever asks it."""

    def asked(who: str, why: str | None, operation: str = "redraft") -> Proposal:
        return Proposal(operation, "52", [Sponsor(who, "labelled", f"{who}: {why}")], rationale=why)

    grouped = group_cosponsored(
        [
            asked("Colombia", "in accordance with UNTOC provisions on confiscation"),
            asked("Holy See", "could be stronger in its formulation"),
            asked("Japan", "in accordance with UNTOC provisions on confiscation"),
            asked("EU", None, "delete"),
            asked("USA", None, "delete"),
        ]
    )
    assert [g.delegations for g in grouped] == [["Colombia", "Japan"], ["Holy See"], ["EU", "USA"]]
