"""The echoes of a draft: `amendtrack echoes`, as plain data for the terminal, JSON and HTML.

Three questions, one answer each (compare.echoes does the comparing):

* within the draft: which of its paragraphs restate one another (Recommendation 32 and 37);
* across the negotiation: which paragraph of an earlier draft a paragraph restates, its own
  earlier versions aside (they are its history, `amendtrack history`);
* against other negotiations (`--against`): each paragraph's thematic antecedent there, the
  most alike paragraph of their latest draft.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from amendtrack.compare.echoes import ANTECEDENT, ECHO, Echo, Passage, antecedents, find_echoes
from amendtrack.compare.redline import Change, plain, redline
from amendtrack.model.tree import CONTAINER_KINDS, Draft, is_heading

KINDS = ("within", "earlier draft", "antecedent")


@dataclass(frozen=True)
class Text:
    """A draft to look in: its negotiation, key, label and tree."""

    negotiation: str
    key: str
    label: str
    draft: Draft

    @property
    def where(self) -> str:
        return f"{self.negotiation}/{self.key}"


@dataclass
class EchoRow:
    """One echo as reports show it: the kind, the pair, why, and a redline of one against the other."""

    kind: str
    echo: Echo
    changes: list[Change] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON record of `amendtrack echoes --json`."""
        return {
            "kind": self.kind,
            "first": _side(self.echo.first),
            "second": _side(self.echo.second),
            "similarity": self.echo.similarity,
            "shared_words": self.echo.shared_words,
            "shared_phrases": self.echo.shared_phrases,
            "reason": self.echo.reason,
            "redline": plain(self.changes),
        }


@dataclass
class EchoReport:
    """The echoes of one draft, with the thresholds they passed."""

    negotiation: str
    draft: str
    draft_label: str
    against: list[str]
    echo_threshold: float
    antecedent_threshold: float
    rows: list[EchoRow]
    title: str = ""  # the negotiation's title, for pages (its key when unknown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "negotiation": self.negotiation,
            "draft": self.draft,
            "against": self.against,
            "thresholds": {"echo": self.echo_threshold, "antecedent": self.antecedent_threshold},
            "echoes": [row.to_dict() for row in self.rows],
        }


def passages(text: Text) -> list[Passage]:
    """The paragraphs of a draft that say something (not headings, containers or option groups)."""
    found = []
    for node, _ in text.draft.walk():
        if is_heading(node) or node.kind in CONTAINER_KINDS or node.kind == "option_group" or not node.text.strip():
            continue
        held = tuple(child.label for child, _ in Draft(node.children).walk())
        found.append(Passage(text.where, node.label, node.text, node.pid, held))
    return found


def echo_report(
    draft: Text,
    earlier: list[Text],
    against: list[Text],
    threshold: float = ECHO,
    antecedent_threshold: float = ANTECEDENT,
) -> EchoReport:
    """The echoes of `draft`: within it, in the `earlier` drafts of its negotiation, its antecedents in `against`."""
    own = passages(draft)
    before = [p for text in earlier for p in passages(text)]
    both = own + before
    allowed = {(i, j) for i in range(len(own)) for j in range(i + 1, len(both))}
    rows = [
        EchoRow("within" if echo.second.where == draft.where else "earlier draft", echo)
        for echo in find_echoes(both, allowed, threshold)
    ]
    other = [p for text in against for p in passages(text)]
    rows.extend(EchoRow("antecedent", echo) for echo in antecedents(own, other, antecedent_threshold))
    for row in rows:
        row.changes = redline(row.echo.second.text, row.echo.first.text)
    return EchoReport(
        draft.negotiation,
        draft.key,
        draft.label,
        [text.where for text in against],
        threshold,
        antecedent_threshold,
        rows,
    )


def _side(passage: Passage) -> dict[str, Any]:
    negotiation, _, draft = passage.where.partition("/")
    return {"negotiation": negotiation, "draft": draft, "label": passage.label, "text": passage.text}
