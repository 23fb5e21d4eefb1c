"""Idempotent ingest, crash safety, and the same result with any number of workers."""

import os
import signal
import subprocess
import sys
import time

import pytest

from newsdesk.pipeline import ingest
from newsdesk.store import connect, queries

from .conftest import EXAMPLES

EXAMPLE_COUNT = 25


def table_counts(con):
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "articles", "parses", "sentences", "mentions", "paragraphs")}


def test_examples_ingest_then_reingest_adds_nothing(con):
    first = ingest(con, [str(EXAMPLES)])
    assert first.added == EXAMPLE_COUNT and not first.failures
    before = table_counts(con)
    second = ingest(con, [str(EXAMPLES)])
    assert second.added == 0 and second.skipped == EXAMPLE_COUNT
    assert table_counts(con) == before
    runs = con.execute("SELECT status, documents_added, documents_skipped FROM runs ORDER BY run_id").fetchall()
    assert runs == [("finished", EXAMPLE_COUNT, 0), ("finished", 0, EXAMPLE_COUNT)]


def test_same_bytes_under_two_names_are_stored_once(con, tmp_path):
    story = (EXAMPLES / "text" / "lima-protests.txt").read_bytes()
    (tmp_path / "a.txt").write_bytes(story)
    (tmp_path / "b.txt").write_bytes(story)
    report = ingest(con, [str(tmp_path)])
    assert (report.added, report.skipped) == (1, 1)


def test_demo_metadata_is_kept(con):
    ingest(con, [str(EXAMPLES)])
    rows = con.execute("SELECT count(*) FILTER (synthetic), count(*) FILTER (published IS NOT NULL), count(*) FROM articles").fetchone()
    assert rows == (EXAMPLE_COUNT, EXAMPLE_COUNT, EXAMPLE_COUNT)


def _snapshot(con):
    return (
        con.execute("SELECT article_id, title, text, dateline, published FROM articles ORDER BY 1").fetchall(),
        con.execute("SELECT article_id, start_char, end_char, label FROM mentions ORDER BY 1, 2").fetchall(),
        con.execute("SELECT article_id, start_char, end_char FROM sentences ORDER BY 1, 2").fetchall(),
    )


@pytest.mark.slow
def test_two_workers_give_the_same_store(tmp_path):
    one, two = connect(tmp_path / "one.duckdb"), connect(tmp_path / "two.duckdb")
    ingest(one, [str(EXAMPLES)], batch_size=4)
    ingest(two, [str(EXAMPLES)], workers=2, batch_size=4)
    assert _snapshot(one) == _snapshot(two)


@pytest.mark.slow
def test_ray_tasks_give_the_same_store(tmp_path):
    one, ray = connect(tmp_path / "one.duckdb"), connect(tmp_path / "ray.duckdb")
    ingest(one, [str(EXAMPLES)], batch_size=4)
    report = ingest(ray, [str(EXAMPLES)], workers=2, batch_size=4, ray_address="local")
    assert report.added == EXAMPLE_COUNT
    assert _snapshot(one) == _snapshot(ray)
    events = "SELECT article_id, start_char, plover, cameo, source_code, target_code FROM events ORDER BY 1, 2, 3"
    assert one.execute(events).fetchall() == ray.execute(events).fetchall()
    assert ingest(ray, [str(EXAMPLES)], ray_address="local").added == 0  # nothing new: no cluster started


def _replicate(target, copies):
    """Many distinct small articles from the demo texts (distinct bytes, distinct ids)."""
    texts = sorted((EXAMPLES / "text").glob("*.txt"))
    target.mkdir()
    for i in range(copies):
        source = texts[i % len(texts)].read_text(encoding="utf-8")
        (target / f"story-{i:04d}.txt").write_text(source + f"\n\nEditor's note: copy {i} of a stress test.\n", encoding="utf-8")


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun_stores_each_article_once(tmp_path):
    corpus = tmp_path / "corpus"
    _replicate(corpus, 240)
    db = tmp_path / "crash.duckdb"
    command = [sys.executable, "-m", "newsdesk", "--db", str(db), "ingest", str(corpus), "--batch-size", "8", "--quiet"]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    committed = 0
    deadline = time.time() + 120
    while committed < 3 and time.time() < deadline:  # let a few batches commit, then kill hard
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            break
        committed += line.startswith("committed:")
    assert process.poll() is None, "ingest finished before it could be killed; make the corpus larger"
    os.kill(process.pid, signal.SIGKILL)
    process.wait()

    con = connect(db)
    partial = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert 0 < partial < 240
    interrupted = con.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
    assert interrupted == 1
    con.close()

    subprocess.run(command, check=True, stderr=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    con = connect(db)
    counts = table_counts(con)
    assert counts["documents"] == counts["articles"] == counts["parses"] == 240
    assert con.execute("SELECT count(DISTINCT article_id) FROM articles").fetchone()[0] == 240
    orphans = con.execute("SELECT count(*) FROM sentences WHERE article_id NOT IN (SELECT article_id FROM articles)").fetchone()[0]
    assert orphans == 0
    assert queries.list_failures(con) == []
