"""``newsdesk stories``: the same report across outlets and re-runs."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..store import queries
from .app import app
from .context import console, state


@app.command("stories")
def stories_command(
    ctx: typer.Context,
    contains: Annotated[str | None, typer.Option("--contains", "-c", help="An article of the story has this in its title or text.")] = None,
    min_articles: Annotated[int, typer.Option("--min-articles", min=1, help="Only stories told by at least this many articles.")] = 2,
    limit: Annotated[int, typer.Option(min=1)] = 30,
) -> None:
    """Stories told by several articles (near-duplicates: re-runs, re-reports), largest first."""
    rows = queries.list_stories(state(ctx).open(read_only=True), min_articles=min_articles, contains=contains, limit=limit)
    if not rows:
        console.print(f"no story told by {min_articles} or more articles" + (f" about {contains!r}" if contains else ""))
        return
    table = Table(box=None, header_style="bold")
    table.add_column("story", no_wrap=True)
    table.add_column("articles", justify="right")
    table.add_column("outlets", max_width=30)
    table.add_column("first", no_wrap=True)
    table.add_column("least similar", justify="right")
    table.add_column("title", min_width=20, ratio=1)
    for row in rows:
        table.add_row(
            row["story_id"], str(row["articles"]), ", ".join(row["sites"] or []) or "—", str(row["first_published"] or "—"),
            f"{row['min_similarity']:.2f}", row["title"] or "",
        )
    console.print(table)


def story_lines(story: dict) -> list[Text]:
    """The other articles of an article's story, each with the article it was found like."""
    lines = []
    for other in story["articles"]:
        line = Text(f"  {other['article_id']}  ")
        line.append(str(other["published"] or "—"), style="dim")
        line.append(f"  {other['site_name'] or ''}  ", style="cyan")
        line.append(other["title"] or "")
        if other["similar_to"]:
            line.append(f"  (≈ {other['similar_to']}, Jaccard {other['similarity']:.2f})", style="dim")
        lines.append(line)
    return lines
