"""The change a proposal asks of its paragraph, and how much of it a later text carries.

A proposal is judged by its change, not by the whole text it would give: 'conventions' for
'convention' is carried only when the next draft says 'conventions', however much of the rest of
the sentence it keeps, and words the proposal never touched count neither way. The change is the
word diff between the paragraph and the text the proposal would give, cut into hunks (words taken
out, words put in, and the words around them). Words are compared with British and American
spellings folded ('organisations' is 'organizations') and, unless the change is only one of
inflection ('convention' → 'conventions'), by their stems ('Ensuring' is 'Ensure').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher

from amendtrack.compare.redline import EQUAL, INSERT, redline
from amendtrack.model.acronyms import fold_acronyms
from amendtrack.model.words import fold_spelling, stem, surface_and_stems, tokens

LABEL = re.compile(r"[a-z]|[ivx]+|\d+[a-z]?", re.I)  # a list label or a number, not a word of the text
CONTEXT = 4  # words of context kept on each side of a hunk
SHORT = 2  # a phrase of at most this many content words is counted exactly, occurrence by occurrence
CARRIED = 0.85  # share of a long phrase found in order for it to be there
GONE = 0.3  # … and at most this share left for it to be gone
CUT = 3  # a replacement that takes out this many times the words it puts in is mostly a cut
MISREAD = 0.8  # letters two words share (difflib ratio) for one to be a misreading of the other


@dataclass(frozen=True)
class Hunk:
    """One change of words: `removed` taken out and `added` put in ('' for none), between `before` and `after`."""

    removed: str
    added: str
    before: str = ""
    after: str = ""

    @property
    def weight(self) -> int:
        """How many words the hunk changes: a long insertion weighs more than a changed article."""
        return max(1, len(Words(self.removed).surface) + len(Words(self.added).surface))

    @property
    def inflection_only(self) -> bool:
        """'convention' → 'conventions': the same stems, other forms; compared letter by letter."""
        removed, added = Words(self.removed), Words(self.added)
        return bool(removed.stems) and removed.stems == added.stems and removed.surface != added.surface


class Words:
    """A text's words as compared: folded surface forms (every word) and stems of its content words."""

    def __init__(self, text: str):
        self.surface, self.stems = surface_and_stems(text or "")


def change_of(base: str, wanted: str) -> list[Hunk]:
    """The hunks that turn `base` into `wanted` (punctuation-only changes left out)."""
    hunks: list[Hunk] = []
    removed: list[str] = []
    added: list[str] = []
    before = ""
    for change in redline(base or "", wanted or ""):
        if change.op == EQUAL and _has_words(change.text):
            if _has_words("".join(removed + added)):
                hunks.extend(_pieces(_clean(removed), _clean(added), before, _edge(change.text, first=True)))
            removed, added = [], []
            before = _edge(change.text, first=False)
        elif change.op == EQUAL:
            continue
        else:
            (added if change.op == INSERT else removed).append(change.text)
    if _has_words("".join(removed + added)):
        hunks.extend(_pieces(_clean(removed), _clean(added), before, ""))
    hunks = [_unlabelled(hunk) for hunk in hunks]
    return [hunk for hunk in hunks if _says_words(hunk.removed + " " + hunk.added) and not _misread(hunk)]


def _unlabelled(hunk: Hunk) -> Hunk:
    """A side that is only list labels ('as prescribed in the Protocol' → 'b.') says no words: a removal."""
    if _says_words(hunk.removed) and _only_labels(hunk.added):
        return Hunk(hunk.removed, "", hunk.before, hunk.after)
    if _says_words(hunk.added) and _only_labels(hunk.removed):
        return Hunk("", hunk.added, hunk.before, hunk.after)
    return hunk


def _only_labels(text: str) -> bool:
    """'b.', '(c)', '2.': labels, marked as such; the article 'a' alone is a word."""
    return bool(text.strip()) and not _says_words(text) and bool(re.search(r"[.()]", text))


def _says_words(text: str) -> bool:
    """Whether a change is of words, not only of list labels and numbering ('a.', '(b)', '2')."""
    return any(t[:1].isalnum() and not LABEL.fullmatch(t) for t in tokens(text))


def _misread(hunk: Hunk) -> bool:
    """A word the scan misread and the proposal writes right ('Renffirming' → 'Reaffirming'): no change asked.
    Words of nearly the same letters and other stems; a change of inflection is a change."""
    old, new = hunk.removed.split(), hunk.added.split()
    if not old or len(old) != len(new) or hunk.inflection_only:
        return False
    pairs = [(fold_spelling(a.strip(",.;:")), fold_spelling(b.strip(",.;:"))) for a, b in zip(old, new, strict=True)]
    return all(a == b or (stem(a) != stem(b) and SequenceMatcher(None, a, b).ratio() >= MISREAD) for a, b in pairs)


def _pieces(removed: str, added: str, before: str, after: str) -> list[Hunk]:
    """A run of changes as hunks: when one side is the other with words taken out ('both victims and
    perpetrators' → 'victims'), each stretch taken out (or put in) is a hunk of its own."""
    old, new = removed.split(), added.split()
    longer, shorter = (old, new) if len(old) > len(new) else (new, old)
    kept = _kept_in_order(shorter, longer)
    if not shorter or kept is None:
        return [_trimmed(removed, added, before, after)]
    hunks, start = [], 0
    for at in [*kept, len(longer)]:
        if at > start:
            words = " ".join(longer[start:at])
            context_before = " ".join([*before.split(), *longer[:start]][-CONTEXT:])
            context_after = " ".join([*longer[at:], *after.split()][:CONTEXT])
            side = (words, "") if longer is old else ("", words)
            hunks.append(Hunk(*side, context_before, context_after))
        start = at + 1
    return hunks


def _kept_in_order(shorter: list[str], longer: list[str]) -> list[int] | None:
    """Where each word of `shorter` is in `longer`, in order, if all are (the first place each fits)."""
    found, k = [], 0
    for word in shorter:
        while k < len(longer) and not _same_word(longer[k], word):
            k += 1
        if k == len(longer):
            return None
        found.append(k)
        k += 1
    return found


def _trimmed(removed: str, added: str, before: str, after: str) -> Hunk:
    """A hunk without the words its two sides share at their ends: 'both victims and perpetrators' →
    'victims' takes out 'both' and 'and perpetrators'; those words move into the context."""
    old, new = removed.split(), added.split()
    head = 0
    while head < min(len(old), len(new)) and _same_word(old[head], new[head]):
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and _same_word(old[-1 - tail], new[-1 - tail]):
        tail += 1
    if not head and not tail:
        return Hunk(removed, added, before, after)
    context_before = " ".join([*before.split(), *old[:head]][-CONTEXT:])
    context_after = " ".join([*old[len(old) - tail :], *after.split()][:CONTEXT])
    return Hunk(
        " ".join(old[head : len(old) - tail]), " ".join(new[head : len(new) - tail]), context_before, context_after
    )


def _same_word(a: str, b: str) -> bool:
    return fold_spelling(a.strip(",.;:")) == fold_spelling(b.strip(",.;:"))


def _has_words(text: str) -> bool:
    return any(t[:1].isalnum() for t in tokens(text))


def _clean(parts: list[str]) -> str:
    return " ".join("".join(parts).split()).strip(" ,;:")


def _edge(text: str, first: bool) -> str:
    """The first (or last) CONTEXT words of an unchanged run."""
    words = text.split()
    return " ".join(words[:CONTEXT] if first else words[-CONTEXT:])


def carried(
    hunk: Hunk,
    base: Words,
    later: Words,
    names: Mapping[str, str] | None = None,
    put_back: frozenset[str] = frozenset(),
    house: frozenset[str] = frozenset(),
) -> float:
    """How much of one hunk a later text carries: 1, 0.5 (part of it) or 0.

    An insertion is carried when the later text has its words more often than the paragraph had
    them (a short one counted exactly, at the opening when it opens the paragraph; a long one found in
    order, in part only with some of the words it brings, and in its place when the paragraph had its
    words already); a removal when it has them less often (or, long, hardly at all); a replacement when
    both hold, half when one does. `names`: see judge_change; `put_back`: the stems the whole change
    puts in, which a long removal does not take out (they moved); `house`: see judge_change.
    """
    exact = hunk.inflection_only
    folded = _folded(hunk, names or {})
    put_in = _put_in(folded, base, later, exact, house) if _has_words(hunk.added) else None
    taken_out = _taken_out(folded, base, later, exact, put_back) if _has_words(hunk.removed) else None
    if put_in is None:
        return 1.0 if taken_out is None else taken_out  # nothing taken out: all its words come back elsewhere
    if taken_out is None:
        return put_in
    if put_in == 0.0:  # a replacement is its new words (the old may have gone for any reason), unless it is
        cut = len(hunk.removed.split()) >= CUT * len(hunk.added.split())  # mostly a cut
        return 0.5 if cut and taken_out == 1.0 else 0.0
    return 1.0 if put_in == 1.0 and taken_out == 1.0 else 0.5


def _put_in(hunk: Hunk, base: Words, later: Words, exact: bool, house: frozenset[str] = frozenset()) -> float:
    phrase = Words(hunk.added)
    if (exact or len(phrase.stems) <= SHORT) and not hunk.before and hunk.after:  # the paragraph's opening
        return 1.0 if _opens(phrase, later, exact) else 0.0
    if exact or len(phrase.stems) <= SHORT:
        return 1.0 if _more(hunk, hunk.added, base, later, exact) > 0 else 0.0
    if in_order_share(phrase.stems, base.stems) >= CARRIED:  # words the paragraph had, put elsewhere
        return _placed(hunk, base, later)
    share = in_order_share(phrase.stems, later.stems)
    if share >= CARRIED:
        return 1.0
    fresh = {s for s in phrase.stems if s not in base.stems and s not in house}  # house words show nothing
    if share < GONE + 0.1 and _a_clause_went_in(hunk.added, base, later):
        return 0.5
    if fresh and not fresh & set(later.stems) and not _closer(hunk, base, later, house):
        return 0.0  # only words the paragraph had, no nearer the place and order the proposal gives them
    return 0.5 if share >= GONE + 0.1 else 0.0


def _a_clause_went_in(added: str, base: Words, later: Words) -> bool:
    """Whether one of the clauses (between commas) of a long insertion went in, with a word it brings."""
    clauses = [Words(part).stems for part in re.split(r"[,;]", added)]
    clauses = [c for c in clauses if c]
    if len(clauses) < 2:
        return False
    return any(
        in_order_share(c, later.stems) >= CARRIED and any(s not in base.stems and s in later.stems for s in c)
        for c in clauses
    )


def _opens(phrase: Words, later: Words, exact: bool) -> bool:
    """Whether the later text opens with the phrase: 'To strengthen' is not carried by a paragraph that
    opens 'Strengthen or continue to strengthen'. Letter by letter for a change of form, else by stems."""
    mine, theirs = (phrase.surface, later.surface) if exact or not phrase.stems else (phrase.stems, later.stems)
    return theirs[: len(mine)] == mine


def _closer(hunk: Hunk, base: Words, later: Words, house: frozenset[str] = frozenset()) -> bool:
    """Whether the later text has the hunk's words, with two words of its place on each side, more in the
    proposal's order than the paragraph had them: words it had, moved to where the proposal wants them
    (words the later draft puts in throughout left out)."""
    words = Words(" ".join([*hunk.before.split()[-2:], hunk.added, *hunk.after.split()[:2]])).stems
    around = [s for s in words if s not in house]
    return in_order_share(around, later.stems) > in_order_share(around, base.stems)


def _placed(hunk: Hunk, base: Words, later: Words) -> float:
    """Words the paragraph had, which the proposal puts in another place: carried where the later text has
    them at their edges with the words the proposal puts beside them, and the paragraph had not."""
    return 1.0 if _at_place(hunk, later) >= CARRIED > _at_place(hunk, base) else 0.0


def _at_place(hunk: Hunk, text: Words) -> float:
    """How much of the hunk's edges `text` has in order: two content words of its place and two of its own,
    each side it has a place on (a long phrase's own words would otherwise outweigh where they stand)."""
    own = Words(hunk.added).stems
    edges = [[*Words(hunk.before).stems[-2:], *own[:2]]] if hunk.before else []
    edges += [[*own[-2:], *Words(hunk.after).stems[:2]]] if hunk.after else []
    shares = [in_order_share(edge, text.stems) for edge in edges if edge]
    return sum(shares) / len(shares) if shares else 0.0


def _taken_out(hunk: Hunk, base: Words, later: Words, exact: bool, put_back: frozenset[str]) -> float | None:
    phrase = Words(hunk.removed)
    if exact or len(phrase.stems) <= SHORT:
        return 1.0 if _more(hunk, hunk.removed, base, later, exact) < 0 else 0.0
    gone = [s for s in phrase.stems if s not in put_back]  # words the change says again are not taken out
    if not gone:
        return None
    share = in_order_share(gone, later.stems)
    return 1.0 if share <= GONE else 0.0 if share >= CARRIED else 0.5


def _more(hunk: Hunk, words: str, base: Words, later: Words, exact: bool) -> int:
    """How many more times the later text has a short phrase than the paragraph had.

    Content words are compared by their stems in a row ('shall preferably be voluntary' has 'preferably
    voluntary'); a phrase of small words ('the', 'and other') or a change of inflection only by every word,
    and with a word of context on each side (a paragraph has many a 'the'), as in 'of the Parties'.
    """
    phrase = Words(words)
    if not exact and phrase.stems:
        return occurrences(phrase.stems, later.stems) - occurrences(phrase.stems, base.stems)
    around = Words(" ".join([*hunk.before.split()[-1:], words, *hunk.after.split()[:1]])).surface
    return occurrences(around, later.surface) - occurrences(around, base.surface)


def occurrences(phrase: list[str], text: list[str]) -> int:
    """How many times `phrase` occurs in `text`, word for word."""
    if not phrase:
        return 0
    n = len(phrase)
    return sum(1 for k in range(len(text) - n + 1) if text[k : k + n] == phrase)


def in_order_share(phrase: list[str], text: list[str]) -> float:
    """The largest share of `phrase` found in order within one stretch of `text` (at most about twice as long)."""
    if not phrase:
        return 0.0
    width = 2 * len(phrase) + 3
    wanted = set(phrase)
    best = 0
    for start, word in enumerate(text):
        if word not in wanted:
            continue
        k = found = 0
        for item in text[start : start + width]:
            for j in range(k, len(phrase)):
                if phrase[j] == item:
                    found += 1
                    k = j + 1
                    break
        best = max(best, found)
        if best == len(phrase):
            break
    return best / len(phrase)


@dataclass
class Judged:
    """A proposal's change against a later text: each hunk with how much of it is carried, and the share by weight."""

    hunks: list[tuple[Hunk, float]]

    @property
    def share(self) -> float:
        total = sum(h.weight for h, _ in self.hunks)
        return sum(h.weight * c for h, c in self.hunks) / total if total else 0.0


def judge_change(
    hunks: list[Hunk],
    base: str,
    later: str,
    names: Mapping[str, str] | None = None,
    house: frozenset[str] = frozenset(),
) -> Judged:
    """How much of the change `hunks` (made to `base`) the text `later` carries, hunk by hunk (a removal of
    words another hunk puts in is left out: judged where they go); `names` written out on one side and as
    their acronyms on the other are the same words (see model.acronyms); `house`: stems the later draft puts
    in throughout ('trafficking in persons' for 'trafficking'), no sign by themselves that words went in."""
    names = names or {}
    base_words, later_words = Words(fold_acronyms(base, names)), Words(fold_acronyms(later, names))
    put_back = frozenset(s for hunk in hunks for s in Words(fold_acronyms(hunk.added, names)).stems)
    pieces = [piece for hunk in hunks for piece in finer(hunk)]
    judged = [hunk for hunk in pieces if hunk.added or not _moved(hunk, pieces)]  # a move: judged where it goes
    return Judged(
        [
            (hunk, carried(hunk, Words(base), Words(later), put_back=put_back, house=house))
            if _spells_out(hunk, names)  # a name for its acronym, or back: that change itself, unfolded
            else (hunk, carried(hunk, base_words, later_words, names, put_back, house))
            for hunk in judged
        ]
    )


FINER = 3  # content words on each side of a replacement above which it is judged by its smaller changes
SHARED = 1 / 3  # … when the words both sides keep are this share of the longer side's at least


def finer(hunk: Hunk) -> list[Hunk]:
    """A long replacement as the smaller changes it is made of: the redline joins changes across the words they
    share ('in line with the Office … Guidelines' → 'taking into account the Office …'), a delegate asks each.
    Split where both sides share a run holding a content word; shorter hunks are returned as they are."""
    old, new = hunk.removed.split(), hunk.added.split()
    sides = len(Words(hunk.removed).stems), len(Words(hunk.added).stems)
    if min(sides) < FINER:
        return [hunk]
    matcher = SequenceMatcher(None, [_fold(w) for w in old], [_fold(w) for w in new], autojunk=False)
    kept = [(b, len(Words(" ".join(old[b.a : b.a + b.size])).stems)) for b in matcher.get_matching_blocks()]
    blocks = [b for b, stems in kept if stems]
    if sum(stems for _, stems in kept) < SHARED * max(sides):
        return [hunk]  # a new text in the old one's place, a few words in common: one change
    pieces, i, j = [], 0, 0
    for block in [*blocks, None]:
        a, b = (block.a, block.b) if block else (len(old), len(new))
        if a > i or b > j:
            before = " ".join([*hunk.before.split(), *old[:i]][-CONTEXT:])
            after = " ".join([*old[a:], *hunk.after.split()][:CONTEXT])
            pieces.append(Hunk(" ".join(old[i:a]), " ".join(new[j:b]), before, after))
        if block:
            i, j = block.a + block.size, block.b + block.size
    pieces = [p for p in pieces if _says_words(p.removed + " " + p.added) and not _glue(p)]
    return pieces or [hunk]


GLUE = frozenset(
    "is are was were be been the a an that which it its this these their of to in on at by for with as from and".split()
)


def _glue(piece: Hunk) -> bool:
    """A piece of a split replacement that only puts in the grammar of the new wording around the words both
    sides keep ('is', 'the', 'that'), no ask of its own; words taken out ('both') or a small word that
    changes the meaning ('not', 'shall', 'only') are."""
    added = Words(piece.added).surface
    return not piece.removed.strip() and bool(added) and all(word in GLUE for word in added)


def _fold(word: str) -> str:
    return stem(fold_spelling(word.strip(",.;:()[]\"'“”‘’").lower()))


def _spells_out(hunk: Hunk, names: Mapping[str, str]) -> bool:
    """Whether the hunk only writes a name as its acronym or the acronym as the name."""
    folded = _folded(hunk, names)
    return bool(names) and folded is not hunk and Words(folded.removed).surface == Words(folded.added).surface


def _moved(hunk: Hunk, hunks: list[Hunk]) -> bool:
    """A removal of words another hunk of the change puts in, in the same order, and that are most of what
    that hunk puts in or more than a word or two: the words moved ('victims' alone is no move)."""
    stems = Words(hunk.removed).stems
    for other in hunks:
        theirs = Words(other.added).stems
        if (
            other is not hunk
            and stems
            and occurrences(stems, theirs)
            and (len(stems) >= SHORT or 2 * len(stems) >= len(theirs))
        ):
            return True
    return False


def _folded(hunk: Hunk, names: Mapping[str, str]) -> Hunk:
    """The hunk with every name in `names` written as its acronym."""
    if not names:
        return hunk
    return Hunk(*(fold_acronyms(part, names) for part in (hunk.removed, hunk.added, hunk.before, hunk.after)))
