"""Stories: near-duplicate articles (re-runs, re-reports) grouped across outlets."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from datasketch import LeanMinHash

from newsdesk.nlp import load_model
from newsdesk.stories import REPRESENTATIVES, SCHEME, SEED, STORY_THRESHOLD, StoryIndex, signature

from .conftest import EVAL, EXAMPLES


def _signatures(*texts: str) -> list[tuple[int, ...]]:
    return [signature(doc) for doc in load_model().parse(list(texts))]


def _rerun(text: str) -> str:
    """The same report re-run by another outlet: its own furniture, the last paragraph cut, one sentence added."""
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    return "\n\n".join(["Home › World › Asia", "By our correspondent", *paragraphs[2:-1], "Officials said more details would follow."])


def test_a_rerun_of_the_seed_joins_its_story_and_another_report_does_not(seed_path):
    seed = seed_path.read_text(encoding="utf-8")
    other = "The United Nations will provide 25,000 tons of emergency food aid to refugees fleeing the civil war in Liberia."
    first, rerun, unrelated = _signatures(seed, _rerun(seed), other * 3)
    index = StoryIndex()
    assert index.assign("seed", first).similar_to is None
    link = index.assign("rerun", rerun)
    assert (link.story_id, link.similar_to) == ("seed", "seed") and STORY_THRESHOLD <= link.similarity < 1.0
    assert index.assign("other", unrelated).story_id == "other"


def test_signatures_are_deterministic_and_short_texts_have_none():
    a, b, short = _signatures("Pakistani and Afghan forces exchanged fire at the Torkham crossing on Tuesday.",
                              "Pakistani and Afghan forces exchanged fire at the Torkham crossing on Tuesday.", "Talks resume.")
    assert a == b and len(a) == 128 and short == ()
    index = StoryIndex()
    assert index.assign("x", short).story_id == "x" and index.assign("y", short).story_id == "y"


@pytest.mark.slow
def test_local_news_articles_are_mostly_stories_of_their_own():
    """LGL: 588 articles from US local papers. Two of its AP stories ran in two papers each."""
    corpus = EVAL / "geo" / "lgl.xml"
    if not corpus.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    articles = [(a.get("docid"), a.findtext("text") or "") for a in ET.parse(corpus).getroot().iter("article")]
    index = StoryIndex()
    links = [index.assign(docid, sig) for (docid, _), sig in zip(articles, _signatures(*(t for _, t in articles)))]
    joined = {link.article_id: link.similar_to for link in links if link.similar_to}
    assert joined["44220000"] == "44145259"  # "Statewide 211 could reach more poor", Augusta Chronicle and AJC
    assert len(joined) <= 3


def test_a_story_run_many_times_keeps_a_bounded_index():
    (one,) = _signatures("Pakistani and Afghan forces exchanged fire at the Torkham crossing late on Tuesday, officials said.")
    index = StoryIndex()
    links = [index.assign(f"copy-{i}", one) for i in range(40)]
    assert {link.story_id for link in links} == {"copy-0"}
    assert len(index._lsh.query(LeanMinHash(seed=SEED, hashvalues=list(one), scheme=SCHEME))) == REPRESENTATIVES


def test_a_rerun_ingested_later_joins_the_stored_story(cli):
    text = EXAMPLES / "text"
    assert cli("ingest", str(text / "torkham-clashes.txt")).code == 0
    assert "no story" in cli("stories").out
    assert cli("ingest", str(text / "torkham-clashes-rerun.txt")).code == 0  # a second run: signatures come from the store
    assert "Frontier Times, Khyber Daily" in " ".join(cli("stories").out.split())


def test_articles_stored_before_stories_get_a_signature_from_their_parse(cli, db):
    import duckdb

    text = EXAMPLES / "text"
    assert cli("ingest", str(text / "torkham-clashes.txt")).code == 0
    con = duckdb.connect(str(db))  # the store as an older newsdesk left it: no stories yet
    con.execute("DROP TABLE deliveries; DROP TABLE alerts; DROP TABLE stories; DELETE FROM schema_version WHERE version >= 10")
    con.close()
    assert cli("ingest", str(text / "torkham-clashes-rerun.txt")).code == 0
    assert "Frontier Times, Khyber Daily" in " ".join(cli("stories").out.split())
