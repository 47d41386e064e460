"""The first step of reading a text draft: its lines, cleaned of everything that is not paragraph text.

Page furniture (page numbers, symbols), running headers and lines repeated on every page become
blank lines; the title block before the body becomes the preface; footnotes and Word balloons
are taken out of the flow into marker lines (`FOOTNOTE`, `BALLOON`) the paragraphs pick up later;
a '[Formerly' whose label OCR put on a later line is closed again. Line numbers stay those of
the file, so every paragraph can say where it was read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from amendtrack.read import ocr
from amendtrack.read.contents import blank_contents
from amendtrack.read.text.labels import (
    ANNEX,
    BULLET,
    LETTER_HEADING,
    NUMBER_LABEL,
    PP_LABEL,
    RECOMMENDATION,
    ROMAN_HEADING,
    SUB_LABEL,
    carried_on,
    is_annex_heading,
    is_structural,
    title_shape,
    wraps_on,
)

Line = tuple[int, str]  # (1-based line number in the file, text)

# Marker lines: taken out of the text, they travel in the flow to the paragraph they belong to.
BALLOON = "\x00BALLOON:"
FOOTNOTE = "\x00FOOTNOTE:"

_FOOTNOTE_RULE = re.compile(r"^\s*_{5,}\s*$")
_FOOTNOTE_LINE = re.compile(r"^\s*(?P<m>\*|\d{1,2})\s{2,}(?P<t>\S.*)$")
_UNCLOSED_MARKER = re.compile(r"\[\s*(formerly|merged with(?: paragraph)?)\s*$", re.I)


@dataclass
class DraftLines:
    """A draft made ready to cut into paragraphs: its preface, its body's lines and what joining them needs."""

    preface: list[str]
    body: list[Line]
    vocab: set[str]  # the document's words, to undo line-end hyphenation
    footnote_marks: set[str] = field(default_factory=set)  # marks of the footnotes taken out
    headings: dict[int, int] = field(default_factory=dict)  # line → depth (0 a section) of titles the format marks


def clean_lines(text: str) -> DraftLines:
    """The lines of a text draft, a table of contents, page furniture, footnotes and balloons taken out, the
    preface set apart."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    lines = ocr.collapse_double_spacing([ocr.clean_line(line) for line in raw], wrapped_only=True)
    vocab = ocr.vocabulary(text)
    numbered = blank_contents([(i + 1, line) for i, line in enumerate(lines) if line != ocr.SOFT])
    start = find_body_start(numbered)
    preface = [" ".join(line.split()) for _, line in numbered[:start] if line]
    body, marks = take_out_footnotes(numbered[start:])
    body = blank_page_furniture(body, ocr.title_tokens(preface), frozenset(preface))
    body = take_out_balloons(body)
    body = close_split_markers(body)
    return DraftLines(preface, body, vocab, marks)


def find_body_start(lines: list[Line]) -> int:
    """Index of the first line that starts the body: a label, a heading or a recommendation; or a section
    lettered 'A. Title' whose next line is paragraph 1 (a decision in sections A, B, …)."""
    texts = [line for _, line in lines]
    opening = opening_number(texts)
    for i, line in enumerate(texts):
        if line and (_starts_body(line) or opening is not None and _number_of(line) == opening):
            return _titled_first(texts, i)
        if line and LETTER_HEADING.match(line) and line.lstrip().startswith("A."):
            following = next((later for later in texts[i + 1 :] if later), "")
            if _starts_body(following) and NUMBER_LABEL.match(following):
                return i
    return len(lines)


def opening_number(texts: list[str]) -> int | None:
    """The number of the first paragraph when the numbering opens above 1 (an excerpt or a part of a report
    that starts at '10.'): the first numbered line whose next two numbered lines go on from it (10., 11.,
    12.); None when the text prints a paragraph 1 anywhere (a '1.' right after a sentence ending in a
    colon is a list's: the agenda an excerpt prints), or no run opens it."""
    numbered = [(i, n) for i, line in enumerate(texts) if (n := _number_of(line)) is not None]
    if any(n == 1 and not _listed(texts, i) for i, n in numbered):
        return None
    numbered = _without_lists(texts, numbered)
    for k, (_, n) in enumerate(numbered):
        after = [m for _, m in numbered[k + 1 : k + 3]]  # the next two, or the one left
        if after and after == list(range(n + 1, n + 1 + len(after))):
            return n
    return None


def _without_lists(texts: list[str], numbered: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The numbered lines less the lists a sentence ending in a colon opens ('… the following points were
    made:' 1., 2., 3.): paragraph 10's run goes on at 11. and 12. around them."""
    kept: list[tuple[int, int]] = []
    due = 0  # the next number of the list being skipped, 0 when none is
    for i, n in numbered:
        if n == 1 and _listed(texts, i) or due and n == due:
            due = n + 1
            continue
        due = 0
        kept.append((i, n))
    return kept


def _listed(texts: list[str], i: int) -> bool:
    """Whether line i comes right after a sentence ending in a colon (an item of the list it opens)."""
    before = next((line for line in reversed(texts[:i]) if line.strip()), "")
    return before.rstrip().endswith(":")


def _number_of(line: str) -> int | None:
    """The number a line opens with as a paragraph label ('12. The …'), digits and a full stop."""
    m = NUMBER_LABEL.match(line)
    return int(m.group("tok")) if m and m.group("tok").isdigit() and m.group("p") == "." else None


def _titled_first(texts: list[str], i: int) -> int:
    """Where the body starts when paragraph 1 (at i) opens it: at the title alone right above it (or above
    the sentence that opens its section) when, before any annex, the text prints again a title alone above
    a paragraph 1: a decision numbered afresh in sections 'Mitigation', 'Adaptation' … that opens on its
    first section, whose title is no document's ('Summary by the Chair' above 1., then 'Prevention' above
    3., keeps its title apart); else at the sentence ending in a colon right above paragraph 1, if any."""
    if not _is_one(texts[i]):
        return i
    k = _title_above(texts, i)
    return k if k is not None and _titled_again(texts, i) else _sentence_above(texts, i)


def _titled_again(texts: list[str], i: int) -> bool:
    """Whether, after line i and before any annex, a title alone sits above a paragraph 1 again."""
    for j in range(i + 1, len(texts)):
        if is_annex_heading(texts[j]):
            return False
        if _is_one(texts[j]) and _title_above(texts, j) is not None:
            return True
    return False


def _sentence_above(texts: list[str], i: int) -> int:
    """Where the body starts when paragraph 1 (at i) follows a sentence ending in a colon ('The Working Group
    recommended the following on adoption:') alone between blank lines: at that sentence, body text, never
    the title block (a masthead's lines run together, 'Right to food' / 'Note by …' / 'The Secretary-General
    has the honour …:', stay the title block)."""
    block = _block_above(texts, i)
    if block is None or not texts[block[1]].rstrip().endswith(":"):
        return i
    lines = texts[block[0] : block[1] + 1]  # one sentence: a capital, then at most two lines wrapped in lower case
    sentence = len(lines) <= 3 and lines[0].lstrip()[:1].isupper() and all(x.lstrip()[:1].islower() for x in lines[1:])
    return block[0] if sentence else i


def _title_above(texts: list[str], i: int, opening: bool = True) -> int | None:
    """The index of a title-shaped line alone (blank lines around it) just above line i, or above the
    sentence ending in a colon that opens its section (`opening`), if any."""
    block = _block_above(texts, i)
    if block is None:
        return None
    start, k = block
    if title_shape(texts[k].strip()) and start == k:
        return k
    if opening and texts[k].rstrip().endswith(":"):
        return _title_above(texts, start, opening=False)
    return None


def _block_above(texts: list[str], i: int) -> tuple[int, int] | None:
    """The first and last lines of the block right above line i, a blank line between them; None if none."""
    k = i - 1
    while k >= 0 and not texts[k].strip():
        k -= 1
    if k < 0 or k == i - 1:
        return None
    start = k
    while start > 0 and texts[start - 1].strip():
        start -= 1
    return start, k


def _is_one(line: str) -> bool:
    m = NUMBER_LABEL.match(line)
    return bool(m and m.group("tok") == "1" and m.group("p") == ".")


def _starts_body(line: str) -> bool:
    if PP_LABEL.match(line) or RECOMMENDATION.match(line) or ANNEX.match(line) and line.strip().isupper():
        return True
    m = ROMAN_HEADING.match(line)
    if m and ocr.ocr_roman(m.group("r")) and len(line) < 150 and not line.rstrip().endswith((";", ",")):
        return True
    m = NUMBER_LABEL.match(line)
    return bool(m and m.group("tok").isdigit() and int(m.group("tok")) == 1 and m.group("p") == ".")


def take_out_footnotes(lines: list[Line]) -> tuple[list[Line], set[str]]:
    """Move footnote blocks (after a rule of underscores) out of the flow; also the marks they use."""
    out: list[Line] = []
    marks: set[str] = set()
    i = 0
    while i < len(lines):
        no, line = lines[i]
        rule = _FOOTNOTE_RULE.match(line)
        out.append((no, "" if rule else line))
        i += 1
        if not rule:
            continue
        while i < len(lines) and not lines[i][1]:
            out.append((lines[i][0], ""))
            i += 1
        while i < len(lines) and _FOOTNOTE_LINE.match(lines[i][1]):
            i = _take_out_footnote(lines, i, no, out, marks)
    return out, marks


def _take_out_footnote(lines: list[Line], i: int, rule: int, out: list[Line], marks: set[str]) -> int:
    """The footnote starting at line i as one marker line (at the rule's line number); the index after it."""
    m = _FOOTNOTE_LINE.match(lines[i][1])
    assert m is not None
    mark, body = m.group("m"), [m.group("t")]
    out.append((lines[i][0], ""))
    i += 1
    while i < len(lines) and _continues_footnote(lines[i][1], body[-1]):
        body.append(lines[i][1])
        out.append((lines[i][0], ""))
        i += 1
    marks.add(mark)
    out.append((rule, f"{FOOTNOTE}{mark}:{ocr.join_lines(body)}"))
    return i


def _continues_footnote(line: str, previous: str) -> bool:
    return bool(
        line
        and ocr.line_end_char(previous) != "."
        and not _FOOTNOTE_LINE.match(line)
        and not is_structural(line)
        and not SUB_LABEL.match(line)
    )


def blank_page_furniture(lines: list[Line], title: set[str], preface: frozenset[str] = frozenset()) -> list[Line]:
    """Page numbers, symbols, running headers and lines repeated page after page become blank lines.

    A repeated line that ends a title cut by a page break, or is a title printed in several sections,
    stays, unless it is a watermark (`_watermarks`): 'Advance unedited version' atop every page, with no
    page number beside it, goes even above a heading. Where a page break falls inside a paragraph, the
    blank lines go too: see `_joined_across_pages`.
    """
    repeated = ocr.repeated_lines([line for _, line in lines], alone=lambda i: _alone(lines, i))
    furniture = [bool(line) and _is_furniture(line, lines, i, title, repeated) for i, (_, line) in enumerate(lines)]
    cleaned: list[Line] = []
    text = ""  # the last line of text kept
    watermarks = _watermarks(lines, furniture, preface)
    for i, (no, line) in enumerate(lines):
        if furniture[i] and not ocr.is_furniture(line) and " ".join(line.split()) not in watermarks:
            title_end = _unit_follows(lines, i) and _wrapped_heading(text, line)  # a title cut by the page break
            titled = _section_title(lines, furniture, i) and not ocr.is_running_header(line, title)
            furniture[i] = not (title_end or titled and _opens_section(lines, furniture, i, text))
        text = line if line and not furniture[i] else text
        cleaned.append((no, "" if furniture[i] else line))
    breaks = {i for i, flag in enumerate(furniture) if flag}
    return _joined_across_pages(cleaned, breaks) if breaks else cleaned


def _watermarks(lines: list[Line], furniture: list[bool], preface: frozenset[str]) -> set[str]:
    """The repeated lines that are words of the title block printed again at page breaks: one of them falls
    inside a paragraph somewhere (the text before it does not end, or the text after goes on in lower
    case), where no title of a section ever stands ('Draft recommendations' as a title and a subheading
    stays a subheading)."""
    title_block = [line.lower() for line in preface]
    found: set[str] = set()
    for i, (_, line) in enumerate(lines):
        key = " ".join(line.split())
        if not furniture[i] or ocr.is_furniture(line) or key in found:
            continue
        if any(key.lower() in block for block in title_block) and _inside_paragraph(lines, furniture, i):
            found.add(key)
    return found


def _inside_paragraph(lines: list[Line], furniture: list[bool], i: int) -> bool:
    """Whether line i stands where a page break cut a paragraph: the text before it stops mid-sentence, or
    the text after it opens in lower case."""
    before, after = _around(lines, i, furniture)
    stops = before is not None and ocr.line_end_char(lines[before][1]) not in ".;:?!"
    return stops or after is not None and lines[after][1].lstrip()[:1].islower()


def _is_furniture(line: str, lines: list[Line], i: int, title: set[str], repeated: set[str]) -> bool:
    """Page furniture: a page number or symbol; standing alone (`_alone`), a running header or a line printed
    page after page (never a label, a lettered heading or a sentence: titles and a report's 'The Working
    Group recommended …' repeat from section to section)."""
    if ocr.is_furniture(line) or not _alone(lines, i) or is_structural(line):
        return ocr.is_furniture(line)
    printed_again = " ".join(line.split()) in repeated and ocr.line_end_char(line) not in ".;:,"
    return ocr.is_running_header(line, title) or printed_again and not LETTER_HEADING.match(line)


def _alone(lines: list[Line], i: int) -> bool:
    """Whether line i stands alone: between blank lines, or, shaped as a title ('Advance unedited version'),
    between blank lines and page numbers or symbols that stand apart themselves (a watermark printed under
    the page number, not a line of text run on from one)."""
    near = [k for k in (i - 1, i + 1) if 0 <= k < len(lines) and lines[k][1]]
    return not near or title_shape(lines[i][1]) and all(_set_apart(lines, k, 2 * k - i) for k in near)


def _set_apart(lines: list[Line], k: int, beyond: int) -> bool:
    """Whether line k is a page number or symbol with a blank line (or nothing) beyond it, on its far side."""
    return ocr.is_furniture(lines[k][1]) and not (0 <= beyond < len(lines) and lines[beyond][1])


def _section_title(lines: list[Line], furniture: list[bool], i: int) -> bool:
    """Whether a line printed more than once may be a title printed in several sections ('Action taken by
    the Working Group'): shaped as a title, with no page number or symbol beside it (a running header stands
    among them); where it opens a section is `_opens_section`'s to say."""
    beside = any(k is not None and furniture[k] and ocr.is_furniture(lines[k][1]) for k in _around(lines, i))
    return title_shape(lines[i][1]) and not beside


def _opens_section(lines: list[Line], furniture: list[bool], i: int, before: str) -> bool:
    """Whether a title printed in several sections opens one here: a label or heading follows it, or the
    text before it ended (or was a heading, or there is none) and the text after it opens in capitals (a
    running header in the middle of a paragraph stands between two parts of a sentence)."""
    if _unit_follows(lines, i):
        return True
    k = _around(lines, i, furniture)[1]
    ended = not before or ocr.line_end_char(before) in ".;:?!" or _heading(before)
    return ended and k is not None and lines[k][1].lstrip()[:1].isupper()


def _unit_follows(lines: list[Line], i: int) -> bool:
    """Whether the next line after line i is a label or a numbered or lettered heading ('12.', 'II.', 'B.'):
    then a title cut by the page break before line i ends there, in line i; otherwise line i is a running
    header between its two parts."""
    k = _around(lines, i)[1]
    return k is not None and bool(is_structural(lines[k][1]) or LETTER_HEADING.match(lines[k][1]))


def _around(lines: list[Line], i: int, furniture: list[bool] | None = None) -> tuple[int | None, int | None]:
    """The nearest lines of text before and after line i (of text that is no furniture, when it is known)."""

    def text(k: int) -> bool:
        return bool(lines[k][1]) and not (furniture and furniture[k])

    before = next((k for k in range(i - 1, -1, -1) if text(k)), None)
    return before, next((k for k in range(i + 1, len(lines)) if text(k)), None)


def _wrapped_heading(heading: str, line: str) -> bool:
    """Whether the line carries on a section heading cut by a page break: titles repeat from section to
    section ('… held in' / 'Vienna from 10 to 12 October 2011'), so the line may look like a running header.
    The measure is not known here, so any line opening in lower case carries a title on (`wraps_on`)."""
    return _heading(heading) and wraps_on(heading, line)


def _heading(line: str) -> bool:
    """Whether a line opens a section ('II. Title', 'B. Title'); '11.' opens a paragraph."""
    roman = ROMAN_HEADING.match(line)
    return roman is not None and any(ch in "IVXL" for ch in roman.group("r")) or bool(LETTER_HEADING.match(line))


def typical_length(lines: list[Line]) -> int:
    """The length of a full line: three quarters of the draft's lines of text are no longer (0 for none)."""
    lengths = sorted(len(line.strip()) for _, line in lines if line and not line.startswith("\x00"))
    return lengths[int(0.75 * (len(lengths) - 1))] if lengths else 0


MEASURE_MOST = 150  # a PDF's lines are wrapped to a measure shorter than this; a Word text's run on


def _goes_on(before: str, line: str, following: str, numbered: bool) -> bool:
    """Whether `line`, at the top of a page, carries on the paragraph whose full last line `before` ended the
    page before: always when `before` stops mid-phrase (`carried_on`: '… paragraphs 36 to' / '40, …');
    never a label, bullet, marker, a heading ('C. Technology'), a title alone on its line ('Cooperative
    approaches') or a paragraph
    under a heading that does not run on; after a sentence's end or a colon only in a draft whose
    paragraphs are numbered (an unnumbered line there goes on the paragraph, where in a preamble it is
    the next recital); after a comma or semicolon when it goes on in lower case (a recital ends in a
    comma, and 'Noting …' opens the next)."""
    if line.startswith("\x00") or BULLET.match(line):
        return False
    if carried_on(before, line):
        return True  # '… paragraphs 36 to' / '40, …': a number that opens a line is no label there
    if is_structural(line) or _heading(line) or not following and title_shape(line):
        return False  # a label, a lettered heading ('C. Technology'), a title alone
    if _heading(before) and not wraps_on(before, line):
        return False  # the text under a heading at the foot of the page before
    end = ocr.line_end_char(before)
    if end in ".?!:":
        return numbered
    return end not in ",;" or line.lstrip()[:1].islower()


def _numbered(lines: list[Line]) -> bool:
    """Whether most blocks open on a label ('12.', 'Recommendation 4', 'II.'): a report or numbered decision."""
    starts = [line for k, (_, line) in enumerate(lines) if line and (k == 0 or not lines[k - 1][1])]
    return sum(bool(is_structural(line)) for line in starts) >= 0.5 * len(starts)


def _joined_across_pages(lines: list[Line], breaks: set[int]) -> list[Line]:
    """The blank lines of a page break dropped where the paragraph before it goes on over the page: its last
    line there fills the measure (a paragraph's last line seldom does) and the next page's first line may
    carry it on (`_goes_on`)."""
    typical = typical_length(lines)
    if not typical or typical > MEASURE_MOST:
        return lines
    numbered = _numbered(lines)
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and not lines[j][1]:
            j += 1
        if j == i:
            out.append(lines[i])
            i += 1
            continue
        before = out[-1][1] if out else ""
        after = lines[j][1] if j < len(lines) else ""
        following = lines[j + 1][1] if j + 1 < len(lines) else ""
        inside = before and after and any(k in breaks for k in range(i, j)) and len(before.strip()) >= 0.8 * typical
        if not (inside and _goes_on(before, after, following, numbered)):
            out.extend(lines[i:j])
        i = j
    return out


def take_out_balloons(lines: list[Line]) -> list[Line]:
    """Word balloons ('- { Deleted: role') become facilitator edits, never paragraph text."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        no, line = lines[i]
        m = ocr.BALLOON_START.match(line) if line and not line.startswith("\x00") else None
        if m:
            text = [m.group("text")]
            i += 1
            while i < len(lines) and lines[i][1] and not is_structural(lines[i][1]):
                text.append(lines[i][1])
                i += 1
            out.append((no, f"{BALLOON}{m.group('what')}:{ocr.balloon_text(' '.join(text))}"))
            continue
        out.extend(_inline_balloon(no, line))
        i += 1
    return out


def _inline_balloon(no: int, line: str) -> list[Line]:
    """A balloon OCR put at the end of a text line: the text, then the balloon as its own marker line."""
    m = ocr.BALLOON_INLINE.search(line) if line and not line.startswith("\x00") else None
    if m and m.start("at") > 0:
        return [(no, line[: m.start("at")]), (no, f"{BALLOON}{m.group('what')}:{ocr.balloon_text(m.group('text'))}")]
    return [(no, line)]


def close_split_markers(lines: list[Line]) -> list[Line]:
    """Join '[Formerly' with the label OCR put on a later line ('PP8'), closing the bracket."""
    out = list(lines)
    for i, (no, line) in enumerate(out):
        if not line or not _UNCLOSED_MARKER.search(line):
            continue
        for j in range(i + 1, min(i + 5, len(out))):
            nxt = out[j][1].strip()
            if not nxt:
                continue
            if len(nxt) <= 12 and re.fullmatch(r"(PP|OP)?\s*\.?\s*\d{1,3}\s*(bis|ter)?\]?", nxt, re.I):
                out[i] = (no, f"{line} {nxt.rstrip(']')}]")
                out[j] = (out[j][0], "")
            break
    return out
