"""``create_app(db)``: a FastAPI application over one store file.

Every endpoint is a thin wrapper of a function in ``store.queries`` (the CLI shows the
same rows), so the API never has its own SQL to drift. Each request opens the store
read-only and closes it again: ingestion in another process is not blocked for longer
than one query, and the API can never write.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import duckdb
from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from .. import __version__
from ..geo.basemap import world_outlines
from ..store import StoreError, connect, queries
from ..web import STATIC

MAX_ROWS = 5_000
Limit = Annotated[int, Query(ge=1, le=MAX_ROWS)]
Confidence = Annotated[float | None, Query(ge=0.0, le=1.0, description="only events at least this likely to be right (the confidence model)")]


def _store(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    con = connect(request.app.state.db_path, read_only=True)
    try:
        yield con
    finally:
        con.close()


Store = Annotated[duckdb.DuckDBPyConnection, Depends(_store)]


def create_app(db_path: str | Path, *, dashboard: bool = True) -> FastAPI:
    app = FastAPI(
        title="newsdesk",
        version=__version__,
        description="Who did what to whom, where, when — and who says so. Every row carries its article and character span.",
    )

    app.state.db_path = Path(db_path)

    @app.exception_handler(StoreError)
    def _store_error(_request, exc: StoreError) -> JSONResponse:
        return JSONResponse({"detail": str(exc)}, status_code=503)  # no store, or one being migrated

    @app.get("/api/stats")
    def stats(con: Store) -> dict[str, Any]:
        """Counts of what the store holds, and the span of publication dates."""
        return queries.stats(con)

    @app.get("/api/articles")
    def articles(
        con: Store, language: str | None = None, site: str | None = None, since: date | None = None, until: date | None = None,
        contains: str | None = None, mentions: str | None = None, limit: Limit = 50,
    ) -> list[dict[str, Any]]:
        """Articles, newest first."""
        return queries.list_articles(con, queries.ArticleFilter(language, site, since, until, contains, mentions, limit))

    @app.get("/api/articles/{article_id}")
    def article(con: Store, article_id: str) -> dict[str, Any]:
        """One article with its text and everything found in it (mentions, quotes, claims, events, places), all with spans."""
        try:
            return queries.get_article(con, queries.resolve_article_id(con, article_id))
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None

    @app.get("/api/events")
    def events(
        con: Store, actor: str | None = None, type: Annotated[str | None, Query(description="PLOVER type, e.g. ASSAULT")] = None,
        place: Annotated[str | None, Query(description="place name, ISO country code or GeoNames id")] = None,
        since: date | None = None, until: date | None = None, negated: bool = False, min_confidence: Confidence = None, limit: Limit = 200,
    ) -> list[dict[str, Any]]:
        """Coded events, newest first; negated, hypothetical and denied ones only when asked for."""
        return queries.list_events(con, actor=actor, plover=type, place=place, since=since, until=until, include_negated=negated,
                                   min_confidence=min_confidence, limit=limit)

    @app.get("/api/timeline")
    def timeline(
        con: Store, actor: str | None = None, type: str | None = None, place: str | None = None,
        since: date | None = None, until: date | None = None, min_confidence: Confidence = None,
    ) -> list[dict[str, Any]]:
        """Events per day and PLOVER type, under the same filters as /api/events."""
        return queries.event_timeline(con, actor=actor, plover=type, place=place, since=since, until=until, min_confidence=min_confidence)

    @app.get("/api/quotes")
    def quotes(con: Store, speaker: str | None = None, kind: str | None = None, limit: Limit = 200) -> list[dict[str, Any]]:
        """Quotes and reported speech; ``speaker`` matches an actor by any of its names."""
        return queries.list_quotes(con, speaker=speaker, kind=kind, limit=limit)

    @app.get("/api/claims")
    def claims(
        con: Store, about: str | None = None, claimed_by: str | None = None, event: str | None = None, limit: Limit = 200,
    ) -> list[dict[str, Any]]:
        """Numeric claims with who claims them."""
        return queries.list_claims(con, about=about, claimed_by=claimed_by, event=event, limit=limit)

    @app.get("/api/actors")
    def actors(con: Store, type: str | None = None, country: str | None = None, limit: Limit = 50) -> list[dict[str, Any]]:
        """Actors by how often they are mentioned."""
        return queries.list_actors(con, type=type, country=country, limit=limit)

    @app.get("/api/actors/{name}")
    def actor(con: Store, name: str) -> dict[str, Any]:
        """One actor: its names, codes, senses and the articles that mention it."""
        try:
            return queries.get_actor(con, name)
        except StoreError as exc:
            raise HTTPException(404, str(exc)) from None

    @app.get("/api/places")
    def places(con: Store, country: str | None = None, limit: Limit = 200) -> list[dict[str, Any]]:
        """Resolved places (GeoNames id, coordinates) by how often they are named."""
        return queries.list_places(con, country=country, limit=limit)

    @app.get("/api/stories")
    def stories(con: Store, contains: str | None = None, min_articles: Annotated[int, Query(ge=1)] = 2, limit: Limit = 50) -> list[dict[str, Any]]:
        """Stories told by several articles (near-duplicates across outlets), largest first."""
        return queries.list_stories(con, min_articles=min_articles, contains=contains, limit=limit)

    @app.get("/api/alerts")
    def alerts(con: Store, rule: str | None = None, undelivered: bool = False, limit: Limit = 100) -> list[dict[str, Any]]:
        """Facts that matched a watch rule (`newsdesk watch RULES`), newest first, with their evidence and
        how many of the rule's webhooks have yet to take them (`undelivered=true`: only those)."""
        return queries.list_alerts(con, rule=rule, undelivered=undelivered, limit=limit)

    @app.get("/api/basemap")
    def basemap() -> dict[str, Any]:
        """Country outlines (GeoJSON) for drawing a map without fetching tiles."""
        return world_outlines()

    if dashboard:
        app.mount("/", StaticFiles(directory=STATIC, html=True), name="dashboard")
    return app
