"""``newsdesk watch RULES`` and ``newsdesk alerts``: standing questions and their answers."""

from __future__ import annotations

import json
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from ..store import queries
from ..watch import Alert, Rule, check_rules, deliver, load_rules
from .app import app
from .context import console, state


@app.command("watch")
def watch_command(
    ctx: typer.Context,
    rules_file: Annotated[Path, typer.Argument(help="Watch rules (YAML): a list of rules, each with a name and one of events, quotes, claims or text.")],
    jsonl: Annotated[Path | None, typer.Option("--jsonl", help="Also append the new alerts to this file, one JSON object a line.", show_default=False)] = None,
) -> None:
    """Check every stored article against the rules; store and print the alerts not seen before."""
    rules = load_rules(rules_file)
    con = state(ctx).open()
    alerts = check_and_deliver(con, rules)
    if jsonl and alerts:
        with jsonl.open("a", encoding="utf-8") as handle:
            for alert in alerts:
                handle.write(json.dumps(asdict(alert), ensure_ascii=False) + "\n")


@app.command("alerts")
def alerts_command(
    ctx: typer.Context,
    rule: Annotated[str | None, typer.Option(help="Only this rule's alerts.")] = None,
    undelivered: Annotated[bool, typer.Option("--undelivered", help="Only alerts a webhook of their rule has yet to take.")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 50,
) -> None:
    """Stored alerts, newest first, each with the article and the words that matched."""
    rows = queries.list_alerts(state(ctx).open(read_only=True), rule=rule, undelivered=undelivered, limit=limit)
    if not rows:
        console.print(("no undelivered alerts" if undelivered else "no alerts") + (f" for rule {rule!r}" if rule else ""))
        return
    for row in rows:
        line = _line(row["rule"], row["summary"], row["article_id"], row["title"], row["evidence"])
        if row["undelivered"]:
            line.append(f"\n      not yet delivered to {row['undelivered']} webhook{'s' if row['undelivered'] != 1 else ''}", style="red")
        console.print(line)


def check_and_deliver(con, rules: list[Rule], article_ids: list[str] | None = None, run_id: int | None = None) -> list[Alert]:
    """Check the rules, print the new alerts, post every alert due to its webhooks and say how that went."""
    alerts = check_rules(con, rules, article_ids, run_id)
    print_alerts(alerts)
    for delivery in deliver(con, rules):
        if delivery.error:
            console.print(f"[red]✗[/] {delivery.alerts} alerts not delivered to {delivery.target}: {delivery.error} (kept; posted again at the next check)",
                          highlight=False)
        else:
            console.print(f"[green]✓[/] {delivery.alerts} alerts delivered to {delivery.target}", highlight=False)
    return alerts


def print_alerts(alerts: list[Alert]) -> None:
    if not alerts:
        console.print("no new alerts")
        return
    console.print(f"[bold]{len(alerts)} new alert{'s' if len(alerts) != 1 else ''}[/]")
    for alert in alerts:
        console.print(_line(alert.rule, alert.summary, alert.article_id, alert.title, None))


def _line(rule: str, summary: str, article_id: str, title: str | None, evidence: str | None) -> Text:
    line = Text("  ")
    line.append(f"[{rule}] ", style="bold yellow")
    line.append(summary)
    line.append(f"  — {article_id} {title or ''}", style="dim")
    if evidence:
        line.append(f"\n      “{' '.join(evidence.split())}”", style="italic")
    return line
