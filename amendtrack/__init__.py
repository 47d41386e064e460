"""amendtrack: track how UN negotiated texts change from draft to draft."""

__version__ = "0.1.0"
