"""Watch rules: standing questions checked against what comes in, answered with stored alerts."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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
        ("- name: x\n  events: {type: ASSAULT, min_confidence: 70}", "min_confidence is a number from 0 to 1"),
        ("- name: x\n  text: a\n- name: x\n  text: b", "rule names must be unique (x)"),
        ("rules: [", "not valid YAML"),
        ("- name: x\n  text: a\n  notify: hooks.example.org/desk", "notify is a webhook's http(s) address"),
    ],
)
def test_a_broken_rules_file_is_one_clear_line(tmp_path, cli, text, message):
    path = tmp_path / "rules.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(WatchError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_rules(path)
    result = cli("watch", str(path))
    assert result.code == 1 and message in " ".join(result.err.split()) and "Traceback" not in result.err


class _Webhook(BaseHTTPRequestHandler):
    received: list[dict] = []
    status = 200

    def do_POST(self):  # noqa: N802 (the name http.server calls)
        body = self.rfile.read(int(self.headers["Content-Length"]))
        if self.status == 200:
            self.received.append(json.loads(body))
        self.send_response(self.status)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def webhook():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Webhook)
    _Webhook.received, _Webhook.status = [], 200
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", _Webhook
    server.shutdown()


def test_alerts_are_posted_to_the_rules_webhook_until_it_takes_them(cli, seed_path, tmp_path, webhook):
    url, hook = webhook
    path = tmp_path / "watch.yaml"
    path.write_text(f"notify: {url}\nrules:\n- name: Kabulov speaks\n  quotes: {{speaker: Kabulov}}\n"
                    "- name: peace talks\n  text: peace talks\n  notify: []\n", encoding="utf-8")
    hook.status = 503  # the webhook is down when the article comes in
    ingested = cli("ingest", str(seed_path), "--source", "Afghanistan Times", "--quiet", "--watch", str(path))
    assert ingested.code == 0 and "not delivered to" in ingested.out and "HTTP 503" in ingested.out
    assert hook.received == []
    pending = " ".join(cli("alerts", "--undelivered").out.split())
    assert "[Kabulov speaks]" in pending and "not yet delivered to 1 webhook" in pending and "[peace talks]" not in pending

    hook.status = 200  # up again: the next check posts what is due, once
    assert "alerts delivered to" in cli("watch", str(path)).out
    assert "no new alerts" in cli("watch", str(path)).out
    (post,) = hook.received
    assert {a["rule"] for a in post["alerts"]} == {"Kabulov speaks"}  # the rule with notify: [] posts nowhere
    first = post["alerts"][0]
    assert first["evidence"] and first["end_char"] > first["start_char"] and first["source"] == "Afghanistan Times"
    assert post["text"].startswith(f"newsdesk: {len(post['alerts'])} new alert") and "[Kabulov speaks] Zamir Kabulov" in post["text"]
    assert "no undelivered alerts" in cli("alerts", "--undelivered").out
