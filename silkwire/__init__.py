"""Silkwire: an open-source news platform for Central Asia."""

__version__ = "0.1.0"
