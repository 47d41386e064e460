"""An input as it is being read: its words still to read, the paragraph it is about, who asks and why."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from amendtrack.model.proposal import Proposal, Sponsor
from amendtrack.model.tree import Paragraph


@dataclass
class Request:
    """An input as it is being read: its words still to read, the paragraph it is about, who asks and why."""

    text: str
    paragraph: str | None  # the label of the paragraph it is about, as far as known
    row: Paragraph | None  # the base paragraph whose row it sits in
    sponsor: Sponsor
    rationale: str | None
    references: list[str]  # the resolutions it cites ("A/RES/64/178")

    def proposal(self, operation: str, **fields: Any) -> Proposal:
        """A proposal of this input on its paragraph."""
        return Proposal(
            operation, self.paragraph, [self.sponsor], rationale=self.rationale, references=self.references, **fields
        )
