"""Writing records to the store. A batch is one transaction: all of it or none."""

from __future__ import annotations

import json
from dataclasses import replace
from collections.abc import Iterable, Sequence

import duckdb

from .. import __version__
from ..records import Entity, Event, Failure, ProcessedArticle, Quote
from ..stories import EXTRACTOR as STORY_EXTRACTOR
from ..stories import StoryLink
from .db import now, transaction


def start_run(con: duckdb.DuckDBPyConnection, command: str, model: str | None, extractors: Sequence[str]) -> int:
    return con.execute(
        """INSERT INTO runs (command, started_at, status, newsdesk_version, model, extractors)
           VALUES (?, ?, 'running', ?, ?, ?) RETURNING run_id""",
        [command, now(), __version__, model, list(extractors)],
    ).fetchone()[0]


def finish_run(con: duckdb.DuckDBPyConnection, run_id: int, *, status: str, added: int, skipped: int, failures: int) -> None:
    con.execute(
        """UPDATE runs SET finished_at = ?, status = ?, documents_added = ?, documents_skipped = ?, failures = ?
           WHERE run_id = ?""",
        [now(), status, added, skipped, failures, run_id],
    )


def known_hashes(con: duckdb.DuckDBPyConnection, hashes: Iterable[str]) -> set[str]:
    hashes = list(set(hashes))
    if not hashes:
        return set()
    rows = con.execute("SELECT sha256 FROM documents WHERE sha256 IN (SELECT unnest(?))", [hashes]).fetchall()
    return {row[0] for row in rows}


def write_batch(
    con: duckdb.DuckDBPyConnection, run_id: int, processed: Sequence[ProcessedArticle], failures: Sequence[Failure],
    stories: Sequence[StoryLink] = (),
) -> None:
    """Write every article of a batch, its story links and its failures, in one transaction."""
    with transaction(con):
        if processed:
            _insert_articles(con, run_id, processed)
        insert_rows(con, "stories", [
            (s.article_id, s.story_id, s.similar_to, s.similarity, list(s.signature) or None, STORY_EXTRACTOR) for s in stories
        ])
        upsert_failures(con, run_id, failures)
        resolve_failures(con, [item.document.origin for item in processed])


def record_failures(con: duckdb.DuckDBPyConnection, run_id: int, failures: Sequence[Failure]) -> None:
    if failures:
        with transaction(con):
            upsert_failures(con, run_id, failures)


def upsert_failures(con: duckdb.DuckDBPyConnection, run_id: int, failures: Sequence[Failure]) -> None:
    """A failure seen again is the same row, one attempt more; inside the caller's transaction."""
    for failure in failures:
        _upsert_failure(con, run_id, failure)


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[tuple]) -> None:
    """One statement per table and batch: rows go in as columns of lists, zipped by unnest.

    Row-by-row ``executemany`` costs milliseconds a row in DuckDB; this costs one call.
    """
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    con.execute(f"INSERT INTO {table} SELECT {', '.join('unnest(?)' for _ in columns)}", columns)


def _insert_articles(con: duckdb.DuckDBPyConnection, run_id: int, batch: Sequence[ProcessedArticle]) -> None:
    stamp = now()
    documents, articles, paragraphs, parses, sentences, mentions, quotes, quantities = [], [], [], [], [], [], [], []
    entity_mentions: list[tuple] = []
    places: list[tuple] = []
    events: list[tuple] = []
    entities: dict[str, Entity] = {}
    for item in batch:
        doc, article, parse = item.document, item.article, item.parse
        aid = article.article_id
        documents.append((doc.doc_id, doc.sha256, doc.origin, doc.media_type, doc.url, len(doc.data), doc.data, stamp, run_id))
        metadata = {k: v for k, v in article.metadata.items() if v is not None}
        articles.append((
            aid, article.doc_id, article.title, article.byline, list(article.authors),
            article.site_name, article.url, article.canonical_url, article.dateline, article.dateline_text,
            article.published, article.published_source, article.language, article.language_score,
            article.text, article.extractor, list(article.removed), bool(metadata.get("synthetic", False)),
            json.dumps(metadata, default=str, sort_keys=True), run_id,
        ))
        paragraphs += [(aid, i, p.start, p.end) for i, p in enumerate(article.paragraphs)]
        parses.append((aid, parse.model, parse.doc_bytes, parse.skipped_reason, run_id))
        sentences += [(aid, s.index, s.paragraph, s.start, s.end) for s in parse.sentences]
        mentions += [(aid, m.index, m.sentence, m.start, m.end, m.text, m.label, m.source, m.confidence) for m in parse.mentions]
        quotes += [_quote_row(aid, q) for q in item.analysis.quotes]
        quantities += [
            (aid, n.index, n.sentence, n.span.start, n.span.end, n.span.text, n.value, n.value_high, n.qualifier, n.change,
             n.unit, n.counted, n.of, n.where, n.event, n.claimed_by, n.quote, n.restates, n.extractor, n.confidence,
             n.claimed_by_entity, n.of_entity, n.when, n.place)
            for n in item.analysis.quantities
        ]
        entity_mentions += [
            (aid, m.index, m.sentence, m.span.start, m.span.end, m.span.text, m.entity_id, m.sense, m.code, m.rule, m.extractor, m.confidence)
            for m in item.analysis.entity_mentions
        ]
        places += [
            (aid, p.index, p.sentence, p.field, p.span.start, p.span.end, p.span.text, p.geonames_id, p.name, p.feature_class,
             p.feature_code, p.country, p.admin1, p.lat, p.lon, p.sense, p.relation, p.focus, p.rule, p.extractor, p.confidence)
            for p in item.analysis.places
        ]
        events += [_event_row(aid, e) for e in item.analysis.events]
        for entity in item.analysis.entities:
            entities[entity.entity_id] = _merged(entities.get(entity.entity_id), entity)
    for table, rows in (
        ("documents", documents), ("articles", articles), ("paragraphs", paragraphs),
        ("parses", parses), ("sentences", sentences), ("mentions", mentions), ("quotes", quotes),
        ("quantities", quantities), ("entity_mentions", entity_mentions), ("places", places), ("events", events),
    ):
        insert_rows(con, table, rows)
    write_entities(con, list(entities.values()))


def _merged(known: Entity | None, entity: Entity) -> Entity:
    if known is None:
        return entity
    return replace(known, aliases=tuple(dict.fromkeys(known.aliases + entity.aliases)),
                   role=known.role or entity.role, affiliation=known.affiliation or entity.affiliation)


def write_entities(con: duckdb.DuckDBPyConnection, entities: list[Entity]) -> None:
    _upsert_entities(con, entities)
    _merge_surnames(con, [e for e in entities if e.type == "PERSON"])


def _upsert_entities(con: duckdb.DuckDBPyConnection, entities: list[Entity]) -> None:
    """Entities are shared by every article: a person seen again gains aliases, keeps what it had."""
    if not entities:
        return
    # Aliases sorted: the same articles give the same row however they were batched.
    rows = [(e.entity_id, e.name, e.type, e.country, e.code, e.wikidata, sorted(set(e.aliases)), e.role, e.affiliation, e.parent, e.geonames_id, e.origin)
            for e in entities]
    columns = [list(column) for column in zip(*rows)]
    con.execute(
        f"""INSERT INTO entities SELECT {', '.join('unnest(?)' for _ in columns)}
            ON CONFLICT (entity_id) DO UPDATE SET
                aliases = list_sort(list_distinct(list_concat(entities.aliases, excluded.aliases))),
                role = coalesce(entities.role, excluded.role),
                affiliation = coalesce(entities.affiliation, excluded.affiliation),
                name = CASE WHEN entities.origin = 'text' THEN entities.name ELSE excluded.name END,
                type = excluded.type, country = coalesce(excluded.country, entities.country),
                code = coalesce(excluded.code, entities.code), wikidata = excluded.wikidata,
                origin = excluded.origin""",
        columns,
    )


def _merge_surnames(con: duckdb.DuckDBPyConnection, people: list[Entity]) -> None:
    """Across articles, "Kabulov" is "Zamir Kabulov" when exactly one stored full name ends with it."""
    surnames = sorted({person.name.split()[-1] for person in people})
    if not surnames:
        return
    rows = con.execute(
        """SELECT entity_id, name FROM entities
           WHERE type = 'PERSON' AND list_contains(?, regexp_extract(name, '([^ ]+)$'))""",
        [surnames],
    ).fetchall()
    by_surname: dict[str, list[tuple[str, str]]] = {}
    for entity_id, name in rows:
        by_surname.setdefault(name.split()[-1], []).append((entity_id, name))
    for surname, found in by_surname.items():
        short = [entity_id for entity_id, name in found if name == surname]
        full = [entity_id for entity_id, name in found if name != surname]
        if len(short) != 1 or len(full) != 1:
            continue
        source, target = short[0], full[0]
        con.execute("UPDATE entity_mentions SET entity_id = ? WHERE entity_id = ?", [target, source])
        con.execute("UPDATE quotes SET speaker_entity = ? WHERE speaker_entity = ?", [target, source])
        con.execute("UPDATE quantities SET claimed_by_entity = ? WHERE claimed_by_entity = ?", [target, source])
        con.execute("UPDATE entities SET aliases = list_sort(list_distinct(list_append(aliases, ?))) WHERE entity_id = ?", [surname, target])
        con.execute("DELETE FROM entities WHERE entity_id = ?", [source])
def _event_row(article_id: str, e: Event) -> tuple:
    def actor(a):
        return (a.entity_id, a.name, a.code, a.span.start, a.span.end) if a else (None, None, None, None, None)

    return (
        article_id, e.index, e.sentence, e.plover, e.cameo, e.cameo[:2], e.mode, e.context, *actor(e.source), *actor(e.target),
        e.predicate.text, e.predicate.start, e.predicate.end, e.evidence.start, e.evidence.end, e.modality, e.place,
        e.date, e.date_text, e.quote, e.speaker_entity, e.extractor, e.confidence, *_antecedent(e.source), *_antecedent(e.target),
    )


def _antecedent(actor) -> tuple[int | None, int | None]:
    return (actor.antecedent.start, actor.antecedent.end) if actor and actor.antecedent else (None, None)


def _quote_row(article_id: str, q: Quote) -> tuple:
    def parts(span):
        return (span.text, span.start, span.end) if span else (None, None, None)

    chain = json.dumps([{"text": link.span.text, "start": link.span.start, "end": link.span.end, "rule": link.rule} for link in q.chain])
    return (
        article_id, q.index, q.kind, q.sentence, q.content.start, q.content.end, q.content.text,
        *parts(q.cue)[:1], q.cue_lemma, q.cue_kind, *parts(q.cue)[1:],
        *parts(q.speaker), q.speaker_name, q.speaker_label, chain,
        *parts(q.addressee), q.stance, q.extractor, q.confidence, q.field, q.speaker_entity,
    )


def _upsert_failure(con: duckdb.DuckDBPyConnection, run_id: int, failure: Failure) -> None:
    stamp = now()
    con.execute(
        """INSERT INTO failures (origin, sha256, stage, reason, detail, media_type, raw, first_seen, last_seen, run_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (origin) DO UPDATE SET
               sha256 = excluded.sha256, stage = excluded.stage, reason = excluded.reason,
               detail = excluded.detail, media_type = excluded.media_type, raw = excluded.raw,
               last_seen = excluded.last_seen, attempts = failures.attempts + 1,
               resolved_at = NULL, run_id = excluded.run_id""",
        [failure.origin, failure.sha256, failure.stage, failure.reason, failure.detail[:2000], failure.media_type, failure.data, stamp, stamp, run_id],
    )


def resolve_failures(con: duckdb.DuckDBPyConnection, origins: Sequence[str]) -> None:
    """The open failures of inputs now stored are resolved."""
    if origins:
        con.execute(
            "UPDATE failures SET resolved_at = ? WHERE resolved_at IS NULL AND origin IN (SELECT unnest(?))",
            [now(), origins],
        )
