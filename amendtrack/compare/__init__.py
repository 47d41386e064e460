"""Pure comparison: alignment of two drafts, word redlines, dispositions of proposals, co-sponsorship."""
