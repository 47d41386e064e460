"""Struck-through words in a delegation's restatement, recognised in OCR'd text and taken out.

A delegation that restates a paragraph often strikes words through and types its own beside
them. OCR reads a struck word as a garbled one ('vietims', 'Supperting') or fuses it to its
neighbours with hyphens ('Supperting-To support'): those are the words to leave out, and an
input that had any is read with less confidence.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from amendtrack.model.tree import Draft
from amendtrack.model.words import stem
from amendtrack.read.compilation.wording import WORDS

_HYPHENS = re.compile(r"[-—–+]+")
_POSSESSIVE = re.compile(r"['’]s$")
_EDGE_UNDERSCORE = re.compile(r"(?<![^\W_])_+|_+(?![^\W_])")  # underscores at a word's edges, not inside it
_FUSED_CAPITAL = re.compile(r"(?<=[a-z]{3})(?=[A-Z][a-z])")  # 'assistingProtection': where a typed word starts


@dataclass(frozen=True)
class Vocabulary:
    """The words a reader can trust as real: the base draft's, and those the compilation repeats."""

    words: set[str]  # the base draft's words and those the compilation uses three times or more
    base_words: set[str]  # the base draft's words
    hyphenated: set[str]  # the base draft's hyphenated words ('follow-up'): never a strike line

    @classmethod
    def of(cls, text: str, base: Draft) -> Vocabulary:
        """The vocabulary of a compilation's text and of its base draft."""
        counts = Counter(w.lower() for w in WORDS.findall(text))
        repeated = {w for w, n in counts.items() if n > 2}
        base_words: set[str] = set()
        hyphenated: set[str] = set()
        for node, _ in base.walk():
            base_words.update(w.lower() for w in WORDS.findall(node.text))
            hyphenated.update(w.lower() for w in re.findall(r"\w+(?:-\w+)+", node.text))
        return cls(repeated | base_words, base_words, hyphenated)


def unstrike(text: str, struck_from: set[str], vocabulary: Vocabulary) -> tuple[list[str], bool]:
    """Words of a restatement with OCR'd strike-through taken out ('Supperting-To support' → 'To support').

    `struck_from` holds the words of the paragraph (and its neighbours) the delegation restated.
    Returns the words kept and whether any word was struck.
    """
    out: list[str] = []
    struck = False
    tokens = text.split()
    for k, token in enumerate(tokens):
        kept = _replaced_gerund(tokens[k : k + 3])
        if kept is None:
            kept = _unstruck_token(token, struck_from, vocabulary)
        if kept != token:
            struck = True
        if kept:
            out.append(kept)
    return out, struck


_FUSED_TO = re.compile(r"(\w+ing)[-—–+]+(to)", re.I)


def _replaced_gerund(tokens: list[str]) -> str | None:
    """What is left of the first token when it is a gerund struck through beside 'To' and the same verb typed
    for it: 'Ensuring To ensure' ('' for 'Ensuring'), 'Ensuring-To ensure' ('To'); None when it is not.
    OCR keeps both words, and loses the line through the first or reads it as a hyphen; the gerund may come
    out misread ('Previding-To provide')."""
    fused = _FUSED_TO.fullmatch(tokens[0]) if tokens else None
    if fused and len(tokens) >= 2 and _same_verb(fused.group(1), tokens[1]):
        return fused.group(2)
    if len(tokens) >= 3 and tokens[1].lower() == "to" and _same_verb(tokens[0], tokens[2]):
        return ""
    return None


def _same_verb(gerund: str, verb: str) -> bool:
    """Whether a gerund and a verb are the same verb ('Ensuring', 'ensure'), the gerund perhaps misread."""
    gerund, verb = (t.strip(".,;:()“”\"'[]|").lower() for t in (gerund, verb))
    if not gerund.endswith("ing") or gerund == verb:
        return False
    return stem(gerund) == stem(verb) or _misread(stem(gerund), stem(verb))


def _unstruck_token(token: str, struck_from: set[str], vocabulary: Vocabulary) -> str:
    """The token itself, what survives of it when it is struck through (often nothing), as text.

    Struck words come out garbled or fused with hyphens: a hyphenated token that is not a
    hyphenated word of the draft, with a garbled part, is struck, but for a capitalised real
    word at its end (the African Group's 'Supperting-To').
    """
    token = _EDGE_UNDERSCORE.sub("", token)  # '_Encouraging', 'Agencies_,': a rule or underline the scan read
    if len(token) > 2 and token.endswith("-") and token[-2].isalpha():
        return ""  # "Ensuring-that- To ensure": a dangling hyphen inside a line is the strike line
    core = token.strip(".,;:()“”\"'[]|")
    fused = _FUSED_CAPITAL.split(core)  # 'PreventingPrevention': a struck word and the typed one, unspaced
    first = fused[0].lower()
    if len(fused) == 2 and fused[1].isalpha() and (first in vocabulary.base_words or first in struck_from):
        return token.replace(core, fused[1])
    parts = [p for p in _HYPHENS.split(core) if p]
    parts = [piece for part in parts for piece in _FUSED_CAPITAL.split(part)]
    if len(parts) > 1 and core.lower() not in vocabulary.hyphenated:
        if any(_garbled(p, struck_from, vocabulary) for p in parts) or len(parts) > 2:
            keep = [p for p in parts[1:] if p[:1].isupper() and p.lower() in vocabulary.words]
            return token.replace(core, keep[-1]) if keep else ""
    elif len(parts) == 1 and _garbled(core, struck_from, vocabulary):
        return ""
    return token


def _garbled(word: str, struck_from: set[str], vocabulary: Vocabulary) -> bool:
    """A word OCR made of a struck-through one: not a word of the texts, yet close to a word of the
    paragraph it was struck from ('vietims', 'natienal'), or several of its words fused ('traffickedpersens')."""
    low = _POSSESSIVE.sub("", word.lower())  # a possessive ('system's') is the word itself
    if not low.isalpha():
        return bool(re.search(r"[A-Za-z]", low)) and not low.isdigit()
    if low in vocabulary.base_words or len(low) < 3:
        return False
    if any(_misread(low, w) for w in struck_from):
        return True  # even when OCR garbled it the same way several times ('Supperting')
    if low in vocabulary.words:
        return False
    if any(low[:k] in struck_from and low[k:] in struck_from for k in range(2, len(low) - 1)):
        return True  # two struck words fused: 'inpersons'
    return any(low.startswith(w) and low[len(w) :] and len(w) > 3 for w in struck_from)


def _misread(word: str, real: str) -> bool:
    """The same word with one or two letters misread ('vietims' for 'victims', 'Pproviding' for 'providing')."""
    if len(word) == len(real) + 1 and len(real) >= 4:
        return any(word[:k] + word[k + 1 :] == real for k in range(len(word)))
    if len(word) != len(real) or len(word) < 4 or word == real:
        return False
    differ = sum(1 for a, b in zip(word, real, strict=True) if a != b)
    return differ <= (1 if len(word) <= 5 else 2)
