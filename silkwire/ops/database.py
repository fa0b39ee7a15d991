"""The database half of a backup: a consistent copy out, a verified copy in.

SQLite uses the online backup API (consistent while the site writes); PostgreSQL uses
``pg_dump --format=custom`` on a snapshot exported by a repeatable-read transaction, so the
row counts written into the manifest are those of the very state that was dumped.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connections

# libpq parameters Django's OPTIONS may carry, and the environment variables the tools read.
_LIBPQ_ENV = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "options": "PGOPTIONS",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "application_name": "PGAPPNAME",
    "service": "PGSERVICE",
}


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why and what to do."""


def engine(alias: str = "default") -> str:
    """Return ``sqlite`` or ``postgresql`` for the configured database."""
    vendor = connections[alias].vendor
    if vendor not in {"sqlite", "postgresql"}:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    return vendor


# --- SQLite ------------------------------------------------------------------------------------
def sqlite_path(alias: str = "default") -> Path:
    return Path(connections[alias].settings_dict["NAME"]).resolve()


def _sqlite_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name"
    )
    return [name for (name,) in rows]


def sqlite_counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Count the rows of every table of an open SQLite database."""
    return {
        # Table names come from sqlite_master and are quoted; no user input.
        t: conn.execute(f"SELECT COUNT(*) FROM {_sqlite_quote(t)}").fetchone()[0]  # noqa: S608
        for t in _sqlite_tables(conn)
    }


def _sqlite_quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def sqlite_dump(dest: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Copy the live SQLite database to ``dest``; return its table counts and engine details."""
    source = sqlite_path()
    if not source.exists():
        raise BackupError(f"{source}: the SQLite database does not exist (run `silkwire migrate`).")
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(dest)
    try:
        # One step: the copy is a single read transaction, so it is consistent even while
        # the site writes (WAL lets those writers go on meanwhile).
        src.backup(dst)
        # A standalone file: no -wal companion needed to read it.
        dst.execute("PRAGMA journal_mode=DELETE")
        counts = sqlite_counts(dst)
        details = {"sqlite_version": sqlite3.sqlite_version}
    finally:
        dst.close()
        src.close()
    return counts, details


def sqlite_replace(staged: Path) -> None:
    """Put ``staged`` in place of the configured SQLite file in one atomic rename."""
    for conn in connections.all():
        conn.close()
    target = sqlite_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.exists():
        # Empty the old write-ahead log first: a stale WAL next to the new file would be
        # replayed into it by the next connection.
        old = sqlite3.connect(target, timeout=30)
        try:
            old.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        finally:
            old.close()
    tmp = target.with_name(f".{target.name}.restoring")
    if staged.stat().st_dev == target.parent.stat().st_dev:
        os.replace(staged, tmp)
    else:
        shutil.copyfile(staged, tmp)
    with open(tmp, "rb+") as fh:
        os.fsync(fh.fileno())
    os.replace(tmp, target)
    for suffix in ("-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)


# --- PostgreSQL ---------------------------------------------------------------------------------
def tool(name: str) -> str:
    """Return the path of a PostgreSQL client program, or explain how to install it."""
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"{name} was not found on PATH. It comes with the PostgreSQL client tools "
            f"(Debian/Ubuntu: apt-get install postgresql-client-<server major version>); "
            f"install the version that matches the server."
        )
    return found


def tool_major(path: str) -> int:
    # argv list, no shell: `path` is pg_dump/pg_restore found on PATH by shutil.which.
    out = subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout  # noqa: S603
    match = re.search(r"(\d+)(?:\.\d+)?", out)
    if not match:
        raise BackupError(f"Cannot read the version of {path} from {out!r}.")
    return int(match.group(1))


def pg_settings(alias: str = "default") -> dict:
    settings_dict = connections[alias].settings_dict
    params = {
        "dbname": settings_dict["NAME"],
        "user": settings_dict.get("USER"),
        "password": settings_dict.get("PASSWORD"),
        "host": settings_dict.get("HOST"),
        "port": str(settings_dict.get("PORT") or ""),
    }
    for key in _LIBPQ_ENV:
        if key in settings_dict.get("OPTIONS", {}):
            params[key] = str(settings_dict["OPTIONS"][key])
    return {k: v for k, v in params.items() if v}


def pg_env(params: dict) -> dict[str, str]:
    """The environment for pg_dump/pg_restore: the password travels here, never on argv."""
    env = dict(os.environ)
    names = {"user": "PGUSER", "password": "PGPASSWORD", "host": "PGHOST", "port": "PGPORT"}
    names.update(_LIBPQ_ENV)
    for key, var in names.items():
        if key in params:
            env[var] = params[key]
    return env


def pg_connect(params: dict):
    import psycopg

    return psycopg.connect(**params)


def pg_counts(conn) -> dict[str, int]:
    from psycopg import sql

    tables = [
        name
        for (name,) in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
        )
    ]
    return {
        t: conn.execute(sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(t))).fetchone()[0]
        for t in tables
    }


def _run(argv: list[str], env: dict[str, str], what: str) -> None:
    # argv list, no shell; the password travels in PGPASSWORD, never in argv.
    result = subprocess.run(argv, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        detail = (result.stderr or result.stdout).strip()[-2000:]
        raise BackupError(f"{what} failed (exit status {result.returncode}):\n{detail}")


def pg_dump(dest: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Dump the configured PostgreSQL database to ``dest``; return its counts and versions."""
    from psycopg import IsolationLevel

    program = tool("pg_dump")
    client = tool_major(program)
    params = pg_settings()
    with pg_connect(params) as conn:
        server = conn.info.server_version // 10000
        if client < server:
            raise BackupError(
                f"pg_dump is version {client} but the server runs PostgreSQL {server}: pg_dump "
                f"cannot dump a newer server. Install postgresql-client-{server}."
            )
        conn.isolation_level = IsolationLevel.REPEATABLE_READ
        conn.read_only = True
        snapshot = conn.execute("SELECT pg_export_snapshot()").fetchone()[0]
        argv = [program, "--format=custom", f"--snapshot={snapshot}", f"--file={dest}"]
        _run([*argv, params["dbname"]], pg_env(params), "pg_dump")
        counts = pg_counts(conn)  # the same snapshot as the dump
        conn.rollback()
    return counts, {"server_major": str(server), "pg_dump_major": str(client)}


def pg_restore(dump: Path, manifest_db: dict) -> None:
    """Load a custom-format dump into the configured database, all or nothing."""
    program = tool("pg_restore")
    client = tool_major(program)
    made_by = int(manifest_db.get("pg_dump_major") or 0)
    if client < made_by:
        raise BackupError(
            f"The archive was dumped by pg_dump {made_by}; pg_restore {client} cannot read it. "
            f"Install postgresql-client-{made_by} or newer."
        )
    params = pg_settings()
    for conn in connections.all():
        conn.close()
    argv = [
        program,
        "--clean",
        "--if-exists",
        "--no-owner",
        "--no-acl",  # roles named in GRANTs may not exist on this server
        "--single-transaction",  # a failure rolls everything back
        f"--dbname={params['dbname']}",
        str(dump),
    ]
    _run(argv, pg_env(params), "pg_restore")


# --- Both --------------------------------------------------------------------------------------
def table_names() -> list[str]:
    connection = connections["default"]
    with connection.cursor() as cursor:
        return sorted(connection.introspection.table_names(cursor))


def count_rows(tables) -> dict[str, int | None]:
    """Count rows through Django's connection; ``None`` for a table that does not exist."""
    connection = connections["default"]
    present = set(table_names())
    counts: dict[str, int | None] = {}
    with connection.cursor() as cursor:
        for table in tables:
            if table not in present:
                counts[table] = None
                continue
            # Table names from the database's own catalogue, quoted by the backend.
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts
