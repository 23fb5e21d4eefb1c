"""Watch rules: standing questions checked against what comes in, answered with stored alerts."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from newsdesk.api import create_app
from newsdesk.watch import WatchError, load_rules

RULES = """
- name: Kabulov speaks
  quotes: {speaker: Kabulov}
- name: big numbers of fighters
  claims: {about: Daesh, at_least: 5000}
- name: small numbers of fighters
  claims: {about: Daesh, at_least: 20000}
- name: peace talks
  text: peace talks
"""


@pytest.fixture
def rules(tmp_path):
    path = tmp_path / "watch.yaml"
    path.write_text(RULES, encoding="utf-8")
    return path


def test_new_articles_are_checked_and_each_alert_is_stored_once(cli, rules, seed_path, db, tmp_path):
    ingested = cli("ingest", str(seed_path), "--quiet", "--watch", str(rules))
    assert ingested.code == 0, ingested.err
    out = " ".join(ingested.out.split())
    assert "[Kabulov speaks] Zamir Kabulov:" in out and "[big numbers of fighters] more_than 10,000" in out
    assert "[small numbers of fighters]" not in out and "[peace talks] mentions “peace talks”" in out

    again = tmp_path / "alerts.jsonl"
    assert "no new alerts" in cli("watch", str(rules), "--jsonl", str(again)).out and not again.exists()

    listed = " ".join(cli("alerts", "--rule", "big numbers of fighters").out.split())
    assert "“more than 10,000”" in listed  # the evidence: the words that matched, from the article
    alerts = TestClient(create_app(db)).get("/api/alerts", params={"rule": "peace talks"}).json()
    assert [a["evidence"].lower() for a in alerts] == ["peace talks"]


def test_alerts_for_stored_articles_go_to_a_jsonl_file(cli, rules, seed_path, tmp_path):
    assert cli("ingest", str(seed_path), "--quiet").code == 0
    path = tmp_path / "alerts.jsonl"
    assert cli("watch", str(rules), "--jsonl", str(path)).code == 0
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert {r["rule"] for r in records} == {"Kabulov speaks", "big numbers of fighters", "peace talks"}
    assert all(r["end_char"] > r["start_char"] for r in records)


@pytest.mark.parametrize(
    "text, message",
    [
        ("- name: x\n  events: {actor: Russia}\n  quotes: {speaker: Putin}", "give exactly one of events, quotes, claims, text"),
        ("- name: x\n  events: {who: Russia}", "events does not filter by who"),
        ("- events: {actor: Russia}", "a rule is a mapping with a name"),
        ("- name: x\n  claims: {at_least: many}", "at_least is a number"),
        ("- name: x\n  text: a\n- name: x\n  text: b", "rule names must be unique (x)"),
        ("rules: [", "not valid YAML"),
    ],
)
def test_a_broken_rules_file_is_one_clear_line(tmp_path, cli, text, message):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WatchError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_rules(path)
    result = cli("watch", str(path))
    assert result.code == 1 and message in " ".join(result.err.split()) and "Traceback" not in result.err
