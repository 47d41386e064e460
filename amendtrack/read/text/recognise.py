"""Recognise a line's label in its context: believed only when it fits the numbering around it.

"1956," at a line start is text, not paragraph 1956; "L." where 1 is due is paragraph 1; "(c)"
after "(b)" is a sub-paragraph, and "II. Title" after section I is a section. The shapes are
`amendtrack.read.text.labels`; this module weighs them against what the reader has seen so far.
"""

from __future__ import annotations

from dataclasses import replace

from amendtrack.read import ocr
from amendtrack.read.text.labels import (
    LETTER_HEADING,
    Label,
    is_annex_heading,
    letter_heading,
    number_label,
    pp_label,
    recommendation_label,
    roman_heading,
    sub_label,
    title_shape,
)
from amendtrack.read.text.lines import Line
from amendtrack.read.text.units import Reading, Unit


def recognise_label(at: Reading, line: str) -> Label | None:
    """A label at the start of the line that fits the numbering around it, or None.

    A number may also be the next item of a numbered list inside a paragraph (series 'numitem').
    """
    label = pp_label(line)
    if label is not None and _fits(at, "pp", label.number, label.suffix):
        return label
    label = number_label(line)
    if label is not None:
        numbered = _paragraph_or_list_item(at, label)
        if numbered is not None:
            return numbered
    label = sub_label(line) if at.top is not None else None
    if label is not None and _sub_fits(at, label.letter):
        return label
    return None


def _paragraph_or_list_item(at: Reading, label: Label) -> Label | None:
    if restarts_in_section(at, label) or resumes_outer(at, label):
        return label
    opens_list = starts_numbered_list(at, label.number)
    if _fits(at, at.number_series(), label.number, label.suffix) and not opens_list:
        return label
    if at.numlist and label.number == at.numlist.next or opens_list:
        return replace(label, series="numitem")
    return None


def restarts_in_section(at: Reading, label: Label) -> bool:
    """'1.' right under a heading (or under the unnumbered paragraph that opens its section, '## Finance' then
    'The Conference decides as follows:', when the '1.' reads as a paragraph, not a list's item), when the
    paragraphs before it were numbered under another heading: the numbering restarts in each section (a
    decision's 'I. …' 1., 2., 'II. …' 1., …); it opens no annex."""
    if label.number != 1 or label.suffix or section_opened(at) is None:
        return False
    sentence = at.current if at.current is not None and at.current.role != "heading" else None
    if sentence is not None and sentence.lines and sentence.lines[0][0] in at.listing:
        return False  # 'The Working Group adopted the following agenda:' then '1. Opening of the session.': a list
    series = at.number_series()
    if not at.last.get(series):
        return False
    earlier = next(
        (e for e in reversed(at.events) if isinstance(e, Unit) and e.role == "top" and e.series == series), None
    )
    return earlier is not None and earlier.container is not None and earlier.container.role == "heading"


LIST_ITEM_WORDS = 8  # most words of each item of a numbered list told from paragraphs by its items alone


def listing_sentences(lines: list[Line]) -> set[int]:
    """The first lines of the sentences ending in a colon whose '1.' opens a list, not a section's paragraphs.

    What follows the run 1., 2., … k. tells: '1.' again (the next section restarts) or nothing else to
    go by (k + 1, or the end) leave it to the items themselves (`_list_like`); any other number ('3.'
    under 'B. Attendance' after an agenda 1. to 3., '4.' after two recommendations) is the numbering that
    ran before carrying on, so the run was a list."""
    blocks = _blocks(lines)
    found: set[int] = set()
    for k in range(len(blocks) - 1):
        first = number_label(blocks[k + 1][0][1])
        if first is None or first.number != 1 or number_label(blocks[k][0][1]) is not None:
            continue
        if ocr.line_end_char(blocks[k][-1][1]) != ":":
            continue
        run, after = _run_from(blocks, k + 1)
        if after not in (1, len(run) + 1, None) or after != 1 and (_list_like(run) or _list_then(run, blocks, k)):
            found.add(blocks[k][0][0])
    return found


def _list_then(run: list[str], blocks: list[list[Line]], k: int) -> bool:
    """Whether the run opens with a list of m items and goes on with the paragraph the numbering before the
    sentence (block k) takes next, m + 1: '3.' last, then 'adopted the following agenda:' 1. Opening of the
    meeting. 2. … 3. …, then '4. The meeting was opened …' (items of a few words, or ending in ';' up to
    one ending in '.')."""
    before = next((label for b in reversed(blocks[:k]) if (label := number_label(b[0][1])) is not None), None)
    if before is None or not 0 < before.number < len(run):
        return False
    items = run[: before.number]
    ends = [item[-1:] for item in items]
    return _few_words(items) or ends[-1] == "." and all(end == ";" for end in ends[:-1])


def _run_from(blocks: list[list[Line]], k: int) -> tuple[list[str], int | None]:
    """The texts (after their labels) of the numbered blocks 1., 2., … from block k on, and the number that
    comes next after them."""
    run: list[str] = []
    for block in blocks[k:]:
        label = number_label(block[0][1])
        if label is None or label.suffix:
            continue
        if label.number != len(run) + 1:
            return run, label.number
        run.append(" ".join([label.rest, *(line for _, line in block[1:])]).strip())
    return run, None


def _list_like(items: list[str]) -> bool:
    """Whether numbered texts read as the items of a list: one opens in lower case, or all are a few words
    and one ends as an item does ('1. Adopt laws on prevention;' '2. Collect data;'); a decision's
    paragraphs end in ';' too, but say more ('Decides that developed countries intend to continue …;')."""
    if any(not item[:1].isupper() for item in items):
        return True
    return _few_words(items) and any(item[-1:] in ";," for item in items)


def _few_words(items: list[str]) -> bool:
    """Whether every item is of a few words (LIST_ITEM_WORDS at most), as a list's are."""
    return all(len(item.split()) <= LIST_ITEM_WORDS for item in items)


def section_opened(at: Reading) -> Unit | None:
    """The heading just read, or the one right above the unnumbered paragraph just read (its section's
    chapeau): where a '1.' read now would restart the numbering."""
    current = at.current
    if current is not None and current.role == "top" and current.label is None and len(at.events) >= 2:
        current = at.events[-2] if at.events[-1] is current and current.container is at.events[-2] else None
    return current if current is not None and current.role == "heading" else None


def resumes_outer(at: Reading, label: Label) -> bool:
    """The number due next in the numbering that ran before a restart, where the restarted one has used it
    already or it comes out of the heading that one restarted under: '1. Organizational matters' … '5.
    Adoption of the report' printed under 'B. Agenda', then '5.' under 'C. Attendance' carries on
    paragraphs 1 to 4 (the restart was a list)."""
    series = at.number_series()
    outer, heading = at.outer.get(series), at.restarted_under.get(series)
    if outer is None or heading is None or label.suffix or label.number != outer[1] + 1:
        return False
    if (label.number, "") in at.used.get(series, set()):
        return True
    container = at.container()
    while container is not None and container is not heading:
        container = container.container
    return container is None


def starts_numbered_list(at: Reading, n: int) -> bool:
    """A '1.' under a paragraph ending in ':' where 1 cannot be the next paragraph: a numbered list."""
    if n != 1 or at.top is None or at.current is None:
        return False
    if at.numlist and at.numlist.parent is at.top:
        return False
    return at.last.get(at.number_series(), 0) > 1 and ocr.line_end_char(at.current.lines[-1][1]) == ":"


def _fits(at: Reading, series: str, n: int, suffix: str) -> bool:
    """Whether number n (with its suffix) can come next in a series: unused, and near the last one read."""
    if series == "op" and at.part == "preamble" and at.mode == "resolution":
        last = 0
    elif series == "op" and at.last.get("op", 0) >= 1 and n == 1 and not suffix:
        return not at.used.get("annex")  # numbering restarts: the annex
    else:
        last = at.last.get(series, 0)
    if (n, suffix) in at.used.get(series, set()):
        return False
    if last:
        return last - 4 <= n <= last + 6
    return 1 <= n <= 6 or series != "pp" and n == at.first_number


def _sub_fits(at: Reading, letter: str) -> bool:
    """Whether a sub-paragraph letter can come here: (a) after an ending line, else the letter due (or near it)."""
    previous = at.current.lines[-1][1] if at.current and at.current.lines else ""
    if letter == "a":
        return ocr.line_end_char(previous) in (":", ";", ".", "") or at.current is at.top
    if at.sub_next is None:
        return False
    expected = at.sub_next
    return letter == expected or letter == chr(ord(expected) - 1) or expected < letter <= chr(ord(expected) + 1)


def recognise_heading(at: Reading, line: str) -> Unit | None:
    """A section ('II. Title') or subsection ('B. Title': in a report, or under a numbered section) heading that
    fits those before it; outside a report no item of a list after a colon."""
    stripped = line.strip()
    if len(stripped) > 200 or stripped.endswith((";", ",")):
        return None
    label = roman_heading(line)
    if label is not None:
        last = at.printed_section  # sections an unnumbered title opened do not count
        digits = any(ch.isdigit() for ch in label.printed)  # OCR's '11.' for II: only right after section I
        if label.number == last + 1 and (last or not digits) or (last == 0 and label.number <= 5 and not digits):
            return Unit(
                "heading", None, label=label, container=at.annex, heading_level=1, heading_key=str(label.number)
            )
    label = letter_heading(line) if at.mode == "report" or at.printed_section else None
    if label is not None:
        letter = label.letter
        last = at.subsection.heading_key if at.subsection else ""
        first = letter <= "E" and (at.mode == "report" or not _in_list(at))
        if (not last and first) or (last and last < letter <= chr(ord(last) + 2)):
            return Unit("heading", None, label=label, container=at.section, heading_level=2, heading_key=letter)
    return None


LIST_REACH = 30  # units looked back over for the colon a lettered list follows


def _in_list(at: Reading) -> bool:
    """Whether the paragraph read last ends in a colon, or in lettered lines after one: more lettered lines are
    its list's items ('… grouped under the following headings:' 'A. …', 'B. …')."""
    for event in reversed(at.events[-LIST_REACH:]):  # an item refused before may stand as a paragraph of its own
        for _, line in reversed(getattr(event, "lines", [])):
            if line.strip() and not LETTER_HEADING.match(line):
                return ocr.line_end_char(line) == ":"
    return False


def title_lines(lines: list[Line], declared: dict[int, int]) -> dict[int, tuple[int, int]]:
    """The lines that are unnumbered titles ('Prevention' under 'II. Summary of deliberations'), each with
    its place in the run of titles printed one under the other (0 for the first) and the run's length.

    A title is a title-shaped line (`labels.title_shape`) alone between blank lines, before a numbered
    paragraph or another such title. After a paragraph that does not end (nor a heading), the first of
    a run is that paragraph's last words, carried on across a page break; after one that ends in a
    colon, the run is its list ('… adopted the following agenda:'), no title. Before a sentence ending in
    a colon that a numbered paragraph follows, it is a section's title too (`_opens_section`). A title-shaped line the
    format marks as a heading (`declared`: line → depth) is a title whatever follows it ('## Finance'
    then a chapeau), at its depth (0: a section, 1: a subsection; run 0: no run decides it).
    """
    found = _titles_by_shape(lines)
    for no, line in lines:
        if no in declared and title_shape(line) and not _heading_line(line):
            found[no] = (declared[no], 0)
    return found


def _titles_by_shape(lines: list[Line]) -> dict[int, tuple[int, int]]:
    """The unnumbered titles told by their shape and what follows them alone (see `title_lines`)."""
    blocks = _blocks(lines)
    leads = [False] * len(blocks)  # whether the block is title-shaped and leads to a numbered paragraph
    for k in range(len(blocks) - 2, -1, -1):
        block, following = blocks[k], blocks[k + 1][0][1]
        alone = len(block) == 1 and title_shape(block[0][1]) and not _heading_line(block[0][1])
        leads[k] = alone and (number_label(following) is not None or leads[k + 1] or _opens_section(blocks, k + 1))
    found: dict[int, tuple[int, int]] = {}
    k = 0
    while k < len(blocks):
        if leads[k]:
            before = blocks[k - 1][-1][1] if k else ""
            ends = ocr.line_end_char(before) if before and not _heading_line(before) else "."
            k += 0 if ends in ".;,?!" else 1  # the last words of a paragraph that does not end: the rest are titles
            end = next((e for e in range(k, len(blocks)) if not leads[e]), len(blocks))
            if ends != ":":  # after a colon, short lines are the items of a list
                found.update((blocks[e][0][0], (e - k, end - k)) for e in range(k, end))
            k = end
        k += 1
    return found


def _opens_section(blocks: list[list[Line]], k: int) -> bool:
    """Whether block k is a section's opening sentence: unnumbered, opening on a capital (not the end of a line
    wrapped, as a PDF's text layer leaves it), ending in a colon, and a numbered paragraph next ('The Working
    Group recommended the following on finance:' then '1. …')."""
    first = blocks[k][0][1] if k < len(blocks) else ""
    if number_label(first) is not None or not first.lstrip()[:1].isupper():
        return False
    end = k  # a PDF's text layer leaves each line of the sentence a block of its own: the lower-case ones go on
    while end + 1 < len(blocks) and ocr.line_end_char(blocks[end][-1][1]) != ":" and _goes_on(blocks[end + 1]):
        end += 1
    following = blocks[end + 1][0][1] if end + 1 < len(blocks) else ""
    return ocr.line_end_char(blocks[end][-1][1]) == ":" and number_label(following) is not None


def _goes_on(block: list[Line]) -> bool:
    """Whether a block carries on the sentence before it: it opens on a lower-case letter."""
    return block[0][1].lstrip()[:1].islower()


def _heading_line(line: str) -> bool:
    """A line that is a heading of its own kind: an annex, a numbered section or subsection, a recommendation."""
    return bool(is_annex_heading(line) or roman_heading(line) or letter_heading(line) or recommendation_label(line))


def _blocks(lines: list[Line]) -> list[list[Line]]:
    """The runs of lines between blank lines (kept as empty lines, or left out: a gap in the numbers)."""
    blocks: list[list[Line]] = [[]]
    for no, line in lines:
        if blocks[-1] and (not line.strip() or no > blocks[-1][-1][0] + 1):
            blocks.append([])
        if line.strip():
            blocks[-1].append((no, line))
    return [block for block in blocks if block]


def recognise_title(at: Reading, line: str, place: tuple[int, int]) -> Unit:
    """The heading an unnumbered title opens, its label inferred (`place`: its place in its run of titles
    and the run's length, see title_lines). Under a printed section it is a subsection ('II. Summary' then
    'Prevention': II.A; after a printed 'A.': II.B). Else the first of a run of titles is a section and the
    next ones its subsections; a title alone is a section, or a subsection when the unnumbered titles
    before it came in runs ('Summary' / 'Prevention' … 'Protection': I, I.A … I.B)."""
    depth, run = place
    printed = at.section is not None and not at.section.inferred
    nested = at.subsection is not None and at.subsection.inferred
    if printed or depth > 0 or (run == 1 and nested):
        last = at.subsection.heading_key if at.subsection is not None else ""
        letter = chr(ord(last) + 1) if last else "A"
        label = Label("heading", 0, letter=letter, rest=line.strip())
        unit = Unit("heading", None, label=label, container=at.section, heading_level=2, heading_key=letter)
    else:
        number = int(at.section.heading_key) + 1 if at.section is not None else 1
        label = Label("heading", number, rest=line.strip())
        unit = Unit("heading", None, label=label, container=at.annex, heading_level=1, heading_key=str(number))
    unit.inferred = True
    return unit
