"""WordprocessingML's names, and the measures and colours every part of amendtrack's Word files shares."""

from __future__ import annotations

import re

from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"

DEFAULT_AUTHOR = "amendtrack"
DELETED_RED = "C00000"
INSERTED_BLUE = "1F4E9E"
GREY = "595959"
CHECK = "9C3A00"  # a reading to check: dark orange, legible printed in black and white

# A4 in twentieths of a point; 2 cm margins
PAGE_LONG, PAGE_SHORT, MARGIN = 16838, 11906, 1134
HANG = 720  # hanging indent of a labelled paragraph: the label, a tab, then the text

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def w_tag(tag: str) -> str:
    """The qualified name of a w: element or attribute."""
    return f"{{{W_NS}}}{tag}"


def sub_element(parent: etree._Element, tag: str, **attrs: str | int) -> etree._Element:
    """A w: child element with w: attributes (`val="x"` becomes `w:val="x"`)."""
    return etree.SubElement(parent, w_tag(tag), {w_tag(k): str(v) for k, v in attrs.items()})


def xml_safe(text: str) -> str:
    """Text as XML 1.0 allows it (control characters dropped; lxml escapes <, & and quotes)."""
    return _NOT_XML.sub("", text)
