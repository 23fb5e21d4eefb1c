"""Attribution in headlines: "Militants fleeing Syria, Iraq for Afghanistan-Moscow", "UN: aid must reach Gaza".

Headlines name their source in a tail after a dash or a head before a colon. The
title is not part of the parsed body, so these quotes point into ``articles.title``
(``field = "title"``) and are found by pattern, with a lower confidence.
"""

from __future__ import annotations

import re

from ..records import Quote, TextSpan
from .quotes import EXTRACTOR

_SOURCE = r"[A-Z][\w.'’&]*(?:\s+[A-Z][\w.'’&]*){0,3}"
_TAIL = re.compile(rf"^(?P<content>.+?\S)\s*(?P<mark>[-–—])\s*(?P<source>{_SOURCE})\s*$")
_HEAD = re.compile(rf"^(?P<source>{_SOURCE})\s*(?P<mark>:)\s+(?P<content>.+\S)\s*$")
MIN_CONTENT_WORDS = 3


def headline_quote(title: str | None, index: int) -> Quote | None:
    if not title:
        return None
    for pattern in (_TAIL, _HEAD):
        match = pattern.match(title)
        if not match or len(match.group("content").split()) < MIN_CONTENT_WORDS:
            continue
        source = TextSpan(match.start("source"), match.end("source"), match.group("source"))
        return Quote(
            index=index,
            kind="headline",
            content=TextSpan(match.start("content"), match.end("content"), match.group("content")),
            cue=TextSpan(match.start("mark"), match.end("mark"), match.group("mark")),
            cue_lemma=None,
            cue_kind="speech",
            speaker=source,
            speaker_name=source.text,
            speaker_label=None,
            chain=(),
            addressee=None,
            stance="asserts",
            sentence=-1,
            extractor=EXTRACTOR,
            confidence=0.6,
            field="title",
        )
    return None
