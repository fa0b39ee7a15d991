"""Operations: backups, restores and the ``/healthz`` endpoint (docs/operations.md)."""
