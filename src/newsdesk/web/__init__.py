"""The dashboard: static HTML, CSS and JavaScript served by the API at ``/`` (map, timeline, claims, evidence)."""

from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
