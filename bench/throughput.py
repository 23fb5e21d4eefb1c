"""Throughput of the article pipeline against the bare spaCy parse.

    .venv/bin/python bench/throughput.py [--copies 1100] [--workers 1 2]

Builds a corpus of distinct articles by replicating the demo corpus (HTML and
plain-text pages, each copy made unique), then times:

- ``pipeline``: ingest + extract + parse + store into a fresh DuckDB file
  (``newsdesk.pipeline.ingest``), with 1 and 2 worker processes;
- ``parse only``: ``nlp.pipe`` over the very texts the pipeline extracted,
  same model, same batch size, one process and ``n_process=2``.

The ratio between the two is what our own code costs over the parse.
Not a test: numbers depend on the machine. Report them with the machine's size.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsdesk.extract.language import load_identifier  # noqa: E402
from newsdesk.nlp import load_model  # noqa: E402
from newsdesk.pipeline import ingest  # noqa: E402
from newsdesk.store import connect  # noqa: E402


def build_corpus(target: Path, copies: int) -> int:
    sources = sorted((ROOT / "examples" / "html").glob("*.html")) + sorted((ROOT / "examples" / "text").glob("*.txt"))
    target.mkdir(parents=True)
    for i in range(copies):
        source = sources[i % len(sources)]
        data = source.read_text(encoding="utf-8")
        marker = f"copy {i} of the throughput corpus"
        data = data.replace("</body>", f"<!-- {marker} --></body>") if source.suffix == ".html" else data + f"\n\n({marker})\n"
        (target / f"{i:05d}-{source.name}").write_text(data, encoding="utf-8")
    return copies


def time_pipeline(corpus: Path, workers: int, work: Path) -> tuple[float, int]:
    db = work / f"bench-{workers}.duckdb"
    con = connect(db)
    start = time.perf_counter()
    report = ingest(con, [str(corpus)], workers=workers, batch_size=32)
    elapsed = time.perf_counter() - start
    con.close()
    return elapsed, report.added


def extracted_texts(work: Path) -> list[str]:
    con = connect(work / "bench-1.duckdb", read_only=True)
    texts = [row[0] for row in con.execute("SELECT text FROM articles ORDER BY article_id").fetchall()]
    con.close()
    return texts


def time_parse_only(texts: list[str], n_process: int) -> float:
    nlp = load_model().nlp
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16, n_process=n_process):
        pass
    return time.perf_counter() - start


def time_extractors(work: Path) -> tuple[float, float, float, float, float, float, int]:
    """Seconds spent in attribution, quantities, actor resolution, places, events and stories over the stored parses
    (no model run); stories: the signature and placing it among every earlier article's."""
    from newsdesk.attribution import extract_quotes
    from newsdesk.entities import link_claims, link_speakers, load_registry, resolve_entities
    from newsdesk.geo import open_gazetteer, resolve_places
    from newsdesk.geo.events import place_claims
    from newsdesk.quantities import numeric_claims
    from newsdesk.records import Article, Paragraph

    from newsdesk.events import code_events, load_patterns
    from newsdesk.stories import StoryIndex, signature

    registry = load_registry()
    gazetteer = open_gazetteer()
    patterns = load_patterns()
    model = load_model()
    con = connect(work / "bench-1.duckdb", read_only=True)
    rows = con.execute(
        "SELECT p.doc, list(pa.start_char ORDER BY pa.paragraph) FROM parses p JOIN paragraphs pa USING (article_id) "
        "WHERE p.doc IS NOT NULL GROUP BY p.article_id, p.doc"
    ).fetchall()
    con.close()
    docs = [(model.doc_from_bytes(blob), starts) for blob, starts in rows]
    attribution = quantities = actors = geo = events = stories = 0.0
    index = StoryIndex()
    for number, (doc, starts) in enumerate(docs):
        sentence_starts = [s.start_char for s in doc.sents]
        t0 = time.perf_counter()
        quotes = extract_quotes(doc, starts, sentence_starts)
        t1 = time.perf_counter()
        resolved = resolve_entities(doc, registry, quotes, sentence_starts)
        quotes = link_speakers(quotes, resolved)
        t2 = time.perf_counter()
        claims = numeric_claims(doc, quotes, sentence_starts, None)
        t3 = time.perf_counter()
        claims = link_claims(claims, quotes, resolved, registry)
        t4 = time.perf_counter()
        article = Article("bench", "bench", doc.text, tuple(Paragraph(s, s) for s in starts))
        places = resolve_places(doc, article, resolved.mentions, registry, gazetteer, sentence_starts)
        place_claims(doc, claims, places)
        t5 = time.perf_counter()
        names = {e.entity_id: (e.name, e.type, e.role) for e in resolved.entities}
        code_events(doc, resolved.mentions, names, quotes, places, patterns, None, sentence_starts)
        t6 = time.perf_counter()
        index.assign(str(number), signature(doc))
        t7 = time.perf_counter()
        stories += t7 - t6
        events += t6 - t5
        attribution += t1 - t0
        actors += (t2 - t1) + (t4 - t3)
        quantities += t3 - t2
        geo += t5 - t4
    return attribution, quantities, actors, geo, events, stories, len(docs)


def _time_gazetteer_open(path: Path) -> float:
    """What a fresh process pays: open the index read-only and answer one batch of names."""
    import duckdb

    from newsdesk.geo.gazetteer import Gazetteer

    start = time.perf_counter()
    Gazetteer(duckdb.connect(str(path), read_only=True)).candidates(["Kabul", "Alexandria", "Washington"])
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-"))
    try:
        corpus = work / "corpus"
        n = build_corpus(corpus, args.copies)
        load_model()  # model, language-id and registry loads are start-up costs, not throughput
        load_identifier()
        from newsdesk.entities import load_registry

        t0 = time.perf_counter()
        load_registry()
        registry_seconds = time.perf_counter() - t0
        from newsdesk.geo.gazetteer import index_path, open_gazetteer

        open_gazetteer()  # build the index if this machine has none: a one-time cost, not start-up
        gazetteer_seconds = _time_gazetteer_open(index_path())
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"corpus: {n} articles replicated from examples/ (HTML and plain text)")
        results = {}
        for workers in sorted(set(args.workers) | {1}):
            elapsed, added = time_pipeline(corpus, workers, work)
            results[workers] = added / elapsed
            print(f"pipeline  workers={workers}: {added} articles in {elapsed:6.1f} s = {added / elapsed:7.1f} articles/s")
        texts = extracted_texts(work)
        words = sum(len(t.split()) for t in texts)
        for n_process in sorted(set(args.workers) | {1}):
            elapsed = time_parse_only(texts, n_process)
            rate = len(texts) / elapsed
            overhead = rate / results[n_process] - 1 if n_process in results else float("nan")
            print(
                f"parse only n_process={n_process}: {len(texts)} texts in {elapsed:6.1f} s = {rate:7.1f} articles/s "
                f"({words / elapsed:,.0f} words/s); pipeline overhead over the bare parse: {overhead:+.0%}"
            )
        attribution, quantities, actors, geo, events, stories, n_docs = time_extractors(work)
        per_article = 1 / results[1]
        print(
            f"extractors over {n_docs} stored parses: attribution {attribution / n_docs * 1000:.2f} ms/article "
            f"({attribution / n_docs / per_article:.1%} of the 1-worker pipeline's time per article), "
            f"quantities {quantities / n_docs * 1000:.2f} ms/article ({quantities / n_docs / per_article:.1%}), "
            f"actor resolution {actors / n_docs * 1000:.2f} ms/article ({actors / n_docs / per_article:.1%}), "
            f"places {geo / n_docs * 1000:.2f} ms/article ({geo / n_docs / per_article:.1%}), "
            f"events {events / n_docs * 1000:.2f} ms/article ({events / n_docs / per_article:.1%}), "
            f"stories {stories / n_docs * 1000:.2f} ms/article ({stories / n_docs / per_article:.1%})"
        )
        print(f"start-up: actor registry {registry_seconds * 1000:.0f} ms, gazetteer open + first lookup "
              f"{gazetteer_seconds * 1000:.0f} ms (index already built), once per process")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
