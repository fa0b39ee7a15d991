"""Command output shared by Silkwire's commands: rich tables on a terminal, plain lines in pipes."""

from __future__ import annotations

import sys


def is_tty(command) -> bool:
    """Return True when the management command writes to an interactive terminal."""
    stream = getattr(command.stdout, "_out", sys.stdout)
    return bool(getattr(stream, "isatty", lambda: False)())


def print_table(command, title: str, columns: list[str], rows: list[list[str]]) -> None:
    """Print a rich table on a TTY, tab-separated lines otherwise."""
    if is_tty(command):
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title)
        for column in columns:
            table.add_column(column)
        for row in rows:
            table.add_row(*row)
        Console(file=getattr(command.stdout, "_out", sys.stdout)).print(table)
        return
    command.stdout.write("\t".join(columns))
    for row in rows:
        command.stdout.write("\t".join(row))
