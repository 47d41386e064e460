"""The styles part: the few styles the writer uses, under Word's own names so that Word and LibreOffice map them."""

from __future__ import annotations

from lxml import etree

from amendtrack.render.docx.wordml import GREY, W_NS, sub_element, w_tag


def styles_part() -> etree._Element:
    """Document defaults (Times New Roman 11 pt, en-GB), paragraph, character and table styles."""
    root = etree.Element(w_tag("styles"), nsmap={"w": W_NS})
    defaults = sub_element(root, "docDefaults")
    rpr = sub_element(sub_element(sub_element(defaults, "rPrDefault"), "rPr"), "rFonts")
    for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
        rpr.set(w_tag(attr), "Times New Roman")
    default_rpr = rpr.getparent()
    sub_element(default_rpr, "sz", val=22)
    sub_element(default_rpr, "szCs", val=22)
    sub_element(default_rpr, "lang", val="en-GB")
    sub_element(
        sub_element(sub_element(defaults, "pPrDefault"), "pPr"), "spacing", after=120, line=252, lineRule="auto"
    )

    def style(kind: str, style_id: str, name: str, default: bool = False) -> etree._Element:
        attrs = {"type": kind, "styleId": style_id}
        if default:
            attrs["default"] = "1"
        element = sub_element(root, "style", **attrs)
        sub_element(element, "name", val=name)
        if kind == "paragraph" and not default:
            sub_element(element, "basedOn", val="Normal")
            sub_element(element, "next", val="Normal")
        return element

    normal = style("paragraph", "Normal", "Normal", default=True)
    sub_element(normal, "qFormat")
    title = style("paragraph", "Title", "Title")
    sub_element(title, "qFormat")
    ppr = sub_element(title, "pPr")
    sub_element(ppr, "spacing", before=0, after=120)
    sub_element(ppr, "jc", val="center")
    rpr = sub_element(title, "rPr")
    sub_element(rpr, "b")
    sub_element(rpr, "sz", val=28)
    sub_element(rpr, "szCs", val=28)
    subtitle = style("paragraph", "Subtitle", "Subtitle")
    sub_element(subtitle, "qFormat")
    ppr = sub_element(subtitle, "pPr")
    sub_element(ppr, "spacing", after=120)
    sub_element(ppr, "jc", val="center")
    rpr = sub_element(subtitle, "rPr")
    sub_element(rpr, "color", val=GREY)
    heading = style("paragraph", "Heading1", "heading 1")
    sub_element(heading, "qFormat")
    ppr = sub_element(heading, "pPr")
    sub_element(ppr, "keepNext")
    sub_element(ppr, "spacing", before=240, after=120)
    sub_element(ppr, "outlineLvl", val=0)
    sub_element(sub_element(heading, "rPr"), "b")
    cell = style("paragraph", "TableText", "Table Text")
    sub_element(sub_element(cell, "pPr"), "spacing", before=0, after=60, line=240, lineRule="auto")
    rpr = sub_element(cell, "rPr")
    sub_element(rpr, "sz", val=20)
    sub_element(rpr, "szCs", val=20)
    comment_text = style("paragraph", "CommentText", "annotation text")
    rpr = sub_element(comment_text, "rPr")
    sub_element(rpr, "sz", val=20)
    sub_element(rpr, "szCs", val=20)
    footer = style("paragraph", "Footer", "footer")
    sub_element(sub_element(footer, "pPr"), "spacing", after=0)
    rpr = sub_element(footer, "rPr")
    sub_element(rpr, "color", val=GREY)
    sub_element(rpr, "sz", val=18)
    sub_element(rpr, "szCs", val=18)
    style("character", "Label", "Paragraph Label")  # marks labels for readers; no look of its own
    reference = style("character", "CommentReference", "annotation reference")
    rpr = sub_element(reference, "rPr")
    sub_element(rpr, "sz", val=16)
    sub_element(rpr, "szCs", val=16)
    grid = style("table", "TableGrid", "Table Grid")
    tblpr = sub_element(grid, "tblPr")
    borders = sub_element(tblpr, "tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        sub_element(borders, side, val="single", sz=4, space=0, color="808080")
    margins = sub_element(tblpr, "tblCellMar")
    sub_element(margins, "left", w=85, type="dxa")
    sub_element(margins, "right", w=85, type="dxa")
    return root
