"""A printed table of contents: navigation, not the draft's text.

A report's final version (and many treaties) prints one before the body: 'Contents', a column head
('Page', 'Paragraphs Page') and one line per heading with its page number, often after dot leaders
('I. Recommendations ........ 2'). Read as text, each entry is a heading ('I.', 'Article 1') printed a
second time, so the real headings read as paragraphs. The rules:

* after a line 'Contents' (or 'Table of contents'), the run of lines that are column heads, page
  furniture (a page break inside the table) or entries: an entry ends in a page number after dot
  leaders, or (without leaders, as Word's tab leaders leave it) in a page number that follows on
  from the entry before, or after a title that the text prints again further on ('I.
  Recommendations 2', then 'I. Recommendations'); a line of an entry wrapped before its page number
  goes with it; the run ends where the first entry's heading is printed again (the body);
* anywhere, a run of three or more lines ending in dot leaders and a page number that list headings
  (most numbered, the pages never going back), not a table of figures or votes.

The lines found are blanked (`blank_contents`) or their blocks dropped (`without_contents`) before any
reader looks for the title block or the body; the 'Contents' line goes with them.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from amendtrack.read import ocr

CONTENTS = re.compile(r"^\s*(?:table\s+of\s+)?contents\s*:?\s*$", re.I)
COLUMN_HEAD = re.compile(r"^\s*(?:(?:chapter|paragraphs?|pages?)\s*)+$", re.I)
LEADERS = re.compile(r"^(?P<t>.*?\S)\s*(?:(?:\.\s?){4,}|…+|(?:_\s?){4,})\s*(?P<p>\d{1,4})\s*$")  # '… ........ 2'
PAGE = re.compile(r"^(?P<t>.*?[^\W\d].*?)\s+(?:\d{1,3}[–-]\d{1,3}\s+)?(?P<p>\d{1,4})\s*$")  # 'I. Title 2', '… 1-5 2'
LABELLED = re.compile(r"^(?:\(?\d{1,3}[.)]|\(?[a-z]\)|[IVXL]{1,5}\.|[A-Z]\.)\s")  # '1.', '(a)', 'II.', 'B.'
PAGES_APART = 30  # most pages between two entries (and before the first) that a table of contents lists
MAX_ENTRY = 200  # characters: an entry is a line, never a paragraph
LEADER_RUN = 3  # entries with dot leaders that make a table of contents without a 'Contents' line
WRAPPED = 2  # most lines an entry wraps over before its page number
ENTRY_WORDS = 12  # most words of a numbered entry without leaders ('2. Organization of work 3')
HEADING_START = re.compile(r"^(?:[IVXL]{1,5}\.|[A-Z]\.|\d{1,3}\.|(?:article|chapter|part|section|annex)\b)", re.I)


class _HasText(Protocol):
    text: str


_Texted = TypeVar("_Texted", bound=_HasText)  # a front-end's block


def contents_lines(texts: list[str]) -> set[int]:
    """The indexes of the lines that print a table of contents (see the module docstring)."""
    found: set[int] = set()
    for k, text in enumerate(texts):
        if CONTENTS.match(text) and k not in found:
            found |= _run_after(texts, k)
    return found | _leader_runs(texts, found)


def _run_after(texts: list[str], head: int) -> set[int]:
    """The 'Contents' line at `head` and the column heads, page furniture and entries that follow it."""
    run = {head}
    k, page, first = head + 1, 0, []
    while k < len(texts):
        if not texts[k].strip() or COLUMN_HEAD.match(texts[k]) or ocr.is_furniture(texts[k]):
            run.add(k)  # a page break's symbol and number may fall inside the table
            k += 1
            continue
        if first and _begins(_words(texts[k]), first):
            break  # the first entry's heading printed again: the body
        taken, page = _entry_at(texts, k, page)
        if not taken:
            break
        first = first or _words(_title_of(" ".join(texts[k : k + taken])))
        run |= set(range(k, k + taken))
        k += taken
    entries = [k for k in run if k != head and texts[k].strip() and not COLUMN_HEAD.match(texts[k])]
    return run if entries else set()


def _entry_at(texts: list[str], k: int, page: int) -> tuple[int, int]:
    """How many lines from k make one entry (its wrapped lines, then the line with its page number), 0 for
    none, and the entry's page. Without dot leaders, an entry's page follows on from the one before
    (`_turns_to`) or its title is printed again further on: a heading ending in a year is no entry."""
    title, lines = "", 0
    for end in range(k, len(texts)):
        line = texts[end].strip()
        if end > k and (not line or ocr.is_furniture(line) and not line.isdigit()):
            continue  # a page break inside a wrapped entry (a number alone is the entry's page)
        lines += 1
        if lines > WRAPPED + 1 or not line or len(line) > MAX_ENTRY or CONTENTS.match(line):
            return 0, page
        if lines > 1 and LABELLED.match(line):
            return 0, page  # a heading and its paragraph 1 after the table: no entry wrapped
        leaders = LEADERS.match(line)
        if leaders:
            return end - k + 1, int(leaders.group("p"))
        title = f"{title} {line}".strip()
        entry = PAGE.match(title)
        if entry and _page_entry(entry, page, texts, end + 1):
            return end - k + 1, int(entry.group("p"))
    return 0, page


def _page_entry(entry: re.Match[str], page: int, texts: list[str], after: int) -> bool:
    """Whether a title and number without leaders is an entry: its page follows on from the one before, or is
    no lower and its title (two words or more) is printed again further on; a numbered line of many words
    ('2. Each report shall contain … paragraphs 7 and 8') is a paragraph."""
    title, number = entry.group("t"), int(entry.group("p"))
    if re.match(r"^\d{1,3}\.\s", title) and len(title.split()) > ENTRY_WORDS:
        return False
    if _turns_to(page, number):
        return True
    return number >= page and len(_words(title)) > 1 and _printed_later(title, texts, after)


def _begins(line: list[str], first: list[str]) -> bool:
    """Whether a line's words start as the first entry's title does, or that title starts it."""
    shorter = min(len(line), len(first))
    return shorter > 0 and line[:shorter] == first[:shorter]


def _title_of(entry: str) -> str:
    """An entry's title without its leaders and page number."""
    found = LEADERS.match(entry.strip()) or PAGE.match(entry.strip())
    return found.group("t") if found else entry


def _turns_to(page: int, number: int) -> bool:
    """Whether a table of contents on page `page` (0 before its first entry) may list a page `number` next."""
    return page <= number <= page + PAGES_APART


def _printed_later(title: str, texts: list[str], after: int) -> bool:
    """Whether the entry's title is printed again after line `after` (as a heading, maybe wrapped)."""
    words = _words(title)
    if len(words) < 1 or not any(ch.isalpha() for ch in title):
        return False
    later = " ".join(_words(" ".join(texts[after:])))
    return f" {' '.join(words)} " in f" {later} "


def _words(text: str) -> list[str]:
    return [word for word in re.split(r"[\s.…_]+", text.lower()) if word]


def _leader_runs(texts: list[str], found: set[int]) -> set[int]:
    """Runs of LEADER_RUN or more lines ending in dot leaders and a page number (blank lines between)."""
    runs: set[int] = set()
    current: list[int] = []
    for k, text in enumerate([*texts, "end"]):
        if not text.strip() and current:
            continue
        if k < len(texts) and k not in found and len(text) <= MAX_ENTRY and LEADERS.match(text.strip()):
            current.append(k)
            continue
        if len(current) >= LEADER_RUN and _lists_headings([texts[i] for i in current]):
            runs |= set(current)
        current = []
    return runs


def _lists_headings(entries: list[str]) -> bool:
    """Whether lines with dot leaders list headings and their pages (numbered headings mostly, pages that never
    go back), not a table of figures ('In favour ........ 120', 'Against ........ 5')."""
    pages = [int(LEADERS.match(entry.strip()).group("p")) for entry in entries]  # type: ignore[union-attr]
    headed = sum(bool(HEADING_START.match(entry.strip())) for entry in entries)
    return pages == sorted(pages) and 2 * headed >= len(entries)


def blank_contents(lines: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """The numbered lines with those of a table of contents blanked (their numbers kept)."""
    found = contents_lines([text for _, text in lines])
    if not found:
        return lines
    return [(no, "" if k in found else text) for k, (no, text) in enumerate(lines)]


def without_contents(blocks: list[_Texted], texts: list[str]) -> list[_Texted]:
    """A front-end's blocks (one per paragraph of a PDF, Word or HTML file) less a table of contents's, told by
    their `texts` (each with its label as typed: Markdown and HTML keep a list's numbers apart)."""
    found = contents_lines(texts)
    return [block for k, block in enumerate(blocks) if k not in found] if found else blocks
