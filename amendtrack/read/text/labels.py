"""What the labels of a UN draft look like at the start of a line, OCR's misreadings included.

'PP5', '12.', '(a)', a bullet, 'II. Title', 'B. Title', 'ANNEX', 'Recommendation 4': each shape is
read here into a `Label`, without judging whether it fits the numbering around it (that is
`amendtrack.read.text.recognise`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtrack.read import ocr

_SUFFIX = r"(?P<suf>bis|ter|quater|quinquies)?"
PP_LABEL = re.compile(rf"^\s*PP\s*\.?\s*(?P<n>\d{{1,2}})\s*{_SUFFIX}\b\s*[.:]?(?P<rest>(?:\s+\S.*)?)$")
NUMBER_LABEL = re.compile(
    rf"^\s*(?P<tok>\d{{1,3}}|[LlIS]\d{{0,2}}|\d{{1,2}}[lLIS])\s?{_SUFFIX}\s*(?P<p>[.,])(?P<rest>.*)$"
)
SUB_LABEL = re.compile(r"^\s*(?:[-•]\s+)?(?:[({\[](?P<a>[a-z@©¢])(?:\)|0|\})|(?P<b>[a-z¢])[.)])\s+(?P<rest>\S.*)$")
# OCR may print II as '11' or 'I1', but a numeral of digits alone needs its stop ('11.'), and a date
# ('11 September 2019') is never a heading.
ROMAN_HEADING = re.compile(
    r"^\s*(?P<r>(?=[1l]*[IVXL])[IVXLl1]{1,5}|[1l]{1,5}(?=\s*[.\-]))\s*[.\-]?\s+"
    r"(?!(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4})"
    r"(?P<t>[A-Z“\"(].*)$"
)
LETTER_HEADING = re.compile(r"^\s*(?P<l>[A-H])\.\s+(?P<t>[A-Z“\"(].*)$")
ANNEX = re.compile(r"^\s*(?:ANNEX|Annex)\b\s*[:.]?\s*(?P<t>.*)$")
RECOMMENDATION = re.compile(r"^\s*Recommendation\s+(?P<n>\d{1,3})\s*$")
BULLET = re.compile(r"^\s*(?P<g>[•·«»=!*\-–]|<\+|<|e|o|\.)\s+(?P<rest>[A-Za-z“\"(].*)$")


@dataclass
class Label:
    """A label as printed and as understood: its series, number, 'bis'-style suffix or letter, and its text."""

    series: str  # pp, num, numitem, sub, rec, heading
    number: int
    suffix: str = ""
    letter: str = ""
    printed: str = ""
    rest: str = ""  # the text after the label on the same line


def is_structural(line: str) -> bool:
    """Whether a line opens a paragraph or a section: it is never a footnote's, a balloon's or a header's text."""
    return bool(
        PP_LABEL.match(line)
        or RECOMMENDATION.match(line)
        or (NUMBER_LABEL.match(line) and ocr.ocr_number(NUMBER_LABEL.match(line).group("tok")) is not None)
        or ROMAN_HEADING.match(line)
        and ocr.ocr_roman(ROMAN_HEADING.match(line).group("r"))
    )


def pp_label(line: str) -> Label | None:
    """'PP5', 'PP.12bis:' at the line start."""
    m = PP_LABEL.match(line)
    if not m:
        return None
    printed = line.strip()[: len(line.strip()) - len(m.group("rest").strip())].strip()
    return Label("pp", int(m.group("n")), m.group("suf") or "", printed=printed, rest=m.group("rest").strip())


def number_label(line: str) -> Label | None:
    """'12.', '7bis.', OCR's 'L.' for 1: a number whose following text looks like a paragraph's (or nothing)."""
    m = NUMBER_LABEL.match(line)
    if not m:
        return None
    n = ocr.ocr_number(m.group("tok"))
    rest = m.group("rest")
    ok_rest = not rest.strip() or (
        (rest[:1].isspace() or rest[:1].isupper() or rest[:1] in '[“"')
        and not rest.strip()[:1].isdigit()
        and (m.group("p") == "." or rest.strip()[:1].isupper())
        and (m.group("tok").isdigit() or rest.strip()[:1].isupper() or not rest.strip())
    )
    if not any(ch.isdigit() for ch in m.group("tok")) and rest.strip():
        ok_rest = False  # "I. Introduction" is a heading; a lone "L." is a stacked 1
    if n is None or not ok_rest:
        return None
    suffix = m.group("suf") or ""
    return Label("num", n, suffix, printed=f"{m.group('tok')}{suffix}{m.group('p')}", rest=rest.strip())


def sub_label(line: str) -> Label | None:
    """'(a)', 'b)', OCR's '(@)' for (a): a sub-paragraph letter with text after it."""
    m = SUB_LABEL.match(line)
    letter = ocr.ocr_letter(m.group("a") or m.group("b")) if m else None
    if m is None or not letter:
        return None
    printed = line.strip()[: len(line.strip()) - len(m.group("rest"))].strip()
    return Label("sub", 0, letter=letter, printed=printed, rest=m.group("rest"))


def roman_heading(line: str) -> Label | None:
    """'II. Title' (OCR's 'I1.' read as II): a section heading."""
    m = ROMAN_HEADING.match(line)
    value = ocr.ocr_roman(m.group("r")) if m else None
    if m is None or not value:
        return None
    return Label("heading", value, printed=m.group("r"), rest=m.group("t"))


def letter_heading(line: str) -> Label | None:
    """'B. Title': a subsection heading (of a report)."""
    m = LETTER_HEADING.match(line)
    if not m:
        return None
    letter = m.group("l")
    return Label("heading", 0, letter=letter, printed=f"{letter}.", rest=m.group("t"))


# Words no title ends on: a title line that stops on one was wrapped ('… held in' / 'Vienna from …').
MID_PHRASE = frozenset(
    "a an and at between by for from held in into its of on or the their to towards under with within".split()
)


def wraps_on(title_line: str, following: str, full: float = 0.0) -> bool:
    """Whether a title printed on `title_line` carries on in `following`. The title must stop on a letter
    (no punctuation), and then either on a word no title ends on, or before a line whose first letter is
    lower case when the title's line fills the measure (`full` characters; a short title before a
    lower-case line is a title before a fragment, as OCR leaves them; 0 when the measure is not known)."""
    words = title_line.split()
    if not words or not words[-1][-1:].isalpha() or BULLET.match(following):
        return False
    first = next((ch for ch in following if ch.isalpha()), "")
    return words[-1] in MID_PHRASE or first.islower() and len(title_line.strip()) >= full


# Words a number follows in a citation ('Article 13, paragraph' / '13. Other Parties …' is no paragraph 13).
CITING = frozenset("article articles paragraph paragraphs decision decisions resolution resolutions rule rules".split())


def carried_on(previous: str, line: str) -> bool:
    """Whether `previous` stops mid-phrase ('… as referred to in', '… Article 13, paragraph', '… Articles 9,')
    and `line` carries it on, though it opens like a label or a heading ('Article 4. Parties shall …'
    wrapped to a line's start). '… ; and' closes a list's item, and after a comma '(b)' opens the next."""
    words = previous.split()
    if not words or len(words) > 1 and words[-1] in ("and", "or") and words[-2][-1:] in ",;":
        return False
    if previous.endswith(","):
        return not _SUB_START.match(line)
    return words[-1].lower() in MID_PHRASE | CITING


_SUB_START = re.compile(r"^\(?[a-z]{1,3}\)\s|^\([ivx]{1,5}\)\s")


TITLE_WORDS = 12  # most words of an unnumbered section's title ('Intended nationally determined contributions')


_ALTERNATIVE = re.compile(r"^(?:Option|Alternative|Alt\.?|Variant)\s+\w{1,4}\b", re.I)  # 'Option 1': no title
_TRAILING_MARKS = "0123456789*)]\u201d\"'"  # footnote marks and closing brackets after a title's last word


def title_shape(text: str) -> bool:
    """Whether a block is shaped like an unnumbered section's title: a few words, the first a capitalised
    word (not a lone letter or a roman numeral: 'L Preventing …' is a numbered heading OCR misread; not
    'Option 1'), no colon ('USA: delete' is a remark), and, footnote marks and closing brackets aside, no
    punctuation a sentence or a recital ends with ('Loss and damage', 'Finance'; not 'Recalling …,2')."""
    words = text.split()
    if not 0 < len(words) <= TITLE_WORDS or any(mark in text for mark in ":|_") or _ALTERNATIVE.match(text):
        return False
    first = words[0]
    word = first.replace("-", "")  # 'Capacity-building'
    if not (first[:1].isupper() and word.isalpha() and len(word) > 1) or re.fullmatch(r"[IVXL]+", first):
        return False
    return text_end(text).isalnum()


def text_end(text: str) -> str:
    """The last character of a text that says how it ends, footnote marks and closing brackets aside
    ('… Agreement,2' ends with a comma, '[… action,]' too)."""
    core = text.rstrip().rstrip(_TRAILING_MARKS).rstrip()
    return core[-1:] or text.rstrip()[-1:]


def recommendation_label(line: str) -> Label | None:
    """'Recommendation 4' on a line of its own: the label of the paragraph that follows."""
    m = RECOMMENDATION.match(line)
    return Label("rec", int(m.group("n")), printed=line.strip()) if m else None


def is_annex_heading(line: str) -> bool:
    """'ANNEX', 'Annex: title': the heading of an annex (not a sentence that begins with the word)."""
    stripped = line.strip()
    m = ANNEX.match(line)
    return bool(m and (stripped.split()[0].isupper() or stripped[5:6] in (":", "")) and len(stripped) < 150)


def annex_title(line: str) -> str | None:
    """The title printed after 'ANNEX' on its heading line."""
    m = ANNEX.match(line)
    return m.group("t") if m else None
