"""``serve``: the REST API and the dashboard over one store."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import app
from .context import console, state


@app.command("serve")
def serve_command(
    ctx: typer.Context,
    host: Annotated[str, typer.Option(help="Address to listen on; 0.0.0.0 for every interface.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
) -> None:
    """Serve the dashboard (map, timeline, claims) and the REST API (/api/…, documented at /docs)."""
    import uvicorn

    from ..api import create_app

    store = state(ctx).open(read_only=True)  # fail here, in one line, if there is no store yet
    store.close()
    console.print(f"dashboard: http://{host}:{port}/   API: http://{host}:{port}/api/stats   docs: http://{host}:{port}/docs")
    uvicorn.run(create_app(state(ctx).path), host=host, port=port, log_level="warning")
