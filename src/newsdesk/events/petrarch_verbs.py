"""PETRARCH and TABARI verb dictionaries read as user verb patterns.

Desks that code with PETRARCH keep years of work in its verb dictionaries. A file in that
format (``--- NAME [code] ---`` blocks of synonymous verbs, ``- * OBJECT [code]`` patterns,
``&SYNSET`` lists) can be given wherever a YAML pattern file can (``NEWSDESK_VERBS``, the
evaluation's ``--verbs``). What our coder can use is carried over:

- every single-word verb of a block, with its own code or the block's;
- patterns whose words all follow the verb: ``* AID [070]`` and ``* {ARMS SHIPMENT} [072]``
  become object codes (keyed by the head noun, synsets expanded); ``* (TO BORDER) [154]``
  keys the preposition's object, ``* WITH % [031]`` becomes a particle code.

Patterns with words before the verb (``NOT *``, ``FAILED_TO_*``) are left out: negation and
context come from the parse. Multi-word verbs (``+WAGE_WAR``) are left out too. Codes outside
roots 03–20 have no PLOVER type and are dropped, as our own dictionary does.
"""

from __future__ import annotations

import re

_HEADER = re.compile(r"^-{3}\s+(\S+)\s+\[([^\]]*)\]\s*-{3}")
_CODE = re.compile(r"\[([^\]]*)\]\s*$")
_PREPOSITIONS = frozenset("to with against on in at for from over of by into about toward towards upon".split())
_MARKERS = frozenset("$ + % ^ *".split())


def looks_like_petrarch(text: str) -> bool:
    return bool(re.search(r"^-{3}\s+\S+\s+\[[^\]]*\]\s*-{3}", text, re.M))


def read_petrarch_verbs(text: str) -> dict[str, dict]:
    """The verbs of a PETRARCH dictionary as ``{lemma: {code, objects, particles}}``; codes as written."""
    synsets: dict[str, list[str]] = {}
    verbs: dict[str, dict] = {}
    block_code: str | None = None
    block_verbs: list[str] = []
    block_patterns: list[tuple[str, str]] = []
    current_synset: str | None = None

    def close_block() -> None:
        for lemma in block_verbs:
            entry = verbs.setdefault(lemma, {"code": block_code, "objects": {}, "particles": {}})
            for body, code in block_patterns:
                _add_pattern(entry, body, code, synsets)

    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<!--"):
            continue
        header = _HEADER.match(line)
        if header:
            close_block()
            block_code, block_verbs, block_patterns, current_synset = _code(header.group(2)), [], [], None
            continue
        if line.startswith("&"):
            current_synset = line.split()[0]
            synsets[current_synset] = []
            continue
        if line.startswith("+") and current_synset is not None:
            synsets[current_synset].append(line[1:].split("{")[0].strip().replace("_", " ").lower())
            continue
        if line.startswith("-"):
            code = _CODE.search(line)
            if code:
                block_patterns.append((line[1:code.start()].strip(), code.group(1)))
            continue
        word = line.split("{")[0].split("[")[0].strip()
        if word and not word.startswith("+") and "_" not in word and " " not in word:
            own = re.search(r"\[([^\]]*)\]", line)  # "ACCUSE [112]", "FLOG {FLOGS …} [180]"
            lemma = word.lower()
            block_verbs.append(lemma)
            if own:
                verbs.setdefault(lemma, {"code": _code(own.group(1)), "objects": {}, "particles": {}})
    close_block()
    return verbs


def _code(text: str) -> str | None:
    code = text.split(":")[0].strip()
    return code if code.isdigit() else None


def _add_pattern(entry: dict, body: str, raw_code: str, synsets: dict[str, list[str]]) -> None:
    code = _code(raw_code)
    if code is None or "*" not in body:
        return
    before, after = body.split("*", 1)
    if any(w for w in re.split(r"[\s_]+", before) if w and w not in _MARKERS):
        return  # context before the verb: the parse decides negation and auxiliaries
    words = [w for w in re.split(r"[\s_]+", after.replace("{", " { ").replace("}", " } ").replace("(", " ( ").replace(")", " ) ")) if w]
    words = [w for w in words if w not in _MARKERS]
    if not words:
        return
    if words[0] == "(":
        inner = words[1:words.index(")")] if ")" in words else words[1:]
        inner = [w for w in inner if w not in ("{", "}")]
        if inner and inner[0].lower() in _PREPOSITIONS:
            if len(inner) == 1:
                entry["particles"].setdefault(inner[0].lower(), code)
            else:
                _add_objects(entry, inner[-1], code, synsets)
        return
    if words[0].lower() in _PREPOSITIONS:
        if len(words) == 1:
            entry["particles"].setdefault(words[0].lower(), code)
        return  # "* TO LET ESCAPE": a construction the parse cannot key
    if words[0] == "{":
        group = words[1:words.index("}")] if "}" in words else words[1:]
        if group:
            _add_objects(entry, group[-1], code, synsets)
        return
    bare = words[:words.index("(")] if "(" in words else words
    _add_objects(entry, bare[-1], code, synsets)  # "DIPLOMATIC TIES": the head comes last


def _add_objects(entry: dict, word: str, code: str, synsets: dict[str, list[str]]) -> None:
    heads = [member.split()[-1] for member in synsets.get(word, []) if member] if word.startswith("&") else [word.lower()]
    for head in heads:
        for key in _forms(head):
            entry["objects"].setdefault(key, code)


def _forms(word: str) -> set[str]:
    """The word and its singular, since the coder looks objects up by lemma."""
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith(("ses", "xes", "ches", "shes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    return forms
