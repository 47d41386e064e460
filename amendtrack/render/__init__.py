"""Renderers: report data and comparisons as HTML pages and a static site, Word, Akoma Ntoso and terminal text."""
