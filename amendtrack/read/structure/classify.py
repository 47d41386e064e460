"""Each block's role before the tree is built: container, option, numbered paragraph, formula or text.

A block is read once, in order; the role depends only on the block and on the letter label before
it (so "(i)" after "(h)" is a letter). Levels say how deep a numbered block sits under its container:
1 for a paragraph (`1.`), 2 for a sub-paragraph (`(a)`, or an item of a list inside a list), 3 for an
item (`(i)`). A list's own depth counts as much as the label's style: in Markdown, a list nested in a
list holds sub-paragraphs even though its items are numbered 1, 2, 3.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtrack.read import ocr
from amendtrack.read.structure.blocks import Block
from amendtrack.read.structure.labels import (
    Container,
    OptionStart,
    bare_container,
    container_heading,
    level_of,
    number_for_level,
    option_start,
    typed_label,
)
from amendtrack.read.text.labels import TITLE_WORDS, text_end, title_shape

# "The Parties to this Agreement," "The General Assembly," "The Conference of the Parties," "We, the …,"
OPENING = re.compile(r"^(?:The|We,?)\s[^.;:]{2,150},$")
# "Have agreed as follows:", "Hereby agree as follows:", "Decides as follows:" — the end of a preamble
ENACTING = re.compile(r"\b(?:(?:have|hereby)\s+agreed?|agree|decides?|adopts?)\b[^.]{0,40}\bfollows\s*:?\s*$", re.I)
# 'II. Adoption', 'A. Mitigation': a section's numeral or a subsection's letter, and its title
ROMAN_TITLE = re.compile(r"^(?P<r>[IVX]{1,6}|[A-Z])\.\s+(?P<t>\S.*)$")
LETTERS_SKIPPED = 2  # letters a subsection's letter may leap over (as the resolution reader allows)
PP_LABEL = re.compile(r"^PP\s*\.?\s*(?P<n>\d{1,3}(?:bis|ter|quater)?)\s*[.:)]?\s+", re.I)


@dataclass
class Role:
    """What one block is in the document's structure."""

    kind: str  # container | bare | option | numbered | opening | enacting | text | recital-label
    block: Block
    text: str  # the block's text without its label or option words
    level: int = 0  # numbered: 1 paragraph, 2 sub-paragraph, 3 item
    number: str | None = None  # numbered/option: as printed or generated
    container: Container | None = None
    option: OptionStart | None = None
    bare: str | None = None  # 'annex', 'appendix', 'preamble'


def classify(blocks: list[Block]) -> list[Role]:
    """The role of every block, in order."""
    roles: list[Role] = []
    previous_letter: str | None = None
    for block in blocks:
        role = _role(block, previous_letter)
        if role.kind == "numbered" and role.level == 2 and role.number and role.number.isalpha():
            previous_letter = role.number[-1]
        roles.append(role)
    _read_titles(roles)
    return roles


def _read_titles(roles: list[Role]) -> None:
    """Text blocks that are the titles of a decision's or report's sections become section headings: a
    title alone ('Adoption') or after a roman numeral in sequence ('II. Adoption'), before a numbered
    paragraph or another such title (see `_title`). After a paragraph that does not end
    (`_follows_paragraph_end`) the first of a run is that paragraph's last words; after one ending in a
    colon the run is its list ('… the following areas:'). Inside an Article or a
    numbered Part a title line is a caption of what follows: none is looked for after the first."""
    end = next((k for k, role in enumerate(roles) if role.kind == "container"), len(roles))
    found = [_title(role) for role in roles[:end]] + [None]
    leads = [False] * (end + 1)
    for k in range(min(end, len(roles) - 1) - 1, 0, -1):
        after = roles[k + 1]
        leads[k] = found[k] is not None and (_numbered(after) or leads[k + 1] or _opens(roles, k + 1))
    k, counts = 1, _Counts()
    while k < end:
        if roles[k].kind == "bare":
            counts = _Counts()  # an annex numbers its sections afresh
        if leads[k] and text_end(roles[k - 1].text) == ":" and roles[k - 1].kind != "container":
            while leads[k]:  # after a colon, short lines are the items of a list ('… the following areas:')
                k += 1
        elif leads[k]:
            k += 0 if _follows_paragraph_end(roles[k - 1]) else 1  # an unfinished paragraph's last words first
            while leads[k]:
                number, title = found[k] or ("", "")
                if not number and leads[k + 1] and (found[k + 1] or ("", ""))[0] == "A":
                    counts.letter = ""  # a part's bare title over lettered sections: 'Support', 'A. Finance'
                lettered = counts.take(number)
                if lettered is None:
                    number, title = "", roles[k].text  # out of sequence: no numeral, the whole line its title
                section = Container("section", number, title, False, titled=True, lettered=bool(lettered))
                roles[k] = Role("container", roles[k].block, title, container=section)
                k += 1
        k += 1


@dataclass
class _Counts:
    """Where the sections' numerals have got to: the roman numeral ('II') and the letter under it ('B')."""

    roman: int = 0
    letter: str = ""

    def take(self, number: str) -> bool | None:
        """Whether a title's numeral is a subsection's letter in sequence (True), a section's roman numeral
        next in sequence, or none (False); None when it is out of both sequences. A roman numeral opens its
        letters afresh ('II. Finance', then 'A. Long-term finance'); a letter may skip LETTERS_SKIPPED (a
        subsection dropped and the rest not relettered)."""
        if not number:
            return False
        after = ord(self.letter or "@")  # the letter before 'A' when none is printed yet
        if self.letter and not self.roman and len(number) == 1 and ord(number) == after + 1:
            self.letter = number  # lettered sections without parts: 'I.' after 'H.' is the ninth
            return True
        value = ocr.ocr_roman(number) if re.fullmatch(r"[IVX]+", number) else None
        if value is not None and (value == self.roman + 1 or not self.roman and value <= 5):
            self.roman, self.letter = value, ""
            return False
        if len(number) == 1 and after < ord(number) <= after + LETTERS_SKIPPED + 1:
            self.letter = number  # the next letter, or one after a subsection or two left out
            return True
        return None


def _numbered(role: Role) -> bool:
    """A numbered paragraph (not a sub-paragraph)."""
    return role.kind == "numbered" and role.level == 1


def _opens(roles: list[Role], k: int) -> bool:
    """Whether role k is a section's opening sentence: text opening on a capital and ending in a colon, with a
    numbered paragraph next ('The Working Group recommended the following on finance:' then '1. …')."""
    role = roles[k]
    following = roles[k + 1] if k + 1 < len(roles) else None
    opens = role.kind == "text" and role.text[:1].isupper() and text_end(role.text) == ":"
    return opens and following is not None and _numbered(following)


def _title(role: Role) -> tuple[str, str] | None:
    """A text block shaped as a section's title, as (roman numeral or '', title): a Markdown or HTML heading
    of a few words, a line of `title_shape`, or either after a roman numeral ('II. Adoption')."""
    if role.kind != "text":
        return None
    m = ROMAN_TITLE.match(role.text)
    number, title = (m.group("r"), m.group("t")) if m else ("", role.text)
    if title_shape(title) or bool(role.block.heading) and len(title.split()) <= TITLE_WORDS:
        return number, title
    return None


def _follows_paragraph_end(before: Role) -> bool:
    """Whether a title may come after this block: one that ends as a paragraph ends, or opens the body (a
    short line that carries a paragraph on across a page break follows text that does not end there); not
    a container whose title is still to come ('Article 1' / 'Definitions')."""
    if before.kind == "container":
        return bool(before.container and before.container.title)
    return before.kind in ("opening", "enacting", "bare") or text_end(before.text) in ".;,?!"


def _role(block: Block, previous_letter: str | None) -> Role:
    """One block's role (see classify)."""
    text = block.text
    if block.number is None:
        container = container_heading(text)
        if container is not None:
            return Role("container", block, container.title, container=container)
        bare = bare_container(text)
        if bare is not None:
            return Role("bare", block, "", bare=bare)
    if block.number is not None:
        level = max(block.depth, 1)
        number = block.number
        if number.isdigit() and level >= 2:  # a nested list of 1, 2, 3 prints (a), (b), (c) in these texts
            number = number_for_level(int(number), level)
        return Role("numbered", block, text, level=level, number=number)
    typed = typed_label(text, previous_letter)
    if typed is not None:
        # in a list item's content ('3bis.' indented under item 3) a typed label sits inside the item
        level = max(level_of(typed.style), block.depth if block.item else block.depth + 1 if block.depth else 0)
        return Role("numbered", block, typed.rest, level=level, number=typed.number)
    return unnumbered(block)


def unnumbered(block: Block) -> Role:
    """A block without a label: an option, a preamble's formula, a recital labelled PP, or text."""
    text = block.text
    option = option_start(text)
    if option is not None:
        return Role("option", block, option.rest, number=option.number, option=option)
    pp = PP_LABEL.match(text)
    if pp is not None:
        return Role("recital-label", block, text[pp.end() :].strip(), number=pp.group("n"))
    if OPENING.match(text) and not block.heading:
        return Role("opening", block, text)
    if ENACTING.search(text) and len(text) < 120:
        return Role("enacting", block, text)
    return Role("text", block, text)


def looks_structured(roles: list[Role]) -> bool:
    """Whether the document is built of containers or opens on an unnumbered preamble.

    Two container headings of one kind (two Articles, two Parts), or an opening formula ("The
    Parties to this Agreement,") followed by a recital without a PP label. Documents that are
    neither (resolutions with PP labels, reports with numbered paragraphs and recommendations) are
    read by the reader built for them (amendtrack.read.text).
    """
    kinds: dict[str, int] = {}
    for role in roles:
        if role.kind == "container" and role.container is not None and not role.container.titled:
            kinds[role.container.kind] = kinds.get(role.container.kind, 0) + 1
    if any(count >= 2 for count in kinds.values()):
        return True
    for k, role in enumerate(roles[:-1]):
        if role.kind == "opening":
            return roles[k + 1].kind in ("text", "option")
    return False
