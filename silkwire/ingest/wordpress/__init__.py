"""WordPress WXR import: parse → content → mapping/media → writer → report (docs/ingest.md)."""
