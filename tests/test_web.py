"""Feeds and pages read from the web, served here by a local HTTP server: what a fetch brings,
and what a slow, broken or missing server leaves behind (a failure to retry, nothing lost)."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from newsdesk.ingest import IngestOptions
from newsdesk.pipeline import ingest
from newsdesk.store import queries

from .conftest import EXAMPLES

FEED = (EXAMPLES / "feeds" / "regional-wire.rss").read_bytes()
PAGE = b"""<html><head><title>Niger army repels attack</title></head><body><article>
<h1>Niger army repels attack near Tillaberi</h1>
<p>NIAMEY - Niger's army said on Friday it had repelled an attack by Islamic State fighters on a military post near
Tillaberi, killing 12 of the attackers. Two soldiers were wounded, the defence ministry said in a statement.</p>
<p>The ministry said troops had recovered weapons and motorcycles after the fighting, which lasted several hours.</p>
</article></body></html>"""


class _Site(BaseHTTPRequestHandler):
    pages: dict[str, tuple[int, bytes]] = {}
    hits: list[str] = []

    def do_GET(self):  # noqa: N802 (the name http.server calls)
        self.hits.append(self.path)
        if self.path == "/slow":
            time.sleep(1.5)
        status, body = self.pages.get(self.path, (404, b"not here"))
        self.send_response(status)
        self.send_header("Content-Type", "application/rss+xml" if self.path.endswith(".rss") else "text/html")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    _Site.pages = {"/wire.rss": (200, FEED), "/story": (200, PAGE), "/slow": (200, PAGE)}
    _Site.hits = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield base
    server.shutdown()


def test_a_feed_from_the_web_is_read_like_a_feed_on_disk_and_polled_again_for_what_is_new(con, site):
    report = ingest(con, [f"{site}/wire.rss"])
    assert report.added == 2 and not report.failures
    titles = {row["title"] for row in queries.list_articles(con)}
    assert "Niger army says it repelled attack near Tillaberi" in titles
    assert ingest(con, [f"{site}/wire.rss"]).added == 0  # polled again, nothing new: nothing stored twice


def test_a_page_from_the_web_is_an_article_with_its_address(con, site):
    report = ingest(con, [f"{site}/story"])
    assert report.added == 1 and not report.failures
    article = queries.get_article(con, report.article_ids[0])
    assert article["url"] == f"{site}/story" and "Tillaberi" in article["text"]


def test_a_slow_missing_or_unreachable_server_is_a_failure_and_the_batch_goes_on(con, site):
    unreachable = "http://127.0.0.1:9/story"  # the discard port: nothing listens
    options = IngestOptions(timeout=0.5)
    report = ingest(con, [f"{site}/slow", f"{site}/gone", unreachable, f"{site}/story"], options)
    assert report.added == 1
    assert {f.origin: f.reason for f in report.failures} == {
        f"{site}/slow": "timed out", f"{site}/gone": "HTTP 404", unreachable: "cannot connect",
    }
    assert {row["origin"] for row in queries.failures_to_retry(con)} == {f"{site}/slow", f"{site}/gone", unreachable}


def test_a_failed_address_is_fetched_again_on_retry(cli, site):
    assert cli("ingest", f"{site}/gone").code == 0
    _Site.pages["/gone"] = (200, PAGE)  # the page is up now
    retried = cli("failures", "--retry")
    assert retried.code == 0 and "1 added" in retried.out
    assert "no open failures" in cli("failures").out


def test_following_a_feed_s_links_stores_the_pages_with_the_entries_metadata(con, site):
    feed = FEED.replace(b"https://regionalwire.example/2026/10/niger-tillaberi-attack", f"{site}/story".encode())
    feed = feed.replace(b"https://regionalwire.example/2026/10/mombasa-port-strike", f"{site}/gone".encode())
    _Site.pages["/linked.rss"] = (200, feed)
    report = ingest(con, [f"{site}/linked.rss"], IngestOptions(follow_links=True, timeout=2))
    assert report.added == 1 and {f.origin: f.reason for f in report.failures} == {f"{site}/gone": "HTTP 404"}
    (article,) = queries.list_articles(con)
    stored = queries.get_article(con, article["article_id"])
    assert stored["url"] == f"{site}/story" and str(stored["published"]) == "2026-10-17"
    assert stored["site_name"] == "Regional Wire" and "repelled an attack" in stored["text"]


def _linked_feed(site: str) -> bytes:
    return FEED.replace(b"https://regionalwire.example/2026/10/niger-tillaberi-attack", f"{site}/story".encode())


def test_an_opml_list_stands_for_the_feeds_it_lists(cli, site, tmp_path):
    feeds = tmp_path / "desk.opml"
    feeds.write_text(f"""<?xml version="1.0"?><opml version="2.0"><head><title>Sahel desk</title></head><body>
      <outline text="Wires"><outline text="Regional Wire" type="rss" xmlUrl="{site}/wire.rss"/></outline>
      <outline text="Gone" type="rss" xmlUrl="{site}/gone.rss"/>
      <outline text="A site, not a feed" htmlUrl="{site}/story"/></body></opml>""")
    result = cli("ingest", str(feeds))
    assert result.code == 0 and "2 added" in result.out and "HTTP 404" in result.out
    (tmp_path / "broken.opml").write_text("<opml><body><outline xmlUrl=")
    result = cli("ingest", str(tmp_path / "broken.opml"))
    assert result.code == 0 and "not a readable OPML feed list" in result.out


def test_polling_stores_what_is_new_and_fetches_no_stored_page_again(cli, site, db):
    _Site.pages["/linked.rss"] = (200, _linked_feed(site))
    result = cli("ingest", f"{site}/linked.rss", "--follow-links", "--every", "1s", "--rounds", "2")
    assert result.code == 0, result.err
    assert "poll 1" in result.out and "poll 2" in result.out
    assert _Site.hits.count("/linked.rss") == 2 and _Site.hits.count("/story") == 1  # stored: not fetched again
    assert [line.split()[-1] for line in cli("stats").out.splitlines() if line.startswith("runs ")] == ["2"]  # one run a poll
    assert cli("ingest", f"{site}/linked.rss", "--rounds", "2").code != 0  # rounds count polls
    assert cli("ingest", f"{site}/linked.rss", "--every", "soon").code != 0
