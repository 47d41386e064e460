"""Word documents, written as WordprocessingML with lxml: compilation tables, redlines, proposals applied.

Facilitators circulate compilations and redlines in Word, and the General Assembly asks delegations
to submit proposals as tracked changes on the official text, so amendtrack writes three documents:

- `compilation_docx` (`compilation`): the facilitators' table (paragraph | inputs | disposition) in
  landscape, the inputs shown as redlines in formatted runs (red strike-through, blue underline);
- `redline_docx` (`redline`, `moves`): the later draft with every change against the earlier one as
  a real tracked change (`w:ins`, `w:del`, `w:moveFrom`/`w:moveTo`), so that accepting every change
  gives the later draft and rejecting every change gives the earlier one; renumbering, moves and
  merges named in comments;
- `apply_docx` (`apply`, `edits`): a draft with one delegation's proposals as tracked changes
  authored by it.

All three build paragraphs of the document model (`paragraphs`), which `writer` turns into
WordprocessingML and `package` packs with the fixed parts (`styles`). The output is deterministic:
fixed zip timestamps, `w:date` from the draft's date, ids numbered in document order.
"""

from amendtrack.render.docx.apply import apply_docx, shown_proposal
from amendtrack.render.docx.compilation import compilation_docx
from amendtrack.render.docx.edits import place_edits
from amendtrack.render.docx.redline import redline_docx

__all__ = ["apply_docx", "compilation_docx", "place_edits", "redline_docx", "shown_proposal"]
