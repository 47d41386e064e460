"""The nouns of a negotiation: paragraph trees, proposals, the delegation registry, words.

Plain data and the rules that belong to it; imports nothing else of amendtrack but errors.
"""
