"""The ``newsdesk`` command line.

Every error a user can cause is one line on stderr and a non-zero exit code;
set NEWSDESK_DEBUG=1 to see the traceback of an unexpected one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated

import click
import typer

from .. import __version__
from ..entities import RegistryError
from ..events.ontology import PatternError
from ..extract import ExtractionError
from ..nlp import ModelError
from ..store import DB_ENV, StoreError
from ..watch import WatchError
from .context import State, UserError, err_console

app = typer.Typer(
    name="newsdesk",
    help="Who did what to whom, where, when — and who says so. A news monitoring desk on an embedded store.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        print(f"newsdesk {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    ctx: typer.Context,
    db: Annotated[Path | None, typer.Option("--db", envvar=DB_ENV, help="Store file (default ./newsdesk.duckdb).", show_default=False)] = None,
    actors: Annotated[list[Path] | None, typer.Option("--actors", help="A user actor dictionary (YAML) that adds to or amends the registry; repeatable. Also NEWSDESK_ACTORS.", show_default=False)] = None,
    verbs: Annotated[list[Path] | None, typer.Option("--verbs", help="A user verb-pattern file (our YAML, or a PETRARCH verb dictionary) that adds to or amends ours; repeatable. Also NEWSDESK_VERBS.", show_default=False)] = None,
    version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version.")] = False,
) -> None:
    ctx.obj = State(db_path=db, actor_files=tuple(str(p) for p in actors or ()), verb_files=tuple(str(p) for p in verbs or ()))


def _register() -> None:
    from . import actors, articles, evaluate, ingest, serve, stories, watch  # noqa: F401  (commands register themselves on import)


_register()


def main(argv: list[str] | None = None) -> None:
    command = typer.main.get_command(app)
    try:
        code = command.main(args=argv, prog_name="newsdesk", standalone_mode=False)
    except click.exceptions.Abort:
        err_console.print("aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (StoreError, ModelError, ExtractionError, UserError, RegistryError, PatternError, WatchError) as exc:
        err_console.print(f"[bold red]error:[/] {exc}", highlight=False)
        sys.exit(1)
    except KeyboardInterrupt:
        err_console.print("interrupted")
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        err_console.print(f"[bold red]error:[/] unexpected {type(exc).__name__}: {exc} (set NEWSDESK_DEBUG=1 for the traceback)", highlight=False)
        sys.exit(2)
    sys.exit(code if isinstance(code, int) else 0)
