"""``newsdesk eval …``: accuracy on real external data, printed as the source benchmark scores it."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from .app import app
from .context import UserError, console

eval_app = typer.Typer(help="Measure newsdesk against external gold data (see ../shared/eval/README.md).", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("extraction")
def extraction_command(
    folder: Annotated[Path, typer.Argument(help="Folder with ground-truth.json and html/<id>.html.gz.")],
    show_worst: Annotated[int, typer.Option(help="List the N pages with the lowest F1.")] = 5,
) -> None:
    """Article-body extraction, scored like the article-extraction-benchmark (4-gram shingles)."""
    from ..evaluate.extraction import evaluate_extraction

    if not (folder / "ground-truth.json").exists():
        raise UserError(f"{folder} has no ground-truth.json")
    result = evaluate_extraction(folder)
    console.print(f"pages {result.pages}   precision {result.precision:.4f}   recall {result.recall:.4f}   [bold]F1 {result.f1:.4f}[/]")
    console.print("[dim]anchors: trafilatura 2.0.0 0.958, rs-trafilatura 0.970, newspaper4k 0.949, news-please 0.948, readability.js 0.947[/]")
    if show_worst:
        console.print("[dim]lowest F1:[/]")
        for key, f1, url in result.worst(show_worst):
            console.print(f"  {f1:.3f}  {key[:12]}  {url}", highlight=False)
