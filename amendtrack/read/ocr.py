"""OCR and page-layout noise in UN documents, recognised by general rules.

Scanned drafts come with page numbers, running headers, document symbols, Word
balloons ("Deleted: role"), misread labels ("L." for 1, "I11." for III, "(@)" for
(a)) and line-end hyphens. This module knows those shapes; the readers decide
what to do with them.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from functools import lru_cache

from amendtrack.errors import InputError
from amendtrack.read.limits import MAX_TEXT_BYTES, too_large

# Characters a scan puts where the draft had none: '™' and '®' for a closing quote or 'nd' ('the Plan of
# Action™', 'the 2™ meeting'), '©' and '¢' for a letter, '@' for '(a)'. Negotiated text never uses them, so
# a reader is shown them as the OCR's, not the draft's (render.html marks them).
OCR_SUSPECT = re.compile(r"[™®©¢]|\(@\)|(?<![\w.])@(?![\w.-]+\.[a-z]{2,})")


@lru_cache(maxsize=64)
def suspects(words: tuple[str, ...] = ()) -> re.Pattern[str]:
    """OCR_SUSPECT, or any of `words` (the words a scan probably misread, model.misread) as a whole word."""
    if not words:
        return OCR_SUSPECT
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
    return re.compile(rf"{OCR_SUSPECT.pattern}|(?<![\w'’-])(?:{alternatives})(?![\w'’-])")


LIGATURES = {"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "\u00ad": "", "\u200b": "", "\ufeff": ""}

# --- decoding -------------------------------------------------------------

_MAGIC = {
    b"%PDF": "a PDF file",
    b"PK\x03\x04": "a zip archive (a .docx?)",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\xd0\xcf\x11\xe0": "an old binary Office file",
}


def what_file(data: bytes) -> str | None:
    """What a file is by its first bytes when it is plainly not text ('a PDF file'), else None."""
    return next((what for magic, what in _MAGIC.items() if data.startswith(magic)), None)


def decode_text(data: bytes, source: str) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Anything that is not text (binary magic numbers, NUL bytes or characters) or larger than
    MAX_TEXT_BYTES is refused. No lone surrogate comes through: UTF-8 and UTF-16 refuse one, cp1252
    has none.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise InputError(source, too_large(len(data), MAX_TEXT_BYTES, "a text file"))
    what = what_file(data)
    if what is not None:
        raise InputError(source, f"not a text file: it is {what}", line=1)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _decode_utf16(data, source)
    nul = data.find(b"\x00")
    if nul >= 0:
        line = data.count(b"\n", 0, nul) + 1
        raise InputError(source, f"not a text file: NUL byte at offset {nul}", line=line)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _decode_utf16(data: bytes, source: str) -> str:
    """UTF-16 text after its BOM; damage (a lone surrogate, an odd byte) and NUL characters refused at their line."""
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as exc:
        line = data[: exc.start - exc.start % 2].decode("utf-16", errors="replace").count("\n") + 1
        raise InputError(source, f"damaged UTF-16 text at byte {exc.start} ({exc.reason})", line=line) from None
    nul = text.find("\x00")
    if nul >= 0:
        raise InputError(source, f"not a text file: NUL character at offset {nul}", line=text.count("\n", 0, nul) + 1)
    return text


# --- characters and lines ---------------------------------------------------

_MD_LINK = re.compile(r"\[([^\[\]\n]+)\]\(#?[^()\s]*\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")


def clean_line(line: str) -> str:
    """One raw line with ligatures, Markdown link stubs and emphasis undone, trailing space cut."""
    for bad, good in LIGATURES.items():
        line = line.replace(bad, good)
    line = line.replace("\t", " ").rstrip()
    line = re.sub(r"^\s*\|\s+(?=\w)", "", line)  # a column rule OCR'd as '|'

    line = _MD_LINK.sub(r"\1", line)
    line = _MD_EMPHASIS.sub(r"\1", line)
    return line if line.strip() else ""


SOFT = "\x00SOFT"


WRAPPED_LEAST = 40  # a line this long that stops on no punctuation was wrapped (a heading is shorter)


def _wrapped(line: str, following: str) -> bool:
    """Whether a line stops mid-sentence: on no punctuation when it is long, or before a lower-case line."""
    end = line_end_char(line)
    if end in ".;:?!":
        return False
    return following.lstrip()[:1].islower() or end not in ",)" and len(line.strip()) >= WRAPPED_LEAST


def collapse_double_spacing(lines: list[str], wrapped_only: bool = False) -> list[str]:
    """Undo PDF extraction that puts a blank line after every line.

    When most text lines are followed by exactly one blank line, a single blank
    line is a soft break (returned as SOFT, so line numbers stay put) and only a
    run of two or more blank lines separates blocks. A report of many one-line
    blocks (headings, 'Recommendation 4') has nearly as many runs as single
    blanks; there the single blanks tell: most fall in the middle of a sentence
    (`_wrapped`: a long line stopping on no punctuation, or one before a lower-case line).
    `wrapped_only`: only then (Word text, one paragraph a line with a blank line
    between, is left as it is: its blank lines end its blocks).
    """
    gaps: Counter[int] = Counter()
    run, previous, wraps = 0, "", 0
    for line in lines:
        if line:
            if previous:
                gaps[min(run, 2)] += 1
                wraps += run == 1 and _wrapped(previous, line)
            previous, run = line, 0
        else:
            run += 1
    total = sum(gaps.values())
    mid_sentence = gaps[1] >= 0.4 * total and wraps >= 0.5 * gaps[1]
    double_spaced = mid_sentence or gaps[1] >= 0.6 * total and not wrapped_only
    if total < 10 or not double_spaced or gaps[0] > 0.2 * total:
        return lines
    out = list(lines)
    i = 0
    while i < len(out):
        if out[i]:
            i += 1
            continue
        j = i
        while j < len(out) and not out[j]:
            j += 1
        if j - i == 1 and 0 < i and j < len(out):
            out[i] = SOFT
        i = j
    return out


_CLOSING_JUNK = " '‘’\"”“|_*`~"


def line_end_char(line: str) -> str:
    """The last meaningful character of a line (trailing quotes and OCR junk ignored)."""
    stripped = line.rstrip(_CLOSING_JUNK)
    while stripped.endswith((")", "]")) and len(stripped) > 1 and stripped[-2] in ".;:,":
        stripped = stripped[:-1]
    return stripped[-1:] if stripped else ""


_HYPHEN_END = re.compile(r"([A-Za-z]+)-$")
_WORD = re.compile(r"[A-Za-z]+")


def vocabulary(text: str) -> set[str]:
    """Lower-cased words of a document: the dictionary used to undo line-end hyphenation."""
    return {w.lower() for w in _WORD.findall(text)}


# A hyphen left hanging before these words is a suspended compound's ('gender- and age-sensitive',
# 'short- to medium-term'): at a line end it keeps its space.
SUSPENDED = frozenset({"and", "or", "nor", "to"})


def suspended(line: str) -> bool:
    """Whether a line opens on the word after a suspended hyphen ('and age-sensitive …')."""
    first = line.split(maxsplit=1)[0] if line.strip() else ""
    return first in SUSPENDED


def join_lines(lines: list[str], vocab: set[str] | None = None) -> str:
    """Lines of one paragraph as one string: whitespace normalised, line-end hyphens resolved.

    A hyphen at a line end is kept ("Secretary-" + "General", "non-" +
    "discriminatory") unless the document elsewhere writes the joined word
    without it ("traf-" + "ficking" → "trafficking"); before 'and', 'or', 'to' it
    is a suspended hyphen and keeps its space ("gender-" + "and age-sensitive").
    """
    parts: list[str] = []  # joined with single spaces at the end: linear time, however many lines
    for raw in lines:
        line = " ".join(raw.split())
        if not line:
            continue
        # the hyphenated word is looked for in the last 64 characters only (no word is longer)
        m = _HYPHEN_END.search(parts[-1][-64:]) if parts else None
        if m and line[:1].isalpha() and not suspended(line):
            first = _WORD.match(line)
            joined = (m.group(1) + first.group(0)).lower() if first else ""
            if vocab and first and line[:1].islower() and joined in vocab:
                parts[-1] = parts[-1][:-1] + line
            else:
                parts[-1] = parts[-1] + line
        else:
            parts.append(line)
    out = " ".join(parts)
    out = re.sub(r"(?<=\w)_(?=[\w(“\"\[])|(?<=[\w)])_(?=\w)", " ", out)  # underline traces: Crime_(hereinafter
    return " ".join(out.split())


# --- labels -----------------------------------------------------------------

_OCR_DIGITS = str.maketrans({"L": "1", "l": "1", "I": "1", "S": "5", "O": "0", "o": "0"})
_OCR_LETTERS = {"@": "a", "©": "c", "¢": "c"}


def ocr_number(token: str) -> int | None:
    """A paragraph number as OCR printed it ('L' = 1, 'S1' = 51), or None if it is not one."""
    fixed = token.translate(_OCR_DIGITS)
    if not fixed.isdigit():
        return None
    if token != fixed and not any(ch.isdigit() for ch in token) and len(token) > 1:
        return None
    return int(fixed)


def ocr_letter(token: str) -> str | None:
    """A sub-paragraph letter as OCR printed it ('@' = a, '©' or '¢' = c)."""
    token = _OCR_LETTERS.get(token, token)
    return token if len(token) == 1 and "a" <= token <= "z" else None


_ROMAN = {"I": 1, "V": 5, "X": 10}


def ocr_roman(token: str) -> int | None:
    """A section number in Roman numerals as OCR printed it ('L' = I, 'I11' = III, 'II1' = III)."""
    fixed = token.replace("1", "I").replace("l", "I").replace("L", "I")
    if not fixed or any(ch not in _ROMAN for ch in fixed):
        return None
    total = 0
    for i, ch in enumerate(fixed):
        value = _ROMAN[ch]
        if i + 1 < len(fixed) and _ROMAN[fixed[i + 1]] > value:
            total -= value
        else:
            total += value
    if to_roman(total) != fixed:
        return None
    return total


def to_roman(number: int) -> str:
    """1 → 'I', 4 → 'IV'."""
    out = ""
    for value, digits in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            out += digits
            number -= value
    return out


# --- page furniture -----------------------------------------------------------

_JOB = r"(?:V|GE)\.\d{2}-\d{5}\b|\d{2}-\d{5}\s*\([A-Z]\)"  # UN job numbers: Vienna, Geneva, New York '(E)'
_FURNITURE = [
    re.compile(r"^\s*\d{1,3}\s*$"),  # page number
    re.compile(rf"^\s*\d{{1,3}}\s*/\s*\d{{1,3}}(\s+(?:{_JOB}).*)?\s*$"),  # "3/5", "3/5 V.19-09261"
    re.compile(rf"^\s*(?:{_JOB}).*$"),  # job number
    re.compile(
        r"^\s*\d{1,3}\s*/\s*\d{1,3}\s+\d{2}-\d{5}\s*$|^\s*\d{2}-\d{5}\s+\d{1,3}\s*/\s*\d{1,3}\s*$"
    ),  # New York's
    re.compile(r"^\s*[-–—]\s*\d{1,3}\s*[-–—]\s*$|^\s*Page\s+\d{1,3}(?:\s+of\s+\d{1,3})?\s*$"),  # "- 2 -", "Page 2 of 9"
    re.compile(r"^\s*(United Nations\s+)?[A-Z]{1,6}(/[A-Za-z0-9.\-]+){2,}\s*$"),  # document symbol
    re.compile(r"^\s*\*\d{5,}\*\s*$"),  # bar code
    re.compile(r"^[\s,.;:_~\-—–|'‘’\"`]{6,}$"),  # rule lines of commas or dashes
]


def is_furniture(line: str) -> bool:
    """Page numbers, document symbols, job numbers, bar codes and rule lines."""
    return any(p.match(line) for p in _FURNITURE)


def title_tokens(lines: list[str]) -> set[str]:
    """Words of a title block, used to recognise running headers that repeat it."""
    return {w.lower() for line in lines for w in re.findall(r"[A-Za-z0-9]+", line)}


def is_running_header(line: str, title: set[str]) -> bool:
    """A line made of the document's own title words (e.g. '… DRAFT (19 July 2010)')."""
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+", line)]
    if len(words) < 4 or not title:
        return False
    inside = sum(1 for w in words if w in title)
    return inside / len(words) >= 0.9


def repeated_lines(lines: list[str], minimum: int = 20, alone: Callable[[int], bool] | None = None) -> set[str]:
    """Isolated lines (between blank lines, or as `alone` says) printed two or more times: running headers
    of a long document."""
    counts: Counter[str] = Counter()
    for i, line in enumerate(lines):
        if len(line.strip()) < minimum:
            continue
        before = lines[i - 1] if i > 0 else ""
        after = lines[i + 1] if i + 1 < len(lines) else ""
        if alone(i) if alone else not before.strip() and not (after or "").strip():
            counts[" ".join(line.split())] += 1
    return {line for line, n in counts.items() if n >= 2}


# --- Word balloons ------------------------------------------------------------

_BALLOON_GLYPHS = r"[-~_|.\[\]{}()/\\‘’'`\"«»=<>:;,!]"
# Both patterns are written without nested quantifiers (possessive runs instead), so a long line of
# glyphs or spaces costs linear time, not exponential backtracking. BALLOON_INLINE tries each run of
# glyphs and spaces once, from its start; the balloon itself starts at group "at" (its first space).
BALLOON_START = re.compile(rf"^(?:{_BALLOON_GLYPHS}|[\sLNlI1])*+\b(?P<what>Deleted|Formatted)\b\s*:?\s*(?P<text>.*)$")
BALLOON_INLINE = re.compile(
    rf"(?<!{_BALLOON_GLYPHS[:-1]}\s])(?:{_BALLOON_GLYPHS})*+(?P<at>\s++{_BALLOON_GLYPHS}(?:{_BALLOON_GLYPHS}|\s)*+)"
    r"(?P<what>Deleted|Formatted)\b\s*:?\s*(?P<text>.*)$"
)


def balloon_text(text: str) -> str:
    """Balloon text without the pilcrows that OCR turns into 'q', '§', 'f', 'y' or '{'."""
    text = " ".join(text.split())
    text = re.sub(r"(?<=[:;,.])[qfy§{]$", "", text)
    return text.strip(" §{}[]|")


def check_text(text: str, source: str) -> None:
    """Refuse text that is plainly not a document: empty, or mostly control characters."""
    if not text.strip():
        raise InputError(source, "empty file: no text to read")
    sample = text[:20000]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * len(sample):
        raise InputError(source, "not a text file: it is mostly control characters", line=1)
