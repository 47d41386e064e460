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

# "The Parties to this Agreement," "The General Assembly," "The Conference of the Parties," "We, the …,"
OPENING = re.compile(r"^(?:The|We,?)\s[^.;:]{2,150},$")
# "Have agreed as follows:", "Hereby agree as follows:", "Decides as follows:" — the end of a preamble
ENACTING = re.compile(r"\b(?:(?:have|hereby)\s+agreed?|agree|decides?|adopts?)\b[^.]{0,40}\bfollows\s*:?\s*$", re.I)
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
    return roles


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
        if role.kind == "container" and role.container is not None:
            kinds[role.container.kind] = kinds.get(role.container.kind, 0) + 1
    if any(count >= 2 for count in kinds.values()):
        return True
    for k, role in enumerate(roles[:-1]):
        if role.kind == "opening":
            return roles[k + 1].kind in ("text", "option")
    return False
