"""Reading the store: what the CLI, exports and later the API show."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from ..records import UNREAL
from ..stories import StoryLink
from .db import StoreError

EXPORTABLE_TABLES = (
    "articles", "sentences", "mentions", "entities", "entity_mentions", "places", "events", "quotes", "quantities", "paragraphs",
    "documents", "failures", "runs", "stories", "alerts", "deliveries",
)


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    columns = [d[0] for d in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]


@dataclass(frozen=True)
class ArticleFilter:
    language: str | None = None
    site: str | None = None
    since: date | None = None
    until: date | None = None
    contains: str | None = None
    mentions: str | None = None  # an entity text the article must mention
    limit: int = 50


def list_articles(con: duckdb.DuckDBPyConnection, flt: ArticleFilter = ArticleFilter()) -> list[dict[str, Any]]:
    where, params = _where(
        ("a.language = ?", _equals(flt.language)),
        ("a.site_name ILIKE ?", _like(flt.site)),
        ("a.published >= ?", _equals(flt.since)),
        ("a.published <= ?", _equals(flt.until)),
        ("(a.text ILIKE ? OR a.title ILIKE ?)", _like(flt.contains, 2)),
        ("EXISTS (SELECT 1 FROM mentions m WHERE m.article_id = a.article_id AND m.text ILIKE ?)", _equals(flt.mentions)),
    )
    sql = f"""
        SELECT a.article_id, a.title, a.site_name, a.published, a.language, a.dateline,
               length(a.text) AS chars,
               (SELECT count(*) FROM mentions m WHERE m.article_id = a.article_id) AS mentions,
               d.origin
        FROM articles a JOIN documents d USING (doc_id)
        {where}
        ORDER BY a.published DESC NULLS LAST, d.ingested_at, a.article_id
        LIMIT ?"""
    return _rows(con.execute(sql, params + [flt.limit]))


def resolve_article_id(con: duckdb.DuckDBPyConnection, prefix: str) -> str:
    prefix = prefix.strip().lower()
    if not prefix:
        raise StoreError("give an article id (or a unique prefix of one)")
    rows = con.execute("SELECT article_id FROM articles WHERE article_id LIKE ? ORDER BY 1 LIMIT 3", [prefix + "%"]).fetchall()
    if not rows:
        raise StoreError(f"no article with id {prefix!r}; `newsdesk articles` lists them")
    if len(rows) > 1 and rows[0][0] != prefix:
        raise StoreError(f"article id {prefix!r} is ambiguous ({', '.join(r[0] for r in rows)}…): give more characters")
    return rows[0][0]


def get_article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any]:
    rows = _rows(con.execute(
        """SELECT a.*, d.origin, d.sha256, d.ingested_at, p.model, p.skipped_reason
           FROM articles a JOIN documents d USING (doc_id) LEFT JOIN parses p USING (article_id)
           WHERE a.article_id = ?""",
        [article_id],
    ))
    if not rows:
        raise StoreError(f"no article with id {article_id!r}")
    article = rows[0]
    article["mentions"] = _rows(con.execute(
        "SELECT mention, sentence, start_char, end_char, text, label, extractor FROM mentions WHERE article_id = ? ORDER BY start_char",
        [article_id],
    ))
    article["quotes"] = list_quotes(con, article_id=article_id, limit=10_000)
    article["events"] = list_events(con, article_id=article_id, limit=10_000)
    article["places"] = _rows(con.execute("SELECT * FROM places WHERE article_id = ? ORDER BY field DESC, start_char", [article_id]))
    article["entity_mentions"] = _rows(con.execute(
        """SELECT m.mention, m.sentence, m.start_char, m.end_char, m.text, m.entity_id, m.sense, m.code, m.rule,
                  m.confidence, e.name AS entity, e.type
           FROM entity_mentions m JOIN entities e USING (entity_id) WHERE m.article_id = ? ORDER BY m.start_char""",
        [article_id],
    ))
    article["quantities"] = list_claims(con, article_id=article_id, limit=10_000)
    # A named outlet a speaker told ("he told RIA Novosti") is a relay of the report.
    article["relays"] = sorted({q["addressee"] for q in article["quotes"] if q["addressee"] and q["addressee"][0].isupper()})
    article["story"] = get_story_of(con, article_id)
    article["sentences"] = con.execute(
        "SELECT start_char, end_char FROM sentences WHERE article_id = ? ORDER BY sentence", [article_id]).fetchall()
    article["sentence_count"] = len(article["sentences"])
    return article


def _where(*conditions: tuple[str, list | None]) -> tuple[str, list]:
    """A WHERE clause from (sql, params) pairs; a pair whose params are None was not asked for."""
    active = [(sql, params) for sql, params in conditions if params is not None]
    clause = ("WHERE " + " AND ".join(sql for sql, _ in active)) if active else ""
    return clause, [value for _, params in active for value in params]


def _like(value: str | None, times: int = 1) -> list | None:
    return [f"%{value}%"] * times if value else None


def _equals(value) -> list | None:
    return [value] if value else None


def _among(ids: list[str] | None) -> list | None:
    return None if ids is None else [list(ids)]


def list_quotes(
    con: duckdb.DuckDBPyConnection, *, speaker: str | None = None, article_id: str | None = None,
    kind: str | None = None, article_ids: list[str] | None = None, limit: int = 100,
) -> list[dict[str, Any]]:
    speaker_ids = find_entity_ids(con, speaker) if speaker else []
    where, params = _where(
        # a known actor is found by any of its names; an unknown one by how it is written
        ("q.speaker_entity IN (SELECT unnest(?))", [speaker_ids] if speaker_ids else None),
        ("(q.speaker ILIKE ? OR q.speaker_text ILIKE ?)", _like(speaker, 2) if speaker and not speaker_ids else None),
        ("q.article_id = ?", _equals(article_id)),
        ("q.article_id IN (SELECT unnest(?))", _among(article_ids)),
        ("q.kind = ?", _equals(kind)),
    )
    return _rows(con.execute(
        f"""SELECT q.*, e.name AS speaker_entity_name, e.type AS speaker_entity_type, a.title, a.published
            FROM quotes q JOIN articles a USING (article_id) LEFT JOIN entities e ON e.entity_id = q.speaker_entity {where}
            ORDER BY a.published DESC NULLS LAST, q.article_id, q.quote LIMIT ?""",
        params + [limit],
    ))


def list_claims(
    con: duckdb.DuckDBPyConnection, *, about: str | None = None, claimed_by: str | None = None,
    event: str | None = None, article_id: str | None = None, article_ids: list[str] | None = None,
    at_least: float | None = None, limit: int = 100,
) -> list[dict[str, Any]]:
    """Numeric claims (``at_least``: whose value, or top of range, reaches it); ``about`` matches an actor (by any of its names) the claim counts or
    whose sentence names it, or what is counted, whose, or where, as written."""
    about_ids = find_entity_ids(con, about) if about else []
    claimer_ids = find_entity_ids(con, claimed_by) if claimed_by else []
    where, params = _where(
        ("""(n.of_entity IN (SELECT unnest(?))
             OR EXISTS (SELECT 1 FROM entity_mentions m WHERE m.article_id = n.article_id AND m.sentence = n.sentence
                        AND m.entity_id IN (SELECT unnest(?))))""", [about_ids, about_ids] if about_ids else None),
        ("(n.counted ILIKE ? OR n.of_actor ILIKE ? OR n.place ILIKE ?)", _like(about, 3) if about and not about_ids else None),
        ("n.claimed_by_entity IN (SELECT unnest(?))", [claimer_ids] if claimer_ids else None),
        ("n.claimed_by ILIKE ?", _like(claimed_by) if claimed_by and not claimer_ids else None),
        ("n.event = ?", _equals(event)),
        ("n.article_id = ?", _equals(article_id)),
        ("n.article_id IN (SELECT unnest(?))", _among(article_ids)),
        ("coalesce(n.value_high, n.value) >= ?", None if at_least is None else [at_least]),
    )
    return _rows(con.execute(
        f"""SELECT n.*, c.name AS claimed_by_name, o.name AS of_name, pl.name AS place_name, pl.geonames_id AS place_geonames_id,
                   pl.lat AS place_lat, pl.lon AS place_lon, a.title, a.published
            FROM quantities n JOIN articles a USING (article_id)
            LEFT JOIN entities c ON c.entity_id = n.claimed_by_entity LEFT JOIN entities o ON o.entity_id = n.of_entity
            LEFT JOIN places pl ON pl.article_id = n.article_id AND pl.place = n.place_index {where}
            ORDER BY a.published DESC NULLS LAST, n.article_id, n.quantity LIMIT ?""",
        params + [limit],
    ))


def find_entity_ids(con: duckdb.DuckDBPyConnection, name: str) -> list[str]:
    """Entities a user means by a name: its id, its canonical name, or any alias (any case)."""
    rows = con.execute(
        """SELECT entity_id FROM entities
           WHERE entity_id = ? OR lower(name) = lower(?) OR list_contains(list_transform(aliases, lambda a: lower(a)), lower(?))""",
        [name, name, name],
    ).fetchall()
    if not rows:  # how the text wrote it: "the Russian envoy"
        rows = con.execute("SELECT DISTINCT entity_id FROM entity_mentions WHERE lower(text) = lower(?)", [name]).fetchall()
    return [r[0] for r in rows]


def list_actors(
    con: duckdb.DuckDBPyConnection, *, type: str | None = None, country: str | None = None,
    sense: str | None = None, limit: int = 30,
) -> list[dict[str, Any]]:
    """Actors by how often they are mentioned, with the articles that mention them."""
    where, params = _where(
        ("e.type = upper(?)", _equals(type)),
        ("(e.country = upper(?) OR e.code LIKE upper(?) || '%')", [country, country] if country else None),
        ("m.sense = ?", _equals(sense)),
    )
    return _rows(con.execute(
        f"""SELECT e.entity_id, e.name, e.type, e.country, e.code, e.role, e.affiliation,
                   count(*) AS mentions, count(DISTINCT m.article_id) AS articles,
                   count(*) FILTER (WHERE m.sense = 'actor') AS as_actor
            FROM entity_mentions m JOIN entities e USING (entity_id) {where}
            GROUP BY ALL ORDER BY mentions DESC, e.name LIMIT ?""",
        params + [limit],
    ))


def get_actor(con: duckdb.DuckDBPyConnection, name: str) -> dict[str, Any]:
    ids = find_entity_ids(con, name)
    if not ids:
        raise StoreError(f"no actor called {name!r} in the store (try `newsdesk actors`)")
    if len(ids) > 1:
        raise StoreError(f"{name!r} names several actors ({', '.join(sorted(ids))}): give an id")
    actor = _rows(con.execute("SELECT * FROM entities WHERE entity_id = ?", ids))[0]
    actor["written"] = _rows(con.execute(
        """SELECT text, count(*) AS mentions FROM entity_mentions WHERE entity_id = ?
           GROUP BY text ORDER BY mentions DESC, text""", ids))
    actor["senses"] = dict(con.execute(
        "SELECT sense, count(*) FROM entity_mentions WHERE entity_id = ? GROUP BY sense ORDER BY 2 DESC", ids).fetchall())
    actor["codes"] = dict(con.execute(
        "SELECT code, count(*) FROM entity_mentions WHERE entity_id = ? AND code IS NOT NULL GROUP BY code ORDER BY 2 DESC", ids).fetchall())
    actor["articles"] = _rows(con.execute(
        """SELECT a.article_id, a.title, a.published, count(*) AS mentions
           FROM entity_mentions m JOIN articles a USING (article_id) WHERE m.entity_id = ?
           GROUP BY ALL ORDER BY mentions DESC, a.published DESC NULLS LAST LIMIT 20""", ids))
    actor["quotes"] = con.execute("SELECT count(*) FROM quotes WHERE speaker_entity = ?", ids).fetchone()[0]
    return actor


def _event_filter(
    con: duckdb.DuckDBPyConnection, *, actor: str | None, plover: str | None, place: str | None, since, until,
    article_id: str | None, include_negated: bool, article_ids: list[str] | None = None, min_confidence: float | None = None,
) -> tuple[str, list]:
    """The WHERE clause over events e, their place p and article a, shared by listings and counts."""
    actor_ids = find_entity_ids(con, actor) if actor else []
    return _where(
        ("(e.source_entity IN (SELECT unnest(?)) OR e.target_entity IN (SELECT unnest(?)))", [actor_ids, actor_ids] if actor_ids else None),
        ("(e.source_name ILIKE ? OR e.target_name ILIKE ?)", _like(actor, 2) if actor and not actor_ids else None),
        ("e.plover = upper(?)", _equals(plover)),
        ("(p.name ILIKE ? OR p.country = upper(?) OR CAST(p.geonames_id AS VARCHAR) = ?)", [f"%{place}%", place, place] if place else None),
        ("coalesce(e.event_date, a.published) >= ?", _equals(since)),
        ("coalesce(e.event_date, a.published) <= ?", _equals(until)),
        ("e.article_id = ?", _equals(article_id)),
        ("e.article_id IN (SELECT unnest(?))", _among(article_ids)),
        ("e.modality NOT IN (SELECT unnest(?))", None if include_negated or article_id else [list(UNREAL)]),
        ("e.confidence >= ?", _equals(min_confidence)),
    )


_EVENT_JOINS = """FROM events e JOIN articles a USING (article_id)
            LEFT JOIN places p ON p.article_id = e.article_id AND p.place = e.place_index"""


def list_events(
    con: duckdb.DuckDBPyConnection, *, actor: str | None = None, plover: str | None = None, place: str | None = None,
    since=None, until=None, article_id: str | None = None, include_negated: bool = False,
    article_ids: list[str] | None = None, min_confidence: float | None = None, limit: int = 100,
) -> list[dict[str, Any]]:
    """Events, newest first; ``actor`` matches source or target by any of the actor's names;
    ``min_confidence`` keeps those the confidence model rates at least that likely to be right."""
    where, params = _event_filter(con, actor=actor, plover=plover, place=place, since=since, until=until,
                                  article_id=article_id, include_negated=include_negated, article_ids=article_ids,
                                  min_confidence=min_confidence)
    return _rows(con.execute(
        f"""SELECT e.*, p.name AS place_name, p.geonames_id AS place_geonames_id, p.lat AS place_lat, p.lon AS place_lon,
                   p.country AS place_country, p.feature_code AS place_feature_code, p.admin1 AS place_admin1,
                   s.name AS speaker_name, a.title, a.published, a.url,
                   substr(a.text, e.start_char + 1, e.end_char - e.start_char) AS evidence,
                   substr(a.text, e.source_start + 1, e.source_end - e.source_start) AS source_text,
                   substr(a.text, e.target_start + 1, e.target_end - e.target_start) AS target_text
            {_EVENT_JOINS}
            LEFT JOIN entities s ON s.entity_id = e.speaker_entity {where}
            ORDER BY coalesce(e.event_date, a.published) DESC NULLS LAST, e.article_id, e.event LIMIT ?""",
        params + [limit],
    ))


def event_timeline(
    con: duckdb.DuckDBPyConnection, *, actor: str | None = None, plover: str | None = None, place: str | None = None,
    since=None, until=None, min_confidence: float | None = None,
) -> list[dict[str, Any]]:
    """Events per day (the event's own date, else its article's) and PLOVER type, under list_events' filters."""
    where, params = _event_filter(con, actor=actor, plover=plover, place=place, since=since, until=until,
                                  article_id=None, include_negated=False, min_confidence=min_confidence)
    where = f"{where} AND" if where else "WHERE"
    return _rows(con.execute(
        f"""SELECT coalesce(e.event_date, a.published) AS day, e.plover, count(*) AS events
            {_EVENT_JOINS} {where} coalesce(e.event_date, a.published) IS NOT NULL
            GROUP BY ALL ORDER BY day, e.plover""",
        params,
    ))


def list_places(
    con: duckdb.DuckDBPyConnection, *, country: str | None = None, sense: str | None = "place", limit: int = 30,
) -> list[dict[str, Any]]:
    """Places by how often they are named, with coordinates and the articles naming them."""
    where, params = _where(
        ("geonames_id IS NOT NULL", []),
        ("country = upper(?)", _equals(country)),
        ("sense = ?", _equals(sense)),
    )
    return _rows(con.execute(
        f"""SELECT geonames_id, any_value(name) AS name, any_value(feature_code) AS feature_code, any_value(country) AS country,
                   any_value(lat) AS lat, any_value(lon) AS lon, count(*) AS mentions, count(DISTINCT article_id) AS articles,
                   count(*) FILTER (WHERE focus) AS focus_of
            FROM places {where} GROUP BY geonames_id ORDER BY mentions DESC, name LIMIT ?""",
        params + [limit],
    ))


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    one = lambda sql: con.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "documents": one("SELECT count(*) FROM documents"),
        "articles": one("SELECT count(*) FROM articles"),
        "sentences": one("SELECT count(*) FROM sentences"),
        "mentions": one("SELECT count(*) FROM mentions"),
        "quotes": one("SELECT count(*) FROM quotes"),
        "quantities": one("SELECT count(*) FROM quantities"),
        "events": one("SELECT count(*) FROM events"),
        "stories": one("SELECT count(*) FROM (SELECT story_id FROM stories GROUP BY story_id HAVING count(*) > 1)"),
        "places": one("SELECT count(*) FROM places WHERE geonames_id IS NOT NULL"),
        "open_failures": one("SELECT count(*) FROM failures WHERE resolved_at IS NULL"),
        "runs": one("SELECT count(*) FROM runs"),
        "interrupted_runs": one("SELECT count(*) FROM runs WHERE status = 'running'"),
        "languages": con.execute("SELECT language, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC").fetchall(),
        "labels": con.execute("SELECT label, count(*) FROM mentions GROUP BY 1 ORDER BY 2 DESC").fetchall(),
        "top_mentions": con.execute(
            "SELECT text, label, count(*) AS n FROM mentions WHERE label IN ('PERSON','ORG','GPE','NORP','LOC') "
            "GROUP BY 1, 2 ORDER BY n DESC, text LIMIT 10"
        ).fetchall(),
        "sites": con.execute(
            "SELECT coalesce(site_name, '(unknown)'), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 10"
        ).fetchall(),
        "published_range": con.execute("SELECT min(published), max(published) FROM articles").fetchone(),
        "models": con.execute("SELECT model, count(*) FROM parses GROUP BY 1 ORDER BY 2 DESC").fetchall(),
    }


def story_links(con: duckdb.DuckDBPyConnection) -> Iterator[StoryLink]:
    """Every stored article's story, with its signature, in the order they were stored (read in chunks)."""
    cursor = con.execute("SELECT article_id, story_id, similar_to, similarity, signature FROM stories ORDER BY rowid")
    while rows := cursor.fetchmany(10_000):
        for article_id, story, similar, similarity, signature in rows:
            yield StoryLink(article_id, story, similar, similarity, tuple(signature or ()))


def list_stories(con: duckdb.DuckDBPyConnection, *, min_articles: int = 2, contains: str | None = None, limit: int = 30) -> list[dict[str, Any]]:
    """Stories told by more than one article (re-runs, re-reports), largest and newest first."""
    return _rows(con.execute(
        f"""SELECT s.story_id, count(*) AS articles, count(DISTINCT a.site_name) AS outlets,
                  min(a.published) AS first_published, max(a.published) AS last_published,
                  arg_min(a.title, coalesce(CAST(a.published AS VARCHAR), '9999') || a.article_id) AS title,
                  list(a.article_id ORDER BY a.published NULLS LAST, a.article_id) AS article_ids,
                  list(DISTINCT a.site_name ORDER BY a.site_name) FILTER (WHERE a.site_name IS NOT NULL) AS sites,
                  min(s.similarity) AS min_similarity
           FROM stories s JOIN articles a USING (article_id)
           GROUP BY s.story_id
           HAVING count(*) >= ? {"AND bool_or(a.title ILIKE ? OR a.text ILIKE ?)" if contains else ""}
           ORDER BY articles DESC, first_published DESC NULLS LAST, s.story_id LIMIT ?""",
        [min_articles, *(_like(contains, 2) or []), limit],
    ))


def get_story_of(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    """The story an article belongs to: the other articles in it and how similar each is."""
    rows = _rows(con.execute(
        """SELECT o.story_id, o.article_id, a.title, a.site_name, a.published, o.similar_to, o.similarity
           FROM stories s JOIN stories o ON o.story_id = s.story_id JOIN articles a ON a.article_id = o.article_id
           WHERE s.article_id = ? ORDER BY a.published NULLS LAST, o.article_id""",
        [article_id],
    ))
    return {"story_id": rows[0]["story_id"], "articles": rows} if rows else None


def list_alerts(con: duckdb.DuckDBPyConnection, *, rule: str | None = None, undelivered: bool = False, limit: int = 50) -> list[dict[str, Any]]:
    """Stored alerts, newest first, with their article, the words that matched, and how many of
    their rule's webhooks have yet to take them (``undelivered``: only those)."""
    where, params = _where(("l.rule = ?", _equals(rule)), ("due > 0", [] if undelivered else None))
    return _rows(con.execute(
        f"""SELECT * EXCLUDE (due), due AS undelivered FROM (
                SELECT l.*, a.title, a.published, substr(a.text, l.start_char + 1, l.end_char - l.start_char) AS evidence,
                       (SELECT count(*) FROM deliveries d WHERE d.delivered_at IS NULL AND d.rule = l.rule AND d.article_id = l.article_id
                               AND d.kind = l.kind AND d.item = l.item) AS due
                FROM alerts l JOIN articles a USING (article_id)) l {where}
            ORDER BY l.created_at DESC, l.rule, l.article_id, l.kind, l.item LIMIT ?""",
        params + [limit],
    ))


def list_failures(con: duckdb.DuckDBPyConnection, *, include_resolved: bool = False, limit: int = 100) -> list[dict[str, Any]]:
    where = "" if include_resolved else "WHERE resolved_at IS NULL"
    return _rows(con.execute(
        f"""SELECT failure_id, origin, stage, reason, detail, attempts, last_seen, resolved_at,
                   raw IS NOT NULL AS has_raw, media_type
            FROM failures {where} ORDER BY last_seen DESC, failure_id LIMIT ?""",
        [limit],
    ))


def stored_urls(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """The web pages stored, by address: a feed polled again need not fetch them."""
    return frozenset(row[0] for row in con.execute("SELECT origin FROM documents WHERE origin LIKE 'http%'").fetchall())


def failures_to_retry(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    return _rows(con.execute(
        "SELECT origin, raw, media_type FROM failures WHERE resolved_at IS NULL ORDER BY failure_id"
    ))


def export_query(table: str) -> str:
    if table not in EXPORTABLE_TABLES:
        raise StoreError(f"cannot export {table!r}; choose one of {', '.join(EXPORTABLE_TABLES)}")
    if table == "documents":
        return "SELECT * EXCLUDE (raw) FROM documents ORDER BY doc_id"
    if table == "failures":
        return "SELECT * EXCLUDE (raw) FROM failures ORDER BY failure_id"
    if table == "articles":
        return "SELECT * FROM articles ORDER BY article_id"
    keys = {"quotes": "article_id, quote", "quantities": "article_id, quantity", "sentences": "article_id, sentence", "mentions": "article_id, mention", "entity_mentions": "article_id, mention", "entities": "entity_id", "places": "article_id, place", "events": "article_id, event", "paragraphs": "article_id, paragraph", "runs": "run_id", "stories": "story_id, article_id", "alerts": "rule, article_id, kind, item", "deliveries": "rule, article_id, kind, item, target"}
    return f"SELECT * FROM {table} ORDER BY {keys[table]}"


def export(con: duckdb.DuckDBPyConnection, table: str, path: str, fmt: str) -> int:
    formats = {"csv": "(FORMAT csv, HEADER true)", "parquet": "(FORMAT parquet)", "jsonl": "(FORMAT json)"}
    if fmt not in formats:
        raise StoreError(f"unknown export format {fmt!r}; choose one of {', '.join(formats)}")
    query = export_query(table)
    count = con.execute(f"SELECT count(*) FROM ({query})").fetchone()[0]
    escaped = path.replace("'", "''")
    con.execute(f"COPY ({query}) TO '{escaped}' {formats[fmt]}")
    return count
