"""What amendtrack does with files alone, no database: `amendtrack compare OLD NEW`.

A newcomer with two drafts wants the redline first and a negotiation later. Here the two files
are read as `import` reads them (text, Markdown, HTML, PDF, Word, Akoma Ntoso), aligned and
redlined exactly as stored drafts are, and written as `diff` writes them; nothing is stored, and
the database layer (SQLAlchemy) is never loaded, so the whole process stays quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from amendtrack.compare.comparison import Comparison, compare
from amendtrack.read.files import check_draft_suffix, read_draft_file

if TYPE_CHECKING:
    from amendtrack.model.tree import Draft


@dataclass
class FileComparison:
    """Two draft files read, aligned and redlined: what `compare` prints or writes."""

    old_file: Path
    new_file: Path
    old: Draft
    new: Draft
    comparison: Comparison

    @property
    def title(self) -> str:
        return f"{self.old_file.name} and {self.new_file.name}"

    def html(self) -> str:
        """The side-by-side HTML report, self-contained."""
        from amendtrack.model.misread import misread_in_drafts
        from amendtrack.render.html import redline_html

        sides = {"label": self.comparison.old_label}, {"label": self.comparison.new_label}
        return redline_html(self.comparison, self.title, *sides, misread=misread_in_drafts(self.old, self.new))

    def docx(self, author: str) -> bytes:
        """The later file as Word, every change against the earlier one a tracked change by `author`."""
        from amendtrack.model.misread import misread_in_drafts
        from amendtrack.model.names import check_label
        from amendtrack.render.docx import redline_docx

        check_label(author, "the tracked changes' author")
        misread = misread_in_drafts(self.old, self.new)
        return redline_docx(self.comparison, author, None, self.title, old=self.old, new=self.new, misread=misread)

    def to_dict(self) -> dict[str, Any]:
        """The comparison as JSON: each link with its relation in words and its redline."""
        return {
            "old": {"file": str(self.old_file), "label": self.comparison.old_label},
            "new": {"file": str(self.new_file), "label": self.comparison.new_label},
            "counts": self.comparison.counts,
            "conflicts": list(self.comparison.conflicts),
            "links": [
                {
                    **row.link.to_dict(),
                    "description": row.description,
                    "changes": [[change.op, change.text] for change in row.changes],
                }
                for row in self.comparison.rows
            ],
        }


def compare_files(old_file: Path | str, new_file: Path | str) -> FileComparison:
    """Read two draft files and redline the second against the first, paragraph by aligned paragraph."""
    old_path, new_path = Path(old_file), Path(new_file)
    for path in (old_path, new_path):
        check_draft_suffix(path)
    old, new = read_draft_file(old_path), read_draft_file(new_path)
    old_label, new_label = _labels(old_path, new_path)
    return FileComparison(old_path, new_path, old, new, compare(old, new, old_label, new_label))


def _labels(old: Path, new: Path) -> tuple[str, str]:
    """How the two sides are named: by file name, without the extension unless that tells them apart."""
    if old.stem != new.stem:
        return old.stem, new.stem
    if old.name != new.name:
        return old.name, new.name
    return str(old), str(new)
