"""Agreed language in a draft: `amendtrack provenance`, as plain data for the terminal, JSON and HTML.

For every paragraph of the draft, the phrases found in adopted text (compare.provenance), each with
its source: negotiation, document, paragraph, and the source's own words. The store is reached
through the two functions the caller passes (look shingles up, read adopted paragraphs), so this
module stays pure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from amendtrack.compare.provenance import (
    Phrase,
    chains,
    keys,
    phrases,
    shingle_hashes,
    shingles,
    stems_of,
    words_of,
)
from amendtrack.model.tree import CONTAINER_KINDS, Draft, is_heading

# (hashes) -> (hash, adopted paragraph id, position) for each shingle found
Lookup = Callable[[set[int]], Iterable[tuple[int, int, int]]]
# (ids) -> {id: source} (anything with text, label, eid, negotiation, document, document_label)
Fetch = Callable[[set[int]], dict[int, Any]]


@dataclass(frozen=True)
class Found:
    """One phrase of a paragraph found in adopted text, with its source."""

    paragraph: str  # the draft paragraph's label
    eid: str
    phrase: Phrase
    text: str  # the draft's words
    source_text: str  # the adopted paragraph's words
    source: Any  # store.provenance.AdoptedParagraph
    whole: str  # the draft paragraph's whole text

    @property
    def where(self) -> str:
        """Its source as a reader names it: 'wg-tip-2015/consolidated-2015 61'."""
        return f"{self.source.negotiation}/{self.source.document} {self.source.label}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "paragraph": self.paragraph,
            "text": self.text,
            "start": self.phrase.start,
            "end": self.phrase.end,
            "words": self.phrase.words,
            "verbatim": self.phrase.verbatim,
            "source": {
                "negotiation": self.source.negotiation,
                "document": self.source.document,
                "document_label": self.source.document_label,
                "paragraph": self.source.label,
                "eid": self.source.eid,
                "text": self.source_text,
            },
        }


@dataclass
class ProvenanceReport:
    """The agreed language of one draft."""

    negotiation: str
    draft: str
    draft_label: str
    min_words: int
    searched: int  # adopted documents looked in
    paragraphs: int  # paragraphs of the draft looked at
    found: list[Found] = field(default_factory=list)
    title: str = ""  # the negotiation's title, for pages (its key when unknown)

    def to_dict(self) -> dict[str, Any]:
        return {
            "negotiation": self.negotiation,
            "draft": self.draft,
            "min_words": self.min_words,
            "adopted_documents": self.searched,
            "paragraphs": self.paragraphs,
            "phrases": [f.to_dict() for f in self.found],
        }


def _positions(text: str) -> dict[int, list[int]]:
    """Shingle hash → its positions in an adopted paragraph (its stems alone: where its words are is read
    only for the paragraphs a phrase is found in)."""
    found: dict[int, list[int]] = {}
    for position, value in enumerate(shingle_hashes(stems_of(text))):
        found.setdefault(value, []).append(position)
    return found


def _shared(mine: list[tuple[int, int]], sources: set[int], where: dict[int, dict[int, list[int]]]) -> list:
    """(my position, adopted paragraph, its position) for every shingle a paragraph shares with the candidates."""
    return [
        (position, source, theirs)
        for source in sorted(sources)
        if source in where
        for value, position in mine
        for theirs in where[source].get(value, ())
    ]


def provenance_report(
    negotiation: str, key: str, label: str, draft: Draft, lookup: Lookup, fetch: Fetch, min_words: int, searched: int
) -> ProvenanceReport:
    """Every phrase of `draft` of at least `min_words` words found in adopted text, paragraph by paragraph."""
    paragraphs = [n for n, _ in draft.walk() if not is_heading(n) and n.kind not in CONTAINER_KINDS and n.text.strip()]
    words = [words_of(node.text) for node in paragraphs]
    mine = [shingles(w) for w in words]
    at: dict[int, set[int]] = {}  # index key -> the paragraphs that have it
    for k, w in enumerate(words):
        for value in keys(w.stems):
            at.setdefault(value, set()).add(k)
    candidates: dict[int, set[int]] = {}  # paragraph -> adopted paragraphs sharing a fingerprint with it
    for value, source, _position in lookup(set(at)):
        for k in at[value]:
            candidates.setdefault(k, set()).add(source)
    sources = fetch({source for found in candidates.values() for source in found})
    where = {i: _positions(s.text) for i, s in sources.items()}
    runs = {k: chains(words[k], _shared(mine[k], found, where), min_words) for k, found in sorted(candidates.items())}
    source_words = {c.source: words_of(sources[c.source].text) for found in runs.values() for c in found}
    report = ProvenanceReport(negotiation, key, label, min_words, searched, len(paragraphs))
    for k in sorted(runs):
        node = paragraphs[k]
        for phrase in phrases(words[k], runs[k], source_words):
            source = sources[phrase.source]
            text = node.text[phrase.start : phrase.end]
            report.found.append(
                Found(
                    node.label,
                    node.eid,
                    phrase,
                    text,
                    source.text[phrase.source_start : phrase.source_end],
                    source,
                    node.text,
                )
            )
    return report
