"""A .docx as a package: a zip of XML parts, checked and parsed as untrusted input.

Before any part is read the file's size is checked (amendtrack.read.limits) and the archive too (a
real zip, no bomb, no path traversal, no encrypted or doubled part), and every part is parsed without
DTDs, entities or network, so a hostile file is refused with an InputError naming it, never trusted.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
import zlib
from pathlib import Path

from lxml import etree

from amendtrack.errors import InputError
from amendtrack.read import ocr
from amendtrack.read.limits import MAX_DOCX_BYTES, read_within_limit

# The WordprocessingML namespaces (the same strings as the writer's, amendtrack.render.docx; kept here so
# the reader does not depend on the writer).
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
M_NS = "http://schemas.openxmlformats.org/officeDocument/2006/math"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

MAX_TOTAL_BYTES = 50 * 1024 * 1024  # declared uncompressed size of all parts together
MAX_RATIO = 100  # declared uncompressed size / compressed size of one part (above 1 MiB)
MAX_PARTS = 5000


def w(tag: str) -> str:
    """A WordprocessingML tag or attribute name: 'p' → '{…/main}p'."""
    return f"{{{W_NS}}}{tag}"


def local(element: etree._Element) -> str:
    """An element's name without its namespace ('' for comments and processing instructions)."""
    return etree.QName(element).localname if isinstance(element.tag, str) else ""


def number(value: str | None) -> int | None:
    """An attribute's whole number, None when absent or not a number."""
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def first_line(text: str) -> str:
    """The first non-blank line of a message: library errors quoted without their tracebacks' tail."""
    return next((line.strip() for line in str(text).splitlines() if line.strip()), "")


class Package:
    """The parts of a .docx, checked before any is read: a real zip, no bomb, no traversal, no DOCTYPE."""

    def __init__(self, path: Path):
        self.source = str(path)
        data = read_within_limit(path, MAX_DOCX_BYTES, "a .docx file")
        if not data.startswith(b"PK\x03\x04") and not data.startswith(b"PK\x05\x06"):
            raise InputError(self.source, f"not a .docx file: it is {ocr.what_file(data) or 'not a zip archive'}")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError) as exc:
            raise InputError(self.source, f"damaged zip archive: {first_line(str(exc)) or 'unreadable'}") from None
        self.infos = _checked_parts(self.source, infos)
        self.main = self._main_part()
        if self.main not in self.infos:
            raise InputError(self.source, f"not a Word document: no {self.main} in the archive")
        self.related = self._relationships(self.main)

    def read(self, name: str) -> bytes | None:
        """A part's bytes (at most its declared size: zipfile stops there and checks the CRC), or None."""
        info = self.infos.get(name)
        if info is None:
            return None
        try:
            with self.zip.open(info) as handle:
                return handle.read()
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError) as exc:
            raise InputError(self.source, f"damaged zip archive: {name}: {first_line(str(exc))}") from None

    def xml(self, name: str) -> etree._Element | None:
        """A part parsed as XML with no DTD, no entities and no network; None when it is absent."""
        data = self.read(name)
        if data is None:
            return None
        if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
            raise InputError(self.source, f"refused: {name} declares a DOCTYPE or entities")
        parser = etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
        )
        try:
            root = etree.fromstring(data, parser)
        except etree.XMLSyntaxError as exc:
            raise InputError(self.source, f"damaged XML in {name}: {first_line(exc.msg)}") from None
        if root.getroottree().docinfo.doctype:
            raise InputError(self.source, f"refused: {name} declares a DOCTYPE or entities")
        return root

    def _main_part(self) -> str:
        """The main document part named by the package relationships (word/document.xml as a rule)."""
        rels = self.xml("_rels/.rels") if "_rels/.rels" in self.infos else None
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship") if rels is not None else ():
            if rel.get("Type", "").endswith("/officeDocument") and rel.get("TargetMode") != "External":
                target = posixpath.normpath(rel.get("Target", "").lstrip("/"))
                if target and not target.startswith(".."):
                    return target
        return "word/document.xml"

    def _relationships(self, part: str) -> dict[str, str]:
        """Relationship type (last word: 'numbering', 'comments', …) → part name, for one part."""
        folder, name = posixpath.split(part)
        rels = self.xml(posixpath.join(folder, "_rels", name + ".rels"))
        found: dict[str, str] = {}
        for rel in rels.iter(f"{{{PKG_REL_NS}}}Relationship") if rels is not None else ():
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(posixpath.join(folder, rel.get("Target", "")))
            if not target.startswith(".."):
                found.setdefault(rel.get("Type", "").rsplit("/", 1)[-1], target)
        return found

    def related_xml(self, kind: str) -> etree._Element | None:
        """The part related to the main document by `kind` (e.g. 'numbering'), else word/<kind>.xml."""
        return self.xml(self.related.get(kind, f"word/{kind}.xml"))


def _checked_parts(source: str, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """The archive's parts by name, once each is known safe to read; a zip bomb as a whole is refused too."""
    if len(infos) > MAX_PARTS:
        raise InputError(source, f"refused: {len(infos)} parts in the archive (limit {MAX_PARTS})")
    parts: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        _check_part(source, info, parts)
        total += info.file_size
        parts[info.filename] = info
    if total > MAX_TOTAL_BYTES:
        raise InputError(
            source, f"refused as a zip bomb: the parts declare {total} bytes uncompressed (limit {MAX_TOTAL_BYTES})"
        )
    return parts


def _check_part(source: str, info: zipfile.ZipInfo, seen: dict[str, zipfile.ZipInfo]) -> None:
    """Refuse a part whose name climbs out of the archive, that comes twice, is encrypted or is a bomb."""
    name = info.filename
    parts = name.replace("\\", "/").split("/")
    if name.startswith(("/", "\\")) or "\\" in name or "\x00" in name or ".." in parts or (parts and ":" in parts[0]):
        raise InputError(source, f"refused: unsafe part name {name!r} (path traversal)")
    if name in seen:
        raise InputError(source, f"refused: the part {name!r} occurs twice in the archive")
    if info.flag_bits & 0x1:
        raise InputError(source, f"refused: the part {name!r} is encrypted")
    if info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size):
        raise InputError(
            source,
            f"refused as a zip bomb: {name!r} declares {info.file_size} bytes from {info.compress_size} "
            f"(ratio above {MAX_RATIO})",
        )
