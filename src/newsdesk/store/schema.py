"""The store's schema, as an ordered list of migrations.

Every fact table carries (article_id, start_char, end_char): the evidence span in
``articles.text``. A migration is applied once, in its own transaction, and
recorded in ``schema_version``; never edit one that has shipped — add the next.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        1,
        "documents, articles, parses, sentences, mentions, failures, runs",
        """
        CREATE SEQUENCE run_ids START 1;
        CREATE TABLE runs (
            run_id            INTEGER PRIMARY KEY DEFAULT nextval('run_ids'),
            command           VARCHAR NOT NULL,
            started_at        TIMESTAMP NOT NULL,
            finished_at       TIMESTAMP,
            status            VARCHAR NOT NULL,          -- running | finished | failed
            newsdesk_version  VARCHAR NOT NULL,
            model             VARCHAR,                   -- NLP model package-version
            extractors        VARCHAR[],
            documents_added   INTEGER DEFAULT 0,
            documents_skipped INTEGER DEFAULT 0,
            failures          INTEGER DEFAULT 0
        );

        CREATE TABLE documents (
            doc_id       VARCHAR PRIMARY KEY,            -- first 16 hex of sha256
            sha256       VARCHAR NOT NULL UNIQUE,
            origin       VARCHAR NOT NULL,               -- path, path#line=N, path#record=ID
            media_type   VARCHAR NOT NULL,
            url          VARCHAR,
            size_bytes   BIGINT NOT NULL,
            raw          BLOB NOT NULL,
            ingested_at  TIMESTAMP NOT NULL,
            run_id       INTEGER NOT NULL
        );

        CREATE TABLE articles (
            article_id        VARCHAR PRIMARY KEY,
            doc_id            VARCHAR NOT NULL,
            title             VARCHAR,
            byline            VARCHAR,
            authors           VARCHAR[],
            site_name         VARCHAR,
            url               VARCHAR,
            canonical_url     VARCHAR,
            dateline          VARCHAR,
            dateline_text     VARCHAR,
            published         DATE,
            published_source  VARCHAR,                   -- user | jsonl | metadata | html-metadata
            language          VARCHAR,
            language_score    DOUBLE,
            text              VARCHAR NOT NULL,
            extractor         VARCHAR NOT NULL,
            removed           VARCHAR[],                 -- site furniture taken out
            synthetic         BOOLEAN NOT NULL DEFAULT false,
            metadata          JSON,
            run_id            INTEGER NOT NULL
        );

        CREATE TABLE paragraphs (
            article_id  VARCHAR NOT NULL,
            paragraph   INTEGER NOT NULL,
            start_char  INTEGER NOT NULL,
            end_char    INTEGER NOT NULL,
            PRIMARY KEY (article_id, paragraph)
        );

        CREATE TABLE parses (
            article_id      VARCHAR PRIMARY KEY,
            model           VARCHAR NOT NULL,
            doc             BLOB,                        -- spaCy DocBin: the one parse
            skipped_reason  VARCHAR,
            run_id          INTEGER NOT NULL
        );

        CREATE TABLE sentences (
            article_id  VARCHAR NOT NULL,
            sentence    INTEGER NOT NULL,
            paragraph   INTEGER NOT NULL,
            start_char  INTEGER NOT NULL,
            end_char    INTEGER NOT NULL,
            PRIMARY KEY (article_id, sentence)
        );

        CREATE TABLE mentions (
            article_id  VARCHAR NOT NULL,
            mention     INTEGER NOT NULL,
            sentence    INTEGER NOT NULL,
            start_char  INTEGER NOT NULL,
            end_char    INTEGER NOT NULL,
            text        VARCHAR NOT NULL,
            label       VARCHAR NOT NULL,
            extractor   VARCHAR NOT NULL,
            confidence  DOUBLE,
            PRIMARY KEY (article_id, mention)
        );

        CREATE SEQUENCE failure_ids START 1;
        CREATE TABLE failures (
            failure_id   INTEGER PRIMARY KEY DEFAULT nextval('failure_ids'),
            origin       VARCHAR NOT NULL UNIQUE,
            sha256       VARCHAR,
            stage        VARCHAR NOT NULL,
            reason       VARCHAR NOT NULL,
            detail       VARCHAR,
            media_type   VARCHAR,
            raw          BLOB,                           -- kept when small, for retries
            first_seen   TIMESTAMP NOT NULL,
            last_seen    TIMESTAMP NOT NULL,
            attempts     INTEGER NOT NULL DEFAULT 1,
            resolved_at  TIMESTAMP,
            run_id       INTEGER
        );
        """,
    ),
)

MIGRATIONS += (
    Migration(
        2,
        "quotes: direct and reported speech with resolved speakers",
        """
        CREATE TABLE quotes (
            article_id      VARCHAR NOT NULL,
            quote           INTEGER NOT NULL,
            kind            VARCHAR NOT NULL,            -- direct | indirect | according_to
            sentence        INTEGER NOT NULL,
            start_char      INTEGER NOT NULL,            -- the content span
            end_char        INTEGER NOT NULL,
            content         VARCHAR NOT NULL,
            cue             VARCHAR,
            cue_lemma       VARCHAR,
            cue_kind        VARCHAR,                     -- speech | belief | evidence | denial
            cue_start       INTEGER,
            cue_end         INTEGER,
            speaker_text    VARCHAR,                     -- as written: "he", "the Russian envoy"
            speaker_start   INTEGER,
            speaker_end     INTEGER,
            speaker         VARCHAR,                     -- resolved: "Zamir Kabulov"
            speaker_label   VARCHAR,                     -- PERSON | ORG | GPE | NORP | NOMINAL …
            speaker_chain   JSON,                        -- the resolution steps, as evidence
            addressee       VARCHAR,
            addressee_start INTEGER,
            addressee_end   INTEGER,
            stance          VARCHAR NOT NULL,            -- asserts | denies
            extractor       VARCHAR NOT NULL,
            confidence      DOUBLE NOT NULL,
            PRIMARY KEY (article_id, quote)
        );
        """,
    ),
)

MIGRATIONS += (
    Migration(
        3,
        "quantities: numeric claims with who claims them",
        """
        CREATE TABLE quantities (
            article_id  VARCHAR NOT NULL,
            quantity    INTEGER NOT NULL,
            sentence    INTEGER NOT NULL,
            start_char  INTEGER NOT NULL,
            end_char    INTEGER NOT NULL,
            text        VARCHAR NOT NULL,
            value       DOUBLE NOT NULL,
            value_high  DOUBLE,
            qualifier   VARCHAR NOT NULL,   -- exact | more_than | less_than | about | at_least | up_to | range
            change      VARCHAR,            -- up | down
            unit        VARCHAR,
            counted     VARCHAR,
            of_actor    VARCHAR,
            place       VARCHAR,
            event       VARCHAR,            -- killed | wounded | kidnapped | arrested | displaced | fighters | troops
            claimed_by  VARCHAR,
            quote       INTEGER,            -- the quote it stands in (quotes.quote)
            restates    INTEGER,            -- an earlier quantity of the same article stating the same figure
            extractor   VARCHAR NOT NULL,
            confidence  DOUBLE NOT NULL,
            PRIMARY KEY (article_id, quantity)
        );
        """,
    ),
)

MIGRATIONS += (
    Migration(
        4,
        "quotes.field: headline quotes point into the title",
        "ALTER TABLE quotes ADD COLUMN field VARCHAR DEFAULT 'text';",
    ),
)

MIGRATIONS += (
    Migration(
        5,
        "entities and their mentions; quotes and claims linked to entities",
        """
        CREATE TABLE entities (
            entity_id    VARCHAR PRIMARY KEY,          -- "russia", "islamic-state", "person:zamir-kabulov"
            name         VARCHAR NOT NULL,
            type         VARCHAR NOT NULL,             -- COUNTRY | ARMED_GROUP | IGO | MEDIA | PERSON | …
            country      VARCHAR,                      -- ISO 3166-1 alpha-3
            code         VARCHAR,                      -- CAMEO-style: RUS, IMGMUSISI, RUSMED
            wikidata     VARCHAR,
            aliases      VARCHAR[],
            role         VARCHAR,                      -- persons: envoy, spokesman …
            affiliation  VARCHAR,                      -- persons: code of whom they act for (RUSGOV)
            parent       VARCHAR,
            geonames_id  BIGINT,
            origin       VARCHAR NOT NULL              -- registry:FILE | user:FILE | text
        );
        CREATE TABLE entity_mentions (
            article_id  VARCHAR NOT NULL,
            mention     INTEGER NOT NULL,
            sentence    INTEGER NOT NULL,
            start_char  INTEGER NOT NULL,
            end_char    INTEGER NOT NULL,
            text        VARCHAR NOT NULL,
            entity_id   VARCHAR NOT NULL,
            sense       VARCHAR NOT NULL,              -- actor | place | reference
            code        VARCHAR,                       -- this mention's code: "Moscow believes" → RUSGOV
            rule        VARCHAR NOT NULL,              -- how it was resolved
            extractor   VARCHAR NOT NULL,
            confidence  DOUBLE NOT NULL,
            PRIMARY KEY (article_id, mention)
        );
        CREATE INDEX entity_mentions_entity ON entity_mentions (entity_id);
        ALTER TABLE quotes ADD COLUMN speaker_entity VARCHAR;
        ALTER TABLE quantities ADD COLUMN claimed_by_entity VARCHAR;
        ALTER TABLE quantities ADD COLUMN of_entity VARCHAR;
        """,
    ),
)

MIGRATIONS += (
    Migration(
        6,
        "quantities.when_text: the date or period the sentence gives a figure",
        "ALTER TABLE quantities ADD COLUMN when_text VARCHAR;",
    ),
)

MIGRATIONS += (
    Migration(
        7,
        "places: toponyms resolved to GeoNames, with sense, relation and the article's focus",
        """
        CREATE TABLE places (
            article_id     VARCHAR NOT NULL,
            place          INTEGER NOT NULL,
            sentence       INTEGER NOT NULL,             -- -1 for the dateline
            field          VARCHAR NOT NULL,             -- text | dateline (span into articles.dateline_text)
            start_char     INTEGER NOT NULL,
            end_char       INTEGER NOT NULL,
            text           VARCHAR NOT NULL,
            geonames_id    BIGINT,                       -- NULL: a toponym the gazetteer does not know
            name           VARCHAR,
            feature_class  VARCHAR,
            feature_code   VARCHAR,
            country        VARCHAR,                      -- ISO alpha-2
            admin1         VARCHAR,
            lat            DOUBLE,
            lon            DOUBLE,
            sense          VARCHAR NOT NULL,             -- place | actor | reference
            relation       VARCHAR,                      -- "north of", "30 km south of"
            focus          BOOLEAN NOT NULL,
            rule           VARCHAR NOT NULL,
            extractor      VARCHAR NOT NULL,
            confidence     DOUBLE NOT NULL,
            PRIMARY KEY (article_id, place)
        );
        CREATE INDEX places_geonames ON places (geonames_id);
        """,
    ),
)

MIGRATIONS += (
    Migration(
        8,
        "quantities.place: where the counted event happened (places.place)",
        "ALTER TABLE quantities ADD COLUMN place_index INTEGER;",
    ),
)

MIGRATIONS += (
    Migration(
        9,
        "events: who did what to whom, where and when (PLOVER and CAMEO)",
        """
        CREATE TABLE events (
            article_id       VARCHAR NOT NULL,
            event            INTEGER NOT NULL,
            sentence         INTEGER NOT NULL,
            plover           VARCHAR NOT NULL,        -- AGREE … ASSAULT
            cameo            VARCHAR NOT NULL,        -- "036"
            cameo_root       VARCHAR NOT NULL,        -- "03"
            mode             VARCHAR,
            context          VARCHAR,
            source_entity    VARCHAR,
            source_name      VARCHAR,
            source_code      VARCHAR,                 -- RUSGOV, ---COP
            source_start     INTEGER,
            source_end       INTEGER,
            target_entity    VARCHAR,
            target_name      VARCHAR,
            target_code      VARCHAR,
            target_start     INTEGER,
            target_end       INTEGER,
            predicate        VARCHAR NOT NULL,        -- the event word: "invited"
            predicate_start  INTEGER NOT NULL,
            predicate_end    INTEGER NOT NULL,
            start_char       INTEGER NOT NULL,        -- the evidence: the sentence
            end_char         INTEGER NOT NULL,
            modality         VARCHAR NOT NULL,        -- done | intend | negated
            place_index      INTEGER,                 -- places.place
            event_date       DATE,
            date_text        VARCHAR,
            quote            INTEGER,                 -- quotes.quote it is reported in
            speaker_entity   VARCHAR,
            extractor        VARCHAR NOT NULL,
            confidence       DOUBLE NOT NULL,
            PRIMARY KEY (article_id, event)
        );
        """,
    ),
)

MIGRATIONS += (
    Migration(
        10,
        "stories: near-duplicate articles (re-runs, re-reports) grouped, with the MinHash signatures that found them",
        """
        CREATE TABLE stories (
            article_id   VARCHAR PRIMARY KEY,
            story_id     VARCHAR NOT NULL,        -- the id of the story's first article
            similar_to   VARCHAR,                 -- the stored article it is most like; NULL for the first
            similarity   DOUBLE NOT NULL,         -- estimated Jaccard similarity of word 5-grams
            signature    UBIGINT[],               -- MinHash values (datasketch)
            extractor    VARCHAR NOT NULL
        );
        CREATE INDEX stories_story ON stories (story_id);
        INSERT INTO stories SELECT article_id, article_id, NULL, 1.0, NULL, 'newsdesk.stories/1 (stored before stories)' FROM articles;
        """,
    ),
)

MIGRATIONS += (
    Migration(
        11,
        "alerts: facts that matched a watch rule, each stored once",
        """
        CREATE TABLE alerts (
            rule        VARCHAR NOT NULL,
            article_id  VARCHAR NOT NULL,
            kind        VARCHAR NOT NULL,        -- event | quote | claim | text
            item        INTEGER NOT NULL,        -- events.event, quotes.quote, quantities.quantity; -1 for text
            start_char  INTEGER NOT NULL,        -- the evidence in articles.text
            end_char    INTEGER NOT NULL,
            summary     VARCHAR NOT NULL,
            created_at  TIMESTAMP NOT NULL,
            run_id      INTEGER,                 -- the ingest run that brought the article, when checked after one
            PRIMARY KEY (rule, article_id, kind, item)
        );
        """,
    ),
)

MIGRATIONS += (
    Migration(
        12,
        "events: the name a pronoun in an event's role stands for ('He was charged' → 'John Smith')",
        """
        ALTER TABLE events ADD COLUMN IF NOT EXISTS source_antecedent_start INTEGER;
        ALTER TABLE events ADD COLUMN IF NOT EXISTS source_antecedent_end INTEGER;
        ALTER TABLE events ADD COLUMN IF NOT EXISTS target_antecedent_start INTEGER;
        ALTER TABLE events ADD COLUMN IF NOT EXISTS target_antecedent_end INTEGER;
        """,
    ),
)

MIGRATIONS += (
    Migration(
        13,
        "deliveries: each alert of a rule with webhooks, posted to each until one succeeds",
        """
        CREATE TABLE deliveries (
            rule          VARCHAR NOT NULL,      -- the alert (alerts' key)
            article_id    VARCHAR NOT NULL,
            kind          VARCHAR NOT NULL,
            item          INTEGER NOT NULL,
            target        VARCHAR NOT NULL,      -- the webhook address
            delivered_at  TIMESTAMP,             -- NULL until a post of it succeeds
            attempts      INTEGER NOT NULL DEFAULT 0,
            last_error    VARCHAR,               -- why the last post failed
            PRIMARY KEY (rule, article_id, kind, item, target)
        );
        """,
    ),
)

LATEST_VERSION = MIGRATIONS[-1].version
