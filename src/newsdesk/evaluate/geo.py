"""Geoparsing on LGL and GeoVirus, in the two modes of the standard evaluation.

(a) **resolution**: given the gold toponym spans, resolve each (with the article's other
    places as context) and compare with the gold place: exact GeoNames id (where the gold has
    one), accuracy within 161 km, mean and median error, and the AUC of the log-error curve;
(b) **end to end**: from the raw text, our toponyms against the gold spans (precision,
    recall, F1; a span matches when it overlaps), then the same resolution metrics over the
    toponyms matched.

The AUC follows Gritta et al. (2018): errors sorted, ``log(1 + km)`` integrated by the
trapezoid rule and divided by ``log(1 + 20039)`` (half the Earth's circumference, the error
given to a toponym left unresolved) times the number of intervals; lower is better.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path

from ..entities import load_registry
from ..geo import open_gazetteer
from ..geo.resolve import resolve_spans
from ..nlp import load_model
from ..pipeline import analyse_doc

MAX_KM = 20039.0


@dataclass(frozen=True)
class GoldToponym:
    start: int
    end: int
    text: str
    lat: float
    lon: float
    geonames_id: int | None


@dataclass
class ResolutionScores:
    errors: list[float] = field(default_factory=list)
    with_id: int = 0
    id_right: int = 0

    def add(self, gold: GoldToponym, geonames_id: int | None, lat: float | None, lon: float | None) -> None:
        self.errors.append(MAX_KM if lat is None else distance_km(gold.lat, gold.lon, lat, lon))
        if gold.geonames_id is not None:
            self.with_id += 1
            self.id_right += geonames_id == gold.geonames_id

    def summary(self) -> dict[str, float]:
        errors = sorted(self.errors)
        n = len(errors)
        if not n:
            return {"n": 0}
        logs = [math.log(1 + e) for e in errors]
        auc = sum((logs[i] + logs[i + 1]) / 2 for i in range(n - 1)) / (math.log(1 + MAX_KM) * (n - 1)) if n > 1 else logs[0] / math.log(1 + MAX_KM)
        return {
            "n": n,
            "id_accuracy": self.id_right / self.with_id if self.with_id else float("nan"),
            "acc@161": sum(e <= 161 for e in errors) / n,
            "mean_km": statistics.fmean(errors),
            "median_km": statistics.median(errors),
            "auc": auc,
        }


@dataclass
class GeoScores:
    articles: int = 0
    gold: int = 0
    found: int = 0
    matched_found: int = 0
    matched_gold: int = 0
    given: ResolutionScores = field(default_factory=ResolutionScores)
    end_to_end: ResolutionScores = field(default_factory=ResolutionScores)

    def tagging(self) -> tuple[float, float, float]:
        p = self.matched_found / self.found if self.found else 0.0
        r = self.matched_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def read_corpus(path: Path) -> list[tuple[str, list[GoldToponym]]]:
    """LGL (``toponym``/``gaztag``) or GeoVirus (``location``), as (text, gold toponyms)."""
    root = ET.parse(path).getroot()
    articles = []
    for article in root.iter("article"):
        text = article.findtext("text") or ""
        gold = []
        for node in article.iter("toponym"):
            tag = node.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            gold.append(GoldToponym(int(node.findtext("start")), int(node.findtext("end")), node.findtext("phrase") or "",
                                    float(tag.findtext("lat")), float(tag.findtext("lon")), int(tag.get("geonameid")) if tag.get("geonameid") else None))
        for node in article.iter("location"):
            name = node.findtext("name") or ""
            start, end = _aligned(text, name, int(node.findtext("start")), int(node.findtext("end")))
            gold.append(GoldToponym(start, end, name, float(node.findtext("lat")), float(node.findtext("lon")), None))
        articles.append((text, gold))
    return articles


def _aligned(text: str, name: str, start: int, end: int) -> tuple[int, int]:
    """GeoVirus offsets are one past the name (1-based): find the name within a few characters."""
    for shift in (0, -1, 1, -2, 2):
        if text[start + shift:end + shift] == name:
            return start + shift, end + shift
    return start, end


def evaluate_geo(path: Path, limit: int | None = None) -> GeoScores:
    articles = read_corpus(path)[:limit] if limit else read_corpus(path)
    model, registry, gazetteer = load_model(), load_registry(), open_gazetteer()
    scores = GeoScores()
    for (text, gold), doc in zip(articles, model.parse(t for t, _ in articles)):
        analysis = analyse_doc(doc, registry, gazetteer)
        ours = [p for p in analysis.places if p.field == "text"]
        scores.articles += 1
        scores.gold += len(gold)
        scores.found += len(ours)
        scores.matched_found += sum(any(p.span.start < g.end and g.start < p.span.end for g in gold) for p in ours)
        for g in gold:
            match = next((p for p in ours if p.span.start < g.end and g.start < p.span.end), None)
            if match is not None:
                scores.matched_gold += 1
                scores.end_to_end.add(g, match.geonames_id, match.lat, match.lon)
        resolved = resolve_spans(doc, registry, gazetteer, [(g.start, g.end) for g in gold], ours)
        for g, place in zip(gold, resolved):
            scores.given.add(g, place.geonames_id if place else None, place.lat if place else None, place.lon if place else None)
    return scores
