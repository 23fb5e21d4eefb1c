"""Body-extraction accuracy, scored as the article-extraction-benchmark scores it.

Text is tokenised on ``\\w+``, turned into 4-gram shingles, and each page's
true/false positive and negative shingle counts are normalised to sum to one so
that long pages weigh no more than short ones. Precision and recall are the
means over pages; F1 is their harmonic mean.
"""

from __future__ import annotations

import gzip
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..extract import ExtractionError, extract_article
from ..records import RawDocument

_TOKEN = re.compile(r"\w+")
SHINGLE = 4


def shingles(text: str, n: int = SHINGLE) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i:i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i:i + n])


def page_counts(true: str, pred: str) -> tuple[float, float, float]:
    gold, found = shingles(true), shingles(pred)
    tp = sum((gold & found).values())
    fp = sum((found - gold).values())
    fn = sum((gold - found).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fp == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    return 0.0 if tp == fn == 0 else tp / (tp + fn)


@dataclass
class ExtractionScore:
    pages: int
    precision: float
    recall: float
    f1: float
    per_page: dict[str, tuple[float, str]]

    def worst(self, n: int) -> list[tuple[str, float, str]]:
        ranked = sorted(self.per_page.items(), key=lambda kv: kv[1][0])[:n]
        return [(key, f1, url) for key, (f1, url) in ranked]


def score(counts: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    precision = statistics.mean(_precision(*c) for c in counts if c[0] + c[1] > 0)
    recall = statistics.mean(_recall(*c) for c in counts if c[0] + c[2] > 0)
    return precision, recall, 2 * precision * recall / (precision + recall)


def evaluate_extraction(folder: Path) -> ExtractionScore:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    counts, per_page = [], {}
    for key, gold in truth.items():
        html = gzip.decompress((folder / "html" / f"{key}.html.gz").read_bytes())
        document = RawDocument(origin=key, data=html, media_type="text/html", url=gold.get("url"))
        try:
            article = extract_article(document)
            # The benchmark's gold body starts with the dateline: score what the page says.
            text = f"{article.dateline_text} {article.text}" if article.dateline_text else article.text
        except ExtractionError:
            text = ""
        page = page_counts(gold.get("articleBody", ""), text)
        counts.append(page)
        p, r = _precision(*page), _recall(*page)
        per_page[key] = ((2 * p * r / (p + r)) if p + r else 0.0, gold.get("url", ""))
    precision, recall, f1 = score(counts)
    return ExtractionScore(len(counts), precision, recall, f1, per_page)
