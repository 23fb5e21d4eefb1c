"""The seed page's ``article:`` block in expected.yaml is the extraction acceptance test."""

from newsdesk.extract import extract_article
from newsdesk.ingest import iter_documents


def seed_article(seed_path):
    (document,) = list(iter_documents([str(seed_path)]))
    return extract_article(document)


def test_title_byline_dateline(seed_path, expected):
    article = seed_article(seed_path)
    gold = expected["article"]
    assert article.title == gold["title"]
    assert article.byline == gold["byline"]
    assert article.dateline == gold["dateline_place"]["name"]
    assert article.dateline_text == "AT Monitoring Desk-KABUL:"


def test_body_bounds_and_no_furniture(seed_path, expected):
    article = seed_article(seed_path)
    gold = expected["article"]
    assert article.text.startswith(gold["body_starts_with"])
    assert article.text.endswith(gold["body_ends_with"])
    for furniture in gold["boilerplate_removed"]:
        assert furniture not in article.text
        assert any(furniture in removed for removed in article.removed)


def test_publication_date_is_never_guessed(seed_path, expected):
    assert expected["article"]["publication_date"] is None
    assert seed_article(seed_path).published is None


def test_paragraph_spans_cover_the_text(seed_path):
    article = seed_article(seed_path)
    assert len(article.paragraphs) == 12
    for paragraph in article.paragraphs:
        chunk = article.text[paragraph.start:paragraph.end]
        assert chunk == chunk.strip() and "\n" not in chunk
    assert article.text[article.paragraphs[-1].start:].startswith("On the other hand")
    assert article.language == "en"
