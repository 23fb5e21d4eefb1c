"""Evaluation harness: our output against real external gold data."""
