"""Choosing the place a toponym means, and the article's focus.

Each candidate from the gazetteer is scored:

- **prior**: log10 of its population (an area's: the sum of its towns'), plus a bonus by kind
  (country 4, capital 3, region 3, first-level area 1): "Syria" is the country, "Kabul" the
  city rather than its province, "Washington" the capital rather than the state; a big city
  beats a village of the same name;
- **area or town**: a province, state or district named like one of its towns is the town,
  unless the text says "province", "state", "region" … next to it;
- **name**: its own name (not only an alternate one) +1, else −1.5;
- **country focus**: +1.5 to +3 when the article already names its country — as a country,
  an unambiguous place, the dateline or the publisher's country ("Alexandria" in a story about
  Louisiana parishes is not in Egypt);
- **hierarchy**: +8 when the next toponym, after a comma, is its first-level area ("Alexandria,
  Louisiana", "Long Beach, CA"), +6 when it is its country ("Alexandria, Egypt");
- **bias**: +4 for a country the user asks to favour (``--near``).

The best candidate wins; confidence grows with its margin over the second. A toponym the
gazetteer does not know is kept, unresolved, without emptying the rest of the article.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from ..entities import Registry
from ..records import Article, EntityMention, Place, TextSpan
from .gazetteer import Gazetteer, GazetteerPlace, fold
from .toponyms import Toponym, find_toponyms

EXTRACTOR = "newsdesk.geo/2"
FEATURE_BONUS = {"PCLI": 4.0, "ADM1": 1.0, "PPLC": 3.0, "RGN": 3.0}
US_STATE_CODES = frozenset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK OR PA "
    "RI SC SD TN TX UT VT VA WA WV WI WY DC".split()
)
TENTATIVE_MIN_POPULATION = 5000
# People and services of a town, as local news names them by it: "a Palestine man", "Georgia police",
# "Palestine Independent School District", "Lebanon County".
LOCAL_NOUNS = frozenset("""man woman men women boy girl teen teenager youth resident native couple family police
    officer deputy firefighter driver motorist student homeowner school county sheriff township borough""".split())


@dataclass(frozen=True)
class Scored:
    place: GazetteerPlace
    score: float
    confidence: float


def resolve_places(
    doc: Doc, article: Article, mentions: tuple[EntityMention, ...], registry: Registry, gazetteer: Gazetteer,
    sentence_starts: list[int], bias: tuple[str, ...] = (),
) -> tuple[Place, ...]:
    country_ids = _country_ids(registry)
    toponyms = find_toponyms(doc, mentions, country_ids)
    known = {p.geonames_id: p for p in gazetteer.places([t.geonames_id for t in toponyms if t.geonames_id])}
    lookup = [t.text for t in toponyms if t.geonames_id is None or t.rule == "registry"] + ([article.dateline] if article.dateline else [])
    candidates = gazetteer.candidates(lookup)
    focus = _focus_countries(toponyms, known, candidates, article, registry, gazetteer)
    resolved = _resolve_all(doc, toponyms, candidates, known, focus, bias)
    chosen = [(t, best) for t, best in zip(toponyms, resolved) if not (t.tentative and not _convincing(best, t))]
    places = [_place(i, t, s, sentence_starts) for i, (t, s) in enumerate(chosen)]
    places = _mark_focus(places)
    if article.dateline and article.dateline_text:
        dateline = _choose(Toponym(0, 0, article.dateline, "place", "dateline"), candidates.get(fold(article.dateline), []), focus, None, candidates, known, bias)
        if dateline is not None:
            places.append(_dateline_place(len(places), article, dateline))
    return tuple(places)


_COUNTRY_IDS: dict[str, dict[str, int]] = {}


def _country_ids(registry: Registry) -> dict[str, int]:
    """Registry country (by entity id, or "iso3:RUS") → its GeoNames id, once per registry."""
    if registry.key not in _COUNTRY_IDS:
        countries = [e for e in registry.entities.values() if e.type == "COUNTRY" and e.geonames_id]
        ids = {e.entity_id: e.geonames_id for e in countries}
        ids.update({f"iso3:{e.country}": e.geonames_id for e in countries if e.country})  # a publisher's home country
        _COUNTRY_IDS[registry.key] = ids
    return _COUNTRY_IDS[registry.key]


def _focus_countries(toponyms, known, candidates, article, registry, gazetteer) -> Counter:
    focus: Counter = Counter()
    for toponym in toponyms:
        if toponym.geonames_id and toponym.geonames_id in known:
            focus[known[toponym.geonames_id].country] += 1
        else:
            options = candidates.get(fold(toponym.text), [])
            if len({p.country for p in options}) == 1 and options:
                focus[options[0].country] += 1
    if article.dateline:
        options = candidates.get(fold(article.dateline), [])
        if options and options[0].feature_code in ("PPLC", "PCLI", "ADM1"):
            focus[options[0].country] += 2
    outlet = registry.lookup(article.site_name) if article.site_name else None
    if outlet is not None and outlet.country:
        home = _country_ids(registry).get(f"iso3:{outlet.country}")
        place = gazetteer.place(home) if home else None
        if place is not None:
            focus[place.country] += 1
    return focus


@dataclass
class _Context:
    """What the rest of the article says about where it is: states named, towns nearby."""

    areas: dict[tuple[str, str], set[str]]  # (country, admin1) of first-level areas named → by which toponyms
    points: dict[str, list[tuple[float, float]]]  # other toponyms (by folded text) → their likely coordinates


def _resolve_all(doc: Doc, toponyms: list[Toponym], candidates, known, focus: Counter, bias) -> list[Scored | None]:
    """Two passes: each toponym alone, then again knowing where the others most likely are."""
    text = doc.text  # spaCy joins the tokens on every access: once is enough

    def following(i: int) -> Toponym | None:
        return toponyms[i + 1] if i + 1 < len(toponyms) and text[toponyms[i].end:toponyms[i + 1].start] in (", ", ",") else None

    first: list[Scored | None] = []
    for i, toponym in enumerate(toponyms):
        if toponym.geonames_id is not None:
            place = known.get(toponym.geonames_id)
            first.append(Scored(place, 0.0, 0.95) if place else None)
        else:
            first.append(_choose(toponym, candidates.get(fold(toponym.text), []), focus, following(i), candidates, known, bias))
    local = _written_as_a_town(doc, toponyms)
    context = _Context({}, {})
    for toponym, best in zip(toponyms, first):
        if best is None or best.place.lat is None:
            continue
        if best.place.feature_code == "ADM1" and best.confidence >= 0.6:
            context.areas.setdefault((best.place.country, best.place.admin1), set()).add(fold(toponym.text))
        context.points.setdefault(fold(toponym.text), []).append((best.place.lat, best.place.lon))
    out: list[Scored | None] = []
    for i, (toponym, best) in enumerate(zip(toponyms, first)):
        options = candidates.get(fold(toponym.text), [])
        if toponym.geonames_id is not None and best is not None and toponym.rule == "registry":
            out.append(_country_or_namesake(toponym, best, options, focus, following(i), candidates, known, bias, context,
                                            fold(toponym.text) in local))
        elif toponym.geonames_id is not None or len(options) < 2:
            out.append(best)
        else:
            out.append(_choose(toponym, options, focus, following(i), candidates, known, bias, context))
    return out


def _written_as_a_town(doc: Doc, toponyms: list[Toponym]) -> set[str]:
    """Country names the article writes as local news writes a town's: "a Palestine man", "Palestine
    police". A country's people and police go by its demonym ("a Palestinian man")."""
    names = {fold(t.text) for t in toponyms if t.rule == "registry"}
    if not names:
        return set()  # no country named: no token to read
    found = set()
    for token in doc:
        if token.dep_ == "compound" and token.pos_ == "PROPN" and token.head.i > token.i and token.head.lemma_.lower() in LOCAL_NOUNS:
            start = token.i
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].head.i == token.head.i:
                start -= 1
            found.update(name for i in range(start, token.i + 1) if (name := fold(doc[i:token.i + 1].text)) in names)
    return found


def _country_or_namesake(toponym: Toponym, country: Scored, options: list[GazetteerPlace], focus: Counter,
                         following: Toponym | None, candidates, known, bias: tuple[str, ...], context: _Context,
                         local: bool = False) -> Scored:
    """A country's name is the country unless a state or town of that name lies where the rest of the
    article is: "Georgia" beside Atlanta and Arizona is the US state, "Lebanon, Pa." a town in Pennsylvania;
    or the article writes it as a town's name (``local``: "a Palestine man", in Palestine, Texas).
    The country's own mentions do not count for it here."""
    namesakes = [p for p in options if p.country != country.place.country and p.feature_class in ("A", "P")]
    if local:  # of the name itself ("Benin police" is no Benin City), and a state or a town of some size
        namesakes = [p for p in namesakes if fold(p.name) == fold(toponym.text)
                     and (p.feature_code == "ADM1" or p.population >= TENTATIVE_MIN_POPULATION)]
    if not namesakes:
        return country
    others = Counter({c: n for c, n in focus.items() if c != country.place.country})
    if local:  # where the rest of the article is, if it is anywhere ("Jordan police" in a Syria story stay Jordan's)
        near = [p for p in namesakes if others.get(p.country)] if others else namesakes
        best = _choose(toponym, near, others, following, candidates, known, bias, context)
        return best if best is not None else country
    if not any(others.get(p.country) for p in namesakes):
        return country
    own = fold(toponym.text)
    elsewhere = _Context({k: v - {own} for k, v in context.areas.items()}, {k: v for k, v in context.points.items() if k != own})
    best = _choose(toponym, [country.place, *namesakes], others, following, candidates, known, bias, elsewhere)
    return best if best is not None and best.place.geonames_id != country.place.geonames_id else country


def namesake(span: TextSpan, places: tuple[Place, ...] | list[Place], agent_phrase: bool = False) -> Place | None:
    """The state or town of another country that a country's name at ``span`` was read as ("Georgia"
    beside Atlanta); with ``agent_phrase``, also the name inside "a Georgia man", where no "Georgia"
    of the article is the country."""
    named = [p for p in places if p.rule == "registry"]
    for place in named:
        if (place.feature_code or "").startswith("PCL"):
            continue
        if (place.span.start, place.span.end) == (span.start, span.end):
            return place
        if agent_phrase and place.span.text in span.text.split() and not any(
                p.span.text == place.span.text and (p.feature_code or "").startswith("PCL") for p in named):
            return place
    return None


def _coherence(place: GazetteerPlace, own: str, context: _Context | None) -> float:
    """Places of one story lie together: a candidate near the article's other places, or in a
    state the article names, gains ("Mansfield" beside Alexandria and Rapides Parish is in Louisiana)."""
    if context is None or place.lat is None:
        return 0.0
    named_by = context.areas.get((place.country, place.admin1), set())
    bonus = 3.0 if named_by - {own} and place.feature_code != "ADM1" else 0.0
    near = 0
    for text, points in context.points.items():
        if text == own:
            continue
        if any(_close(place.lat, place.lon, lat, lon) for lat, lon in points):
            near += 1
    return bonus + 1.5 * min(near, 3)


def _close(lat1: float, lon1: float, lat2: float, lon2: float, km: float = 250.0) -> bool:
    dy = (lat1 - lat2) * 111.2
    dx = (lon1 - lon2) * 111.2 * math.cos(math.radians((lat1 + lat2) / 2))
    return dx * dx + dy * dy <= km * km


def _choose(toponym: Toponym, options: list[GazetteerPlace], focus: Counter, following: Toponym | None,
            candidates, known, bias: tuple[str, ...], context: _Context | None = None) -> Scored | None:
    if not options:
        return None
    text = fold(toponym.text)
    container = _containers(following, candidates, known)
    scored = []
    towns = {(p.country, fold(p.name)) for p in options if p.feature_class == "P"}
    for place in options:
        score = math.log10(place.population + 10) + FEATURE_BONUS.get(place.feature_code, 0.0)
        if place.feature_code in ("ADM1", "ADM2"):
            if toponym.area_word:
                score += 3.0  # "Kunduz province", "the state of Oklahoma"
            elif (place.country, fold(place.name)) in towns or ((place.country, text) in towns and text in fold(place.name).split(" and ")):
                score -= 2.0  # "Mopti" alone is the town more often than its region; "Jericho" the town, not "Jericho and Al Aghwar"
        score += 1.0 if fold(place.name) == text else -1.5
        if focus.get(place.country):
            score += 1.5 + 0.5 * min(focus[place.country], 3)
        if place.country in bias:
            score += 4.0
        score += _coherence(place, text, context)
        for area in container:
            if area.feature_code == "ADM1" and area.country == place.country and area.admin1 == place.admin1 and place.geonames_id != area.geonames_id:
                score += 8.0
            elif area.feature_code == "PCLI" and area.country == place.country and place.feature_code != "PCLI":
                score += 6.0
        scored.append((score, place))
    scored.sort(key=lambda x: (-x[0], -x[1].population, x[1].geonames_id))
    margin = scored[0][0] - scored[1][0] if len(scored) > 1 else 6.0
    return Scored(scored[0][1], scored[0][0], round(0.5 + 0.45 * math.tanh(margin / 3), 3))


def _containers(following: Toponym | None, candidates, known) -> list[GazetteerPlace]:
    """What the toponym after a comma may be: a first-level area or a country ("CA" included)."""
    if following is None:
        return []
    if following.geonames_id and following.geonames_id in known:
        return [known[following.geonames_id]]
    areas = [p for p in candidates.get(fold(following.text), []) if p.feature_code in ("ADM1", "PCLI")]
    if following.text.upper() in US_STATE_CODES:
        areas.append(GazetteerPlace(0, following.text, "A", "ADM1", "US", following.text.upper(), None, None, None, 0))
    return areas


def _convincing(best: Scored | None, toponym: Toponym) -> bool:
    if best is None:
        return toponym.named_area  # "the town of Umm Batna": a place, though not in the gazetteer
    place = best.place
    return _letters(place.name) == _letters(toponym.text) and (place.feature_class in ("A", "L") or place.population >= TENTATIVE_MIN_POPULATION)


def _letters(name: str) -> str:
    """ "Sāmarrā’" and "Samarra" are one name: the gazetteer keeps transliteration marks."""
    return "".join(c for c in fold(name) if c.isalnum())


def _place(index: int, toponym: Toponym, scored: Scored | None, sentence_starts: list[int]) -> Place:
    place = scored.place if scored else None
    lat, lon = (place.lat, place.lon) if place else (None, None)
    if lat is not None and toponym.distance_km and toponym.direction:
        lat, lon = _offset(lat, lon, toponym.direction, toponym.distance_km)
    return Place(
        index=index, span=TextSpan(toponym.start, toponym.end, toponym.text),
        geonames_id=place.geonames_id if place else None, name=place.name if place else None,
        feature_class=place.feature_class if place else None, feature_code=place.feature_code if place else None,
        country=place.country if place else None, admin1=place.admin1 if place else None, lat=lat, lon=lon,
        sense=toponym.sense, relation=toponym.relation, sentence=max(0, bisect_right(sentence_starts, toponym.start) - 1),
        rule=toponym.rule, extractor=EXTRACTOR, confidence=scored.confidence if scored else 0.0,
    )


def _offset(lat: float, lon: float, direction: str, km: float) -> tuple[float, float]:
    north = {"north": 1, "south": -1, "northeast": 0.7071, "northwest": 0.7071, "southeast": -0.7071, "southwest": -0.7071}.get(direction, 0)
    east = {"east": 1, "west": -1, "northeast": 0.7071, "southeast": 0.7071, "northwest": -0.7071, "southwest": -0.7071}.get(direction, 0)
    return lat + north * km / 111.2, lon + east * km / (111.2 * max(math.cos(math.radians(lat)), 0.01))


def _mark_focus(places: list[Place]) -> list[Place]:
    """The place the article is most about: most often named as a place; the most specific on a tie."""
    counts = Counter(p.geonames_id for p in places if p.sense == "place" and p.geonames_id)
    if not counts:
        return places
    rank = {"PPL": 0, "PPLC": 0, "ADM2": 1, "ADM1": 2, "PCLI": 3, "RGN": 4}
    first = {}
    for p in places:
        if p.sense == "place":
            first.setdefault(p.geonames_id, p)
    best = min(counts, key=lambda g: (-counts[g], rank.get(first[g].feature_code, 5), first[g].span.start))
    return [replace(p, focus=True) if p is first[best] else p for p in places]


def _dateline_place(index: int, article: Article, scored: Scored) -> Place:
    raw = article.dateline_text or ""
    at = raw.lower().find(article.dateline.lower())
    start, end = (at, at + len(article.dateline)) if at >= 0 else (0, len(raw))
    place = scored.place
    return Place(
        index=index, span=TextSpan(start, end, raw[start:end]), geonames_id=place.geonames_id, name=place.name,
        feature_class=place.feature_class, feature_code=place.feature_code, country=place.country, admin1=place.admin1,
        lat=place.lat, lon=place.lon, sense="place", relation=None, sentence=-1, rule="dateline", extractor=EXTRACTOR,
        confidence=scored.confidence, field="dateline",
    )


def resolve_spans(
    doc: Doc, registry: Registry, gazetteer: Gazetteer, spans: list[tuple[int, int]], context: list[Place],
    bias: tuple[str, ...] = (),
) -> list[Place | None]:
    """Resolve toponym spans given from outside (gold spans in an evaluation), with the places
    already found in the article as context: the same scoring, without detection."""
    focus = Counter(p.country for p in context if p.country)
    by_span = {(p.span.start, p.span.end): p for p in context}
    country_ids = _country_ids(registry)
    toponyms = []
    full = doc.text
    for start, end in spans:
        text = full[start:end]
        country = registry.lookup(text)  # a country by name or demonym ("Sudanese")
        known_id = country_ids.get(country.entity_id) if country is not None else None
        toponyms.append(Toponym(start, end, text, "place", "given", known_id))
    candidates = gazetteer.candidates([t.text for t in toponyms if t.geonames_id is None])
    known = {p.geonames_id: p for p in gazetteer.places([t.geonames_id for t in toponyms if t.geonames_id])}
    resolved = _resolve_all(doc, toponyms, candidates, known, focus, bias)
    out: list[Place | None] = []
    for i, (toponym, scored) in enumerate(zip(toponyms, resolved)):
        if (toponym.start, toponym.end) in by_span:
            out.append(by_span[(toponym.start, toponym.end)])
        else:
            out.append(_place(i, toponym, scored, [0]) if scored else None)
    return out
