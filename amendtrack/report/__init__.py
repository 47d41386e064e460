"""Report data computed from plain objects: delegation reports, paragraph histories, compilation tables, charts."""
