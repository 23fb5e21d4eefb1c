"""``newsdesk ingest`` and ``newsdesk failures --retry``."""

from __future__ import annotations

import re
import shlex
import sys
import time
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Annotated

import duckdb
import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..cluster import ClusterError
from ..ingest import IngestOptions, parse_date
from ..ingest.sources import DEFAULT_MAX_BYTES, expand_inputs, read_path
from ..ingest.web import DEFAULT_TIMEOUT, is_url, read_url
from ..pipeline import DEFAULT_BATCH_SIZE, AnalysisConfig, IngestReport, PartsReport, ingest, ingest_to_parts
from ..records import RawDocument
from ..store import StoreError, queries
from ..store.parquet import MANIFEST, PartError, load_parts
from ..watch import load_rules
from .app import app
from .context import UserError, console, err_console, state
from .watch import check_and_deliver


def _date(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return parse_date(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not an ISO date like 2017-12-23") from None


@app.command("ingest")
def ingest_command(
    ctx: typer.Context,
    inputs: Annotated[list[str], typer.Argument(help="Files, folders or globs (.html .htm .html.gz .txt .jsonl .warc .warc.gz .rss .atom), http(s) addresses of feeds and pages, or .opml lists of feeds", show_default=False)],
    published: Annotated[str | None, typer.Option(help="Publication date (YYYY-MM-DD) for these inputs; never guessed otherwise.")] = None,
    source: Annotated[str | None, typer.Option(help="Publisher of these inputs, e.g. 'Afghanistan Times'.")] = None,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Worker processes for extraction and parsing.")] = 1,
    batch_size: Annotated[int, typer.Option(min=1, max=10_000, help="Documents per transaction.")] = DEFAULT_BATCH_SIZE,
    max_bytes: Annotated[int, typer.Option(min=1024, help="Inputs larger than this are recorded as failures.")] = DEFAULT_MAX_BYTES,
    timeout: Annotated[float, typer.Option(min=0.1, help="Seconds to wait for a web server before recording the address as failed.")] = DEFAULT_TIMEOUT,
    follow_links: Annotated[bool, typer.Option("--follow-links", help="For a feed read from the web: fetch and extract each entry's page, not its summary.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar; one line per committed batch on stderr.")] = False,
    near: Annotated[list[str] | None, typer.Option("--near", help="Favour places in this country (ISO alpha-2, e.g. US) when a name is ambiguous; repeatable.", show_default=False)] = None,
    watch: Annotated[Path | None, typer.Option("--watch", help="A watch rules file (YAML): check the new articles against it and print the alerts.", show_default=False)] = None,
    ray: Annotated[str | None, typer.Option("--ray", metavar="ADDRESS", help="Process batches as Ray tasks: 'local' (on --workers CPUs here), 'auto' or ray://host:port. Needs newsdesk[ray].", show_default=False)] = None,
    parquet: Annotated[Path | None, typer.Option("--parquet", metavar="DIR", help="Write each batch as Parquet files in DIR where it was processed (a folder all Ray nodes share), not to the store; `newsdesk load DIR` adds them to a store.", show_default=False)] = None,
    every: Annotated[str | None, typer.Option("--every", metavar="INTERVAL", help="Poll: read the inputs again every INTERVAL (90s, 15m, 1h) until stopped (Ctrl-C), storing what is new and checking --watch each time.", show_default=False)] = None,
    rounds: Annotated[int | None, typer.Option("--rounds", min=1, help="With --every: stop after this many polls.", show_default=False)] = None,
) -> None:
    """Read news into the store: extract, parse once, store. Re-ingesting the same bytes is a no-op."""
    rules = load_rules(watch) if watch else None  # a broken rules file fails before anything is read
    interval = _interval(every) if every else None
    if rounds is not None and interval is None:
        raise UserError("--rounds counts polls: give --every too")
    options = IngestOptions(max_bytes=max_bytes, published=_date(published), source=source, timeout=timeout, follow_links=follow_links)
    config = AnalysisConfig(state(ctx).actor_files, tuple(_country_code(c) for c in near or ()), state(ctx).verb_files)
    if parquet:
        if rules:
            raise UserError("--watch checks articles in a store: give it to `newsdesk load`, which adds the parts to one")
        if interval:
            raise UserError("--every polls into a store; for parts, run `newsdesk ingest --parquet` from a scheduler")
        _ingest_to_parts(parquet, inputs, options, workers, batch_size, config, ray, quiet)
        return
    if interval is None:
        _ingest_once(ctx, inputs, options, workers, batch_size, config, ray, quiet, rules)
        return
    _poll(ctx, inputs, options, workers, batch_size, config, ray, rules, interval, every, rounds)


def _poll(ctx: typer.Context, inputs: list[str], options: IngestOptions, workers: int, batch_size: int, config: AnalysisConfig,
          ray: str | None, rules, interval: float, every: str, rounds: int | None) -> None:
    """Read the inputs again and again. The store is open only while a poll writes, so the
    dashboard and other commands can read it in between; a poll that finds it busy waits for the next."""
    console.print(f"polling {len(inputs)} inputs every {every}" + (f", {rounds} times" if rounds else "; Ctrl-C stops"), highlight=False)
    done = 0
    try:
        while rounds is None or done < rounds:
            started = time.monotonic()
            done += 1
            console.print(f"[dim]poll {done} at {datetime.now():%Y-%m-%d %H:%M:%S}[/]", highlight=False)
            try:
                _ingest_once(ctx, inputs, options, workers, batch_size, config, ray, True, rules)
            except StoreError as exc:
                err_console.print(f"poll {done}: {exc}; trying again at the next poll")
            if rounds is None or done < rounds:
                time.sleep(max(0.0, interval - (time.monotonic() - started)))
    except KeyboardInterrupt:
        console.print(f"stopped after {done} polls")


def _interval(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", text.lower())
    if not match:
        raise typer.BadParameter(f"{text!r} is not an interval like 90s, 15m or 1h")
    seconds = float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[match.group(2)]
    if seconds < 1:
        raise typer.BadParameter("poll at most once a second")
    return seconds


def _ingest_once(ctx: typer.Context, inputs: list[str], options: IngestOptions, workers: int, batch_size: int, config: AnalysisConfig,
                 ray: str | None, quiet: bool, rules) -> None:
    with state(ctx).open() as con:  # closed even when the poll fails, so others can open the store
        if options.follow_links:
            options = replace(options, known_urls=queries.stored_urls(con))
        _ingest_into(con, inputs, options, workers, batch_size, config, ray, quiet, rules)


def _ingest_into(con: duckdb.DuckDBPyConnection, inputs: list[str], options: IngestOptions, workers: int, batch_size: int, config: AnalysisConfig,
                 ray: str | None, quiet: bool, rules) -> None:
    command = "ingest " + " ".join(shlex.quote(i) for i in inputs)
    with _progress(quiet) as progress:
        # Counting walks the inputs a second time: only worth it when a bar shows it.
        total = _count_inputs(inputs) if progress else 0
        task = progress.add_task("ingesting", total=total or None) if progress else None

        def on_progress(report: IngestReport) -> None:
            if progress:
                progress.update(task, description=f"ingesting: {report.added} new, {report.skipped} known, {len(report.failures)} failed")
            else:
                print(f"committed: {report.added} added, {report.skipped} skipped, {len(report.failures)} failed", file=sys.stderr, flush=True)

        try:
            report = ingest(con, inputs, options, workers=workers, batch_size=batch_size, command=command, on_progress=on_progress,
                            config=config, ray_address=ray)
        except ClusterError as exc:
            raise UserError(str(exc)) from None
        if progress:
            progress.update(task, completed=total)
    _summary(report)
    if rules:
        check_and_deliver(con, rules, report.article_ids, report.run_id)


def _ingest_to_parts(out_dir: Path, inputs: list[str], options: IngestOptions, workers: int, batch_size: int,
                     config: AnalysisConfig, ray: str | None, quiet: bool) -> None:
    def on_progress(report: PartsReport) -> None:
        if quiet:
            print(f"part {report.parts}: {report.added} added, {report.skipped} skipped, {len(report.failures)} failed", file=sys.stderr, flush=True)

    try:
        report = ingest_to_parts(out_dir, inputs, options, workers=workers, batch_size=batch_size, on_progress=on_progress,
                                 config=config, ray_address=ray)
    except (ClusterError, PartError) as exc:
        raise UserError(str(exc)) from None
    console.print(f"{report.parts} parts in {out_dir}: [bold green]{report.added}[/] articles, {report.skipped} already in parts, "
                  f"[{'bold red' if report.failures else 'dim'}]{len(report.failures)} failed[/]", highlight=False)
    _print_failures(report.failures)
    console.print(f"add them to a store with: newsdesk load {shlex.quote(str(out_dir))}", highlight=False)


@app.command("load")
def load_command(
    ctx: typer.Context,
    parts: Annotated[Path, typer.Argument(help="A folder of Parquet parts written by `newsdesk ingest --parquet`", show_default=False)],
    watch: Annotated[Path | None, typer.Option("--watch", help="A watch rules file (YAML): check the new articles against it and print the alerts.", show_default=False)] = None,
) -> None:
    """Add Parquet parts to the store: stories placed, entities merged, stored documents skipped."""
    rules = load_rules(watch) if watch else None
    con = state(ctx).open()
    try:
        report = load_parts(con, parts, command=f"load {shlex.quote(str(parts))}")
    except PartError as exc:
        raise UserError(str(exc)) from None
    console.print(f"run {report.run_id}: {report.parts} parts, [bold green]{report.added}[/] added, {report.skipped} already stored, "
                  f"[{'bold red' if report.failures else 'dim'}]{report.failures} failed[/]", highlight=False)
    if report.broken:
        err_console.print(f"{report.broken} parts could not be read and were left out (see `newsdesk failures`; "
                          "`newsdesk failures --retry` loads them again)")
    if rules:
        check_and_deliver(con, rules, report.article_ids, report.run_id)
    con.close()


def _country_code(value: str) -> str:
    code = value.strip().upper()
    if len(code) != 2 or not code.isalpha():
        raise typer.BadParameter(f"{value!r} is not an ISO 3166-1 alpha-2 country code like US or AF")
    return code


def _count_inputs(inputs: list[str]) -> int:
    return sum(1 for _ in expand_inputs(i for i in inputs if not is_url(i)))


class _NoProgress:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _progress(quiet: bool):
    if quiet or not console.is_terminal:
        return _NoProgress()
    return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err_console, transient=True)


def _summary(report: IngestReport) -> None:
    console.print(
        f"run {report.run_id}: [bold green]{report.added}[/] added, {report.skipped} already stored, "
        f"[{'bold red' if report.failures else 'dim'}]{len(report.failures)} failed[/]",
        highlight=False,
    )
    _print_failures(report.failures)
    if report.added == 1:
        console.print(f"article id: {report.article_ids[0]}  (newsdesk show {report.article_ids[0]})")


def _print_failures(failures: list) -> None:
    for failure in failures[:10]:
        console.print(f"  [red]✗[/] {failure.origin}: {failure.reason}" + (f" ({failure.detail})" if failure.detail else ""), highlight=False, markup=True)
    if len(failures) > 10:
        console.print(f"  … and {len(failures) - 10} more: `newsdesk failures`")


@app.command("failures")
def failures_command(
    ctx: typer.Context,
    all_: Annotated[bool, typer.Option("--all", help="Include failures that a later run resolved.")] = False,
    retry: Annotated[bool, typer.Option(help="Try every open failure again (from its source file, or the bytes kept).")] = False,
    limit: Annotated[int, typer.Option(min=1)] = 100,
) -> None:
    """Inputs that could not be read or extracted, with the reason. Nothing is lost: retry them."""
    if retry:
        _retry(ctx)
        return
    con = state(ctx).open(read_only=True)
    rows = queries.list_failures(con, include_resolved=all_, limit=limit)
    if not rows:
        console.print("no open failures" if not all_ else "no failures")
        return
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in ("id", "origin", "stage", "reason", "detail", "tries", "last seen", "resolved"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(
            str(row["failure_id"]), row["origin"], row["stage"], row["reason"], (row["detail"] or "")[:80],
            str(row["attempts"]), f"{row['last_seen']:%Y-%m-%d %H:%M}", f"{row['resolved_at']:%Y-%m-%d}" if row["resolved_at"] else "",
        )
    console.print(table)


def _retry(ctx: typer.Context) -> None:
    con = state(ctx).open()
    documents = []
    part_folders: dict[Path, None] = {}
    for row in queries.failures_to_retry(con):
        origin = row["origin"]
        source = origin.split("#", 1)[0]
        path = Path(source)
        if (path / MANIFEST).exists():  # a Parquet part that could not be loaded: load its folder again
            part_folders[path.parent] = None
        elif is_url(source):  # the server may answer now: fetch it again
            documents.extend(item for item in read_url(source, {}, DEFAULT_MAX_BYTES) if item.origin == origin)
        elif path.exists():  # the source may have been fixed since: read it again
            documents.extend(item for item in read_path(path, IngestOptions()) if item.origin == origin)
        elif row["raw"] is not None and row["media_type"]:
            documents.append(RawDocument(origin=origin, data=bytes(row["raw"]), media_type=row["media_type"]))
        else:
            err_console.print(f"skipped {origin}: source file is gone and no bytes were kept")
    if not documents and not part_folders:
        raise UserError("nothing to retry: no open failure has kept bytes or a readable source")
    for folder in part_folders:
        loaded = load_parts(con, folder, command=f"failures --retry (load {shlex.quote(str(folder))})")
        console.print(f"run {loaded.run_id}: {loaded.parts} parts of {folder}, [bold green]{loaded.added}[/] added, "
                      f"[{'bold red' if loaded.broken else 'dim'}]{loaded.broken} still unreadable[/]", highlight=False)
    if documents:
        report = ingest(con, [], documents=documents, command="failures --retry", config=AnalysisConfig(state(ctx).actor_files, verb_files=state(ctx).verb_files))
        _summary(report)
