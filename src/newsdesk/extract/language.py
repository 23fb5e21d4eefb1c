"""Language identification with py3langid (offline, deterministic)."""

from __future__ import annotations

from functools import lru_cache

SAMPLE_CHARS = 4000


@lru_cache(maxsize=1)
def load_identifier():
    """Load once per process (about 0.4 s); worker processes forked later inherit it."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify(text: str) -> tuple[str | None, float | None]:
    sample = text[:SAMPLE_CHARS].strip()
    if len(sample) < 20:
        return None, None
    language, probability = load_identifier().classify(sample)
    return language, round(float(probability), 4)
