"""newsdesk: who did what to whom, where, when — and who says so."""

__version__ = "0.1.0"
