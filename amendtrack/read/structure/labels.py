"""What a block's first words say about its place: a container heading, an option, a numbered label.

General rules, not a list of documents:

* a container heading is a line of its own that starts with the container's name and its number:
  `Article 4`, `ARTICLE 4`, `Art. 4`, `Article 2 bis`, `[Article 3ter]` (a bracketed heading), with or
  without a title after it (`Article 2 (purpose)`, `Article 2: Purpose`, `Article 2 – Purpose`);
  `Part`, `Chapter` and `Section` with a roman or arabic number (or a letter), `Annex`/`Appendix`
  alone or with a number. A sentence that starts "Article 4 of the Convention shall…" is not one: a
  heading is short, and its number is followed by nothing, a title in brackets, or a separator;
* an option starts with `Option 1:`, `Option A.`, `Alt. 2`, `Alternative 1` (a bracket may open before
  it); the rest of the block is the option's first text;
* a typed label opens the block: `1.`, `12bis.`, `(a)`, `a)`, `(i)`, `(iv)`, `(1)`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtrack.read.ocr import to_roman

LATIN = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)"
ROMAN = r"[IVXLC]+"

_NUMBER = rf"(?:\d{{1,4}}(?:\s?{LATIN}|[A-Z](?![a-z]))?|{ROMAN}(?:\s?{LATIN})?|[A-Z])"
CONTAINER = re.compile(
    rf"^\[?\s*(?P<name>article|art\.|part|chapter|section|annex|appendix)\s+"
    rf"(?P<number>{_NUMBER})(?!\w|\.\d)(?:\s*\])?(?P<rest>.*)$",
    re.I,
)
BARE_CONTAINER = re.compile(r"^\[?\s*(?P<name>annex|appendix|preamble)\s*\]?\s*[:.]?\s*$", re.I)
NAMES = {"art.": "article"}
MAX_HEADING = 160  # characters: a heading is a line, never a paragraph

OPTION = re.compile(
    r"^(?P<open>\[\s*)?(?P<word>option|alternative|alt\.?)"
    r"(?:\s*(?P<number>\d{1,3}|\(\w{1,4}\))|\s+(?P<letter>[A-Z]|[IVX]{1,5})\b)?"
    rf"(?:\s?{LATIN})?\s*(?P<sep>[:.)\-–—]|\s|$)\s*",
    re.I,
)

TYPED = [  # (pattern, style): the label's number and how it counts
    (re.compile(rf"^(?P<n>\d{{1,3}}(?:\s?{LATIN})?)\.(?:\s+|$)", re.I), "arabic"),
    (re.compile(rf"^\((?P<n>\d{{1,3}}(?:\s?{LATIN})?)\)(?:\s+|$)", re.I), "arabic-paren"),
    (re.compile(r"^\((?P<n>[ivxl]{1,6})\)(?:\s+|$)"), "roman"),
    (re.compile(rf"^\((?P<n>[a-z]{{1,2}}(?:\s?{LATIN})?)\)(?:\s+|$)"), "letter"),
    (re.compile(r"^(?P<n>[a-z])\)(?:\s+|$)"), "letter"),
]


@dataclass
class Container:
    """A container heading: its kind, number as printed, title and whether it is bracketed."""

    kind: str
    number: str
    title: str
    bracketed: bool
    titled: bool = False  # a section printed as its title alone ('Adoption') or with a bare number ('II. Adoption')
    lettered: bool = False  # a titled subsection numbered by a letter ('A. Long-term finance')


def container_heading(text: str) -> Container | None:
    """The container a heading line opens, or None when the line is not such a heading."""
    if len(text) > MAX_HEADING:
        return None
    m = CONTAINER.match(text)
    if m is None:
        return None
    name = NAMES.get(m.group("name").lower(), m.group("name").lower())
    rest = (m.group("rest") or "").rstrip()
    if text.lstrip().startswith("[") and "]" not in m.group(0)[: m.start("rest")] and rest.endswith("]"):
        rest = rest[:-1]  # '[Article 2 ter (review)]': the whole heading in brackets
    title = _title(rest)
    if title is None:
        return None
    number = re.sub(r"\s+", "", m.group("number"))
    return Container(name, number, title, text.lstrip().startswith("["))


def _title(rest: str) -> str | None:
    """The title after a container's number; None when what follows reads as a sentence, not a title."""
    if rest and not rest[0].isspace() and rest[0] not in ":.-–—([":
        return None  # "Article 4's …"
    rest = rest.lstrip(":.-–— ").strip()
    if rest.startswith(("(", "[")) and rest.endswith((")", "]")):
        return rest[1:-1].strip()
    if len(rest) > 100 or rest.endswith((".", ";", ",")) and len(rest.split()) > 8:
        return None
    if rest[:1].islower() or rest.startswith(("(", "[")):
        return None  # "Article 4 of the Convention …", "Article 4 (1) shall …" read on as a sentence
    return rest


def bare_container(text: str) -> str | None:
    """'Annex', 'APPENDIX', 'Preamble' on a line of their own: the name, lower case."""
    m = BARE_CONTAINER.match(text)
    return m.group("name").lower() if m else None


@dataclass
class OptionStart:
    """An option's opening words: its number and the text after them."""

    number: str
    rest: str
    bracket: bool  # the option opens with a bracket ("[Option 2: …")


def option_start(text: str) -> OptionStart | None:
    """'Option 1: text' → number '1' and the text; None when the block does not open an option."""
    m = OPTION.match(text)
    if m is None:
        return None
    number = m.group("number") or m.group("letter")
    word = m.group("word").lower()
    if number is None and (word == "option" or (word != "alt." and m.group("sep") in ("", " "))):
        return None  # "Options for …", "Alternative wording …" are text; "Alt. Parties shall …" is an option
    rest = text[m.end() :]
    if m.group("open"):
        rest = "[" + rest
    return OptionStart(number or "", rest.strip(), bool(m.group("open")))


def option_style(number: str) -> str:
    """How an option is numbered: 'digit' (1), 'lower' (a), 'upper' (A), 'roman' (I, ii)."""
    bare = number.strip("()")
    if bare.isdigit():
        return "digit"
    if re.fullmatch(r"[IVX]+", bare) and bare != "X" or re.fullmatch(r"[ivx]{2,}", bare):
        return "roman"
    return "lower" if bare.islower() else "upper"


def option_value(number: str) -> int:
    """An option's number as a count: '2' → 2, 'II' → 2, 'b' → 2."""
    bare = number.strip("()")
    style = option_style(number)
    if style == "digit":
        return int(bare)
    if style == "roman":
        return _roman_value(bare.upper())
    return ord(bare[-1].lower()) - ord("a") + 1


def next_option(number: str) -> str:
    """The number of the option after `number` in its style: '1' → '2', 'a' → 'b', 'II' → 'III'."""
    bare = number.strip("()")
    style = option_style(number)
    if style == "digit":
        following = str(int(bare) + 1)
    elif style == "roman":
        value = to_roman(_roman_value(bare.upper()) + 1)
        following = value if bare.isupper() else value.lower()
    else:
        following = chr(ord(bare[-1]) + 1)
    return f"({following})" if number.startswith("(") else following


def _roman_value(roman: str) -> int:
    """'XIV' → 14."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for k, letter in enumerate(roman):
        value = values[letter]
        total += -value if k + 1 < len(roman) and values[roman[k + 1]] > value else value
    return total


def split_options(number: str, text: str) -> list[tuple[str, str]]:
    """'Option 1: a … Option 2: b' written in one block: each option with its number and text."""
    parts = [(number, text)]
    while number:
        following = next_option(number)
        m = re.search(rf"\s\[?\s*Option\s+{re.escape(following)}\s*[:.]\s*", parts[-1][1])
        if m is None:
            break
        last_number, last_text = parts.pop()
        parts += [(last_number, last_text[: m.start()].strip()), (following, last_text[m.end() :].strip())]
        number = following
    return parts


@dataclass
class Typed:
    """A label typed at the start of a block: its number, how it counts and the text after it."""

    number: str
    style: str  # arabic | arabic-paren | letter | roman
    rest: str


def typed_label(text: str, previous_letter: str | None = None) -> Typed | None:
    """The label typed at the block's start. '(i)' after '(h)' is a letter, else a roman numeral."""
    for pattern, style in TYPED:
        m = pattern.match(text)
        if m is None:
            continue
        number = re.sub(r"\s+", "", m.group("n"))
        if style == "roman" and previous_letter == chr(ord(number[0]) - 1) and len(number) == 1:
            style = "letter"
        return Typed(number, style, text[m.end() :].strip())
    return None


def level_of(style: str) -> int:
    """How deep a label style sits under a paragraph: 1 (1.), 2 ((a)), 3 ((i))."""
    return {"arabic": 1, "letter": 2, "roman": 3, "arabic-paren": 1}.get(style, 1)


def number_for_level(ordinal: int, level: int) -> str:
    """The conventional number of the ordinal-th node at a level: 3 → '3', 'c', 'iii' (a list's numbers)."""
    if level <= 1 or ordinal < 1:
        return str(ordinal)
    if level == 2:
        return _letters(ordinal)
    if level == 3:
        return to_roman(ordinal).lower()
    return str(ordinal)


def _letters(ordinal: int) -> str:
    """1 → a, 26 → z, 27 → aa (as UN documents double the letter)."""
    letter = chr(ord("a") + (ordinal - 1) % 26)
    return letter * ((ordinal - 1) // 26 + 1)
