"""Words of negotiated text, compared the way a negotiator reads them.

Drafts are reworded wholesale between rounds ("Ensuring …" → "Ensure …",
"victims" → "victims of trafficking in persons"), so comparisons work on
stems of content words, not on characters.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

TOKEN = re.compile(r"\w++(?:[’'\-]\w++)*+|\s++|[^\w\s]")  # possessive: same tokens, less backtracking
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

STOPWORDS = frozenset(
    """a about above after again against all also an and any are as at be been before being between both but by
    can could did do does during each either few for from further had has have having her here his how i if in
    into is it its itself may might more most must no nor not of off on once only or other our ours out over own
    same shall she should so some such than that the their them then there these they this those through to too
    under until up upon very was we were what when where which while who whom why will with within without would
    you your""".split()
)


@lru_cache(maxsize=16384)  # reports redline one paragraph's text against every proposal made on it
def tokens(text: str) -> tuple[str, ...]:
    """Words, runs of spaces and single punctuation marks; joined they give the text back."""
    return tuple(TOKEN.findall(text))


def normalise(text: str) -> str:
    """Text for an identity test: whitespace folded, OCR underline traces and soft hyphens gone."""
    text = text.replace("_", " ").replace("\u00ad", "")
    text = re.sub(r"(\w)- (\w)", r"\1-\2", text)
    return " ".join(text.split())


def same_text(a: str, b: str) -> bool:
    """The same text, spacing at punctuation aside: 'fulfilled,this' is 'fulfilled, this'; 'per cent' is not."""
    return _unspaced(a) == _unspaced(b)


def _unspaced(text: str) -> str:
    return re.sub(r"\s*([^\w\s])\s*", r"\1", normalise(text))


_SPELLING = (  # British → American spellings, folded to one form on both sides of a comparison
    (re.compile(r"(?<=\w\w)is(e|ed|es|ing|ation|ations|er|ers)$"), r"iz\1"),  # organise, organisation
    (re.compile(r"(?<=\w\w\w)our(s|ed|ing|able|ite|ites)?$"), r"or\1"),  # labour, behaviour (not four, hour)
    (re.compile(r"(?<=\w\w)ogue(s)?$"), r"og\1"),  # dialogue, catalogue
    (re.compile(r"(?<=\w\w)tre(s)?$"), r"ter\1"),  # centre, metre
    (re.compile(r"^(def|off|lic|pret)ence(s)?$"), r"\1ense\2"),  # defence, offence, licence
    (re.compile(r"^(travel|label|model|counsel|cancel|signal|channel|fuel|equal)l(ed|ing|er|ers)$"), r"\1\2"),
    (re.compile(r"^programme(s)?$"), r"program\1"),
    (re.compile(r"^judgement(s)?$"), r"judgment\1"),
    (re.compile(r"^learnt$"), "learned"),
    (re.compile(r"^ageing$"), "aging"),
    (re.compile(r"^fulfil(s|ment)?$"), r"fulfill\1"),
    (re.compile(r"^enrol(s|ment)?$"), r"enroll\1"),
)


def spelling_rules() -> list[tuple[str, str]]:
    """The British → American foldings as (regular expression, replacement) pairs, for a client that folds
    words the same way (the site's search, in JavaScript: `$1` for a group)."""
    return [(pattern.pattern, re.sub(r"\\(\d)", r"$\1", replacement)) for pattern, replacement in _SPELLING]


@lru_cache(maxsize=65536)
def fold_spelling(word: str) -> str:
    """A word in lower case with British spellings folded to American ones: 'Organisations' → 'organizations'.

    Applied to both texts of a comparison, so what matters is that variants meet, not which form wins.
    """
    w = word.lower().replace("’", "'")
    for pattern, replacement in _SPELLING:
        folded = pattern.sub(replacement, w)
        if folded != w:
            return folded
    return w


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A light stem that makes gerunds, imperatives and plurals meet: ensuring/ensure → ensur."""
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    if len(w) <= 3:
        return w
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ed", ""), ("es", ""), ("s", ""), ("e", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            if suffix == "s" and w.endswith(("ss", "us", "is")):
                continue
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 4 and w[-1] == w[-2] and w[-1] not in "lsz":
        w = w[:-1]  # planning → plann → plan
    if w.endswith("e") and len(w) > 4:
        w = w[:-1]
    return w


class _ContentStems(dict):
    """word → its stem, or None for a stopword; filled on first sight (a cache without a size bound: a
    language has few enough words)."""

    def __missing__(self, word: str) -> str | None:
        if len(self) >= 200_000:  # a hostile file of random words must not grow it without end
            self.clear()
        found = self[word] = None if word in STOPWORDS else stem(word)
        return found


_CONTENT_STEMS = _ContentStems()


@lru_cache(maxsize=8192)  # a proposal is judged against the same paragraphs as every other on them
def surface_and_stems(text: str) -> tuple[list[str], list[str]]:
    """A text's words with spelling folded, and the stems of its content words (shared: never change them)."""
    surface = _cited([fold_spelling(t) for t in tokens(text) if t[:1].isalnum()])
    return surface, [stem(w) for w in surface if w not in STOPWORDS]


CITED = {"art": "article", "arts": "articles", "para": "paragraph", "paras": "paragraphs", "par": "paragraph"}


def _cited(words: list[str]) -> list[str]:
    """'Art. 32', 'para 2' as 'article 32', 'paragraph 2': a citation abbreviated or not is the same words
    (only before a number: 'art' alone is a word)."""
    return [
        CITED.get(word, word) if k + 1 < len(words) and words[k + 1][:1].isdigit() else word
        for k, word in enumerate(words)
    ]


def forget() -> None:
    """Empty the memo tables of words and texts seen so far (stems, tokens): what a fresh process starts with."""
    _CONTENT_STEMS.clear()
    stem.cache_clear()
    fold_spelling.cache_clear()
    tokens.cache_clear()
    surface_and_stems.cache_clear()


def word_forms(text: str) -> list[str]:
    """Every word of a text as a form-blind comparison sees it: spelling folded and stemmed, case and
    punctuation gone. Two texts with the same list differ in word form only ('Ensuring' → 'Ensure')."""
    return [stem(fold_spelling(w)) for w in _WORD.findall(text)]


def content_stems(text: str) -> list[str]:
    """Stems of the content words of a text, in order."""
    return [s for s in map(_CONTENT_STEMS.__getitem__, _WORD.findall(text.lower())) if s is not None]


class Weights:
    """Inverse document frequencies over a set of texts, and tf-idf vectors compared with them.

    Rare words weigh more. Vectors are computed once per text, so comparing two texts is a
    plain sum over their shared terms.
    """

    def __init__(self, bags: list[Counter[str]]):
        df: Counter[str] = Counter()
        for bag in bags:
            df.update(bag.keys())
        self.n = len(bags)
        self.unseen = math.log(self.n + 1) + 1.0
        self._idf = {term: math.log((self.n + 1) / (count + 1)) + 1.0 for term, count in df.items()}

    def idf(self, term: str) -> float:
        return self._idf.get(term, self.unseen)

    def rarest(self, terms: Iterable[str], count: int) -> list[str]:
        """The `count` terms with the highest idf, in their given order on a tie; every term must be known."""
        return sorted(terms, key=self._idf.__getitem__, reverse=True)[:count]

    def vector(self, bag: Counter[str]) -> dict[str, float]:
        """A bag of stems as term → count × idf."""
        idf, unseen = self._idf.get, self.unseen
        return {term: count * idf(term, unseen) for term, count in bag.items()}

    @staticmethod
    def norm(vector: dict[str, float]) -> float:
        return math.sqrt(sum(v * v for v in vector.values()))

    @staticmethod
    def cosine(
        a: dict[str, float], b: dict[str, float], norm_a: float | None = None, norm_b: float | None = None
    ) -> float:
        """Similarity of two vectors, 0…1."""
        if not a or not b:
            return 0.0
        small, large = (a, b) if len(a) < len(b) else (b, a)
        dot = sum(v * large[t] for t, v in small.items() if t in large)
        na = norm_a if norm_a is not None else Weights.norm(a)
        nb = norm_b if norm_b is not None else Weights.norm(b)
        return dot / (na * nb) if na and nb else 0.0

    @staticmethod
    def containment(part: dict[str, float], whole: dict[str, float]) -> float:
        """How much of `part` (weighted) is found in `whole`, 0…1: the test for merges and splits."""
        total = sum(part.values())
        if not total:
            return 0.0
        return sum(min(v, whole.get(t, 0.0)) for t, v in part.items()) / total

    @staticmethod
    def coverage_gain(whole: dict[str, float], have: list[dict[str, float]], extra: dict[str, float]) -> float:
        """How much more of `whole` the vectors `have` and `extra` cover together than `have` alone: what one
        more source (or target) brings to a merge (or split)."""
        joined = Weights.union(have)
        return Weights.containment(whole, Weights.union([joined, extra])) - Weights.containment(whole, joined)

    @staticmethod
    def union(vectors: list[dict[str, float]]) -> dict[str, float]:
        """The words of several vectors together, each at its greatest weight: what a merge's sources hold."""
        joined: dict[str, float] = {}
        for vector in vectors:
            for term, weight in vector.items():
                joined[term] = max(joined.get(term, 0.0), weight)
        return joined
