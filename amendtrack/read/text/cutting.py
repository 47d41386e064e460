"""Cut a draft's cleaned lines into units: start a paragraph at each label, carry it on, close it.

Line by line: a 'Recommendation N' waits for its text; an annex heading opens the annex; a label
that fits the numbering starts a paragraph, sub-paragraph or list item (or waits, stacked, when
printed alone); a heading opens a section; any other line carries on the paragraph before it,
unless a blank line and the way that paragraph ends say a new one begins. Footnote and balloon
lines become markers of the paragraph being read.
"""

from __future__ import annotations

from amendtrack.errors import InputError
from amendtrack.model.tree import Marker
from amendtrack.read import ocr
from amendtrack.read.text.labels import (
    BULLET,
    PP_LABEL,
    Label,
    is_annex_heading,
    number_label,
    recommendation_label,
    wraps_on,
)
from amendtrack.read.text.lines import BALLOON, FOOTNOTE, Line, opening_number, typical_length
from amendtrack.read.text.markers import NOTE_BLOCK, note_marker, strip_editorial
from amendtrack.read.text.recognise import (
    listing_sentences,
    recognise_heading,
    recognise_label,
    recognise_title,
    restarts_in_section,
    resumes_outer,
    section_opened,
    starts_numbered_list,
    title_lines,
)
from amendtrack.read.text.units import NumberedList, Reading, StackedLabel, Unit

_NOT_A_DRAFT = "no paragraphs found: this does not look like a draft"


def cut_into_units(
    lines: list[Line], source: str, blocks_run_on: bool = True, headings: dict[int, int] | None = None
) -> Reading:
    """The units of a draft's body, in order, with where the reading ended (its annex, if any).

    `blocks_run_on`: whether a block after a blank line may carry on the paragraph before it
    (plain text: when that paragraph does not end there; Word: never, a paragraph ends at its mark);
    `headings`: the lines the format marks as titles (Markdown '##', HTML <h2>), with their depth.
    """
    at = _begin(lines, source)
    at.titles = title_lines(lines, headings or {})
    at.listing = listing_sentences(lines)
    at.first_number = opening_number([line for _, line in lines])
    gap = True
    for no, line in lines:
        if not line:
            gap = True
            continue
        if line.startswith(BALLOON):
            what, _, text = line[len(BALLOON) :].partition(":")
            _attach(at, Marker("facilitator_edit", text, ref=what.lower()))
            continue
        if line.startswith(FOOTNOTE):
            mark, _, text = line[len(FOOTNOTE) :].partition(":")
            _attach(at, Marker("footnote", text, ref=mark))
            continue
        _read_line(at, no, line, gap, blocks_run_on)
        gap = False
    _close(at)
    _finish(at, source)
    return at


def _begin(lines: list[Line], source: str) -> Reading:
    """A resolution (it has PP labels) or a report, and how short a line must be to end a paragraph."""
    mode = "resolution" if any(PP_LABEL.match(line) for _, line in lines if line) else "report"
    if not any(line and not line.startswith("\x00") for _, line in lines):
        raise InputError(source, _NOT_A_DRAFT)
    typical = typical_length(lines)
    return Reading(mode, "preamble" if mode == "resolution" else "report", short=0.6 * typical, full=0.8 * typical)


def _finish(at: Reading, source: str) -> None:
    """No paragraph at all is an error; a note or balloon after the last paragraph stays with the last unit."""
    if not any(isinstance(e, Unit) and e.role in ("top", "chapeau") for e in at.events):
        raise InputError(source, _NOT_A_DRAFT)
    if at.pending_markers:
        last = next(e for e in reversed(at.events) if isinstance(e, Unit))
        last.markers.extend(at.pending_markers)
        at.pending_markers = []


def _read_line(at: Reading, no: int, line: str, gap: bool, blocks_run_on: bool) -> None:
    """One line: it opens something (a recommendation, the annex, a labelled unit, a heading), carries on
    the unit being read, or starts an unlabelled one."""
    if (
        _waits_for_recommendation(at, line)
        or _opens_annex(at, no, line)
        or (not gap and _ends_mid_sentence(at, line) and _carry_on(at, no, line))
        or _starts_labelled(at, no, line)
        or _opens_heading(at, no, line)
    ):
        return
    current = at.current
    waits = current is not None and current.role == "heading" and isinstance(at.events[-1], StackedLabel)
    if (
        current is not None
        and not waits
        and ((not gap and not _bullet_breaks(at, line)) or (blocks_run_on and _continues(at, current, line)))
    ):
        current.lines.append((no, line))
        return
    _start_unlabelled(at, no, line)


# --- lines that open something -----------------------------------------------------------------------


def _waits_for_recommendation(at: Reading, line: str) -> bool:
    label = recommendation_label(line)
    if label is None:
        return False
    _close(at)
    at.pending_rec = label
    return True


def _opens_annex(at: Reading, no: int, line: str) -> bool:
    if not is_annex_heading(line):
        return False
    _open_annex(at, no, line, printed=True)
    return True


def _ends_mid_sentence(at: Reading, line: str) -> bool:
    """Whether the line is a bare number ('11.') right under a line of the paragraph being read that stops
    mid-sentence ('… under Articles 9, 10 and'): the paragraph's last word, wrapped, not a stacked label."""
    current = at.current
    if current is None or current.role not in ("top", "sub", "item", "numitem") or not current.lines:
        return False
    label = number_label(line)
    end = ocr.line_end_char(current.lines[-1][1])
    return label is not None and not label.rest and (end.isalnum() or end == ",")


def _carry_on(at: Reading, no: int, line: str) -> bool:
    assert at.current is not None  # _ends_mid_sentence found it
    at.current.lines.append((no, line))
    return True


def _starts_labelled(at: Reading, no: int, line: str) -> bool:
    """A label that fits: a sub-paragraph, an item of a numbered list, or a paragraph (stacked when alone)."""
    label = recognise_label(at, line)
    if label is None:
        return False
    if label.series == "sub":
        _start(at, Unit("sub", None, [(no, label.rest)], label, container=at.top))
        at.sub_next = chr(ord(label.letter) + 1)
    elif label.series == "numitem":
        _start_numbered_item(at, no, label)
    else:
        _start_paragraph(at, no, label)
    return True


def _start_numbered_item(at: Reading, no: int, label: Label) -> None:
    if starts_numbered_list(at, label.number):
        at.numlist = NumberedList(at.top, 1)
    assert at.numlist is not None  # the label continues a numbered list or opens one
    at.numlist.next = label.number + 1
    unit = Unit("numitem", None, [(no, label.rest)], label, container=at.numlist.parent)
    _start(at, unit)
    at.top = unit
    at.sub_next = None


def _start_paragraph(at: Reading, no: int, label: Label) -> None:
    restart = restarts_in_section(at, label)
    resume = not restart and resumes_outer(at, label)
    series = _restart(at) if restart else _resume(at) if resume else _series_of(at, label)
    at.used.setdefault(series, set()).add((label.number, label.suffix))
    at.last[series] = max(at.last.get(series, 0), label.number)
    heading = at.restarted_under.get(series) if restart else None
    chapeau = at.current
    if restart and chapeau is not None and chapeau.role == "top" and chapeau.label is None:
        chapeau.restart, chapeau.scope = True, heading  # the section's opening text counts under it too
    at.reset_lists()
    if not label.rest.strip():
        at.events.append(StackedLabel(label, no, series, at.container(), restart, resume, heading))
        return
    unit = Unit("top", series, [(no, label.rest)], label, container=at.container(), restart=restart, resume=resume)
    unit.scope = heading
    _start(at, unit)


def _restart(at: Reading) -> str:
    """The series whose numbering restarts under the heading just opened, counted afresh from here; the
    numbering before the first restart is kept, in case it carries on (see recognise.resumes_outer)."""
    series = at.number_series()
    at.outer.setdefault(series, (at.used.get(series, set()), at.last.get(series, 0)))
    at.used[series], at.last[series] = set(), 0
    at.restarted_under[series] = _fresh_heading(at)
    return series


def _fresh_heading(at: Reading) -> Unit:
    """The outermost of the headings opened since the last paragraph: 'II. Measures' then 'A. Prevention' then
    '1.' restarts the numbering of section II, not of its first subsection alone."""
    fresh = section_opened(at)
    assert fresh is not None  # a heading is open (see restarts_in_section)
    end = next(k for k in range(len(at.events) - 1, -1, -1) if at.events[k] is fresh)
    for event in reversed(at.events[: end + 1]):
        if not isinstance(event, Unit) or event.role != "heading":
            break
        fresh = event
    return fresh


def _resume(at: Reading) -> str:
    """The series whose numbering from before a restart carries on here."""
    series = at.number_series()
    at.used[series], at.last[series] = at.outer.pop(series)
    del at.restarted_under[series]
    return series


def _series_of(at: Reading, label: Label) -> str:
    """The series a label numbers; the first operative number ends the preamble, a second '1.' opens the annex."""
    if label.series == "pp":
        return "pp"
    series = at.number_series()
    if series == "op" and at.part == "preamble":
        at.part = "operative"
    if series == "op" and label.number == 1 and at.last.get("op", 0) >= 1 and label.suffix == "":
        _open_annex(at, None, None, printed=False)
        series = "annex"
    return series


def _opens_heading(at: Reading, no: int, line: str) -> bool:
    heading = recognise_heading(at, line)
    if heading is None and no in at.titles and not _wrapped_title(at, line):
        heading = recognise_title(at, line, at.titles[no])
    if heading is None:
        return False
    if heading.heading_level == 1:
        at.section, at.subsection = heading, None
        at.printed_section = heading.label.number if heading.label and not heading.inferred else at.printed_section
    else:
        at.subsection = heading
    at.reset_lists()
    _close(at)
    at.events.append(heading)
    at.current = heading
    heading.lines.append((no, line))
    return True


def _wrapped_title(at: Reading, line: str) -> bool:
    """Whether the line carries on the heading just read (a title wrapped in a PDF), not a title of its own."""
    current = at.current
    return current is not None and current.role == "heading" and wraps_on(current.lines[-1][1].rstrip(), line, at.full)


def _open_annex(at: Reading, no: int | None, line: str | None, printed: bool) -> None:
    """An annex, printed ('ANNEX') or implied (numbering restarts at 1, a 'We, …' declaration)."""
    _close(at)
    unit = Unit("annex", None)
    if line is not None and no is not None:
        unit.lines.append((no, line))
    unit.label = Label("heading", 0, printed="ANNEX" if printed else "", rest="")
    unit.inferred = not printed
    at.events.append(unit)
    at.annex = unit
    at.part = "annex"
    at.section = at.subsection = None
    at.printed_section = 0
    at.reset_lists()


# --- starting, attaching and closing units ---------------------------------------------------------------


def _start(at: Reading, unit: Unit) -> None:
    """A new unit, with the markers that waited for it."""
    _close(at)
    if at.pending_markers:
        unit.markers.extend(at.pending_markers)
        at.pending_markers = []
    at.events.append(unit)
    at.current = unit
    if unit.role == "top":
        at.top = unit


def _close(at: Reading) -> None:
    """The unit read so far ends; a note block becomes a marker waiting for the next paragraph."""
    unit = at.current
    at.current = None
    if unit is not None and unit.role == "note":
        at.events.remove(unit)
        at.pending_markers.append(note_marker(ocr.join_lines([line for _, line in unit.lines])))


def _attach(at: Reading, marker: Marker) -> None:
    """A footnote or balloon goes with the paragraph being read (after a heading: with the next one)."""
    if at.current is not None and at.current.role != "heading":
        at.current.markers.append(marker)
    else:
        at.pending_markers.append(marker)


# --- lines without a label -----------------------------------------------------------------------------


def _continues(at: Reading, unit: Unit, line: str) -> bool:
    """Whether a block after a blank line carries on the paragraph (or the wrapped heading) before it."""
    previous = strip_editorial(unit.lines[-1][1])
    if unit.role == "heading":  # a title wrapped in a PDF's text layer
        return wraps_on(previous.rstrip(), line, at.full)
    if unit.role in ("annex", "note"):
        return False
    if not strip_editorial(" ".join(text for _, text in unit.lines)).strip():
        return False  # a placeholder such as "43. [Merged with paragraph 42]"
    end = ocr.line_end_char(previous)
    lower = _first_alpha(line).islower()
    if BULLET.match(line) or NOTE_BLOCK.match(line):
        return False
    if end in ".;:?!":
        return False
    if end == ",":
        if unit.series == "pp" or unit.role == "item":
            return lower and not _in_list(at, unit)
        return True
    if len(previous.strip()) < at.short:
        return False
    if unit.role == "item" and lower and len(previous.strip()) < at.full:
        return False
    return True


def _bullet_breaks(at: Reading, line: str) -> bool:
    """A bullet glyph at a line start opens a new item when a list is under way."""
    if not BULLET.match(line) or at.current is None or at.current.role not in ("top", "item"):
        return False
    end = ocr.line_end_char(at.current.lines[-1][1])
    return at.current.role == "item" and end in ",;." or end == ":"


def _in_list(at: Reading, unit: Unit) -> bool:
    """Whether lower-case blocks after this unit are items of a list."""
    if unit.role == "item":
        return True
    previous = strip_editorial(unit.lines[-1][1])
    end = ocr.line_end_char(previous)
    return end == ":" or (end.isalnum() and len(previous.strip()) < at.short)


def _start_unlabelled(at: Reading, no: int, line: str) -> None:
    """A block with no label: a note, a recommendation's text, a list item, the annex chapeau or a paragraph."""
    if NOTE_BLOCK.match(line):
        _close(at)
        unit = Unit("note", None, [(no, line)])
        at.events.append(unit)
        at.current = unit
        return
    bullet = BULLET.match(line)
    text = bullet.group("rest") if bullet else line
    if at.pending_rec is not None:
        label, at.pending_rec = at.pending_rec, None
        _start(at, Unit("top", "rec", [(no, text)], label, container=at.container()))
        return
    if _starts_item(at, no, text, bool(bullet)):
        return
    if at.part == "operative" and text.lstrip().startswith("We,"):
        _open_annex(at, None, None, printed=False)
    if _starts_annex_chapeau(at, no, text):
        return
    series = "pp" if at.part == "preamble" else at.number_series()
    _start(at, Unit("top", series, [(no, text)], None, container=at.container(), bullet=bool(bullet)))
    at.sub_next = None
    at.numlist = None


def _starts_item(at: Reading, no: int, text: str, bullet: bool) -> bool:
    """A bulleted or lower-case block after a paragraph that opens a list (or after an item): an item."""
    chapeau = at.top if at.top is not None and at.top.role in ("top", "numitem") else None
    previous = at.current
    if chapeau is None or previous is None or not (bullet or _first_alpha(text).islower()):
        return False
    if not (previous.role == "item" or (previous is chapeau and _in_list(at, previous))):
        return False
    _start(at, Unit("item", None, [(no, text)], container=chapeau, bullet=bullet))
    at.top = chapeau
    return True


def _starts_annex_chapeau(at: Reading, no: int, text: str) -> bool:
    """Text before the annex's first heading or numbered paragraph: its chapeau."""
    if (
        at.part != "annex"
        or at.used.get("annex")
        or at.section is not None
        or any(isinstance(e, StackedLabel) and e.series == "annex" for e in at.events)
    ):
        return False
    _start(at, Unit("chapeau", None, [(no, text)], container=at.annex))
    at.top = at.current
    return True


def _first_alpha(text: str) -> str:
    for ch in text:
        if ch.isalpha():
            return ch
    return ""
