"""The event coder: from the dependency parse, who did what to whom, coded in PLOVER and CAMEO.

For each event word — a verb in ``verbs.yaml`` or an event noun ("military operations", "an
attack on", "talks with") — the coder finds:

- **source**: the subject; for a passive verb the "by" agent; a verb coordinated with an
  earlier one shares its subject ("criticized and threatened"); a verb governed by another
  ("agreed to attack") takes the governor's subject; a noun takes "conducted by X", its
  possessor or modifier ("US-led coalition operations"), or the subject of the light verb that
  carries it ("launched an offensive");
- **target**: the direct object; a coordinated verb without one shares its partner's; the
  recipient of "offer … to X"; a preposition such as "on", "against", "with" ("fired on");
  an actor inside a non-actor object ("declined the Russian invitation" → Russia); for a cause
  ("forced out due to military operations") the patient of the clause it explains;
- actors come from the actor layer, with the code of that mention ("Moscow" → RUSGOV); a bare
  agent noun becomes an agent without a country ("police" → ---COP); "these militants" is the
  last armed group named;
- **modality**: *negated* ("did not attack"), *intend* when governed by an intention ("offered
  to", "plans to"; material cooperation and aid then take their intent codes: 031, 033);
  "threatened to attack" is one THREATEN event with force (138);
- **reported speech**: an event inside a quote carries the quote and its speaker;
- **place** from the geo stage (the place of this event word), **date** from the sentence,
  resolved against the publication date.
An event needs a source actor or a target actor; one with neither is not coded.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from ..entities.sense import agent_of
from ..geo.events import event_place
from ..records import EntityMention, Event, EventActor, Place, Quote, TextSpan
from .dates import resolve_date
from .ontology import INTENT_FORMS, THREAT_FORMS, Patterns

EXTRACTOR = "newsdesk.events/1"
LIGHT_VERBS = frozenset("launch conduct carry stage mount hold begin start continue resume intensify step".split())
TARGET_PREPOSITIONS = frozenset("on against with at upon into toward towards".split())
CAUSE_MARKERS = frozenset("due because after following amid".split())
SUBJECTS = ("nsubj", "csubj")
SPEECH_ONLY = frozenset("warn agree".split())  # with only a clause, a speech act ("agreed that problems had gone on")
NEEDS_TARGET = ("09", "18", "19", "20")
ARMED = frozenset("MIL REB INS COP SPY".split())
EVENT_SUBJECTS = frozenset("bombing bomb explosion blast mine minefield shelling attack airstrike strike missile rocket shell fire".split())
# "is about to restore", "is ready to help": the adjective's subject acts ("sane enough to help" is no act).
READINESS = frozenset("about ready willing prepared poised set eager determined able unable likely unlikely keen".split())
SPEECH_VERBS = frozenset("say announce conclude declare state insist tell add stress".split())


@dataclass
class _Actors:
    """The article's actor mentions by token, for finding who stands in an argument."""

    doc: Doc
    mentions: tuple[EntityMention, ...]
    names: dict[str, str]

    def at(self, token: Token) -> EntityMention | None:
        best = None
        for m in self.mentions:
            if m.span.start <= token.idx < m.span.end and m.sense != "place":
                if best is None or (m.span.end - m.span.start) < (best.span.end - best.span.start):
                    best = m
        return best

    def within(self, tokens: list[Token]) -> EntityMention | None:
        for token in tokens:
            found = self.at(token)
            if found is not None:
                return found
        return None

    def last_armed_group(self, before: int) -> EntityMention | None:
        groups = [m for m in self.mentions if m.span.start < before and m.entity_id in self.names and self.names[m.entity_id][1] == "ARMED_GROUP"]
        return groups[-1] if groups else None


def code_events(doc: Doc, mentions: tuple[EntityMention, ...], entity_names: dict[str, tuple[str, str]], quotes: list[Quote],
                places: tuple[Place, ...], patterns: Patterns, published, sentence_starts: list[int]) -> list[Event]:
    actors = _Actors(doc, mentions, entity_names)
    events: list[Event] = []
    for token in doc:
        coded = _code_word(token, patterns)
        if coded is None:
            continue
        cameo, is_noun = coded
        if is_noun and token.dep_ == "dobj" and _code_word(token.head, patterns) is not None:
            continue  # "declined the invitation": one event, the verb's
        if any(c.dep_ == "xcomp" and _code_word(c, patterns) is not None for c in token.children):
            continue  # "threatened to attack", "offered to negotiate": one event, the act, with its modality
        if is_noun:
            sources, targets = _noun_arguments(token, actors)
        else:
            sources, targets = _verb_arguments(token, actors, patterns)
        for source, target in _pairs(sources, targets):
            event = _event(len(events), token, cameo, is_noun, source, target, doc, quotes, places, patterns, published, sentence_starts)
            if event is not None:
                events.append(event)
    coded = {e.predicate.start for e in events}
    for token, sources, targets in _obligations(doc, actors):
        if token.idx in coded:
            events = [e for e in events if e.predicate.start != token.idx]  # the demand, not the act demanded
        for source, target in _pairs(sources, targets):
            event = _event(len(events), token, "100", False, source, target, doc, quotes, places, patterns, published, sentence_starts, modality="done")
            if event is not None:
                events.append(event)
    return [replace(e, index=i) for i, e in enumerate(events)]


def _obligations(doc: Doc, actors: "_Actors") -> list[tuple[Token, list, list]]:
    """ "Russia said Sudan must return the helicopter": a demand of the speaker on the clause's subject."""
    found = []
    for token in doc:
        if token.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in token.children):
            continue
        if token.dep_ != "ccomp" or token.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        speaker = _subject(token.head)
        addressee = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        sources, targets = _all(speaker, actors), _all(addressee, actors)
        if sources:
            found.append((token, sources, targets))
    return found


def _directed(cameo: str, source, target) -> bool:
    """An investigation or an act of violence is coded only with the one it is directed at
    (police "investigating the death", a driver who "struck several trees" are no events),
    unless the violence is by an armed actor ("troops opened fire")."""
    if target is not None or cameo[:2] not in NEEDS_TARGET:
        return True
    if cameo[:2] in ("18", "19", "20") and source is not None:
        code = source.code or ""
        return code[3:6] in ARMED or (source.entity_id is not None and code[:3] in ("IMG",)) or code.endswith(tuple(ARMED))
    return False


def _pairs(sources: list, targets: list) -> list[tuple]:
    """One event per source and target: "the coalition and the Syrian Army" fought IS twice over."""
    if not sources and not targets:
        return []
    pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
    return [(s, None if (s and t and s.entity_id and s.entity_id == t.entity_id) else t) for s, t in pairs]


def _event(index, token, cameo, is_noun, source, target, doc, quotes, places, patterns, published, sentence_starts,
           modality: str | None = None) -> Event | None:
    if not _directed(cameo, source, target):
        return None
    modality = modality or _modality(token, patterns)
    if modality in ("threat", "intend") and not cameo.startswith(("13", "03")):
        forms = THREAT_FORMS if (modality == "threat" or cameo[:2] >= "14") else INTENT_FORMS
        cameo = next((forms[k] for k in (cameo[:4], cameo[:3], cameo[:2]) if k in forms), cameo)
        modality = "intend"
    coding = patterns.coding(cameo)
    if coding is None:
        return None
    sentence = token.sent
    quote = _enclosing_quote(quotes, token.idx)
    place = event_place(doc, token, list(places))
    date_text, when = _date(token, published)
    return (
        Event(
            index=index, plover=coding.plover, cameo=coding.cameo, mode=coding.mode, context=coding.context,
            source=source, target=target, predicate=TextSpan(token.idx, token.idx + len(token.text), token.text),
            evidence=TextSpan(sentence.start_char, sentence.end_char, sentence.text), sentence=_sentence_index(sentence_starts, token.idx),
            modality="done" if modality == "threat" else modality, place=place.index if place else None, date=when, date_text=date_text,
            quote=quote.index if quote else None, speaker_entity=quote.speaker_entity if quote else None,
            extractor=EXTRACTOR, confidence=round(_confidence(source, target, is_noun), 3),
        )
    )


def _code_word(token: Token, patterns: Patterns) -> tuple[str, bool] | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in patterns.verbs:
        entry = patterns.verbs[lemma]
        if not isinstance(entry, dict):
            return str(entry), False
        for child in token.children:
            if child.dep_ == "prt" and child.lower_ in (entry.get("particles") or {}):
                return str(entry["particles"][child.lower_]), False
            if child.dep_ == "prep" and child.lower_ in (entry.get("particles") or {}):
                return str(entry["particles"][child.lower_]), False
        for obj in _objects(token):
            code = (entry.get("objects") or {}).get(obj.lemma_.lower())
            if code == "none":
                return None  # "executed a search warrant"
            if code:
                return str(code), False
        return (str(entry["code"]), False) if entry.get("code") else None
    if token.pos_ == "NOUN" and lemma in patterns.nouns:
        if lemma == "operation" and not any(c.lemma_.lower() in ("military", "security", "combat", "counterterrorism", "counter-terrorism") for c in token.children):
            return None  # only military operations are an assault
        if lemma == "strike":
            kinds = {c.lemma_.lower() for c in token.children}
            if kinds & {"air", "drone", "missile"}:
                return "195", True
            if "hunger" in kinds:
                return str(patterns.nouns.get("hunger strike", "142")), True
        return str(patterns.nouns[lemma]), True
    return None


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return objs


def _subject(verb: Token) -> Token | None:
    current = verb
    for _ in range(4):
        subject = next((c for c in current.children if c.dep_ in SUBJECTS), None)
        if subject is not None:
            return subject
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            current = current.head  # "criticized and threatened", "agreed to attack"
            continue
        if current.dep_ == "acomp" and current.lower_ in READINESS and current.head.i != current.i:
            current = current.head  # "is about to restore", "is ready to help"
            continue
        if current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            current = current.head.head  # "has been engaged in fighting the Taliban"
            continue
        return None
    return None


def _verb_arguments(verb: Token, actors: _Actors, patterns: Patterns) -> tuple[list[EventActor], list[EventActor]]:
    passive = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if passive is not None:
        return _all(by, actors), _all(passive, actors)
    if verb.dep_ == "acl" and by is not None:
        return _all(by, actors), _all(verb.head, actors)  # "the Syrian Army backed by Russian forces"
    subject = _subject(verb)
    target_token = _target(verb)
    clause = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if target_token is None and clause is not None:
        if verb.lemma_.lower() in SPEECH_ONLY:
            return [], []  # "warned that …": a report, coded (if at all) from the clause
        target_token = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "demanded that Hamas renounce"
    sources = _all(subject, actors)
    if subject is not None and not sources and subject.pos_ in ("NOUN", "PROPN") and subject.lemma_.lower() not in patterns.nouns.keys() | EVENT_SUBJECTS:
        return [], []  # "a quake struck Indonesia": the doer is no actor; "a roadside bombing killed" stays
    return sources, _all(target_token, actors, inside=True)


def _all(token: Token | None, actors: _Actors, inside: bool = False) -> list[EventActor]:
    """The actor of an argument and of each argument coordinated with it ("X and Y")."""
    if token is None:
        return []
    found = [_actor(token, actors, inside)] + [_actor(c, actors, inside) for c in token.conjuncts if c.i > token.i]
    unique = []
    for actor in found:
        if actor is not None and all((actor.entity_id or actor.name) != (u.entity_id or u.name) for u in unique):
            unique.append(actor)
    return unique


def _target(verb: Token) -> Token | None:
    dobj = next((c for c in verb.children if c.dep_ in ("dobj", "dative")), None)
    if dobj is None:
        # "criticized and threatened Pakistan": the partner's object
        partners = [c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB"]
        if verb.dep_ == "conj":
            partners.append(verb.head)
        for partner in partners:
            dobj = next((c for c in partner.children if c.dep_ == "dobj"), None)
            if dobj is not None:
                break
    recipient = next((g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"), None)
    if recipient is not None and verb.lemma_.lower() in ("offer", "give", "send", "provide", "extend", "pledge", "promise"):
        return recipient  # "offered its cooperation to Washington"
    if dobj is not None:
        return dobj
    return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for g in c.children if g.dep_ == "pobj"), None)


def _noun_arguments(noun: Token, actors: _Actors) -> tuple[list[EventActor], list[EventActor]]:
    sources: list[EventActor] = []
    for child in noun.children:
        if child.dep_ == "acl":  # "operations conducted by US-led coalition and the Syrian Army"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            sources = sources or _all(by, actors)
    if not sources:
        # "Russia's offensive", "a Russian offensive"; not a topic ("Afghanistan peace talks")
        owners = [c for c in noun.children if c.dep_ in ("poss", "amod") and actors.at(c) is not None]
        sources = _all(owners[0], actors) if owners else []
    if not sources and noun.dep_ == "dobj" and noun.head.lemma_.lower() in LIGHT_VERBS:
        sources = _all(_subject(noun.head), actors)  # "the army launched an offensive"
    target_token = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPOSITIONS for g in c.children if g.dep_ == "pobj"), None)
    targets = _all(target_token, actors) if target_token is not None else _cause_patients(noun, actors)
    return sources, targets


def _cause_patients(noun: Token, actors: _Actors) -> list[EventActor]:
    """ "militants … were forced out … as a result of military operations": the operations hit the militants."""
    marker = noun.head
    while marker.dep_ in ("pcomp", "prep", "pobj") and marker.head.i != marker.i and not _cause(marker):
        marker = marker.head
    if not _cause(marker):
        return []
    clause = marker.head
    while clause.dep_ in ("prt", "advmod", "prep") and clause.head.i != clause.i:
        clause = clause.head
    patient = next((c for c in clause.children if c.dep_ == "nsubjpass"), None)
    return _all(patient, actors)


def _cause(marker: Token) -> bool:
    """ "due to", "because of", "after", "as a result of"."""
    return marker.lower_ in CAUSE_MARKERS or (marker.lower_ == "as" and any(c.lemma_.lower() == "result" for c in marker.children))


def _actor(token: Token | None, actors: _Actors, inside: bool = False) -> EventActor | None:
    if token is None:
        return None
    if token.pos_ == "PRON" and token.lower_ in ("it", "they", "he", "she", "we"):
        clause = token.head
        if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in SPEECH_VERBS | {"claim", "warn", "report"}:
            return _actor(_subject(clause.head), actors)  # "Hungary has said it will support …"
        return None
    mention = actors.at(token)
    if mention is None:
        # "a large number of these militants": the head noun may sit under "of"
        heads = [token] + [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
        for head in heads[1:]:
            mention = actors.at(head)
            if mention is not None:
                token = head
                break
        if mention is None:
            modifiers = [c for h in heads for c in h.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
            mention = actors.within(modifiers)  # "declined Russian invitation", "Russia's offer"
            if mention is None and inside:
                mention = actors.within(list(token.subtree)[:8])
        if mention is None:
            for head in heads:
                agent = agent_of(head)
                if agent == "REB" and any(c.lower_ in ("these", "those", "the") for c in head.children):
                    group = actors.last_armed_group(head.idx)
                    if group is not None:
                        return _from_mention(group, head, actors)  # "these militants": the last armed group named
                if agent:
                    return EventActor(None, head.text, f"---{agent}", TextSpan(head.idx, head.idx + len(head.text), head.text))
            return None
    return _from_mention(mention, token, actors)


def _from_mention(mention: EntityMention, token: Token, actors: _Actors) -> EventActor:
    name = actors.names.get(mention.entity_id, (mention.entity_id, ""))[0]
    return EventActor(mention.entity_id, name, mention.code, TextSpan(mention.span.start, mention.span.end, mention.span.text))


def _modality(verb: Token, patterns: Patterns) -> str:
    if any(c.dep_ == "neg" for c in verb.children):
        return "negated"
    head = verb.head
    if verb.dep_ in ("xcomp", "ccomp") and head.i != verb.i:
        if any(c.dep_ == "neg" for c in head.children):
            return "negated"
        if head.lemma_.lower() == "threaten":
            return "threat"
        if head.lemma_.lower() in patterns.intent:
            return "intend"  # "offered to help", "is willing to withdraw"
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "should", "could", "might", "may", "shall") for c in verb.children):
        return "intend"
    return "done"


def _enclosing_quote(quotes: list[Quote], offset: int) -> Quote | None:
    inside = [q for q in quotes if q.field == "text" and q.content.start <= offset < q.content.end]
    return min(inside, key=lambda q: q.content.end - q.content.start) if inside else None


def _date(token: Token, published) -> tuple[str | None, object]:
    sentence = token.sent
    dates = [e for e in sentence.ents if e.label_ == "DATE"]
    if not dates:
        return None, None
    nearest = min(dates, key=lambda e: abs(e.start - token.i))
    return nearest.text, resolve_date(nearest.text, published)


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)


def _confidence(source: EventActor | None, target: EventActor | None, is_noun: bool) -> float:
    score = 0.5 + (0.2 if source and source.entity_id else 0.05 if source else 0) + (0.15 if target and target.entity_id else 0.05 if target else 0)
    return score - (0.1 if is_noun else 0.0)
