"""The article pipeline: ingest → extract → parse → store, in batches.

Each batch of new documents is extracted and parsed (in this process, or in a
pool of worker processes that each load the model once) and then written in a
single transaction by this process, the store's only writer. Killing the
process loses at most the batch in flight; the next run skips every document
whose content hash is already stored and finishes the job.
"""

from __future__ import annotations

import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from itertools import islice
from pathlib import Path
from typing import TypeVar

import duckdb

from .attribution import extract_quotes
from .cluster import ray_map
from .events import code_events, load_patterns
from .events.ontology import Patterns
from .entities import Registry, link_claims, link_speakers, load_registry, resolve_entities
from .entities.sense import user_agents
from .attribution.headline import headline_quote
from .extract import ExtractionError, extract_article
from .geo import namesake, open_gazetteer, resolve_places
from .geo.events import place_claims
from .extract.article import PLAIN_TEXT_EXTRACTOR
from .extract.html import EXTRACTOR as HTML_EXTRACTOR
from .extract.language import load_identifier
from .ingest import IngestOptions, iter_documents
from .ingest.sources import FAILURE_DATA_LIMIT
from .nlp import load_model, parse_record, skipped_parse
from .quantities import numeric_claims
from .records import Analysis, Article, Failure, Paragraph, Parse, ProcessedArticle, RawDocument
from .store import parquet, queries, writer
from .store.db import transaction
from .stories import EXTRACTOR as STORY_EXTRACTOR
from .stories import StoryIndex, signature

DEFAULT_BATCH_SIZE = 32
T = TypeVar("T")


@dataclass
class IngestReport:
    run_id: int
    added: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class AnalysisConfig:
    """What the user says about the analysis: their actor and verb dictionaries, the countries to
    favour when a place name is ambiguous (ISO alpha-2)."""

    actor_files: tuple[str, ...] = ()
    near: tuple[str, ...] = ()
    verb_files: tuple[str, ...] = ()


def process_batch(
    documents: Sequence[RawDocument], model_package: str | None = None, config: AnalysisConfig = AnalysisConfig()
) -> list[ProcessedArticle | Failure]:
    """Extract and parse a batch. Pure with respect to the store: safe in a worker process."""
    model = load_model(model_package)
    registry = load_registry(config.actor_files)
    patterns = load_patterns(config.verb_files)
    results: list[ProcessedArticle | Failure] = []
    articles: list[tuple[RawDocument, Article]] = []
    for document in documents:
        try:
            articles.append((document, extract_article(document)))
        except ExtractionError as exc:
            results.append(_failure(document, "extract", exc.reason, exc.detail))
        except Exception as exc:  # a bug must not cost the batch: record it with its type
            results.append(_failure(document, "extract", "unexpected extraction error", f"{type(exc).__name__}: {exc}"))

    covered = [_model_covers(model.languages, a.language) for _, a in articles]
    docs = iter(model.parse(a.text for (_, a), ok in zip(articles, covered) if ok))
    for (document, article), ok in zip(articles, covered):
        if ok:
            doc = next(docs)
            parse = parse_record(article, doc, model.name)
            try:
                analysis = analyse(article, parse, doc, registry, near=config.near, patterns=patterns)
            except Exception as exc:  # an extractor bug must not cost the article: keep it, say why
                analysis = Analysis()
                article.metadata["analysis_error"] = f"{type(exc).__name__}: {exc}"
            results.append(ProcessedArticle(document, article, parse, analysis))
        else:
            parse = skipped_parse(model.name, f"language {article.language!r} is not covered by {model.name}")
            results.append(ProcessedArticle(document, article, parse))
    return results


def analyse(article: Article, parse: Parse, doc, registry: Registry | None = None, gazetteer=None, near: tuple[str, ...] = (),
            patterns: Patterns | None = None) -> Analysis:
    """The extractors that read the one parse. Each gets the same Doc; none re-parses."""
    registry = registry or load_registry()
    patterns = patterns or load_patterns()
    with user_agents(registry.agents):
        return _analyse(article, parse, doc, registry, gazetteer or open_gazetteer(), near, patterns)


def _analyse(article: Article, parse: Parse, doc, registry: Registry, gazetteer, near: tuple[str, ...], patterns: Patterns) -> Analysis:
    sentence_starts = [s.start for s in parse.sentences]
    quotes = extract_quotes(doc, [p.start for p in article.paragraphs], sentence_starts)
    headline = headline_quote(article.title, len(quotes))
    quotes += [headline] if headline else []
    resolved = resolve_entities(doc, registry, quotes, sentence_starts, article.published)
    quotes = link_speakers(quotes, resolved)
    quantities = numeric_claims(doc, quotes, sentence_starts, article.site_name or article.byline)
    quantities = link_claims(quantities, quotes, resolved, registry)
    places = resolve_places(doc, article, resolved.mentions, registry, gazetteer, sentence_starts, near)
    quantities = place_claims(doc, quantities, places)
    names = {e.entity_id: (e.name, e.type, e.role) for e in resolved.entities}
    events = code_events(doc, resolved.mentions, names, quotes, places, patterns, article.published, sentence_starts, registry.states)
    entities, mentions = _without_namesakes(resolved.entities, resolved.mentions, places)
    return Analysis(tuple(quotes), tuple(quantities), entities, mentions, places, tuple(events), signature(doc))


def _without_namesakes(entities, mentions, places):
    """A country's name the geoparser read as a state or town of another country ("Georgia" beside
    Atlanta) names no mention of the country; a country left with no mention leaves the article."""
    countries = {e.entity_id for e in entities if e.type == "COUNTRY"}
    kept = tuple(m for m in mentions if m.entity_id not in countries or namesake(m.span, places, m.rule == "agent-phrase") is None)
    if len(kept) == len(mentions):
        return entities, mentions
    named = {m.entity_id for m in kept}
    return tuple(e for e in entities if e.entity_id not in countries or e.entity_id in named), kept


def analyse_text(text: str, registry: Registry | None = None, published: date | None = None) -> tuple[Parse, Analysis]:
    """Parse and analyse a bare text as one paragraph (evaluations, REPL), published on a day when
    known. Offsets stay those of ``text``."""
    doc = next(iter(load_model().parse([text])))
    return _analyse_bare(doc, registry, None, published=published)


def analyse_doc(doc, registry: Registry | None = None, gazetteer=None, patterns: Patterns | None = None,
                published: date | None = None) -> Analysis:
    """Analyse an already parsed bare text (evaluations that parse in bulk), published on a day when known."""
    return _analyse_bare(doc, registry, gazetteer, patterns, published)[1]


def _analyse_bare(doc, registry, gazetteer, patterns=None, published: date | None = None) -> tuple[Parse, Analysis]:
    text = doc.text
    article = Article(article_id="text", doc_id="text", text=text, paragraphs=(Paragraph(0, len(text)),), published=published)
    parse = parse_record(article, doc, load_model().name)
    return parse, analyse(article, parse, doc, registry, gazetteer, patterns=patterns)


def _model_covers(languages: frozenset[str], language: str | None) -> bool:
    return language is None or language in languages


def _failure(document: RawDocument, stage: str, reason: str, detail: str) -> Failure:
    keep = document.data if len(document.data) <= FAILURE_DATA_LIMIT else None
    return Failure(document.origin, stage, reason, detail, sha256=document.sha256, data=keep, media_type=document.media_type)


def ingest(
    con: duckdb.DuckDBPyConnection,
    patterns: Iterable[str],
    options: IngestOptions = IngestOptions(),
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    command: str = "ingest",
    on_progress: Callable[[IngestReport], None] | None = None,
    documents: Iterable[RawDocument | Failure] | None = None,
    config: AnalysisConfig = AnalysisConfig(),
    ray_address: str | None = None,
) -> IngestReport:
    """Ingest into the store. ``workers`` processes share the work on this machine; with
    ``ray_address`` the batches are Ray tasks instead (``cluster.py``), on ``workers`` local CPUs
    when the address is ``local``."""
    model = load_model()
    load_identifier()  # start-up cost paid once, before any worker forks
    load_registry(config.actor_files)  # a broken user dictionary fails here, before anything is read
    load_patterns(config.verb_files)
    open_gazetteer()  # built on first use (about 10 s, once per machine), opened in milliseconds after
    run_id = writer.start_run(con, command, model.name, [HTML_EXTRACTOR, PLAIN_TEXT_EXTRACTOR])
    report = IngestReport(run_id)
    stories: StoryIndex | None = None  # read from the store when the first new article needs it
    stream = documents if documents is not None else iter_documents(patterns, options)
    status = "failed"
    try:
        calls = ((batch, None, config) for batch in _new_document_batches(con, stream, report, batch_size))
        processed_batches = _map(process_batch, calls, workers, ray_address)
        for processed in processed_batches:
            articles = [p for p in processed if isinstance(p, ProcessedArticle)]
            failures = [p for p in processed if isinstance(p, Failure)]
            if articles and stories is None:
                stories = _story_index(con, model)
            links = [stories.assign(a.article.article_id, a.analysis.signature) for a in articles] if articles else []
            writer.write_batch(con, run_id, articles, failures, links)
            report.added += len(articles)
            report.article_ids.extend(a.article.article_id for a in articles)
            report.failures.extend(failures)
            if on_progress:
                on_progress(report)
        status = "finished"
    finally:
        writer.finish_run(con, run_id, status=status, added=report.added, skipped=report.skipped, failures=len(report.failures))
    return report


def _story_index(con: duckdb.DuckDBPyConnection, model) -> StoryIndex:
    """The stored articles' signatures; those stored before stories existed get theirs from their
    stored parse first, so a re-run arriving now finds them."""
    missing = con.execute(
        "SELECT s.article_id, p.doc FROM stories s JOIN parses p USING (article_id) WHERE s.signature IS NULL AND p.doc IS NOT NULL"
    ).fetchall()
    if missing:
        with transaction(con):
            for article_id, blob in missing:
                con.execute("UPDATE stories SET signature = ?, extractor = ? WHERE article_id = ?",
                            [list(signature(model.doc_from_bytes(blob))) or None, STORY_EXTRACTOR, article_id])
    return StoryIndex.from_links(queries.story_links(con))


def _map(function: Callable[..., T], calls: Iterable[tuple], workers: int, ray_address: str | None) -> Iterator[T]:
    """``function(*call)`` for each call, results in call order: here, in a pool of worker
    processes, or as Ray tasks."""
    if ray_address:
        yield from ray_map(function, calls, ray_address, workers)
    elif workers <= 1:
        for call in calls:
            yield function(*call)
    else:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from in_order((pool.submit(function, *call) for call in calls), workers * 2, Future.result)


def in_order(submitted: Iterable[T], limit: int, result: Callable[[T], list]) -> Iterator[list]:
    """The results of submitted work in submission order, with at most ``limit`` waiting: a
    bounded look-ahead keeps memory flat and lets the writer store batches in input order."""
    pending: deque[T] = deque()
    for handle in submitted:
        pending.append(handle)
        if len(pending) > limit:
            yield result(pending.popleft())
    while pending:
        yield result(pending.popleft())


def _new_document_batches(con, stream, report: IngestReport, batch_size: int) -> Iterator[list[RawDocument]]:
    """Batches of documents not yet stored; failures from reading are written at once."""
    for documents, read_failures in _fresh_batches(stream, report, batch_size, lambda hashes: writer.known_hashes(con, hashes)):
        if read_failures:
            writer.record_failures(con, report.run_id, read_failures)
        if documents:
            yield documents


def _fresh_batches(stream, report, batch_size: int, known: Callable[[list[str]], set[str]]) -> Iterator[tuple[list[RawDocument], list[Failure]]]:
    """The stream in batches: the documents whose content hash is neither ``known`` nor seen
    earlier in the stream, and the failures from reading."""
    seen: set[str] = set()
    iterator = iter(stream)
    while True:
        chunk = list(islice(iterator, batch_size))
        if not chunk:
            return
        read_failures = [item for item in chunk if isinstance(item, Failure)]
        report.failures.extend(read_failures)
        documents = [item for item in chunk if isinstance(item, RawDocument)]
        stored = known([d.sha256 for d in documents])
        fresh = []
        for document in documents:
            if document.sha256 in stored or document.sha256 in seen:
                report.skipped += 1
            else:
                seen.add(document.sha256)
                fresh.append(document)
        if fresh or read_failures:
            yield fresh, read_failures


@dataclass
class PartsReport:
    out_dir: str
    parts: int = 0
    added: int = 0
    skipped: int = 0
    failures: list[Failure] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)


def ingest_to_parts(
    out_dir: str | Path,
    patterns: Iterable[str],
    options: IngestOptions = IngestOptions(),
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH_SIZE,
    on_progress: Callable[[PartsReport], None] | None = None,
    config: AnalysisConfig = AnalysisConfig(),
    ray_address: str | None = None,
) -> PartsReport:
    """The same work as ``ingest`` with no store: every batch is written as a Parquet part in
    ``out_dir`` by the process or Ray task that processed it (on a cluster, ``out_dir`` is a
    folder every node shares). Documents already in a part there are skipped. ``parquet.load_parts``
    folds the parts into a store."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    load_registry(config.actor_files)  # a broken user dictionary fails here, before anything is read
    load_patterns(config.verb_files)
    in_parts = parquet.stored_hashes(out_dir)
    report = PartsReport(str(out_dir))
    started = datetime.now(timezone.utc).isoformat(timespec="seconds")
    batches = _fresh_batches(iter_documents(patterns, options), report, batch_size, lambda hashes: in_parts.intersection(hashes))
    calls = ((documents, failures, config, str(out_dir), {"started": started, "batch": n}) for n, (documents, failures) in enumerate(batches))
    for added, failures in _map(process_part, calls, workers, ray_address):
        report.parts += 1
        report.added += len(added)
        report.article_ids.extend(added)
        report.failures.extend(failures)
        if on_progress:
            on_progress(report)
    return report


def process_part(documents: Sequence[RawDocument], read_failures: Sequence[Failure], config: AnalysisConfig, out_dir: str,
                 manifest: dict) -> tuple[list[str], list[Failure]]:
    """Process a batch and write it as a part where this task runs. Returns the new article ids
    and the failures of processing (those of reading are the caller's already)."""
    processed = process_batch(documents, None, config)
    articles = [p for p in processed if isinstance(p, ProcessedArticle)]
    failures = [p for p in processed if isinstance(p, Failure)]
    name = hashlib.sha256("\n".join(sorted(d.sha256 for d in documents) + sorted(f.origin for f in read_failures)).encode()).hexdigest()[:16]
    manifest = {**manifest, "model": load_model().name, "extractors": [HTML_EXTRACTOR, PLAIN_TEXT_EXTRACTOR], "documents": len(documents)}
    parquet.write_part(Path(out_dir), name, articles, [*read_failures, *failures], manifest)
    return [a.article.article_id for a in articles], failures
