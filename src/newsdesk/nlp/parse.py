"""From a spaCy Doc to the records we persist: sentences and entity mentions."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, DocBin

from ..records import Article, Mention, Parse, Sentence



def parse_record(article: Article, doc: Doc, model_name: str) -> Parse:
    paragraph_starts = [p.start for p in article.paragraphs]
    sentences = tuple(
        Sentence(index=i, start=s.start_char, end=s.end_char, paragraph=max(0, bisect_right(paragraph_starts, s.start_char) - 1))
        for i, s in enumerate(_trimmed_sentences(doc))
    )
    sentence_starts = [s.start for s in sentences]
    mentions = tuple(
        Mention(
            index=i,
            start=ent.start_char,
            end=ent.end_char,
            text=ent.text,
            label=ent.label_,
            sentence=max(0, bisect_right(sentence_starts, ent.start_char) - 1),
            source=f"ner:{model_name}",
        )
        for i, ent in enumerate(doc.ents)
    )
    return Parse(model=model_name, sentences=sentences, mentions=mentions, doc_bytes=doc_to_bytes(doc))


def doc_to_bytes(doc: Doc) -> bytes:
    """A compact serialisation (DocBin: annotations and strings, zlib; no tensors)."""
    docs = DocBin(store_user_data=False)
    docs.add(doc)
    return docs.to_bytes()


def skipped_parse(model_name: str, reason: str) -> Parse:
    return Parse(model=model_name, sentences=(), mentions=(), doc_bytes=None, skipped_reason=reason)


def _trimmed_sentences(doc: Doc):
    """Sentences without leading/trailing whitespace tokens; empty ones dropped."""
    for sent in doc.sents:
        if sent.text.strip():
            yield _strip_span(sent)


def _strip_span(span):
    start, end = 0, len(span)
    while start < end and span[start].is_space:
        start += 1
    while end > start and span[end - 1].is_space:
        end -= 1
    return span[start:end]
