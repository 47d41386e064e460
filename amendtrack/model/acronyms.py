"""Names a draft gives a short form: 'the United Nations Convention against Transnational Organized Crime
(hereinafter "UNTOC")'.

A delegation writes the name out where the next draft writes its acronym (or the other way round); to compare
their words, both are read with every defined name folded into its acronym. Only names a text itself defines
are folded, and only where the acronym's letters are among the capitals of the name, in order, the first and
last of them the name's first and last capitals ('UNTOC' for 'United Nations Convention against …').
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache

DEFINED = re.compile(
    r"[\s_]*\(\s*(?:hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?[“\"'‘]?([A-Z][A-Za-z]*[A-Z])[”\"'’]?\s*\)"
)
REACH = 4  # words beyond the acronym's letters a name may have ('against', 'of the', 'and')


def defined_acronyms(text: str) -> dict[str, str]:
    """The names `text` defines an acronym for, with their acronyms: {'United Nations Convention … Crime': 'UNTOC'}."""
    found: dict[str, str] = {}
    for match in DEFINED.finditer(text):
        acronym = match.group(1)
        words = re.findall(r"[^\W_]+(?:[-'’][^\W_]+)*", text[: match.start()])[-(len(acronym) + REACH) :]
        name = _name_before(words, acronym)
        if name:
            found[name] = acronym
    return found


def _name_before(words: list[str], acronym: str) -> str | None:
    """The shortest run of words ending at the parenthesis whose capitals spell the acronym, first and last."""
    for start in range(len(words) - 1, -1, -1):
        run = words[start:]
        capitals = "".join(w[0] for w in run if w[0].isupper())
        if run[0][0] == acronym[0] and capitals[-1] == acronym[-1] and _spells(acronym, capitals):
            return " ".join(run) if len(run) > 1 else None
    return None


def _spells(acronym: str, capitals: str) -> bool:
    """Whether the acronym's letters are among the capitals, in order ('UNTOC' in 'UNCTOC')."""
    rest = iter(capitals)
    return all(letter in rest for letter in acronym.upper())


def fold_acronyms(text: str, names: Mapping[str, str]) -> str:
    """`text` with every name in `names` written as its acronym (case and spacing of the name ignored)."""
    if not names or not text:
        return text
    pattern, acronyms = _pattern(tuple(sorted(names.items(), key=lambda item: -len(item[0]))))
    return pattern.sub(lambda m: acronyms[m.lastgroup or ""], text)


@lru_cache(maxsize=64)  # one negotiation's names, compared in every judgement
def _pattern(names: tuple[tuple[str, str], ...]) -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for all the names (longest first), a group each, and each group's acronym."""
    spelled = [r"\s+".join(re.escape(word) for word in name.split()) for name, _ in names]
    groups = [f"(?P<n{k}>{name})" for k, name in enumerate(spelled)]
    pattern = re.compile(rf"\b(?:{'|'.join(groups)})\b", re.IGNORECASE)
    return pattern, {f"n{k}": acronym for k, (_, acronym) in enumerate(names)}


ACRONYM = re.compile(r"[A-Z]{2,6}")
CONNECTORS = frozenset({"of", "the", "and", "for", "on", "in", "against", "to"})
PHRASE_END = re.compile(r"[^\w\s-]+")  # punctuation, possessives' apostrophes among it, ends a name
SPELLED_MOST = 5  # names looked for at most (a hostile text of many capitalised pairs costs no more)


def spelled_out(acronym: str, text: str) -> list[str]:
    """The names in `text` whose capitalised words' initials are the acronym's letters, exactly ('Organization
    of American States' for 'OAS'): an acronym no draft defines, written out where a delegation used it. A
    name stays within its phrase (punctuation ends it: 'Europe. Under' is no 'EU') and ends there or before
    a small word ('European Universities Association' is no 'EU'); SPELLED_MOST names at most."""
    if not ACRONYM.fullmatch(acronym):
        return []
    found: list[str] = []
    for phrase in PHRASE_END.split(text):
        words = phrase.split()
        for start, word in enumerate(words):
            if word[0] == acronym[0]:
                name = _spelled_from(words, start, acronym)
                if name and name not in found:
                    found.append(name)
                    if len(found) >= SPELLED_MOST:
                        return found
    return found


def _spelled_from(words: list[str], start: int, acronym: str) -> str | None:
    """The name spelling `acronym` from words[start], if its run of words ends with the acronym's letters."""
    initials, end = "", start
    while end < len(words) and len(initials) < len(acronym):
        if words[end][0].isupper():
            initials += words[end][0]
        elif words[end] not in CONNECTORS:
            return None
        end += 1
    if initials != acronym or end - start < 2 or (end < len(words) and words[end][0].isupper()):
        return None
    return " ".join(words[start:end])
