"""Batches written as Parquet parts where they were processed, then loaded into a store: the
store must be the one a direct ingest builds."""

import json
import shutil

import duckdb
import pytest

from newsdesk.pipeline import ingest, ingest_to_parts
from newsdesk.store import connect
from newsdesk.store.parquet import MANIFEST, PartError, find_parts, load_parts

from .conftest import EXAMPLES
from .test_pipeline import EXAMPLE_COUNT

TABLES = ("documents", "articles", "paragraphs", "parses", "sentences", "mentions", "quotes", "quantities",
          "entities", "entity_mentions", "places", "events", "stories")
WHEN_AND_WHICH_RUN = {"run_id", "ingested_at"}


def _rows(con, table):
    columns = [c for (c,) in con.execute("SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position",
                                         [table]).fetchall() if c not in WHEN_AND_WHICH_RUN]
    return con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY ALL").fetchall()


@pytest.fixture(scope="module")
def direct(tmp_path_factory):
    con = connect(tmp_path_factory.mktemp("direct") / "direct.duckdb")
    ingest(con, [str(EXAMPLES)], batch_size=8)
    yield con
    con.close()


def test_parts_loaded_make_the_store_a_direct_ingest_makes(tmp_path, direct):
    report = ingest_to_parts(tmp_path / "parts", [str(EXAMPLES)], batch_size=5)  # batched unlike the direct store
    assert (report.parts, report.added) == (5, EXAMPLE_COUNT)
    con = connect(tmp_path / "loaded.duckdb")
    loaded = load_parts(con, tmp_path / "parts")
    assert (loaded.parts, loaded.added, loaded.skipped) == (5, EXAMPLE_COUNT, 0)
    for table in TABLES:
        assert _rows(con, table) == _rows(direct, table), table
    # The stories span parts: the two Torkham reports are read in different batches.
    assert con.execute("SELECT count(*) FROM stories WHERE similar_to IS NOT NULL").fetchone()[0] >= 1


def test_parts_are_a_dataset_any_parquet_reader_can_query(tmp_path):
    ingest_to_parts(tmp_path, [str(EXAMPLES / "text")], batch_size=4)
    events = duckdb.execute("SELECT count(*), count(DISTINCT article_id) FROM read_parquet(?)", [str(tmp_path / "part-*" / "events.parquet")]).fetchone()
    assert events[0] > 0 and events[1] > 1
    manifest = json.loads(next(tmp_path.glob(f"part-*/{MANIFEST}")).read_text())
    assert manifest["model"].startswith("en_core_web_sm") and manifest["rows"]["articles"] == manifest["documents"]


def test_processing_and_loading_again_add_nothing(tmp_path):
    parts = tmp_path / "parts"
    ingest_to_parts(parts, [str(EXAMPLES)], batch_size=8)
    again = ingest_to_parts(parts, [str(EXAMPLES)], batch_size=8)
    assert (again.parts, again.added, again.skipped) == (0, 0, EXAMPLE_COUNT)
    assert len(find_parts(parts)) == 4
    con = connect(tmp_path / "store.duckdb")
    load_parts(con, parts)
    before = _rows(con, "events")
    second = load_parts(con, parts)
    assert (second.added, second.skipped) == (0, EXAMPLE_COUNT)
    assert _rows(con, "events") == before
    runs = con.execute("SELECT command, status, documents_added, documents_skipped FROM runs ORDER BY run_id").fetchall()
    assert runs == [("load", "finished", EXAMPLE_COUNT, 0), ("load", "finished", 0, EXAMPLE_COUNT)]


def test_parts_overlapping_a_store_add_only_what_is_new(tmp_path):
    con = connect(tmp_path / "store.duckdb")
    ingest(con, [str(EXAMPLES / "text")])
    stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    ingest_to_parts(tmp_path / "parts", [str(EXAMPLES)], batch_size=8)
    report = load_parts(con, tmp_path / "parts")
    assert (report.added, report.skipped) == (EXAMPLE_COUNT - stored, stored)
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] == EXAMPLE_COUNT


def test_failures_travel_in_parts_with_their_reason_and_bytes(tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    (inputs / "empty.html").write_bytes(b"")
    (inputs / "noise.txt").write_bytes(bytes(range(256)) * 8)
    shutil.copy(EXAMPLES / "text" / "lima-protests.txt", inputs)
    report = ingest_to_parts(tmp_path / "parts", [str(inputs)])
    assert (report.added, len(report.failures)) == (1, 2)
    con = connect(tmp_path / "store.duckdb")
    load_parts(con, tmp_path / "parts")
    failures = con.execute("SELECT origin, stage, reason, raw IS NOT NULL FROM failures ORDER BY origin").fetchall()
    assert [(o.rsplit("/", 1)[-1], stage, reason, kept) for o, stage, reason, kept in failures] == [
        ("empty.html", "extract", "empty input", True),
        ("noise.txt", "extract", "binary content", True),
    ]


def test_a_part_left_half_written_is_not_loaded_and_another_schema_is_refused(tmp_path):
    parts = tmp_path / "parts"
    ingest_to_parts(parts, [str(EXAMPLES / "text" / "lima-protests.txt")])
    (part,) = find_parts(parts)
    dead = parts / ".part-0000.1234.tmp"  # a task killed while writing
    shutil.copytree(part.path, dead)
    assert len(find_parts(parts)) == 1
    manifest = json.loads((part.path / MANIFEST).read_text())
    (part.path / MANIFEST).write_text(json.dumps({**manifest, "schema_version": 1}))
    with pytest.raises(PartError, match="schema 1"):
        load_parts(connect(tmp_path / "store.duckdb"), parts)


def test_a_damaged_part_is_a_failure_the_other_parts_load_and_a_retry_loads_it_mended(cli, tmp_path):
    parts = tmp_path / "parts"
    ingest_to_parts(parts, [str(EXAMPLES / "text")], batch_size=3)  # 3 + 3 + 2 articles
    damaged, unreadable, _ = find_parts(parts)
    events = damaged.file("events")
    kept = events.read_bytes()
    events.write_bytes(b"not parquet")  # a truncated copy, a full disk
    (unreadable.path / MANIFEST).write_text("{")
    result = cli("load", str(parts))
    assert result.code == 0, result.err
    assert "1 parts, 2 added" in result.out and "2 parts could not be read" in result.err
    failures = cli("failures")
    assert failures.out.count("unreadable part") == 2 and "load" in failures.out
    events.write_bytes(kept)  # mended; the manifest stays broken
    retried = cli("failures", "--retry")
    assert retried.code == 0 and "3 added" in retried.out and "1 still unreadable" in retried.out
    assert cli("failures").out.count("unreadable part") == 1


def test_cli_ingest_to_parquet_then_load(cli, db, tmp_path):
    parts = tmp_path / "parts"
    result = cli("ingest", str(EXAMPLES / "text"), "--parquet", str(parts), "--quiet")
    assert result.code == 0, result.err
    assert "newsdesk load" in result.out
    assert not db.exists()  # the parts are the output: no store is touched
    result = cli("load", str(parts))
    assert result.code == 0 and "1 parts, 8 added" in result.out
    assert cli("load", str(tmp_path / "missing")).code != 0


@pytest.mark.slow
def test_ray_tasks_write_parts_that_load_into_the_same_store(tmp_path, direct):
    report = ingest_to_parts(tmp_path / "parts", [str(EXAMPLES)], workers=2, batch_size=4, ray_address="local")
    assert report.added == EXAMPLE_COUNT
    con = connect(tmp_path / "ray.duckdb")
    load_parts(con, tmp_path / "parts")
    for table in ("articles", "events", "quotes", "entities", "stories"):
        assert _rows(con, table) == _rows(direct, table), table
