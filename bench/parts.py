"""Parquet parts: processing that writes where it runs, then one load into the store.

    .venv/bin/python bench/parts.py [--copies 1100] [--workers 1 2]

On the corpus of ``throughput.py`` it times ``pipeline.ingest_to_parts`` (read, extract, parse,
analyse, write the batch as Parquet, in 1 and 2 worker processes, no store), then
``parquet.load_parts`` into a fresh store. The load is the only step left to one writer, so its
rate is the ceiling of a cluster's ingest into one DuckDB file. Not a test: report with the machine.
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
sys.path.insert(0, str(ROOT / "bench"))

from throughput import build_corpus  # noqa: E402

from newsdesk.extract.language import load_identifier  # noqa: E402
from newsdesk.nlp import load_model  # noqa: E402
from newsdesk.pipeline import ingest_to_parts  # noqa: E402
from newsdesk.store import connect  # noqa: E402
from newsdesk.store.parquet import load_parts  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=1100)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="newsdesk-bench-parts-"))
    try:
        corpus = work / "corpus"
        n = build_corpus(corpus, args.copies)
        load_model()
        load_identifier()
        print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
        print(f"corpus: {n} articles replicated from examples/ (HTML and plain text)")
        for workers in sorted(set(args.workers)):
            out = work / f"parts-{workers}"
            start = time.perf_counter()
            report = ingest_to_parts(out, [str(corpus)], workers=workers, batch_size=32)
            elapsed = time.perf_counter() - start
            size = sum(f.stat().st_size for f in out.rglob("*.parquet"))
            print(f"to parts  workers={workers}: {report.added} articles in {elapsed:6.1f} s = {report.added / elapsed:7.1f} articles/s "
                  f"({report.parts} parts, {size / 1e6:.1f} MB of Parquet)")
        con = connect(work / "loaded.duckdb")
        start = time.perf_counter()
        loaded = load_parts(con, out)
        elapsed = time.perf_counter() - start
        print(f"load into one store: {loaded.added} articles in {elapsed:6.1f} s = {loaded.added / elapsed:7.1f} articles/s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
