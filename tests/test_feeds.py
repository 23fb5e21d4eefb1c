"""RSS and Atom feeds saved to disk: an article per entry, with the entry's metadata."""

from __future__ import annotations

from html import escape

from newsdesk.pipeline import ingest
from newsdesk.store import queries

from .conftest import EXAMPLES

FEED = EXAMPLES / "feeds" / "regional-wire.rss"


def test_each_entry_is_an_article_with_its_metadata(con):
    report = ingest(con, [str(FEED)])
    assert report.added == 2 and not report.failures
    rows = {row["title"]: queries.get_article(con, row["article_id"]) for row in queries.list_articles(con)}
    niger = rows["Niger army says it repelled attack near Tillaberi"]
    assert (niger["site_name"], str(niger["published"]), niger["published_source"]) == ("Regional Wire", "2026-10-17", "feed")
    assert niger["url"] == "https://regionalwire.example/2026/10/niger-tillaberi-attack" and niger["dateline"] == "Niamey"
    assert niger["text"].startswith("Niger's army said on Friday") and '"feed_body": "content"' in niger["metadata"]
    assert niger["synthetic"]  # the feed's sidecar applies to every entry
    mombasa = rows["Dockworkers in Mombasa strike over pay"]
    assert '"feed_body": "summary"' in mombasa["metadata"] and "2,000 dockworkers" in mombasa["text"]
    assert ingest(con, [str(FEED)]).added == 0  # the same entries again: nothing new


def test_an_atom_entry_carrying_the_seed_is_analysed_like_the_page(con, tmp_path, seed_path):
    paragraphs = [p for p in seed_path.read_text(encoding="utf-8").split("\n\n") if "Kabulov" in p]
    content = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    atom = tmp_path / "monitor.atom"
    atom.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Afghanistan Times</title>'
        '<entry><title>Alarming signs</title><id>urn:at:1</id><updated>2017-12-23T08:00:00Z</updated>'
        f'<content type="html">{escape(content)}</content></entry></feed>',
        encoding="utf-8",
    )
    assert ingest(con, [str(atom)]).added == 1
    (article,) = queries.list_articles(con)
    quotes = queries.get_article(con, article["article_id"])["quotes"]
    assert article["site_name"] == "Afghanistan Times" and str(article["published"]) == "2017-12-23"
    assert {q["speaker"] for q in quotes if q["cue_lemma"] == "claim"} == {"Zamir Kabulov"}


def test_broken_feeds_and_an_xml_file_that_is_no_feed(con, tmp_path):
    cut = tmp_path / "cut.rss"
    cut.write_bytes(FEED.read_bytes()[:700])  # cut inside the first entry, before its content
    junk = tmp_path / "junk.rss"
    junk.write_bytes(b"<rss version='2.0'>\x00\x01 not xml at all")
    other = tmp_path / "sitemap.xml"
    other.write_text('<?xml version="1.0"?><urlset><url><loc>https://example.org/</loc></url></urlset>', encoding="utf-8")
    report = ingest(con, [str(cut), str(junk), str(other)])
    reasons = {f.origin: f.reason for f in report.failures}
    assert reasons == {
        f"{cut}#entry=1": "feed entry without content",
        str(junk): "not a readable RSS or Atom feed",
        str(other): "unsupported file type",
    }
    assert report.added == 0 and not ingest(con, [str(tmp_path)]).added  # walking the folder: the same, and it goes on
