"""``newsdesk actors`` and ``newsdesk actor NAME``: who the store's news is about."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..store import queries
from .app import app
from .context import console, state

SENSES = ("actor", "place", "reference")


@app.command("actors")
def actors_command(
    ctx: typer.Context,
    type: Annotated[str | None, typer.Option("--type", "-t", help="COUNTRY, PERSON, ARMED_GROUP, IGO, MEDIA, MILITARY …")] = None,
    country: Annotated[str | None, typer.Option(help="ISO alpha-3 country code (actors of that country), e.g. AFG.")] = None,
    sense: Annotated[str | None, typer.Option(help="Count only mentions in this sense: actor, place or reference.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 30,
) -> None:
    """The most mentioned actors, with their codes."""
    if sense and sense not in SENSES:
        raise typer.BadParameter(f"sense must be one of {', '.join(SENSES)}")
    rows = queries.list_actors(state(ctx).open(read_only=True), type=type, country=country, sense=sense, limit=limit)
    if not rows:
        console.print("no actors match")
        return
    table = Table(box=None, header_style="bold")
    for column in ("actor", "type", "code", "mentions", "as actor", "articles", "id"):
        table.add_column(column, no_wrap=column != "actor", justify="right" if column in ("mentions", "as actor", "articles") else "left")
    for row in rows:
        code = row["code"] or row["affiliation"] or ""
        name = row["name"] + (f" ({row['role']})" if row["role"] else "")
        table.add_row(name, row["type"], code, str(row["mentions"]), str(row["as_actor"]), str(row["articles"]), Text(row["entity_id"], style="dim"))
    console.print(table)


@app.command("actor")
def actor_command(
    ctx: typer.Context,
    name: Annotated[str, typer.Argument(help="Any name of the actor (Daesh, Moscow …) or its id.")],
) -> None:
    """One actor: its names, codes, how it is written and used, and the articles that mention it."""
    actor = queries.get_actor(state(ctx).open(read_only=True), name)
    console.print(Text(actor["name"], style="bold underline"))
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    for label, value in (
        ("id", actor["entity_id"]),
        ("type", actor["type"]),
        ("code", actor["code"]),
        ("country", actor["country"]),
        ("role", actor["role"]),
        ("acts for", actor["affiliation"]),
        ("wikidata", actor["wikidata"]),
        ("from", actor["origin"]),
        ("aliases", ", ".join(actor["aliases"] or []) or None),
        ("written", ", ".join(f"{w['text']} ×{w['mentions']}" for w in actor["written"]) or None),
        ("used as", ", ".join(f"{s} {n}" for s, n in actor["senses"].items()) or None),
        ("codes in text", ", ".join(f"{c} {n}" for c, n in actor["codes"].items()) or None),
        ("quotes", str(actor["quotes"]) if actor["quotes"] else None),
    ):
        if value:
            meta.add_row(label, Text(str(value)))
    console.print(meta)
    if actor["articles"]:
        console.print(f"\n[bold]articles[/] ({len(actor['articles'])} shown)")
        for article in actor["articles"]:
            console.print(Text(f"  {article['article_id']}  {article['mentions']:>3}×  {article['title'] or ''}"))


@app.command("places")
def places_command(
    ctx: typer.Context,
    country: Annotated[str | None, typer.Option(help="ISO alpha-2 country code, e.g. AF.")] = None,
    sense: Annotated[str, typer.Option(help="place (where things are or happen), actor, reference, or all.")] = "place",
    limit: Annotated[int, typer.Option(min=1)] = 30,
) -> None:
    """The most named places, resolved to GeoNames, with coordinates."""
    if sense not in (*SENSES, "all"):
        raise typer.BadParameter(f"sense must be one of {', '.join(SENSES)} or all")
    rows = queries.list_places(state(ctx).open(read_only=True), country=country, sense=None if sense == "all" else sense, limit=limit)
    if not rows:
        console.print("no places match")
        return
    table = Table(box=None, header_style="bold")
    for column in ("place", "kind", "country", "lat", "lon", "mentions", "focus of", "articles", "geonames"):
        table.add_column(column, no_wrap=True, justify="right" if column in ("lat", "lon", "mentions", "focus of", "articles") else "left")
    for row in rows:
        lat = f"{row['lat']:.3f}" if row["lat"] is not None else "—"
        lon = f"{row['lon']:.3f}" if row["lon"] is not None else "—"
        table.add_row(row["name"], row["feature_code"], row["country"] or "", lat, lon, str(row["mentions"]), str(row["focus_of"]),
                      str(row["articles"]), Text(str(row["geonames_id"]), style="dim"))
    console.print(table)
