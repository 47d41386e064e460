"""Words a scan probably misread, found from the negotiation's own vocabulary.

A scanned draft prints 'Renffirming' where every other paragraph says 'Reaffirming', and
'pomography' for 'pornography'. Such a word is rare (seen once in everything the negotiation holds),
long enough to be more than a typing slip, and one OCR confusion away from a word the texts use
again and again: a letter for one of nearly the same shape ('e' for 'c', 'y' for 'v'), or a letter
pair an OCR mistakes for one letter ('rn' for 'm', 'cl' for 'd', 'li' for 'h'). Spelling variants
('organisation'/'organization') and other forms of the same word ('studied'/'studies') are words,
not misreadings, and are never flagged.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from amendtrack.model.tree import Draft
from amendtrack.model.words import fold_spelling, stem

MIN_LENGTH = 7  # shorter words are too often one letter from another real word ('affect', 'effect')
MIN_SEEN = 3  # how often the right reading must be seen for the rare word to be doubted
_WORD = re.compile(r"(?<![\w'’-])[^\W\d_]+(?![\w'’-])")
# Letters and letter groups an OCR takes for one another: glyphs of nearly the same shape ('e' and 'c',
# 'y' and 'v', 'i' and 'l'), a broken letter ('a' read as 'n'), and pairs read as one letter ('rn' as 'm').
# Only these: one letter for any other would take real words for misreadings ('present'/'prevent').
_CONFUSIONS = tuple(
    pair.split("/")
    for pair in (
        "c/e e/o c/o i/l i/t t/f y/v u/v n/u n/h h/b m/n a/n o/q g/q i/j rn/m cl/d li/h vv/w ri/n in/m"
    ).split()
)


def misread_words(texts: Iterable[str]) -> dict[str, str]:
    """Each word of `texts` that is probably misread by a scan, mapped to the word it probably is.

    Counted over all the texts at once (drafts and proposals of a negotiation, or the two files of a
    comparison): the more text, the better the evidence. Words in capitals (acronyms) are left alone.
    """
    counts: Counter[str] = Counter()
    shapes: dict[str, str] = {}  # lower-case word → how it was first written
    for text in texts:
        for word in _WORD.findall(text):
            lower = word.lower()
            counts[lower] += 1
            shapes.setdefault(lower, word)
    found: dict[str, str] = {}
    for lower, seen in counts.items():
        if seen > 1 or len(lower) < MIN_LENGTH or shapes[lower].isupper():
            continue
        right = _likely_reading(lower, counts)
        if right is not None:
            found[shapes[lower]] = _same_case(right, shapes[lower])
    return found


def misread_in_drafts(*drafts: Draft) -> dict[str, str]:
    """misread_words over every paragraph of these drafts (two files compared, with nothing else to go on)."""
    return misread_words(node.text for draft in drafts for node, _ in draft.walk())


def _likely_reading(word: str, counts: Counter[str]) -> str | None:
    """The most frequent word one OCR confusion from `word`, seen MIN_SEEN times or more, that is another word."""
    best: tuple[int, str] | None = None
    for candidate in _candidates(word):
        seen = counts.get(candidate, 0)
        if seen >= MIN_SEEN and (best is None or seen > best[0]) and _other_word(word, candidate):
            best = (seen, candidate)
    return best[1] if best else None


def _candidates(word: str) -> set[str]:
    """Every word one OCR confusion from `word`: one letter changed, or a confusable letter group swapped."""
    found: set[str] = set()
    for a, b in _CONFUSIONS:
        for one, other in ((a, b), (b, a)):
            at = word.find(one)
            while at >= 0:
                found.add(word[:at] + other + word[at + len(one) :])
                at = word.find(one, at + 1)
    return found


def _other_word(word: str, candidate: str) -> bool:
    """Whether `candidate` is a different word, not `word` spelt the other way or inflected otherwise."""
    if word[:-2] == candidate[:-2]:
        return False  # an ending: 'studied'/'studies', 'adopted'/'adopter'
    return fold_spelling(word) != fold_spelling(candidate) and stem(word) != stem(candidate)


def _same_case(word: str, like: str) -> str:
    """`word` capitalised as `like` is."""
    return word[:1].upper() + word[1:] if like[:1].isupper() else word
