"""Attribution: quotes, reported speech and beliefs, with resolved speakers."""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc

from ..records import Quote, TextSpan
from .cues import cue_kind
from .phrases import speech_idiom
from .quotes import EXTRACTOR, find_candidates, stance_of
from .speakers import SpeakerResolver

__all__ = ["extract_quotes", "EXTRACTOR"]


def extract_quotes(doc: Doc, paragraph_starts: list[int], sentence_starts: list[int] | None = None) -> list[Quote]:
    """Quotes of one article, from its parse, with speakers resolved in text order."""
    text = doc.text
    sentence_starts = sentence_starts if sentence_starts is not None else [s.start_char for s in doc.sents if s.text.strip()]
    resolver = SpeakerResolver(doc, paragraph_starts)
    quotes = []
    for candidate in find_candidates(doc, paragraph_starts):
        resolution = resolver.resolve(candidate)
        start, end = candidate.content
        cue_span = None
        if candidate.cue is not None:
            cue_start, cue_end = candidate.cue_text or (candidate.cue.idx, candidate.cue.idx + len(candidate.cue.text))
            cue_span = TextSpan(cue_start, cue_end, text[cue_start:cue_end])
        quotes.append(
            Quote(
                index=len(quotes),
                kind=candidate.kind,
                content=TextSpan(start, end, text[start:end]),
                cue=cue_span,
                cue_lemma=_cue_lemma(candidate),
                cue_kind=_cue_kind(candidate),
                speaker=_span(candidate.speaker),
                speaker_name=resolution.name,
                speaker_label=resolution.label,
                chain=resolution.chain,
                addressee=_span(candidate.addressee),
                stance=stance_of(candidate.cue),
                sentence=max(0, bisect_right(sentence_starts, start) - 1),
                extractor=EXTRACTOR,
                confidence=round(resolution.confidence, 3),
            )
        )
    return quotes


def _cue_lemma(candidate) -> str | None:
    if candidate.kind == "according_to":
        return "according to"
    if candidate.cue is None:
        return None
    return candidate.cue.text if candidate.mark else speech_idiom(candidate.cue) or candidate.cue.lemma_.lower()


def _cue_kind(candidate) -> str | None:
    if candidate.kind == "according_to" or candidate.mark or candidate.cue is not None and speech_idiom(candidate.cue):
        return "speech"
    return cue_kind(candidate.cue.lemma_, candidate.cue.pos_) if candidate.cue is not None else None


def _span(span) -> TextSpan | None:
    return TextSpan(span.start_char, span.end_char, span.text) if span is not None else None
