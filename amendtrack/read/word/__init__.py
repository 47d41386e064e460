"""Read Word (.docx) files: drafts with automatic numbering, delegations' tracked changes, compilation tables.

Drafts circulate as .docx and the General Assembly asks delegations to submit proposals as
tracked changes on the official text, so a facilitator can drop a marked-up file in and get
its proposals without retyping. A .docx is a zip of XML parts, read with lxml, untrusted.

The modules, from the file to the proposals:

* `package`: the zip checked (zip bombs, path traversal, damage) and its XML parsed without
  DTDs, entities or network before anything else happens;
* `numbering`: paragraph styles and automatic numbering, counted as Word counts;
* `document`: the body's paragraphs in order (table cells included), their text segments with
  the tracked changes and comments on them, footnotes and comments;
* `views`: the paragraphs with some changes accepted and the others rejected;
* `draft`: `read_docx_draft`, the labels Word computes put in front of their text and fed
  through the text reader's own structure rules, so the tree is the one `read_draft_text` gives;
* `authors`: Word user names as delegations (`read_author_map`, `WordSponsor`);
* `matching`, `marked_up`, `edits`, `proposals`, `tracked`: `read_docx_proposals`, every tracked
  change part of one proposal per paragraph and author, whose resulting text is the paragraph
  with that author's changes accepted and everyone else's rejected; comments on the changed
  words are its rationale. The file's paragraphs are linked to the stored draft by alignment,
  so drifted numbering does not matter, and a file based on another draft is refused;
* `table`: `read_docx_compilation`, a facilitators' table (paragraph | inputs [| …]) read with
  the text compilation reader's grammar;
* `inputs`: `read_docx_inputs` and `docx_inputs_kind`, tracked changes else a compilation table.

Line numbers in trees and sources read from a .docx are 1-based paragraph numbers in body order.
"""

from amendtrack.read.word.authors import WordSponsor, read_author_map
from amendtrack.read.word.draft import read_docx_draft
from amendtrack.read.word.inputs import docx_inputs_kind, read_docx_inputs
from amendtrack.read.word.table import read_docx_compilation
from amendtrack.read.word.tracked import read_docx_proposals

__all__ = [
    "WordSponsor",
    "docx_inputs_kind",
    "read_author_map",
    "read_docx_compilation",
    "read_docx_draft",
    "read_docx_inputs",
    "read_docx_proposals",
]
