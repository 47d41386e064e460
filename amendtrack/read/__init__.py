"""Readers: files in, model objects out (drafts as paragraph trees, inputs as proposals).

Every reader is pure: it reads bytes it is given and knows nothing of the store.
"""
