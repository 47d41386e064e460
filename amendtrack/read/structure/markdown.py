"""Markdown front-end: a Markdown draft's blocks, read with markdown-it-py (CommonMark).

markdown-it hands over a flat stream of tokens, each block with the source lines it spans, so the
blocks are read in one pass with no recursion. What is dropped: the front matter (mdit-py-plugins'
front_matter), link reference definitions (CommonMark itself), footnote definitions (the footnote
plugin: each one's text goes to the `notes` of the block that cites it), thematic breaks, and the
kramdown extras that are not CommonMark: attribute lists (`{:toc}`, `{:.no_toc}`, `{: .class}`)
alone on a line or at the end of one, and the one-item list `* TOC` + `{:toc}` a table of contents
stands in for. Inline markup goes (emphasis, links → their text, code spans → their text, inline
HTML tags); square brackets that are no link stay exactly as written, since in a negotiated text
they are the text.

Hostile input: markdown-it stops nesting at `maxNesting` levels and silently skips what lies
deeper; a document that reaches that depth is refused with an InputError instead, so no paragraph
is ever lost without a word. The parser is linear in the size of its input.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from amendtrack.errors import InputError
from amendtrack.read.structure.blocks import Block

# Levels markdown-it opens before it gives up (a list item takes two: the list and the item, and
# the paragraph in it one more). The Paris drafts nest lists 3 deep (7 levels); 10,000 nested
# quotes stop here. Inline, it bounds how deep links nest, and so what each "[" costs: a line of
# 100,000 "[" takes about a second.
MAX_NESTING = 24

CONTAINERS = frozenset({"blockquote_open", "bullet_list_open", "ordered_list_open", "list_item_open"})
CITED = "\x00"  # stands where a footnote reference was, until the text is finished (no text holds a NUL)
ATTRIBUTE_LIST = re.compile(r"[ \t]*\{:[^{}\n]*\}[ \t]*$", re.MULTILINE)  # kramdown's {:toc}, {: .class}
TOC = re.compile(r"\s*TOC\s*\{:toc\}\s*")
EMPTIED_BRACKETS = re.compile(r"\[" + CITED + r"+\]")  # Parties[[^9]]: the brackets held only the reference
SPACES = re.compile(r"\s+")
BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
TAG_OR_COMMENT = re.compile(r"<!--.*?-->|<[^>]*>", re.DOTALL)


def markdown_blocks(text: str, source: str) -> list[Block]:
    """The blocks of a Markdown document, in order; an InputError when it nests too deep to read whole."""
    tokens = _parser().parse(text)
    _check_nesting(tokens, source)
    body, notes = _split_footnotes(tokens)
    return list(_Reader(notes).read(body))


def finish_text(text: str) -> str:
    """A block's text on one line: references' places gone (with brackets they emptied), spaces collapsed."""
    text = EMPTIED_BRACKETS.sub("", text).replace(CITED, "")
    return SPACES.sub(" ", text).strip()


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table")
    md.use(front_matter_plugin)
    # inline=False: no pandoc ^[inline notes]; always_match_refs: a reference to an undefined note
    # is still a reference (taken out of the text) rather than a literal "[^1]" in the paragraph
    md.use(footnote_plugin, inline=False, always_match_refs=True)
    md.disable("text_join")  # keep escapes apart from text, so "\ " can be told from "\\" + " "
    md.inline.ruler2.before("fragments_join", "stray_asterisks", _drop_stray_asterisks)
    return md


def _drop_stray_asterisks(state: StateInline) -> None:
    r"""Drop the `*` runs that emphasis left unmatched but that are markup all the same.

    kramdown, which the drafts were written for, is laxer than CommonMark: `**Option 3:**Building`
    is bold there, and transcribers leave emphasis unclosed (`*Consultative period`) or close it
    after a space (`3). *`). A run of two or more, or one that could only open emphasis (or neither
    open nor close it), is markup; a lone `*` closing a word (`[NDMC*]`, `a*b`) is the negotiators'
    own mark and stays. An escaped `\*` is no delimiter and always stays.
    """
    meta = [entry["delimiters"] for entry in state.tokens_meta if entry and "delimiters" in entry]
    for delimiters in [state.delimiters, *meta]:
        for delimiter in delimiters:
            token = state.tokens[delimiter.token]
            stray = delimiter.length >= 2 or not delimiter.close
            if delimiter.marker == ord("*") and stray and token.type == "text" and token.content == "*":
                token.content = ""


def _check_nesting(tokens: list[Token], source: str) -> None:
    """An InputError when a list, item or quote opens where markdown-it no longer reads what it holds."""
    for token in tokens:
        if token.type in CONTAINERS and token.level >= MAX_NESTING - 1:
            line = token.map[0] + 1 if token.map else None
            message = f"lists or quotes nested too deep (more than {MAX_NESTING - 1} levels; a list takes two)"
            raise InputError(source, message, line=line)


def _split_footnotes(tokens: list[Token]) -> tuple[list[Token], dict[int, str]]:
    """The tokens of the text, and each footnote's text by its id (the plugin moves them to the end)."""
    try:
        start = next(i for i, token in enumerate(tokens) if token.type == "footnote_block_open")
    except StopIteration:
        return tokens, {}
    notes: dict[int, list[str]] = {}
    current: list[str] = []
    for token in tokens[start:]:
        if token.type == "footnote_open":
            current = notes.setdefault(token.meta["id"], [])
        elif token.type == "inline":
            current.append(_inline_text(token.children or [], None))
        elif token.type in ("fence", "code_block", "html_block"):
            current.append(_raw_text(token))
    return tokens[:start], {id_: finish_text(" ".join(parts)) for id_, parts in notes.items()}


@dataclass
class _Item:
    number: str | None
    pending: bool = True  # its first block is still to come


@dataclass
class _Reader:
    """Walks the token stream once, keeping the lists and items open."""

    notes: dict[int, str]
    lists: int = 0
    items: list[_Item] = field(default_factory=list)
    heading: int = 0
    row: list[tuple[str, list[str]]] | None = None  # the cells of the table row being read
    row_line: int = 0

    def read(self, tokens: list[Token]) -> Iterator[Block]:
        i = 0
        while i < len(tokens):
            if _is_toc(tokens, i):
                i += 7  # the list, its item, the paragraph and their closings
                continue
            block = self._step(tokens[i])
            if block is not None:
                yield block
            i += 1

    def _step(self, token: Token) -> Block | None:
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            self.lists += 1
            if self.items:
                self.items[-1].pending = False  # an item that opens on a list has no block of its own
        elif kind in ("bullet_list_close", "ordered_list_close"):
            self.lists -= 1
        elif kind == "list_item_open":
            ordered = token.markup in (".", ")")  # a bullet's markup is its "*", "-" or "+"
            self.items.append(_Item(token.info if ordered else None))
        elif kind == "list_item_close":
            self.items.pop()
        elif kind == "heading_open":
            self.heading = int(token.tag[1:])
        elif kind == "heading_close":
            self.heading = 0
        elif kind == "inline":
            return self._inline(token)
        elif kind in ("fence", "code_block", "html_block"):
            return self._make(_raw_text(token), _line(token), [])
        elif kind == "tr_open":
            self.row, self.row_line = [], _line(token)
        elif kind == "tr_close":
            return self._row()
        return None

    def _inline(self, token: Token) -> Block | None:
        notes: list[str] = []
        text = _inline_text(token.children or [], (self.notes, notes))
        if self.row is not None:
            self.row.append((finish_text(text), notes))
            return None
        block = self._make(text, _line(token), notes)
        if block is not None and not block.heading and not block.item and _all_strong(token.children or []):
            block.heading = CAPTION  # '**Response measures**' on its own: a caption, not the paragraph's text
        return block

    def _row(self) -> Block | None:
        cells, self.row = self.row or [], None
        if not any(text for text, _ in cells):
            return None
        notes = [note for _, cell_notes in cells for note in cell_notes]
        return self._make(" | ".join(text for text, _ in cells), self.row_line, notes)

    def _make(self, text: str, line: int, notes: list[str]) -> Block | None:
        text = finish_text(text)
        if not text:
            return None
        block = Block(text, line, heading=self.heading, depth=self.lists, notes=notes)
        item = self.items[-1] if self.items else None
        if item is not None and item.pending:
            block.item, block.number, item.pending = True, item.number, False
        return block


CAPTION = 6  # the heading level a paragraph all in bold is read as


def _all_strong(children: list[Token]) -> bool:
    """An inline run that is one bold span and nothing else (spaces and line breaks aside)."""
    kinds = [c.type for c in children if not (c.type == "text" and not c.content.strip()) and c.type != "softbreak"]
    if len(kinds) < 3 or kinds[0] != "strong_open" or kinds[-1] != "strong_close":
        return False
    return "strong_open" not in kinds[1:]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1


def _is_toc(tokens: list[Token], i: int) -> bool:
    """Whether a one-item list `* TOC` + `{:toc}` (kramdown's table of contents) starts at tokens[i]."""
    if tokens[i].type not in ("bullet_list_open", "ordered_list_open") or i + 6 >= len(tokens):
        return False
    kinds = [token.type for token in tokens[i + 1 : i + 7]]
    expected = ["list_item_open", "paragraph_open", "inline", "paragraph_close", "list_item_close"]
    return kinds[:5] == expected and kinds[5].endswith("_list_close") and bool(TOC.fullmatch(tokens[i + 3].content))


def _inline_text(children: list[Token], notes: tuple[dict[int, str], list[str]] | None) -> str:
    """The text of an inline token's children, markup gone; the footnotes cited are added to notes[1].

    Line ends stay (soft and hard breaks, <br>) until the attribute lists at their ends are dropped.
    """
    parts: list[str] = []
    links: list[str | None] = []  # the open links: None for a real link, else its destination as written
    pending = list(reversed(children))  # an image's alt text is read in its place, without recursion
    while pending:
        child = pending.pop()
        kind = child.type
        if kind == "link_open":  # "[x](a)" in a treaty is "paragraph [x](a)", a bracket, not a link to "a"
            href = str(child.attrGet("href") or "")
            links.append(None if re.search(r"[:/.#@?=]", href) else href)
            parts.append("[" if links[-1] is not None else "")
        elif kind == "link_close":
            href = links.pop() if links else None
            parts.append(f"]({href})" if href is not None else "")
        elif kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "text_special":  # an escape or an entity; "\ " is no CommonMark escape, its space is meant
            content = child.content
            parts.append(content[1:] if content[:1] == "\\" and content[1:].isspace() else content)
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "html_inline":
            parts.append("\n" if BR.fullmatch(child.content.strip()) else "")
        elif kind == "image":
            pending.extend(reversed(child.children or []))
        elif kind == "footnote_ref":
            parts.append(CITED)
            note = notes[0].get(child.meta["id"]) if notes is not None else None
            if note:
                notes[1].append(note)  # type: ignore[index]
    return ATTRIBUTE_LIST.sub("", "".join(parts))


def _raw_text(token: Token) -> str:
    """A code block's text as it is; an HTML block's text without its tags and comments."""
    if token.type != "html_block":
        return token.content
    return html.unescape(TAG_OR_COMMENT.sub(" ", token.content))
