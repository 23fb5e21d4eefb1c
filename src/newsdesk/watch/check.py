"""Asking the rules of the store: every match is an alert, stored once."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from ..store import queries
from ..store.db import now, transaction
from ..store.writer import insert_rows
from .rules import Rule


@dataclass(frozen=True)
class Alert:
    rule: str
    article_id: str
    kind: str  # event | quote | claim | text
    item: int  # the event, quote or quantity number in its article; -1 for a text match
    start_char: int
    end_char: int
    summary: str
    title: str | None


def check_rules(con: duckdb.DuckDBPyConnection, rules: list[Rule], article_ids: list[str] | None = None,
                run_id: int | None = None) -> list[Alert]:
    """Match the rules against the given articles (all when None); store and return the new alerts,
    each due for delivery to its rule's webhooks."""
    found = [alert for rule in rules for alert in _matches(con, rule, article_ids)]
    if not found:
        return []
    with transaction(con):
        known = set(con.execute("SELECT rule, article_id, kind, item FROM alerts WHERE article_id IN (SELECT unnest(?))",
                                [sorted({a.article_id for a in found})]).fetchall())
        new = [a for a in found if (a.rule, a.article_id, a.kind, a.item) not in known]
        stamp = now()
        insert_rows(con, "alerts", [(a.rule, a.article_id, a.kind, a.item, a.start_char, a.end_char, a.summary, stamp, run_id) for a in new])
        targets = {rule.name: rule.notify for rule in rules}
        insert_rows(con, "deliveries", [(a.rule, a.article_id, a.kind, a.item, target, None, 0, None) for a in new for target in targets[a.rule]])
    return new


NO_LIMIT = 1_000_000_000  # the listing queries take a limit; a rule wants every match


def _matches(con: duckdb.DuckDBPyConnection, rule: Rule, article_ids: list[str] | None) -> list[Alert]:
    f = rule.filters
    if rule.kind == "events":
        rows = queries.list_events(con, actor=f.get("actor"), plover=f.get("type"), place=_text(f.get("place")),
                                   include_negated=bool(f.get("negated")), min_confidence=f.get("min_confidence"), article_ids=article_ids,
                                   limit=NO_LIMIT)
        return [Alert(rule.name, r["article_id"], "event", r["event"], r["start_char"], r["end_char"], _event(r), r["title"]) for r in rows]
    if rule.kind == "quotes":
        rows = queries.list_quotes(con, speaker=f.get("speaker"), kind=f.get("kind"), article_ids=article_ids, limit=NO_LIMIT)
        rows = [r for r in rows if r["field"] == "text"]  # an alert's span points into the text; headline quotes are in the title
        return [Alert(rule.name, r["article_id"], "quote", r["quote"], r["start_char"], r["end_char"],
                      f"{r['speaker'] or r['speaker_text'] or '?'}: “{_short(r['content'])}”", r["title"]) for r in rows]
    if rule.kind == "claims":
        rows = queries.list_claims(con, about=f.get("about"), claimed_by=f.get("claimed_by"), event=f.get("event"),
                                   at_least=f.get("at_least"), article_ids=article_ids, limit=NO_LIMIT)
        return [Alert(rule.name, r["article_id"], "claim", r["quantity"], r["start_char"], r["end_char"], _claim(r), r["title"]) for r in rows]
    return _text_matches(con, rule, article_ids)


def _text_matches(con: duckdb.DuckDBPyConnection, rule: Rule, article_ids: list[str] | None) -> list[Alert]:
    sql = """SELECT article_id, title, strpos(lower(text), lower(?)) - 1 AS at FROM articles
             WHERE strpos(lower(text), lower(?)) > 0"""
    params: list = [rule.text, rule.text]
    if article_ids is not None:
        sql += " AND article_id IN (SELECT unnest(?))"
        params.append(list(article_ids))
    rows = con.execute(sql + " ORDER BY article_id", params).fetchall()
    return [Alert(rule.name, a, "text", -1, at, at + len(rule.text), f"mentions “{rule.text}”", title) for a, title, at in rows]


def _text(value) -> str | None:
    return None if value is None else str(value)


def _short(text: str | None, limit: int = 120) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _event(r: dict) -> str:
    who = r["source_name"] or "?"
    whom = f" → {r['target_name']}" if r["target_name"] else ""
    where = f" in {r['place_name']}" if r.get("place_name") else ""
    return f"{r['plover']} {who}{whom}{where}: “{r['predicate']}”"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def _claim(r: dict) -> str:
    value = _number(r["value"]) + (f"–{_number(r['value_high'])}" if r["value_high"] is not None else "")
    claimed = f" — {r['claimed_by_name'] or r['claimed_by']}" if (r["claimed_by_name"] or r["claimed_by"]) else ""
    return f"{r['qualifier']} {value} {r['counted'] or r['unit'] or ''}".strip() + claimed
