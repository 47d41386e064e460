"""Echoes: paragraphs that restate other paragraphs, in the same draft, other drafts or other negotiations.

Two recommendations of a report may ask the same thing in other words ("… such as in-person
registration programmes, within their foreign ministries …" in both 32 and 37). What makes them
an echo is the content they share, not the formula every paragraph of the document opens with
("Member States should consider …"). So:

* **Boilerplate** is learnt from the texts compared: a run of three words found in at least
  BOILERPLATE_SHARE of the passages (and at least BOILERPLATE_LEAST of them), and a whole
  sentence found in at least FORMULA_SENTENCE passages ("The Working Group recommended that the
  Conference … consider the adoption of the following recommendations:"), are the document's
  formula, and their words are left out of the comparison.
* **Similarity** is the cosine of what is left, content-word stems weighted by rarity (a word
  every passage has weighs little). A pair is an echo from ECHO up.
* The **reason** names the content words the pair shares, heaviest first, and the phrases of at
  least PHRASE_WORDS words they have in common outside the formula.

Against another negotiation's texts the question is another: where did this paragraph's theme
come from? `antecedents` gives each passage its most alike passage there, from ANTECEDENT up:
on the 2019 and 2015 Working Group texts, restatements reach 0.7–1.0 and hand-picked thematic
antecedents 0.2–0.4.

A passage is never an echo of itself in another draft (same persistent id), nor of a paragraph
that holds it. Candidates are found through an index of stems, so a draft is not compared with
every paragraph of every other one.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from amendtrack.model.words import STOPWORDS, Weights, fold_spelling, stem

ECHO = 0.5  # least similarity (content words outside the formula, by rarity) for a pair to be an echo
ANTECEDENT = 0.25  # least similarity for a paragraph of another negotiation to be a paragraph's thematic antecedent
BOILERPLATE_SHARE = 0.1  # a three-word run in at least this share of the passages is the document's formula
BOILERPLATE_LEAST = 4  # … and in at least this many (three paragraphs sharing a phrase is no formula)
FORMULA_SENTENCE = 3  # a sentence found word for word in this many passages is a formula
PHRASE_WORDS = 4  # least words of a shared phrase worth showing
LEAST_CONTENT = 6  # least content words a passage needs to be compared (a caption says too little)
RARE_STEMS = 8  # how many of a passage's rarest stems find its candidates
MAX_SHOWN_WORDS = 8  # content words named in a reason
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")  # 'in-person' is 'in person'
_SENTENCE_END = re.compile(r"[.;:!?](?:\s|$)")


@dataclass(frozen=True)
class Passage:
    """A paragraph to compare: where it is (negotiation/draft), its label, text and persistent id."""

    where: str
    label: str
    text: str
    pid: str | None = None
    holds: tuple[str, ...] = ()  # labels of the passages it holds (a paragraph's sub-paragraphs), never its echoes


@dataclass
class Echo:
    """Two passages that restate each other, how alike they are and why."""

    first: Passage
    second: Passage
    similarity: float
    shared_words: list[str] = field(default_factory=list)  # content words both have, rarest first
    shared_phrases: list[str] = field(default_factory=list)  # runs of PHRASE_WORDS words or more, outside the formula

    @property
    def reason(self) -> str:
        """Why the pair passes, in words: the content it shares."""
        words = ", ".join(self.shared_words[:MAX_SHOWN_WORDS])
        phrases = "; ".join(f"“{p}”" for p in self.shared_phrases[:3])
        said = f"shares {words}" if words else "shares no content word"
        return f"{said}; phrases {phrases}" if phrases else said


def antecedents(passages: list[Passage], earlier: list[Passage], threshold: float = ANTECEDENT) -> list[Echo]:
    """For each of `passages`, the passage of `earlier` most like it, when alike at least `threshold`."""
    both = passages + earlier
    across = {(i, len(passages) + j) for i in range(len(passages)) for j in range(len(earlier))}
    best: dict[int, Echo] = {}
    for echo in find_echoes(both, across, threshold):
        best.setdefault(id(echo.first), echo)  # most alike first
    return sorted(best.values(), key=lambda e: (-e.similarity, e.first.label))


def find_echoes(
    passages: list[Passage], pairs_of: Iterable[tuple[int, int]] | None = None, threshold: float = ECHO
) -> list[Echo]:
    """Echoes among `passages` (every pair, or only the index pairs `pairs_of` allows), most alike first.

    In each echo `first` is the passage that comes first in `passages`."""
    words = [_words(p.text) for p in passages]
    formula = _formula(words) | _formula_sentences([p.text for p in passages])
    content = [_content(w, formula) for w in words]
    weights = Weights([Counter(c) for c in content])
    vectors = [weights.vector(Counter(c)) for c in content]
    allowed = set(pairs_of) if pairs_of is not None else None
    found = []
    for i, j in _candidates(content, weights):
        if allowed is not None and (i, j) not in allowed and (j, i) not in allowed:
            continue
        a, b = passages[i], passages[j]
        if not _comparable(a, b):
            continue
        score = weights.cosine(vectors[i], vectors[j])
        if score >= threshold:
            shared = sorted(set(content[i]) & set(content[j]), key=lambda s: (-weights.idf(s), s))
            found.append(Echo(a, b, round(score, 3), _shown(shared, words[i]), _phrases(words[i], words[j], formula)))
    return sorted(found, key=lambda e: (-e.similarity, e.first.where, e.first.label, e.second.label))


def _comparable(a: Passage, b: Passage) -> bool:
    """Not the same paragraph in two drafts, nor one holding the other."""
    if a.pid is not None and a.pid == b.pid:
        return False
    if a.where == b.where and (b.label in a.holds or a.label in b.holds):
        return False
    return True


def _words(text: str) -> list[str]:
    """The words of a text as compared: lower case, spellings folded, punctuation left out."""
    return [fold_spelling(w) for w in _WORD.findall(text)]


def _formula(words: list[list[str]]) -> set[tuple[str, str, str]]:
    """The three-word runs so many passages share that they are the document's formula, not its content."""
    seen: Counter[tuple[str, str, str]] = Counter()
    for w in words:
        seen.update(set(zip(w, w[1:], w[2:], strict=False)))
    least = max(BOILERPLATE_LEAST, BOILERPLATE_SHARE * len(words))
    return {run for run, count in seen.items() if count >= least}


def _formula_sentences(texts: list[str]) -> set[tuple[str, str, str]]:
    """The three-word runs of the sentences found word for word in FORMULA_SENTENCE passages or more."""
    seen: Counter[tuple[str, ...]] = Counter()
    for text in texts:
        seen.update({tuple(_words(s)) for s in _SENTENCE_END.split(text) if len(_words(s)) >= 3})
    runs: set[tuple[str, str, str]] = set()
    for sentence, count in seen.items():
        if count >= FORMULA_SENTENCE:
            runs.update(zip(sentence, sentence[1:], sentence[2:], strict=False))
    return runs


def _in_formula(words: list[str], formula: set[tuple[str, str, str]]) -> list[bool]:
    """For each word, whether a run of the formula covers it."""
    covered = [False] * len(words)
    for k in range(len(words) - 2):
        if (words[k], words[k + 1], words[k + 2]) in formula:
            covered[k] = covered[k + 1] = covered[k + 2] = True
    return covered


def _content(words: list[str], formula: set[tuple[str, str, str]]) -> list[str]:
    """Stems of the content words outside the formula."""
    covered = _in_formula(words, formula)
    return [stem(w) for w, f in zip(words, covered, strict=True) if not f and w not in STOPWORDS]


def _candidates(content: list[list[str]], weights: Weights) -> list[tuple[int, int]]:
    """Pairs (i < j) sharing one of their rarest stems, each with enough words to tell."""
    postings: dict[str, list[int]] = {}
    rare: list[list[str]] = []
    for k, stems in enumerate(content):
        distinct = list(dict.fromkeys(stems)) if len(set(stems)) >= LEAST_CONTENT else []
        rare.append(weights.rarest(distinct, RARE_STEMS))
        for s in rare[-1]:
            postings.setdefault(s, []).append(k)
    pairs = {(min(i, j), max(i, j)) for ids in postings.values() for i in ids for j in ids if i != j}
    return sorted(pairs)


def _shown(stems: list[str], words: list[str]) -> list[str]:
    """The shared stems as a reader sees them: the first word of the passage with each stem."""
    first: dict[str, str] = {}
    for w in words:
        first.setdefault(stem(w), w)
    return [first.get(s, s) for s in stems]


def _phrases(a: list[str], b: list[str], formula: set[tuple[str, str, str]]) -> list[str]:
    """Runs of at least PHRASE_WORDS words the two passages share, longest first, not wholly formula."""
    at: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(b) - PHRASE_WORDS + 1):
        at.setdefault(tuple(b[k : k + PHRASE_WORDS]), []).append(k)
    covered = _in_formula(a, formula)
    found: list[str] = []
    k = 0
    while k <= len(a) - PHRASE_WORDS:
        length = max((_run(a, b, k, j) for j in at.get(tuple(a[k : k + PHRASE_WORDS]), [])), default=0)
        own = [n for n in range(k, k + length) if not covered[n]]  # the phrase without the formula around it
        if own and own[-1] - own[0] + 1 >= PHRASE_WORDS and any(w not in STOPWORDS for w in a[own[0] : own[-1] + 1]):
            found.append(" ".join(a[own[0] : own[-1] + 1]))
        if length:
            k += length
        else:
            k += 1
    return sorted(found, key=lambda p: -len(p.split()))


def _run(a: list[str], b: list[str], i: int, j: int) -> int:
    """How many words from a[i] and b[j] on are the same."""
    n = 0
    while i + n < len(a) and j + n < len(b) and a[i + n] == b[j + n]:
        n += 1
    return n
