"""Typed records that stages pass to one another.

Every stage reads and writes these records and nothing else: ingest yields
``RawDocument`` (or ``Failure``), extract turns a raw document into an
``Article``, nlp adds a ``Parse`` with ``Sentence`` and ``Mention`` records, and
the store persists them. Character offsets always refer to ``Article.text``, so
any later fact can point back to its evidence as (article id, start, end).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import Any

ID_LENGTH = 16  # hex characters of the sha256 used as a short, stable id


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def short_id(sha256: str) -> str:
    return sha256[:ID_LENGTH]


@dataclass(frozen=True)
class RawDocument:
    """One input document as read from disk, a WARC record or a JSONL line.

    ``origin`` says where it came from precisely enough to find it again
    (``path``, ``path#line=12``, ``path#record=<WARC-Record-ID>``).
    """

    origin: str
    data: bytes
    media_type: str  # "text/html" or "text/plain"
    url: str | None = None
    published: date | None = None
    metadata: dict[str, Any] = field(default_factory=dict)
    # Text already decoded by the source (JSONL carries str); data then holds its UTF-8.
    text: str | None = None

    @cached_property
    def sha256(self) -> str:
        return content_hash(self.data)

    @property
    def doc_id(self) -> str:
        return short_id(self.sha256)


@dataclass(frozen=True)
class Failure:
    """Why an input could not become an article. Nothing stops for it."""

    origin: str
    stage: str  # fetch | read | decode | extract | parse | store | load (a Parquet part)
    reason: str  # short, stable, groupable ("empty input", "truncated gzip")
    detail: str = ""
    sha256: str | None = None
    data: bytes | None = None  # kept when small enough, so a retry needs no source file
    media_type: str | None = None


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int


@dataclass(frozen=True)
class Article:
    """Clean text and metadata of one news article."""

    article_id: str
    doc_id: str
    text: str
    paragraphs: tuple[Paragraph, ...]
    title: str | None = None
    byline: str | None = None
    authors: tuple[str, ...] = ()
    site_name: str | None = None
    url: str | None = None
    canonical_url: str | None = None
    dateline: str | None = None  # place as written, normalised: "Kabul"
    dateline_text: str | None = None  # the raw prefix removed from the body
    published: date | None = None
    published_source: str | None = None  # user | jsonl | html-metadata | sidecar
    language: str | None = None
    language_score: float | None = None
    extractor: str = ""
    removed: tuple[str, ...] = ()  # site furniture stripped from the page, for review
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Mention:
    """A named-entity mention found by the model, with its evidence span."""

    index: int
    start: int
    end: int
    text: str
    label: str
    sentence: int
    source: str  # extractor that produced it, with version
    confidence: float | None = None


@dataclass(frozen=True)
class Parse:
    """The one parse of an article, shared by every later stage.

    ``doc_bytes`` is the serialised spaCy Doc, so later stages can re-read the
    parse from the store without running the model again.
    """

    model: str
    sentences: tuple[Sentence, ...]
    mentions: tuple[Mention, ...]
    doc_bytes: bytes | None = None
    skipped_reason: str | None = None  # e.g. language the model does not cover




@dataclass(frozen=True)
class TextSpan:
    """A span of ``Article.text``: the evidence of a fact."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class SpeakerLink:
    """One step of a speaker's resolution chain ("he" → "Kabulov" → "Zamir Kabulov")."""

    span: TextSpan
    rule: str


@dataclass(frozen=True)
class Quote:
    """Something someone says, reports, believes or denies, with who and how."""

    index: int
    kind: str  # direct | indirect | according_to | stance | headline
    content: TextSpan
    cue: TextSpan | None
    cue_lemma: str | None
    cue_kind: str | None  # speech | belief | evidence | denial
    speaker: TextSpan | None  # the mention in this sentence ("he", "the Russian envoy")
    speaker_name: str | None  # resolved: "Zamir Kabulov"
    speaker_label: str | None  # PERSON, ORG, GPE, NORP … of the resolved speaker
    chain: tuple[SpeakerLink, ...]
    addressee: TextSpan | None
    stance: str  # asserts | denies
    sentence: int
    extractor: str
    confidence: float
    field: str = "text"  # spans point into articles.text, or articles.title for headlines
    speaker_entity: str | None = None  # entity_id of the resolved speaker


@dataclass(frozen=True)
class Quantity:
    """A numeric claim: "more than 10,000 Daesh fighters in Afghanistan", and who claims it."""

    index: int
    span: TextSpan  # the expression, qualifier included
    value: float
    value_high: float | None  # ranges and vague plurals ("dozens": 12–120)
    qualifier: str  # exact | more_than | less_than | about | at_least | up_to | range
    change: str | None  # up | down when the number is a change, not a level
    unit: str | None  # dollar, percent, km … or the counted noun's lemma
    counted: str | None  # "Daesh fighters"
    of: str | None  # whose: a named group or place inside the counted phrase ("Daesh")
    where: str | None  # "Afghanistan" when the sentence says
    event: str | None  # GKG-style count: killed | wounded | kidnapped | arrested | displaced | fighters | troops
    sentence: int
    claimed_by: str | None  # the speaker of the quote it stands in, else the outlet
    quote: int | None  # index of that quote
    restates: int | None  # index of an earlier quantity in the article that states the same figure
    extractor: str
    confidence: float
    claimed_by_entity: str | None = None
    of_entity: str | None = None
    when: str | None = None  # the time the sentence gives it, as written: "this year", "in April"
    place: int | None = None  # index of the Place where the counted event happened (geo stage)


@dataclass(frozen=True)
class Entity:
    """A canonical actor: from the registry, a user dictionary, or (people) the text.

    ``code`` is CAMEO-style ("RUS", "RUSGOV", "IMGMUSISI"); for a person,
    ``affiliation`` is the code of whom they act for ("RUSGOV").
    """

    entity_id: str
    name: str
    type: str  # COUNTRY | GOVERNMENT | MILITARY | POLICE | INTELLIGENCE | ARMED_GROUP | IGO | NGO | MEDIA | PARTY | PERSON | ORGANIZATION | GROUP …
    country: str | None = None  # ISO 3166-1 alpha-3
    code: str | None = None
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    role: str | None = None  # persons: "envoy", "spokesman"
    affiliation: str | None = None
    parent: str | None = None  # entity_id of the organisation it belongs to
    geonames_id: int | None = None  # countries: their GeoNames id
    origin: str = ""  # "registry:media.yaml", "user:my-actors.yaml", "text"
    in_office: tuple[tuple[date, date | None], ...] = ()  # when its code holds; none: always

    def holds_office_on(self, day: date | None) -> bool:
        """Whether the entity's own code holds on a day; an unknown day, or no terms known, is taken as in office."""
        if day is None or not self.in_office:
            return True
        return any(start <= day and (end is None or day < end) for start, end in self.in_office)


@dataclass(frozen=True)
class EntityMention:
    """One mention of an entity in the article, and in which sense it is used.

    ``sense`` is *actor* ("Moscow believes", "Russian forces"), *place* ("in
    Afghanistan": a country named as where something is) or *reference* (an
    adjective or topic: "Afghanistan peace talks"). ``code`` is the CAMEO-style
    code of this mention: "Moscow believes" → RUSGOV, "Russian forces" → RUSMIL.
    """

    index: int
    span: TextSpan
    entity_id: str
    sense: str
    code: str | None
    rule: str  # how it was resolved: alias, fuzzy-alias, metonym, demonym, agent-phrase, person, surname, coreference …
    sentence: int
    extractor: str
    confidence: float


@dataclass(frozen=True)
class Place:
    """A toponym resolved to GeoNames: where the text points on the map, and in which sense.

    ``sense`` is *place* (where something is or happens), *actor* (a country acting:
    "criticized Pakistan"; never an event location) or *reference* (an adjective or topic:
    "Afghan", "peace talks on Syria"). ``relation`` keeps a relative place ("north of",
    "30 km south of"); the coordinates are then those of the anchor, moved by the distance
    when one is given. ``field`` is "dateline" for the place a report was filed from.
    """

    index: int
    span: TextSpan
    geonames_id: int | None  # None: a toponym the gazetteer does not know
    name: str | None
    feature_class: str | None
    feature_code: str | None
    country: str | None  # ISO alpha-2
    admin1: str | None
    lat: float | None
    lon: float | None
    sense: str
    relation: str | None
    sentence: int
    rule: str  # registry | ner | gazetteer | demonym | dateline
    extractor: str
    confidence: float
    focus: bool = False  # the article's focus place (its first mention)
    field: str = "text"  # text | dateline (span into articles.dateline_text)


@dataclass(frozen=True)
class EventActor:
    """Who did it, or to whom: an entity when one is named, else the agent the text gives
    ("police" → ---COP), with the span that says so."""

    entity_id: str | None
    name: str
    code: str | None  # CAMEO-style: RUSGOV, USA, IMGMUSISI, ---COP
    span: TextSpan
    antecedent: TextSpan | None = None  # the name a pronoun stands for ("He was charged" → "John Smith")


# Modalities of acts the text does not report as happening: "did not attack", "if Iran attacks",
# "judges often appeal", "denied that its forces attacked". They are stored and shown on request, and left out of listings, exports
# and evaluations.
UNREAL = ("negated", "hypothetical", "habitual", "denied")


@dataclass(frozen=True)
class Event:
    """Who did what to whom, where and when — coded in PLOVER, with the CAMEO code."""

    index: int
    plover: str  # AGREE … ASSAULT (current PLOVER)
    cameo: str  # full CAMEO code where the pattern determines it ("036"), else the root's base ("190")
    mode: str | None
    context: str | None
    source: EventActor | None
    target: EventActor | None
    predicate: TextSpan  # the event word: "invited", "operations"
    evidence: TextSpan  # the sentence
    sentence: int
    modality: str  # done | intend | threat | negated | hypothetical | habitual | denied (see UNREAL)
    place: int | None  # index into the article's places
    date: date | None
    date_text: str | None
    quote: int | None  # the quote it is reported in
    speaker_entity: str | None  # who reports it (the quote's speaker), else None (the outlet)
    extractor: str
    confidence: float


@dataclass(frozen=True)
class Analysis:
    """What the extractors read from one parse."""

    quotes: tuple[Quote, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    entities: tuple[Entity, ...] = ()
    entity_mentions: tuple[EntityMention, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    signature: tuple[int, ...] = ()  # MinHash of the text's word 5-grams, for stories


@dataclass(frozen=True)
class ProcessedArticle:
    """Everything the pipeline produced for one document, written in one transaction."""

    document: RawDocument
    article: Article
    parse: Parse
    analysis: Analysis = Analysis()
