"""Parquet parts: the store's tables for one batch, written where the batch was processed.

On a cluster every task writes its batch as a *part*, a folder of Parquet files with the store's
own columns (``articles.parquet``, ``events.parquet`` …, a table with no rows has no file) and a
``_part.json`` manifest. A part appears whole or not at all: it is written under a hidden name and
renamed into place. The parts are a dataset in their own right (``read_parquet('out/*/events.parquet')``
in DuckDB, Spark or pandas) and ``load_parts`` folds them into a store.

What only the whole collection can decide waits for the load: an article's story (the part keeps
its MinHash signature, the load places it among every stored article), entities seen in several
parts (their aliases merge), and whether a document is already stored (its content hash).
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .. import __version__
from ..records import Entity, Failure, ProcessedArticle
from ..stories import EXTRACTOR as STORY_EXTRACTOR
from ..stories import StoryIndex, StoryLink
from . import queries, writer
from .db import migrate, transaction
from .schema import LATEST_VERSION

MANIFEST = "_part.json"
PART_PREFIX = "part-"
# Tables whose rows belong to one article, and the document table that says whether it is new.
ARTICLE_TABLES = ("articles", "paragraphs", "parses", "sentences", "mentions", "quotes", "quantities", "entity_mentions", "places", "events")


class PartError(RuntimeError):
    """A folder of parts that cannot be loaded: missing, or written by another schema."""


@dataclass(frozen=True)
class Part:
    path: Path
    manifest: dict
    problem: str | None = None  # why it cannot be read ("unreadable manifest: …"); recorded as a failure

    @property
    def order(self) -> tuple[str, int]:
        return (str(self.manifest.get("started", "")), int(self.manifest.get("batch", 0)))

    def file(self, table: str) -> Path | None:
        path = self.path / f"{table}.parquet"
        return path if path.exists() else None


@dataclass
class LoadReport:
    run_id: int
    parts: int = 0
    added: int = 0
    skipped: int = 0
    failures: int = 0
    broken: int = 0  # parts that could not be read, each recorded as a failure of stage "load"
    article_ids: list[str] | None = None


def write_part(out_dir: Path, name: str, processed: Sequence[ProcessedArticle], failures: Sequence[Failure], manifest: dict) -> Path:
    """One batch's rows as Parquet files in ``out_dir/part-<name>``, through an in-memory store with
    the same schema and the same writer as the embedded store. Returns the part's folder."""
    out_dir = Path(out_dir)
    final = out_dir / f"{PART_PREFIX}{name}"
    if final.exists():  # the same batch, already written by an earlier or a parallel task
        return final
    staging = out_dir / f".{PART_PREFIX}{name}.{os.getpid()}.tmp"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    con = duckdb.connect(":memory:")
    try:
        migrate(con)
        run_id = writer.start_run(con, "part", manifest.get("model"), ())
        # Each article starts its own story here: the load places it among all stored articles.
        links = [StoryLink(p.article.article_id, p.article.article_id, None, 1.0, p.analysis.signature) for p in processed]
        writer.write_batch(con, run_id, processed, failures, links)
        counts = {}
        for table in ("documents", *ARTICLE_TABLES, "entities", "stories", "failures"):
            counts[table] = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            if counts[table]:
                con.execute(f"COPY (SELECT * FROM {table} ORDER BY rowid) TO '{staging / (table + '.parquet')}' (FORMAT parquet)")
    finally:
        con.close()
    (staging / MANIFEST).write_text(json.dumps({**manifest, "rows": counts, "schema_version": LATEST_VERSION,
                                                "newsdesk_version": __version__}, sort_keys=True, default=str))
    try:
        staging.rename(final)
    except OSError:  # another task renamed the same batch into place first
        shutil.rmtree(staging, ignore_errors=True)
    return final


def find_parts(out_dir: Path) -> list[Part]:
    """The whole parts under ``out_dir``, in the order their batches were read; staging folders
    of tasks that died are not parts."""
    out_dir = Path(out_dir)
    if not out_dir.is_dir():
        raise PartError(f"no folder of parts at {out_dir}")
    parts = []
    for path in out_dir.glob(f"{PART_PREFIX}*"):
        manifest = path / MANIFEST
        if path.is_dir() and manifest.exists():
            try:
                parts.append(Part(path, json.loads(manifest.read_text(encoding="utf-8"))))
            except (OSError, ValueError) as exc:
                parts.append(Part(path, {}, problem=f"unreadable manifest: {_first_line(exc)}"))
    for part in parts:
        if part.problem is None and part.manifest.get("schema_version") != LATEST_VERSION:
            raise PartError(f"{part.path} was written with store schema {part.manifest.get('schema_version')}; "
                            f"this newsdesk loads schema {LATEST_VERSION}: process its inputs again")
    return sorted(parts, key=lambda p: (p.order, p.path.name))


def stored_hashes(out_dir: Path) -> set[str]:
    """Content hashes of the documents already in parts, so processing the same input again is a no-op."""
    files = [str(f) for part in find_parts(out_dir) if part.problem is None and (f := part.file("documents"))] if Path(out_dir).is_dir() else []
    if not files:
        return set()
    try:
        return {row[0] for row in duckdb.execute("SELECT sha256 FROM read_parquet(?)", [files]).fetchall()}
    except duckdb.Error:  # a damaged part: read the others file by file; its documents are processed again
        pass
    hashes: set[str] = set()
    for file in files:
        try:
            hashes.update(row[0] for row in duckdb.execute("SELECT sha256 FROM read_parquet(?)", [file]).fetchall())
        except duckdb.Error:
            continue
    return hashes


def load_parts(con: duckdb.DuckDBPyConnection, out_dir: Path, command: str = "load") -> LoadReport:
    """Fold every part into the store, one transaction per part. Documents already stored are
    skipped, so loading the same parts twice is a no-op and an interrupted load can be run again."""
    parts = find_parts(out_dir)
    models = sorted({p.manifest.get("model") for p in parts if p.manifest.get("model")})
    run_id = writer.start_run(con, command, ", ".join(models) or None, sorted({e for p in parts for e in p.manifest.get("extractors", [])}))
    report = LoadReport(run_id, article_ids=[])
    status = "failed"
    try:
        stories = StoryIndex.from_links(queries.story_links(con))
        for part in parts:
            problem = part.problem
            if problem is None:
                try:
                    with transaction(con):
                        _load_part(con, part, run_id, stories, report)
                    report.parts += 1
                except (duckdb.Error, OSError) as exc:  # a damaged file: nothing of the part is stored
                    problem = f"{type(exc).__name__}: {_first_line(exc)}"
            if problem is not None:
                with transaction(con):
                    writer.upsert_failures(con, run_id, [Failure(str(part.path), "load", "unreadable part", problem)])
                report.failures += 1
                report.broken += 1
        status = "finished"
    finally:
        writer.finish_run(con, run_id, status=status, added=report.added, skipped=report.skipped, failures=report.failures)
    return report


def _load_part(con: duckdb.DuckDBPyConnection, part: Part, run_id: int, stories: StoryIndex, report: LoadReport) -> None:
    documents = part.file("documents")
    new_docs: list[str] = []
    if documents:
        rows = con.execute("SELECT doc_id, sha256 IN (SELECT sha256 FROM documents) FROM read_parquet(?)",
                           [str(documents)]).fetchall()
        new_docs = [doc_id for doc_id, known in rows if not known]
        report.skipped += len(rows) - len(new_docs)
    if new_docs:
        _insert(con, "documents", part, run_id, "doc_id", new_docs)
        new_articles = [row[0] for row in con.execute(
            "SELECT article_id FROM read_parquet(?) WHERE doc_id IN (SELECT unnest(?))",
            [str(part.file("articles")), new_docs]).fetchall()] if part.file("articles") else []
        for table in ARTICLE_TABLES:
            _insert(con, table, part, run_id, "article_id", new_articles)
        writer.write_entities(con, list(_entities(con, part)))
        _place_in_stories(con, part, new_articles, stories)
        origins = [row[0] for row in con.execute("SELECT origin FROM documents WHERE doc_id IN (SELECT unnest(?))", [new_docs]).fetchall()]
        writer.resolve_failures(con, origins)
        report.added += len(new_articles)
        report.article_ids.extend(new_articles)
    failures = list(_failures(con, part))
    writer.upsert_failures(con, run_id, failures)
    writer.resolve_failures(con, [str(part.path)])  # a part that could not be read before
    report.failures += len(failures)


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


def _insert(con: duckdb.DuckDBPyConnection, table: str, part: Part, run_id: int, key: str, keys: list[str]) -> None:
    path = part.file(table)
    if not path or not keys:
        return
    columns = {row[0] for row in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ?", [table]).fetchall()}
    replace = " REPLACE (? AS run_id)" if "run_id" in columns else ""
    parameters = ([run_id] if replace else []) + [str(path), keys]
    con.execute(f"INSERT INTO {table} BY NAME SELECT *{replace} FROM read_parquet(?) WHERE {key} IN (SELECT unnest(?))", parameters)


def _entities(con: duckdb.DuckDBPyConnection, part: Part) -> Iterator[Entity]:
    path = part.file("entities")
    if not path:
        return
    cursor = con.execute("SELECT entity_id, name, type, country, code, wikidata, aliases, role, affiliation, parent, geonames_id, origin "
                         "FROM read_parquet(?)", [str(path)])
    for entity_id, name, type_, country, code, wikidata, aliases, role, affiliation, parent, geonames_id, origin in cursor.fetchall():
        yield Entity(entity_id, name, type_, country, code, wikidata, tuple(aliases or ()), role, affiliation, parent, geonames_id, origin)


def _place_in_stories(con: duckdb.DuckDBPyConnection, part: Part, article_ids: list[str], stories: StoryIndex) -> None:
    path = part.file("stories")
    if not path or not article_ids:
        return
    signatures = dict(con.execute("SELECT article_id, signature FROM read_parquet(?) WHERE article_id IN (SELECT unnest(?))",
                                  [str(path), article_ids]).fetchall())
    links = [stories.assign(article_id, tuple(signatures.get(article_id) or ())) for article_id in article_ids]
    writer.insert_rows(con, "stories", [
        (s.article_id, s.story_id, s.similar_to, s.similarity, list(s.signature) or None, STORY_EXTRACTOR) for s in links
    ])


def _failures(con: duckdb.DuckDBPyConnection, part: Part) -> Iterator[Failure]:
    path = part.file("failures")
    if not path:
        return
    for origin, stage, reason, detail, sha256, raw, media_type in con.execute(
        "SELECT origin, stage, reason, detail, sha256, raw, media_type FROM read_parquet(?)", [str(path)]
    ).fetchall():
        yield Failure(origin, stage, reason, detail or "", sha256, bytes(raw) if raw is not None else None, media_type)
