"""``articles``, ``show``, ``stats``, ``export``: looking at what the store holds."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from ..store import queries
from .app import app
from .context import UserError, console, state
from .ingest import _date
from .stories import story_lines

LABEL_STYLES = {
    "PERSON": "bold magenta",
    "ORG": "bold cyan",
    "GPE": "bold green",
    "LOC": "green",
    "NORP": "yellow",
    "FAC": "green",
    "DATE": "blue",
    "TIME": "blue",
    "CARDINAL": "bold yellow",
    "QUANTITY": "bold yellow",
    "MONEY": "bold yellow",
    "PERCENT": "bold yellow",
    "EVENT": "red",
}


@app.command("articles")
def articles_command(
    ctx: typer.Context,
    language: Annotated[str | None, typer.Option(help="ISO 639-1 code, e.g. en.")] = None,
    site: Annotated[str | None, typer.Option(help="Publisher name contains this.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    contains: Annotated[str | None, typer.Option("--contains", "-c", help="Title or text contains this.")] = None,
    mentions: Annotated[str | None, typer.Option(help="Mentions an entity with exactly this text.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """List stored articles, newest first."""
    flt = queries.ArticleFilter(language, site, _date(since), _date(until), contains, mentions, limit)
    rows = queries.list_articles(state(ctx).open(read_only=True), flt)
    if not rows:
        console.print("no articles match")
        return
    table = Table(box=None, header_style="bold")
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("site", max_width=14, no_wrap=True, overflow="ellipsis")
    table.add_column("dateline", max_width=10, no_wrap=True, overflow="ellipsis")
    table.add_column("title", min_width=20, ratio=1)
    for row in rows:
        table.add_row(
            row["article_id"], str(row["published"] or "—"), row["site_name"] or "",
            row["dateline"] or "", row["title"] or Path(row["origin"]).name,
        )
    console.print(table)


@app.command("show")
def show_command(
    ctx: typer.Context,
    article_id: Annotated[str, typer.Argument(help="Article id or a unique prefix of one.")],
    furniture: Annotated[bool, typer.Option(help="Also list the site furniture removed from the page.")] = False,
) -> None:
    """An article's metadata and text, with its entity mentions highlighted."""
    con = state(ctx).open(read_only=True)
    article = queries.get_article(con, queries.resolve_article_id(con, article_id))
    console.print(Text(article["title"] or "(untitled)", style="bold underline"))
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="dim")
    meta.add_column()
    fields = [
        ("id", article["article_id"]),
        ("byline", article["byline"]),
        ("dateline", f"{article['dateline']}  ({article['dateline_text']})" if article["dateline"] else None),
        ("publisher", article["site_name"]),
        ("relays", ", ".join(article["relays"]) or None),
        ("published", f"{article['published']} ({article['published_source']})" if article["published"] else "unknown (not in the source; pass --published)"),
        ("language", f"{article['language']} ({article['language_score']})" if article["language"] else None),
        ("url", article["url"] or article["canonical_url"]),
        ("origin", article["origin"]),
        ("extracted by", article["extractor"]),
        ("parsed by", article["model"] + (f" — skipped: {article['skipped_reason']}" if article["skipped_reason"] else "")),
        ("parse", f"{article['sentence_count']} sentences, {len(article['mentions'])} entity mentions"),
        ("furniture removed", f"{len(article['removed'] or [])} blocks" if article["removed"] else None),
        ("synthetic", "yes (written for the demo corpus)" if article["synthetic"] else None),
    ]
    for name, value in fields:
        if value:
            meta.add_row(name, Text(str(value)))
    console.print(meta)
    console.print()
    console.print(highlight_mentions(article["text"], article["mentions"]))
    console.print()
    console.print(_legend(article["mentions"]))
    if article["entity_mentions"]:
        console.print(f"\n[bold]actors[/] ({len({m['entity_id'] for m in article['entity_mentions']})})")
        for line in actor_lines(article["entity_mentions"]):
            console.print(line)
    if article["places"]:
        console.print(f"\n[bold]places[/] ({len({p['geonames_id'] for p in article['places']})})")
        for line in place_lines(article["places"]):
            console.print(line)
    if article["events"]:
        console.print(f"\n[bold]events[/] ({len(article['events'])})")
        for event in article["events"]:
            console.print(event_line(event))
    if article["quotes"]:
        console.print(f"\n[bold]quotes[/] ({len(article['quotes'])})")
        for quote in article["quotes"]:
            console.print(quote_line(quote))
    if article["quantities"]:
        console.print(f"\n[bold]numeric claims[/] ({len(article['quantities'])})")
        for claim in article["quantities"]:
            console.print(claim_line(claim))
    story = article["story"]
    if story and len(story["articles"]) > 1:
        console.print(f"\n[bold]story[/] {story['story_id']} ({len(story['articles'])} articles)")
        for line in story_lines(story):
            console.print(line)
    if furniture and article["removed"]:
        console.print("\n[dim]removed:[/]")
        for block in article["removed"]:
            console.print(Text(f"  ✂ {block}", style="dim"))


def actor_lines(mentions: list[dict]) -> list[Text]:
    """``Russia  COUNTRY RUS · 12× · as actor 7 (RUSGOV 4, RUSMIL 1) · Russia, Moscow, Russian``"""
    by_entity: dict[str, list[dict]] = {}
    for mention in mentions:
        by_entity.setdefault(mention["entity_id"], []).append(mention)
    lines = []
    for group in sorted(by_entity.values(), key=lambda g: (-len(g), g[0]["entity"])):
        first = group[0]
        line = Text("  ")
        line.append(first["entity"], style="bold")
        line.append(f"  {first['type']}", style="dim")
        codes: dict[str, int] = {}
        for m in group:
            if m["sense"] == "actor" and m["code"]:
                codes[m["code"]] = codes.get(m["code"], 0) + 1
        line.append(f" · {len(group)}×")
        actors = sum(m["sense"] == "actor" for m in group)
        places = sum(m["sense"] == "place" for m in group)
        if actors:
            line.append(f" · as actor {actors}" + (f" ({', '.join(f'{c} {n}' for c, n in codes.items())})" if codes else ""))
        if places:
            line.append(f" · as place {places}")
        written = list(dict.fromkeys(m["text"] for m in group))
        line.append(" · " + ", ".join(f'"{w}"' for w in written[:6]), style="dim")
        lines.append(line)
    return lines


def event_line(event: dict, *, with_title: bool = False) -> Text:
    """``ASSAULT 190 · US-led coalition (IGOMILCOA) → Islamic State (IMGMUSISI) · in Syria · Zamir Kabulov says · “operations” · p=0.71``"""
    line = Text("  ")
    line.append(f"{event['plover']} {event['cameo']}", style="bold red" if event["cameo_root"] >= "14" else "bold cyan")
    if event["modality"] != "done":
        line.append(f" [{event['modality']}]", style="yellow")
    line.append(" · ")
    for role, missing in (("source", "?"), ("target", "—")):
        if role == "target":
            line.append(" → ")
        line.append(f"{event[f'{role}_name'] or missing}", style="bold")
        if event.get(f"{role}_antecedent_start") is not None and event.get(f"{role}_text"):
            line.append(f" ← “{event[f'{role}_text']}”", style="dim")  # the pronoun that stands for the name here
        line.append(f" ({event[f'{role}_code']})" if event[f"{role}_code"] else "", style="dim")
    if event.get("place_name"):
        line.append(f" · in {event['place_name']}", style="green")
    when = " ".join(part for part in (str(event["event_date"] or ""), f"({event['date_text']})" if event["date_text"] else "") if part)
    if when:
        line.append(f" · {when}", style="blue")
    if event["quote"] is not None:
        line.append(f" · {event.get('speaker_name') or 'a source'} says", style="magenta")
    line.append(f" · “{event['predicate']}”", style="dim")
    line.append(f" · p={event['confidence']:.2f}", style="dim")  # the confidence model's probability that it is right
    if with_title:
        line.append(f"  — {event['article_id']} {event['title'] or ''}", style="dim")
    return line


def place_lines(places: list[dict]) -> list[Text]:
    """``Afghanistan  PCLI AF 1149361 (33.000, 65.000) · focus · as place 7, reference 4 · "north of"``"""
    by_place: dict = {}
    for place in places:
        by_place.setdefault((place["geonames_id"], place["text"] if place["geonames_id"] is None else ""), []).append(place)
    lines = []
    for group in sorted(by_place.values(), key=lambda g: (not any(p["focus"] for p in g), g[0]["field"] != "dateline", -len(g))):
        first = group[0]
        line = Text("  ")
        line.append(first["name"] or f"{first['text']} (not in the gazetteer)", style="bold green")
        if first["geonames_id"] is not None:
            coordinates = f" ({first['lat']:.3f}, {first['lon']:.3f})" if first["lat"] is not None else ""
            line.append(f"  {first['feature_code']} {first['country'] or ''} {first['geonames_id']}{coordinates}", style="dim")
        if any(p["focus"] for p in group):
            line.append(" · focus", style="bold")
        if any(p["field"] == "dateline" for p in group):
            line.append(" · dateline", style="bold")
        senses: dict[str, int] = {}
        for p in group:
            if p["field"] == "text":
                senses[p["sense"]] = senses.get(p["sense"], 0) + 1
        if senses:
            line.append(" · " + ", ".join(f"as {s} {n}" if i == 0 else f"{s} {n}" for i, (s, n) in enumerate(senses.items())))
        relations = sorted({p["relation"] for p in group if p["relation"]})
        if relations:
            line.append(" · " + ", ".join(f"“{r}”" for r in relations), style="dim")
        lines.append(line)
    return lines


def quote_line(quote: dict, *, with_title: bool = False) -> Text:
    """``Zamir Kabulov ← "he" · told → RIA Novosti · direct: "…"``"""
    line = Text("  ")
    speaker = quote.get("speaker_entity_name") or quote["speaker"]
    line.append(speaker or "?", style="bold magenta")
    if quote["speaker_text"] and quote["speaker_text"] != speaker:
        line.append(f" ← “{quote['speaker_text']}”", style="dim")
    line.append(f" · {quote['cue'] or ('(headline)' if quote['kind'] == 'headline' else '(continues)')}", style="cyan")
    if quote["addressee"]:
        line.append(f" → {quote['addressee']}", style="cyan")
    if quote["stance"] != "asserts":
        line.append(f" [{quote['stance']}]", style="bold red")
    line.append(f" · {quote['kind']}: ", style="dim")
    line.append(f"“{quote['content']}”")
    if with_title:
        line.append(f"  — {quote['article_id']} {quote['title'] or ''}", style="dim")
    return line


QUALIFIER_WORDS = {"exact": "", "more_than": "> ", "less_than": "< ", "about": "~ ", "at_least": "≥ ", "up_to": "≤ ", "range": ""}


def claim_line(claim: dict, *, with_title: bool = False) -> Text:
    """``> 10,000 fighters (Daesh) in Afghanistan — claimed by Zamir Kabulov · "more than 10,000"``"""
    value = f"{claim['value']:,.10g}" + (f"–{claim['value_high']:,.10g}" if claim["value_high"] is not None else "")
    line = Text("  ")
    line.append(f"{QUALIFIER_WORDS.get(claim['qualifier'], '')}{value}", style="bold yellow")
    if claim["change"]:
        line.append(f" ({claim['change']})", style="yellow")
    line.append(f" {claim['counted'] or claim['unit'] or ''}")
    if claim["of_actor"]:
        of = claim.get("of_name")
        named = of and of != claim["of_actor"]
        if claim["of_actor"] in (claim["counted"] or ""):  # "Pakistani soldiers": whose is in the words already
            line.append(f" ({of})" if named else "")
        else:
            line.append(f" of {claim['of_actor']}" + (f" ({of})" if named else ""))
    if claim.get("place_name"):
        line.append(f" in {claim['place_name']} ({claim['place_geonames_id']})", style="green")
    elif claim["place"]:
        line.append(f" in {claim['place']}", style="green")
    if claim.get("when_text"):
        line.append(f" ({claim['when_text']})", style="blue")
    if claim["event"]:
        line.append(f" [{claim['event']}]", style="red")
    line.append(f" — claimed by {claim.get('claimed_by_name') or claim['claimed_by'] or 'the outlet'}", style="magenta")
    if claim["restates"] is not None:
        line.append(f" (restates #{claim['restates']})", style="dim")
    line.append(f" · “{claim['text']}”", style="dim")
    if with_title:
        line.append(f"  — {claim['article_id']} {claim['title'] or ''}", style="dim")
    return line


def highlight_mentions(text: str, mentions: list[dict]) -> Text:
    rendered = Text(text)
    for mention in mentions:
        style = LABEL_STYLES.get(mention["label"])
        if style:
            rendered.stylize(style, mention["start_char"], mention["end_char"])
    return rendered


def _legend(mentions: list[dict]) -> Text:
    labels = sorted({m["label"] for m in mentions if m["label"] in LABEL_STYLES})
    legend = Text("entities: ", style="dim")
    for label in labels:
        legend.append(label, style=LABEL_STYLES[label])
        legend.append("  ")
    return legend


@app.command("stats")
def stats_command(ctx: typer.Context) -> None:
    """Counts of what the store holds."""
    con = state(ctx).open(read_only=True)
    print_stats(queries.stats(con), state(ctx).path)


def print_stats(stats: dict, path: Path) -> None:
    console.print(f"[bold]store[/] {path}")
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column(justify="right")
    for key in ("documents", "articles", "sentences", "mentions", "quotes", "quantities", "events", "places", "stories", "open_failures", "runs",
                "interrupted_runs"):
        grid.add_row(key.replace("_", " "), f"{stats[key]:,}")
    console.print(grid)
    low, high = stats["published_range"]
    console.print(f"[dim]published[/]  {low or '—'} … {high or '—'}")
    console.print("[dim]languages[/]  " + ", ".join(f"{lang or '?'} {n}" for lang, n in stats["languages"]))
    console.print("[dim]publishers[/] " + ", ".join(f"{site} {n}" for site, n in stats["sites"]))
    console.print("[dim]entity labels[/] " + ", ".join(f"{label} {n}" for label, n in stats["labels"]))
    console.print("[dim]most mentioned[/] " + ", ".join(f"{text} ({label}) {n}" for text, label, n in stats["top_mentions"]))
    console.print("[dim]models[/] " + ", ".join(f"{model} {n}" for model, n in stats["models"]))


@app.command("export")
def export_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="jsonl, csv, parquet; or gdelt (GDELT 2.0 event table) or acled (ACLED-style CSV) for events.")] = "jsonl",
    table: Annotated[str, typer.Option(help=f"One of: {', '.join(queries.EXPORTABLE_TABLES)}.")] = "articles",
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="gdelt and acled: only events at least this likely to be right.")] = None,
) -> None:
    """Write a table of the store to a file (JSON lines, CSV or Parquet), or the events as GDELT or ACLED rows."""
    if output.parent and not output.parent.exists():
        raise UserError(f"folder {output.parent} does not exist")
    con = state(ctx).open(read_only=True)
    if fmt.lower() in ("gdelt", "acled"):
        from ..store.exchange import write_acled, write_gdelt

        count = (write_gdelt if fmt.lower() == "gdelt" else write_acled)(con, str(output), min_confidence)
        console.print(f"wrote {count:,} events to {output} ({fmt.lower()})")
        return
    if min_confidence is not None:
        raise UserError("--min-confidence filters events: use it with --format gdelt or acled")
    count = queries.export(con, table, str(output), fmt.lower())
    console.print(f"wrote {count:,} {table} rows to {output} ({fmt})")


@app.command("quotes")
def quotes_command(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="Resolved speaker (or the phrase as written) contains this.")] = None,
    kind: Annotated[str | None, typer.Option(help="direct, indirect or according_to.")] = None,
    article: Annotated[str | None, typer.Option(help="Only this article (id or prefix).")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """Who said what: quotes and reported speech, with resolved speakers."""
    con = state(ctx).open(read_only=True)
    article_id = queries.resolve_article_id(con, article) if article else None
    print_lines(queries.list_quotes(con, speaker=speaker, article_id=article_id, kind=kind, limit=limit), quote_line, "quotes")


@app.command("claims")
def claims_command(
    ctx: typer.Context,
    about: Annotated[str | None, typer.Option(help="An actor by any of its names (Daesh, Moscow): whose figure it is, or named in its sentence; otherwise what is counted, whose, or where, as written.")] = None,
    claimed_by: Annotated[str | None, typer.Option(help="Who claims it: an actor by any of its names, else as written.")] = None,
    event: Annotated[str | None, typer.Option(help="killed, wounded, kidnapped, arrested, displaced, fighters or troops.")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """Numeric claims: figures, what they count, and who claims them."""
    rows = queries.list_claims(state(ctx).open(read_only=True), about=about, claimed_by=claimed_by, event=event, limit=limit)
    print_lines(rows, claim_line, "claims")


@app.command("events")
def events_command(
    ctx: typer.Context,
    actor: Annotated[str | None, typer.Option(help="Source or target, by any of the actor's names.")] = None,
    type: Annotated[str | None, typer.Option("--type", "-t", help="PLOVER type: ASSAULT, AGREE, REJECT …")] = None,
    place: Annotated[str | None, typer.Option(help="Place name, ISO alpha-2 country or GeoNames id.")] = None,
    since: Annotated[str | None, typer.Option(help="On or after (YYYY-MM-DD; event date, else publication).")] = None,
    until: Annotated[str | None, typer.Option(help="On or before (YYYY-MM-DD).")] = None,
    negated: Annotated[bool, typer.Option("--negated", help="Also events the text says did not happen, only might ('if they attack'), or denies.")] = False,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="Only events at least this likely to be right (the confidence model; `newsdesk eval events` shows precision per level).")] = None,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """Who did what to whom, where and when: events coded in PLOVER and CAMEO."""
    rows = queries.list_events(state(ctx).open(read_only=True), actor=actor, plover=type, place=place, since=_date(since),
                               until=_date(until), include_negated=negated, min_confidence=min_confidence, limit=limit)
    print_lines(rows, event_line, "events")


def print_lines(rows: list[dict], render, what: str) -> None:
    """One line a row, each with the article it comes from; a plain sentence when nothing matches."""
    if not rows:
        console.print(f"no {what} match")
        return
    for row in rows:
        console.print(render(row, with_title=True))
