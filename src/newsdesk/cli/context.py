"""What every command shares: the store location and the consoles."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import duckdb
import typer
from rich.console import Console

from ..store import connect, default_db_path

class UserError(Exception):
    """A mistake in how a command was called, explained in one line."""


# Piped output (make demo, CI logs) gets 120 columns rather than rich's 80.
_WIDTH = None if sys.stdout.isatty() or os.environ.get("COLUMNS") else 120
console = Console(width=_WIDTH)
err_console = Console(stderr=True, width=_WIDTH)


@dataclass
class State:
    db_path: Path | None = None
    actor_files: tuple[str, ...] = ()  # user actor dictionaries (--actors)
    verb_files: tuple[str, ...] = ()  # user verb patterns (--verbs)

    @property
    def path(self) -> Path:
        return self.db_path or default_db_path()

    def open(self, *, read_only: bool = False) -> duckdb.DuckDBPyConnection:
        return connect(self.path, read_only=read_only)


def state(ctx: typer.Context) -> State:
    root = ctx.find_root()
    return root.obj if isinstance(root.obj, State) else State()
