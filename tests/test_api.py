"""The REST API and the dashboard it serves, over a store holding the bundled examples and the seed."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsdesk.api import create_app
from newsdesk.cli import main
from newsdesk.records import UNREAL

from .conftest import EXAMPLES, SEED


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    if not SEED.exists():
        pytest.skip("../shared/seed is not beside this checkout")
    db = tmp_path_factory.mktemp("api") / "api.duckdb"
    for args in (["ingest", str(EXAMPLES), "--quiet"], ["ingest", str(SEED), "--source", "Afghanistan Times", "--quiet"]):
        with pytest.raises(SystemExit) as done:
            main(["--db", str(db), *args])
        assert done.value.code == 0
    return TestClient(create_app(db))


def test_a_number_leads_to_the_sentence_that_says_it(client):
    claim = next(c for c in client.get("/api/claims", params={"about": "Daesh"}).json() if c["value"] == 10_000)
    assert (claim["qualifier"], claim["claimed_by"], claim["of_name"]) == ("more_than", "Zamir Kabulov", "Islamic State")
    article = client.get(f"/api/articles/{claim['article_id']}").json()
    assert article["text"][claim["start_char"]:claim["end_char"]] == claim["text"]
    sentence = next((s, e) for s, e in article["sentences"] if s <= claim["start_char"] < e)
    assert "10,000" in article["text"][sentence[0]:sentence[1]]


def test_quotes_by_speaker_through_aliases_and_coreference(client):
    quotes = client.get("/api/quotes", params={"speaker": "Kabulov"}).json()
    assert len(quotes) >= 3 and {q["speaker"] for q in quotes} == {"Zamir Kabulov"}
    assert any(q["speaker_text"].lower() in ("he", "the russian envoy", "the special representative") for q in quotes)


def test_events_filter_and_timeline_agree(client):
    everything = client.get("/api/events").json()
    assault = client.get("/api/events", params={"type": "assault"}).json()
    assert assault and {e["plover"] for e in assault} == {"ASSAULT"} and len(assault) < len(everything)
    per_day = client.get("/api/timeline", params={"type": "ASSAULT"}).json()
    assert sum(row["events"] for row in per_day) == sum(1 for e in assault if e["event_date"] or e["published"]) > 0
    assert [row["day"] for row in per_day] == sorted(row["day"] for row in per_day)
    with_unreal = client.get("/api/events", params={"negated": True}).json()
    assert len(with_unreal) > len(everything)
    assert {e["modality"] for e in everything} & set(UNREAL) == set()
    assert {e["modality"] for e in with_unreal} & set(UNREAL)


def test_events_at_a_confidence_are_those_rated_at_least_that(client):
    everything = client.get("/api/events").json()
    threshold = sorted(e["confidence"] for e in everything)[len(everything) // 2]
    confident = client.get("/api/events", params={"min_confidence": threshold}).json()
    assert 0 < len(confident) < len(everything)
    assert [(e["article_id"], e["event"]) for e in confident] == [(e["article_id"], e["event"]) for e in everything if e["confidence"] >= threshold]
    per_day = client.get("/api/timeline", params={"min_confidence": threshold}).json()
    assert sum(row["events"] for row in per_day) == sum(1 for e in confident if e["event_date"] or e["published"])
    assert client.get("/api/events", params={"min_confidence": 1.5}).status_code == 422


def test_places_and_basemap_for_the_map(client):
    places = client.get("/api/places").json()
    afghanistan = next(p for p in places if p["geonames_id"] == 1149361)
    assert (afghanistan["lat"], afghanistan["lon"]) == pytest.approx((33.0, 65.0))
    outlines = client.get("/api/basemap").json()
    assert any(f["properties"]["iso"] == "AF" for f in outlines["features"]) and len(outlines["features"]) > 150


def test_unknown_things_are_404_and_bad_parameters_422(client):
    assert client.get("/api/articles/ffffffffffff").status_code == 404
    assert client.get("/api/actors/Nobody Known").status_code == 404
    assert client.get("/api/events", params={"since": "last tuesday"}).status_code == 422
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_the_dashboard_is_served_with_its_script(client):
    page = client.get("/")
    assert page.status_code == 200 and "app.js" in page.text
    assert "showEvidence" in client.get("/app.js").text


def test_every_dashboard_filter_is_a_parameter_of_events_and_timeline(client):
    import re

    form = client.get("/").text.split('<form id="filters">')[1].split("</form>")[0]
    fields = set(re.findall(r'name="(\w+)"', form))
    assert {"actor", "type", "place", "since", "until", "min_confidence"} <= fields
    spec = client.get("/openapi.json").json()["paths"]
    for path in ("/api/events", "/api/timeline"):
        assert fields <= {p["name"] for p in spec[path]["get"]["parameters"]}, path


def test_stats_count_what_the_dashboard_shows(client):
    stats = client.get("/api/stats").json()
    assert stats["events"] >= len(client.get("/api/events").json()) > 0
    assert stats["places"] >= len(client.get("/api/places").json()) > 0


def test_a_missing_store_is_a_clear_error(tmp_path: Path):
    response = TestClient(create_app(tmp_path / "absent.duckdb")).get("/api/stats")
    assert response.status_code == 503 and "no store" in response.json()["detail"]


def test_a_story_told_by_two_outlets(client):
    (story,) = client.get("/api/stories", params={"contains": "Torkham"}).json()
    assert story["articles"] == 2 and story["sites"] == ["Frontier Times", "Khyber Daily"] and story["min_similarity"] >= 0.5
    article = client.get(f"/api/articles/{story['article_ids'][1]}").json()
    assert {a["article_id"] for a in article["story"]["articles"]} == set(story["article_ids"])
