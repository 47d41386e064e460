"""Labels as people cite them and eIds qualified by their containers, given to a built tree.

* Articles: `Article 4` (eId `art_4`); their paragraphs `4.1` (`art_4__para_1`), sub-paragraphs
  `4.1(a)` (`art_4__para_1__subpara_a`), items `4.1(a)(i)` (`…__point_i`). Other containers keep
  their name: `Part II` (`part_ii`), `Annex I` (`annex_i`), and their paragraphs `Part II, 3`.
  Containers inside containers are qualified by them (`part_i__chp_2`); Articles, numbered through
  the whole document, are not.
* The preamble: its opening formula `Preamble`, recitals `PP1`, `PP2`… by position (flagged as
  inferred unless the draft prints them), the enacting formula `Enacting formula`.
* Text a container holds outside its numbered paragraphs: `Article 1 chapeau` (`art_1__intro`).
* Options: the group `3.7 options` (`art_3__para_7__alt_1`), each option `3.7 Option 1`
  (`…__alt_1__opt_1`); what an option holds is cited with it: `3.7(a) (Option 1)`.
Every eId is unique in its draft (a repeated one gets `_2`, `_3`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from amendtrack.model.tree import CONTAINER_KINDS, Paragraph

PREFIX = {"article": "art", "part": "part", "chapter": "chp", "section": "sec", "annex": "annex", "appendix": "app"}
NUMBERED = {"paragraph": "para", "operative": "para", "subparagraph": "subpara", "item": "point"}


@dataclass(frozen=True)
class Place:
    """Where a node sits: its parent's eId, the cite its children build on, and their option suffix."""

    eid: str = ""
    cite: str = ""  # '' at the top, '4' in Article 4, '4.1' in its paragraph 1, 'Part II' in a Part
    container: bool = True  # the cite is a container's (children are paragraphs: 4.1, 'Part II, 3')
    suffix: str = ""  # ' (Option 1)' inside an option


class Namer:
    """Gives every node of a tree its label, eId and label_inferred flag."""

    def __init__(self) -> None:
        self.eids: set[str] = set()
        self.recitals = 0
        self.in_preamble = True
        self.sections = 0  # unnumbered sections outside numbered ones named so far
        self.numbered_sections: dict[str, str] = {}  # eId → label of a section with a bare numeral ('II')
        self.subsections: dict[str, int] = {}  # a numbered section's eId → its unnumbered sections so far
        self.restarting: bool | None = None  # whether paragraph numbers restart in unnumbered sections

    def name(self, nodes: list[Paragraph], place: Place = Place()) -> None:
        """Name `nodes` (siblings) and, recursively, their children."""
        if self.restarting is None:
            self.restarting = _restarts(nodes)
        counts: dict[str, int] = {}
        for node in nodes:
            counts[node.kind] = counts.get(node.kind, 0) + 1
            child_place = self._name_one(node, place, counts[node.kind])
            if node.kind == "option_group":
                self._name_options(node, child_place)
            else:
                self.name(node.children, child_place)

    def _name_one(self, node: Paragraph, place: Place, ordinal: int) -> Place:
        if node.kind in CONTAINER_KINDS:
            self.in_preamble = False
            return self._container(node, place)
        if place.eid == "" and self.in_preamble and node.kind in ("chapeau", "preamble", "option_group"):
            return self._preamble(node)
        self.in_preamble = False
        if node.kind in NUMBERED:
            return self._numbered(node, place)
        if node.kind == "option_group":
            return self._group(node, place, ordinal)
        return self._chapeau(node, place, ordinal)

    def _container(self, node: Paragraph, place: Place) -> Place:
        if node.eid == "titled":
            return self._titled_section(node, place)
        name = node.kind.capitalize()
        node.label = f"{name} {node.num}" if node.num else name
        own = f"{PREFIX[node.kind]}_{_slug(node.num)}" if node.num else PREFIX[node.kind]
        qualify = node.kind != "article" and place.eid
        node.eid = self._unique(f"{place.eid}__{own}" if qualify else own)
        cite = node.num if node.kind == "article" and node.num else node.label
        return Place(node.eid, cite or node.label, True, "")

    def _titled_section(self, node: Paragraph, place: Place) -> Place:
        """A section printed as its title, with a bare roman numeral ('II. Finance': II), a letter inside a
        numbered one ('A. Long-term finance': II.A) or none: then inferred, 'II.A' inside a numbered one
        ('Long-term finance'), else 'Section 2' by its place. Its
        paragraphs keep their own numbers ('3') unless the numbering restarts in such sections: then
        'II.1', 'II.A.1', 'Section 2, 1'."""
        outer = self.numbered_sections.get(place.eid)
        if node.num and outer is not None:  # 'A. Long-term finance' under 'II. Finance': II.A
            node.label = f"{outer}.{node.num}"
            node.eid = self._unique(f"{place.eid}__subsec_{_slug(node.num)}")
            letters = self.subsections.get(place.eid, 0)  # an unnumbered title after it takes the next letter
            self.subsections[place.eid] = max(letters, ord(node.num[0].upper()) - ord("A") + 1)
        elif node.num:  # inside an annex its numerals start again: 'Annex, II'
            node.label, own = f"{place.cite}, {node.num}" if place.cite else node.num, f"sec_{_slug(node.num)}"
            node.eid = self._unique(f"{place.eid}__{own}" if place.eid else own)
            self.numbered_sections[node.eid] = node.label
        elif outer is not None:
            count = self.subsections[place.eid] = self.subsections.get(place.eid, 0) + 1
            letter = chr(ord("A") + count - 1)
            node.label, node.label_inferred = f"{outer}.{letter}", True
            node.eid = self._unique(f"{place.eid}__subsec_{letter.lower()}")
        else:
            self.sections += 1
            node.label, node.label_inferred = f"Section {self.sections}", True
            node.eid = self._unique(f"{place.eid}__sec_{self.sections}" if place.eid else f"sec_{self.sections}")
            self.numbered_sections[node.eid] = node.label  # a part's bare title over 'A. …': 'Section 2.A'
        if self.restarting:
            return Place(node.eid, node.label, node.label.startswith("Section"), "")
        return Place(node.eid, place.cite, place.container, place.suffix)

    def _preamble(self, node: Paragraph) -> Place:
        node.label_inferred = True
        if node.eid == "opening" or (node.kind == "chapeau" and node.eid != "enacting"):
            node.label, node.eid = "Preamble", self._unique("preamble")
            return Place(node.eid, node.label, True)
        if node.eid == "enacting":
            self.in_preamble = False
            node.label, node.eid = "Enacting formula", self._unique("formula")
            return Place(node.eid, node.label, True)
        self.recitals += 1
        number = node.num or str(self.recitals)
        node.label_inferred = node.num is None
        node.label, node.eid = f"PP{number}", self._unique(f"pp_{_slug(number)}")
        return Place(node.eid, node.label, False)

    def _numbered(self, node: Paragraph, place: Place) -> Place:
        number = node.num or "?"
        if node.kind in ("paragraph", "operative"):
            cite = _paragraph_cite(place, number)
        else:
            cite = f"{place.cite}({number})"
        node.label = cite + place.suffix
        own = f"{NUMBERED[node.kind]}_{_slug(number)}"
        node.eid = self._unique(f"{place.eid}__{own}" if place.eid else own)
        return Place(node.eid, cite, False, place.suffix)

    def _group(self, node: Paragraph, place: Place, ordinal: int) -> Place:
        node.label_inferred = True
        cite = _shown(place)
        node.label = f"{cite} options" + (f" {ordinal}" if ordinal > 1 else "") + place.suffix
        own = f"alt_{ordinal}"
        node.eid = self._unique(f"{place.eid}__{own}" if place.eid else own)
        return Place(node.eid, place.cite, place.container, place.suffix)

    def _name_options(self, group: Paragraph, place: Place) -> None:
        cite = group.label if group.eid.startswith("pp_") else _shown(place)
        ordinal = group.eid.rsplit("__alt_", 1)[-1] if "__alt_" in group.eid else "1"
        which = f"options {ordinal}, " if ordinal != "1" else ""  # a paragraph's second group: its own labels
        for k, option in enumerate(group.children, start=1):
            number = option.num or str(k)
            option.label = f"{cite} {which}Option {number}" + place.suffix
            option.eid = self._unique(f"{group.eid}__opt_{_slug(number)}")
            suffix = f"{place.suffix} ({which}Option {number})" if place.suffix else f" ({which}Option {number})"
            self.name(option.children, Place(option.eid, place.cite, place.container, suffix))

    def _chapeau(self, node: Paragraph, place: Place, ordinal: int) -> Place:
        node.label_inferred = True
        node.label = f"{_shown(place)}{place.suffix} chapeau" + (f" {ordinal}" if ordinal > 1 else "")
        own = "intro" + (f"_{ordinal}" if ordinal > 1 else "")
        node.eid = self._unique(f"{place.eid}__{own}" if place.eid else own)
        return Place(node.eid, place.cite, place.container, place.suffix)

    def _unique(self, eid: str) -> str:
        return unique_eid(eid, self.eids)


def _restarts(nodes: list[Paragraph]) -> bool:
    """Whether paragraph numbering starts again at 1 in more than one titled section (see Builder)."""
    firsts = []
    stack = list(nodes)
    while stack:
        node = stack.pop()
        if node.eid == "titled":
            firsts.append(next((c.num for c in node.children if c.kind in NUMBERED), None))
        if node.kind in CONTAINER_KINDS:  # titled sections sit at the top, in an annex, in one another
            stack.extend(node.children)
    return sum(1 for number in firsts if number == "1") > 1


def unique_eid(eid: str, taken: set[str], sep: str = "_") -> str:
    """`eid`, or `eid_2`, `eid_3`… (`sep` between) when taken; the one returned is added to `taken`."""
    candidate, k = eid, 1
    while candidate in taken:
        k += 1
        candidate = f"{eid}{sep}{k}"
    taken.add(candidate)
    return candidate


def _shown(place: Place) -> str:
    """How a parent is named in its children's labels: 'Article 4', '4.1', 'Part II', 'Text' at the top."""
    if place.container and place.cite[:1].isdigit():
        return f"Article {place.cite}"
    return place.cite or "Text"


def _paragraph_cite(place: Place, number: str) -> str:
    """'4.1' in Article 4, 'Part II, 3' in a Part, '3' at the top."""
    if not place.cite:
        return number
    if place.container and place.cite[:1].isdigit():
        return f"{place.cite}.{number}"
    if place.container:
        return f"{place.cite}, {number}"
    return f"{place.cite}.{number}"


def _slug(number: str) -> str:
    """An eId part from a printed number: '2 bis' → '2bis', 'II' → 'ii'."""
    return re.sub(r"[^0-9a-z]+", "", number.lower()) or "x"
