"""Recorded bank payloads bundled for ``silkwire demo`` (see NOTICE.md)."""
