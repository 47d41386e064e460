"""The tree of a structured document, built block by block from the blocks' roles.

The reader keeps two stacks: the containers open (a Part holds Chapters, a Chapter Articles) and,
inside the innermost container, the numbered nodes open at each level. A block at level L closes
every node at level L or deeper and becomes a child of what is left open. Options sit between
levels: an option group opened inside paragraph 7 (level 1) stands at 1.25 and each option at 1.5,
so the sub-paragraphs that follow (level 2) are the option's, and paragraph 8 (level 1) closes it.
An option group standing in a container (level 0.25) holds the numbered paragraphs after it until
the next option or container, unless one carries on the numbering from before the group.

Labels and eIds are given afterwards (amendtrack.read.structure.naming), from the tree.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from amendtrack.model.tree import Marker, Paragraph
from amendtrack.read.structure.classify import Role, unnumbered
from amendtrack.read.structure.labels import next_option, number_for_level, option_style, option_value, split_options

MAX_NESTING = 48  # open levels (paragraphs, options, their groups): far beyond any draft, well within recursion


class TooDeep(Exception):
    """Options or lists nested deeper than MAX_NESTING, at this line."""

    def __init__(self, line: int):
        super().__init__(line)
        self.line = line


CONTAINER_RANK = {"annex": 0, "appendix": 0, "part": 1, "chapter": 2, "section": 3, "article": 4}


@dataclass
class Open:
    """A node open for children: its level (see the module docstring)."""

    level: float
    node: Paragraph
    sublist: bool = False  # a paragraph whose sub-paragraphs were typed 1., 2. (see _restart_as_sublist)


@dataclass
class Builder:
    """Builds the body of a structured document (after its preface) from the blocks' roles."""

    top: list[Paragraph] = field(default_factory=list)
    containers: list[Paragraph] = field(default_factory=list)
    stack: list[Open] = field(default_factory=list)
    phase: str = "start"  # start | preamble | body
    numbers_before: dict[int, str] = field(default_factory=dict)  # id(group) → last paragraph number before it
    ranks: dict[int, float] = field(default_factory=dict)  # id(container) → its rank (CONTAINER_RANK, or between)
    lettered: set[int] = field(default_factory=set)  # id() of the subsections numbered by a letter

    def add(self, role: Role) -> None:
        """Place one block; one nested deeper than MAX_NESTING is refused (TooDeep): the tree's readers recurse."""
        handler = {
            "container": self._container,
            "bare": self._bare,
            "opening": self._opening,
            "enacting": self._enacting,
            "option": self._option,
            "numbered": self._numbered,
            "recital-label": self._recital,
        }.get(role.kind, self._text)
        handler(role)
        if len(self.stack) > MAX_NESTING:
            raise TooDeep(role.block.line)

    # containers -----------------------------------------------------------------------------
    def _container(self, role: Role) -> None:
        assert role.container is not None
        kind = role.container.kind
        titled = role.container.titled
        node = _node(kind, role.text, role, num=role.container.number or None, tag="titled" if titled else None)
        if role.container.bracketed:
            node.text = f"[{node.text}]" if node.text else "[]"
        rank = CONTAINER_RANK[kind]
        lettered = role.container.lettered
        outer = [c for c in self.containers if c.eid == "titled" and id(c) not in self.lettered]
        if titled and (lettered and outer or not node.num and any(c.num for c in outer)):
            rank += 0.5  # lettered under a part ('A. Finance'), or a title alone under 'II. Finance', is part of it
        if lettered:
            self.lettered.add(id(node))
        self._open_container(node, rank)

    def _bare(self, role: Role) -> None:
        if role.bare == "preamble":
            self.phase = "preamble"
            self._close_containers(0)
            return
        self._open_container(_node(role.bare or "annex", "", role), 0)

    def _open_container(self, node: Paragraph, rank: float) -> None:
        self.phase = "body"
        self._close_containers(rank)
        self.ranks[id(node)] = rank
        (self.containers[-1].children if self.containers else self.top).append(node)
        self.containers.append(node)
        self.stack = []

    def _close_containers(self, rank: float) -> None:
        while self.containers and self.ranks.get(id(self.containers[-1]), 0) >= rank:
            self.containers.pop()
        self.stack = []

    # preamble ---------------------------------------------------------------------------------
    def _opening(self, role: Role) -> None:
        if self.phase == "body" and (self.containers or self.stack):
            self._text(role)
            return
        self.phase = "preamble"
        self.top.append(_node("chapeau", role.text, role, tag="opening"))

    def _enacting(self, role: Role) -> None:
        if self.phase != "preamble":
            self._text(role)
            return
        self.top.append(_node("chapeau", role.text, role, tag="enacting"))
        self.phase = "body"
        self.stack = []

    def _recital(self, role: Role) -> None:
        if self.phase == "body":
            self._text(role)
            return
        self.stack = []
        self.top.append(_node("preamble", role.text, role, num=role.number))

    # options ----------------------------------------------------------------------------------
    def _option(self, role: Role) -> None:
        for number, text in split_options(role.number or "", role.text):  # 'Option 1: … Option 2: …' in one block
            part = replace(role, number=number or role.number, text=text)
            group = self._open_group(part)
            option = _node("option", text, part, num=part.number)
            group.node.children.append(option)
            self.stack.append(Open(group.level + 0.25, option))

    def _open_group(self, role: Role) -> Open:
        """The group an option joins: the one open when this option follows on, else a new one."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].node.kind == "option_group" and _follows(self.stack[k].node, role.number):
                del self.stack[k + 1 :]
                return self.stack[k]
        inside = self._option_to_nest_in(role.number)
        if inside is not None:  # 'Option (a)' inside 'Option 2': a group of its own in that option
            del self.stack[self.stack.index(inside) + 1 :]
            parent_level = inside.level
        else:
            parent_level = self._option_parent_level(role)
            self._close(parent_level + 0.25)
        group = _node("option_group", "", role)
        self._attach(group)
        opened = Open(parent_level + 0.25, group)
        self.stack.append(opened)
        self.numbers_before[id(group)] = self._last_number()
        return opened

    def _option_to_nest_in(self, number: str | None) -> Open | None:
        """The open option a new group numbered otherwise ('(a)' in '2', 'I' in 'A') nests in, if any."""
        opened = self.stack[-1] if self.stack else None
        if opened is None or opened.node.kind != "option" or not number or not opened.node.num:
            return None
        return opened if option_style(number) != option_style(opened.node.num) else None

    def _option_parent_level(self, role: Role) -> float:
        """Where a new option group stands: in the open paragraph it belongs to, else in the container."""
        if self.phase == "preamble" or not self.stack:
            return 0
        depth = role.block.depth
        if depth > 0:  # a list item's content: the item open at that depth
            return float(min(depth, int(self.stack[-1].level)))
        last = self.stack[-1]
        if last.node.kind not in ("option", "option_group") and _introduces(last.node):
            return last.level
        return 0

    # numbered and plain text -------------------------------------------------------------------
    def _numbered(self, role: Role) -> None:
        if self.phase == "preamble":
            self.phase = "body"
        role = self._restart_as_sublist(role)
        self._leave_group_if_numbering_resumes(role)
        self._close(role.level)
        kind = self._numbered_kind(role.level)
        option = _option_in(role)
        node = _node(kind, "" if option else role.text, role, num=role.number)
        self._attach(node)
        self.stack.append(Open(role.level, node))
        if option is not None:
            self._option(option)

    def _restart_as_sublist(self, role: Role) -> Role:
        """'7. … the following:' then '1.', '2.', then '8.': the restarted numbers are 7's sub-paragraphs.

        A numbering that restarts at 1 right after a paragraph that ends in a colon is a list in
        that paragraph (a mis-indented nested list in Markdown, or sub-paragraphs typed as 1., 2.);
        it lasts while its numbers follow on and the outer numbering does not.
        """
        if role.level != 1 or not role.number or not role.number.isdigit():
            return role
        outer = self._open_paragraph()
        if outer is None or not (outer.node.num or "").isdigit():
            return role
        subs = [c for c in outer.node.children if c.kind == "subparagraph"]
        restarts = role.number == "1" and not outer.node.children and outer.node.text.rstrip().endswith(":")
        follows = outer.sublist and bool(subs) and role.number == str(_ordinal(subs[-1].num or "") + 1)
        if follows and int(role.number) == int(outer.node.num or 0) + 1:
            follows = not subs[-1].text.rstrip().endswith(".")  # '2.' after '(a) …;' is (b); after '(a) ….' it is 2
        if not (restarts or follows):
            return role
        outer.sublist = True
        return replace(role, level=2, number=number_for_level(int(role.number), 2))

    def _open_paragraph(self) -> Open | None:
        """The paragraph (level 1) open at this point, if any."""
        for opened in reversed(self.stack):
            if opened.level == 1 and opened.node.kind in ("paragraph", "operative"):
                return opened
        return None

    def _numbered_kind(self, level: float) -> str:
        if level >= 3:
            return "item"
        if level >= 2:
            return "subparagraph"
        titled = all(c.eid == "titled" for c in self.containers)  # a decision's titled parts
        return "operative" if titled else "paragraph"

    def _leave_group_if_numbering_resumes(self, role: Role) -> None:
        """A paragraph numbered on from before a container-level option group closes the group."""
        if role.level != 1 or not self.stack or self.stack[0].node.kind != "option_group":
            return
        before = self.numbers_before.get(id(self.stack[0].node))
        if before is not None and before.isdigit() and role.number == str(int(before) + 1):
            inside = [o.node for o in self.stack if o.node.kind not in ("option", "option_group")]
            if not any(node.num == before for node in inside):
                self.stack = []

    def _text(self, role: Role) -> None:
        if self._title_of_container(role.text):
            return
        if self.phase in ("start", "preamble") and not self.containers:
            self.phase = "preamble"
            self.stack = []
            self.top.append(_node("preamble", role.text, role))
            return
        open_item = None if role.block.heading else self._open_item(role.block.depth)  # a caption stands alone
        if open_item is not None:
            open_item.text = f"{open_item.text} {role.text}".strip()
            return
        if self.stack and self.stack[-1].node.kind == "option" and not self.stack[-1].node.text:
            self.stack[-1].node.text = role.text
            return
        self._attach_text(_node("chapeau", role.text, role))

    def _title_of_container(self, text: str) -> bool:
        """A short line right after a container heading without a title is its title ('Article 1' / 'Definitions')."""
        container = self.containers[-1] if self.containers else None
        if container is None or container.text or container.children or self.stack:
            return False
        if len(text) > 80 or text[-1:] in ".;,:" or text[:1].islower():
            return False
        container.text = text
        return True

    def _open_item(self, depth: int) -> Paragraph | None:
        """The list item a continuation block at `depth` belongs to (Markdown/HTML), if one is open."""
        if depth <= 0:
            return None
        for opened in reversed(self.stack):
            if opened.node.kind in ("option", "option_group"):
                return None
            if opened.level <= depth:
                return opened.node
        return None

    # helpers -------------------------------------------------------------------------------------
    def _close(self, level: float) -> None:
        while self.stack and self.stack[-1].level >= level:
            self.stack.pop()

    def _attach_text(self, node: Paragraph) -> None:
        """Unnumbered text: the open option's content, else its container's (an intro or wrap-up)."""
        for k in range(len(self.stack) - 1, -1, -1):
            if self.stack[k].node.kind == "option":
                del self.stack[k + 1 :]
                self.stack[k].node.children.append(node)
                return
        self.stack = []
        self._attach(node)

    def _attach(self, node: Paragraph) -> None:
        parent = self.stack[-1].node if self.stack else None
        if parent is not None:
            parent.children.append(node)
        elif self.containers:
            self.containers[-1].children.append(node)
        else:
            self.top.append(node)

    def _last_number(self) -> str | None:
        """The number of the last paragraph (level 1) in the current container, before this point."""
        siblings = self.containers[-1].children if self.containers else self.top
        for node in reversed(siblings):
            if node.kind in ("paragraph", "operative"):
                return node.num
        return None


def _ordinal(number: str) -> int:
    """'c' → 3, 'aa' → 27, '4' → 4."""
    if number.isdigit():
        return int(number)
    return (ord(number[0]) - ord("a") + 1) + 26 * (len(number) - 1)


def _follows(group: Paragraph, number: str | None) -> bool:
    """Whether an option numbered `number` continues `group` (Option 2 after Option 1, B after A)."""
    if not group.children:
        return False
    last = group.children[-1].num or ""
    if not number or not last:
        return not number
    if option_style(number) == option_style(last):
        return number == next_option(last)
    numeric = {"digit", "roman"}  # 'Option 1' then 'Option II': the drafts mix them within one group
    return {option_style(number), option_style(last)} <= numeric and option_value(number) == option_value(last) + 1


def _introduces(node: Paragraph) -> bool:
    """A paragraph that options complete: a title ('Collective long-term goal') or one ending in ':'."""
    text = node.text.rstrip()
    if not text or node.children:
        return not node.children
    return text.endswith(":") or (len(text) < 80 and text[-1] not in ".;,)]")


def _option_in(numbered: Role) -> Role | None:
    """A numbered paragraph that opens on an option ('1. Option 1: Parties…'): that option's role."""
    block = replace(numbered.block, text=numbered.text, notes=[])
    role = unnumbered(block)
    return role if role.kind == "option" else None


def _node(kind: str, text: str, role: Role, num: str | None = None, tag: str | None = None) -> Paragraph:
    """A node with its text and source line; labels and eIds are given later (naming)."""
    node = Paragraph(label="", kind=kind, text=text, eid="", num=num)
    node.line_start = node.line_end = role.block.line
    node.markers = []
    if role.block.notes:
        node.markers = [Marker("footnote", note) for note in role.block.notes]
    if tag:
        node.eid = tag  # a hint for naming: the preamble's opening and enacting formulas, a titled section
    return node
