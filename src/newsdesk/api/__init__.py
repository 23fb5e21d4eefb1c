"""The REST API: the store's queries over HTTP, read-only, for the dashboard and for scripts."""

from .app import create_app

__all__ = ["create_app"]
