"""The event coder: from the dependency parse, who did what to whom, coded in PLOVER and CAMEO.

For each event word — a verb in ``verbs.yaml`` or an event noun ("military operations", "an
attack on", "talks with") — the coder finds its source and target (``roles.py``) and:

- **modality**: *negated* ("did not attack", "refused to blame", "without consulting"; but
  refusing cooperation, "refused to deploy peacekeepers", cooperation or yielding refused for
  the future, "will not withdraw", and a negated acceptance, "will not accept refugees", are
  REJECT events),
  *hypothetical* ("if Iran attacks", "thought about releasing"); both are stored and left out
  of listings, exports and evaluations;
  *intend* when governed by an intention ("offered to", "plans to"; material cooperation and
  aid then take their intent codes: 031, 033); "threatened to attack" is one THREATEN event
  with force (138); an intention on condition ("will withdraw … unless") is a threat;
- **reported speech**: an event inside a quote carries the quote and its speaker;
- **place** from the geo stage (the place of this event word), **date** from the sentence,
  resolved against the publication date.

What an event needs: a source or a target (when no one is named, a material act befalls the
place its phrase names: "withdrew from Lebanon", "a curfew in the town of Cizre"). A verbal or cooperative act (CAMEO 01–13: agree,
consult, support, aid, yield, investigate, demand, accuse, reject, threaten) needs the one who
does it, and one of its parties must be of public life (an organisation, a coded actor, a
person with a title: "Ms. Underwood invited her to stay" is private); an actor with no code
acting toward no one named is no event ("The foundation agreed to hold the funds"); help is aid
only with a state or an organisation on one side; support (05, but for
signing an agreement), aid (07) and hosting (043) need the one supported, aided or hosted;
investigating and violence need the one they are directed at, unless the violence is by an
armed actor ("troops opened fire"). Nothing is coded where the words around say it is no
event (``context.py``): a sports report, a road accident, a question, "declined to comment", advice to the public,
harm to oneself. An attack made in words ("attacked Machado in tweets") is criticism (111). An
institution or people of no named country takes the country the article's places lie in.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Mapping
from dataclasses import replace

from spacy.tokens import Doc, Token

from ..entities.sense import agent_nouns, agent_of
from ..geo.events import event_place, within_event
from ..records import EntityMention, Event, EventActor, Place, Quote, TextSpan
from .confidence import event_confidence
from .context import (
    CONCURRING,
    REFUSALS,
    a_view,
    accident,
    attack_in_words,
    conceded_in_words,
    contest,
    denied,
    for_clause,
    habitual,
    hypothetical,
    no_act,
    non_answer,
    prevented,
    public_advice,
    question,
    refused,
    sports_report,
    to_infinitive,
)
from .dates import resolve_date
from .ontology import (
    INTENT_FORMS,
    REJECT_FORMS,
    THREAT_FORMS,
    Patterns,
    demand_form,
    form_of,
)
from .roles import (
    FIGHTING,
    HOSTILE_PURPOSES,
    LIGHT_VERBS,
    SPEECH_VERBS,
    Actors,
    all_actors,
    noun_arguments,
    own_forces,
    protest_addressee,
    public,
    purpose_addressee,
    purpose_target,
    state_of,
    stated_addressee,
    subject,
    verb_arguments,
)

EXTRACTOR = "newsdesk.events/7"
NEEDS_TARGET = ("05", "07", "043", "09", "18", "19", "20")
ARMED = frozenset("MIL REB INS COP SPY UAF".split())
AUTHORITIES = frozenset("GOV JUD LEG COP MIL SPY REB INS".split())
AUTHORITY_ACTS = ("172", "0831")  # administrative sanctions, resignations: acts of those who hold power
REFUSING = REFUSALS - {"fail"}  # "failed to stop the attack" refuses nothing
# What a refusal rejects: cooperation asked for ("refused to deploy peacekeepers"); refusing to
# blame or to attack is restraint, no event.
REFUSABLE = frozenset("03 04 05 06 07 08 15 16".split())
# A negated acceptance is a rejection: "will not accept refugees", "did not agree to talks",
# "failed to reach agreement".
SCHEDULED = frozenset("be schedule set due slate".split())  # "is to be sentenced", "is set to sign"
ACCEPTING = frozenset("accept agree allow permit recognize recognise approve endorse ratify sign reach".split())
# Material acts (yield, protest, mobilise, sanction, coerce, violence) befall the place they
# happen in when the text names no one: "protested in Serbia", "withdrew from Lebanon".
PLACE_TARGETS = frozenset("08 14 15 16 17 18 19 20".split())
# Agents of the place where they act: local police, an unidentified armed force, civilians.
LOCAL_AGENTS = frozenset("COP UAF CVL CRM".split())
# Acts between parties (to cooperate, to meet, an invitation, a visit, talks, a signing, cooperation):
# with no one named on the other side there is no event ("the council met", "the agency cooperated
# fully"); parties named together are each other's counterpart ("Washington and Manila signed a treaty").
BETWEEN_PARTIES = ("031", "036", "040", "041", "042", "043", "044", "046", "057", "06")
DEMANDED = ("xcomp", "ccomp", "acl")  # "urged Israel to release", "demanded that Israel release", "its demand that …"
YIELDING_ONESELF = frozenset({"0831", "0874"})  # "resigned in Tbilisi", "surrendered in Soroti": where, not to whom
# Help is aid (07) between states and organisations ("the US helped Egypt"); among local actors
# it is everyday help ("a lunchroom helps the school", "the money will help schools").
EVERYDAY_HELP = frozenset("help assist".split())
RECIPROCAL = frozenset({"exchange"})  # "India and Pakistan exchanged fire": each fired on the other
UNABLE = frozenset("unable powerless incapable".split())
REFLEXIVES = frozenset("himself herself themselves itself oneself myself yourself ourselves".split())


def code_events(doc: Doc, mentions: tuple[EntityMention, ...], entity_names: dict[str, tuple[str, str, str | None]], quotes: list[Quote],
                places: tuple[Place, ...], patterns: Patterns, published, sentence_starts: list[int],
                states: Mapping[str, str] | None = None) -> list[Event]:
    """``states`` maps a place's ISO alpha-2 country to its actor code (``Registry.states``):
    without it, no place stands in as a target."""
    states = states or {}
    actors = Actors(doc, mentions, entity_names, tuple(quotes), tuple(places), states)
    game = sports_report(doc)
    events: list[Event] = []
    for token in doc:
        coded = _code_word(token, patterns)
        if coded is None or question(token) or non_answer(token) or conceded_in_words(token) or public_advice(token) or contest(token):
            continue
        cameo, is_noun = coded
        if no_act(token):
            continue
        if is_noun and token.dep_ == "dobj" and _code_word(token.head, patterns) is not None:
            continue  # "declined the invitation": one event, the verb's
        if _demanded(token, patterns):
            continue  # "urged Israel to release the prisoners": the demand is the event, not a release
        if cameo[:2] in ("18", "19", "20") and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVES for c in token.children):
            continue  # "veterans killing themselves", "shot himself": harm to oneself is no event between parties
        if cameo[:2] in ("18", "19") and attack_in_words(token):
            cameo = "111"  # "attacked Machado in tweets": criticism, not force
        act = _governed_act(token, cameo, is_noun, patterns)
        if act is not None and cameo.startswith("10"):
            cameo = demand_form(act)  # "called on Ukraine to withdraw": 1056
        elif act is not None:
            continue  # "threatened to attack", "offered to negotiate": one event, the act, with its modality
        if is_noun:
            sources, targets = noun_arguments(token, actors, hostile=cameo[:2] >= "14")
        else:
            sources, targets = verb_arguments(token, actors, patterns.nouns.keys())
        if cameo.startswith("14") and not targets:
            targets = protest_addressee(token, actors)  # "… to demand reforms by President Suharto's government"
        if cameo[:2] < "14" and not targets and not is_noun:
            targets = purpose_addressee(token, actors) or stated_addressee(token, actors)  # "summoned Niger's ambassador to complain"
        if cameo[:2] >= "18" and not targets:
            targets = purpose_target(token, actors)  # "opened fire to disperse demonstrators"
        if cameo.startswith("09") and _investigates_an_occurrence(token):
            targets = []  # "investigate the death of Rufus Church": he is the victim, not the suspect
        if cameo.startswith("06") and is_noun and not targets and len(sources) < 2 and _military_exercise(token):
            cameo = "150"  # "Russia is conducting military exercises in Alaska": a show of force, not cooperation
        if (cameo.startswith("12") and not targets and token.lemma_.lower() in ("refuse", "decline")
                and any(c.dep_ == "xcomp" and _code_word(c, patterns) is None for c in token.children)):
            continue  # "He refuses to take responsibility": nothing anyone asked for is refused
        if (token.lemma_.lower() in CONCURRING and len(sources) < 2 and a_view(token)
                and not any(c.dep_ == "prep" and c.lower_ == "with" for c in token.children)):
            continue  # "county leaders agree the county will comply": an opinion shared, nothing agreed between parties
        if cameo.startswith("03") and not targets and len(sources) < 2 and not _undertakes(token):
            continue  # "the city offers beautiful scenery", "promised a veto": no undertaking toward anyone
        if cameo.startswith(BETWEEN_PARTIES) and not targets and len(sources) < 2:
            continue  # "Obama signed the Act": a law, no agreement; "the council met Tuesday": no one consulted
        # "Russia and Ukraine agreed to a ceasefire": each agreed with the other
        mutual = (cameo.startswith(BETWEEN_PARTIES) or token.lemma_.lower() in RECIPROCAL or cameo.startswith("03") and len(sources) > 1
                  or _each_other(token))  # "Armenia and Azerbaijan accused each other"
        pairs = _counterparts(sources) if mutual and not targets else _pairs(sources, targets)
        ordering = not is_noun and _an_order(token, patterns)
        for source, target in pairs:
            if ordering and (target is None or not target.code):
                continue  # "ordered him to attend classes": an order to no one known, or to no actor of public life
            if game and not _states(source, target):
                continue  # "Zamalek beat Enppi 1-0"
            if cameo[:2] < "14" and not (public(source, actors) or public(target, actors)):
                continue  # "Ms. Underwood invited her to stay": private life
            if cameo.startswith("03") and _in_trade(source) and not (target is not None and target.code and not _in_trade(target)):
                continue  # "The airline will offer round-trip flights", "Amazon offers Apple's MacBook": commerce
            if cameo.startswith("05") and not (public(source, actors) and source.code):
                continue  # "a restaurant owner praised his bankers": praise and support given in private life, or by no one coded
            if cameo.startswith("07") and token.lemma_.lower() in EVERYDAY_HELP and not _states(source) and not _states(target):
                continue  # "the county helped local businesses reopen"
            if cameo[:2] < "14":
                source, target = _domestic(source, target), _domestic(target, source)
            event = _event(len(events), token, cameo, source, target, doc, quotes, places, patterns, published, sentence_starts, states, actors)
            if event is not None:
                events.append(event)
    coded = {e.predicate.start for e in events}
    for token, sources, targets in _obligations(doc, actors):
        if token.idx in coded:
            events = [e for e in events if e.predicate.start != token.idx]  # the demand, not the act demanded
        act = _code_word(token, patterns)
        cameo = demand_form(act[0]) if act else "100"  # "said Sudan must return the helicopter": 1053
        for source, target in _pairs(sources, targets):
            event = _event(len(events), token, cameo, source, target, doc, quotes, places, patterns, published, sentence_starts, states,
                           actors, modality="done")
            if event is not None:
                events.append(event)
    return [replace(e, index=i) for i, e in enumerate(events)]


EXERCISES = frozenset("exercise drill maneuver manoeuvre".split())
MILITARY = frozenset("military naval army air live-fire nuclear missile war combat".split())


def _undertakes(verb: Token) -> bool:
    """ "agreed to reinstate a fired chief justice", "pledged to push for an amendment", "agreed that
    it would release them", "agreed to a six-month extension of the mandate", "agreed on a plan": a
    commitment to an act, news even when made to no one named. A phrase after the verb may name
    the counterpart the roles missed ("departs from Libya"): kept too."""
    return any(c.dep_ in ("xcomp", "ccomp", "prep") for c in verb.children)


def _in_trade(actor: EventActor | None) -> bool:
    """A business, or an organisation of no code whose name says no institution ("Amazon", "Blue
    Origin"; not "Boulder City Council"): offers and promises among them are trade."""
    if actor is None:
        return False
    if actor.code:
        return actor.code[3:6] == "BUS"
    return agent_nouns().get(actor.name.split()[-1].lower()) in (None, "BUS")


def _military_exercise(noun: Token) -> bool:
    return noun.lemma_.lower() in EXERCISES and any(c.dep_ in ("amod", "compound") and c.lower_ in MILITARY for c in noun.children)


OCCURRENCES = frozenset(
    "death deaths killing killings shooting shootings murder murders stabbing beating crash fire blaze explosion blast "
    "incident incidents accident disappearance collapse theft robbery burglary assault attack attacks case".split()
)


def _investigates_an_occurrence(word: Token) -> bool:
    """"investigated the death of …", "the death … is being investigated", "an investigation into the shooting"."""
    objects = [c for c in word.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in word.children if c.dep_ == "prep" and c.lower_ in ("into", "of") for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in OCCURRENCES for o in objects)


def _obligations(doc: Doc, actors: Actors) -> list[tuple[Token, list, list]]:
    """ "Russia said Sudan must return the helicopter": a demand of the speaker on the clause's subject."""
    found = []
    for token in doc:
        if token.pos_ != "VERB" or not any(c.dep_ == "aux" and c.lower_ in ("must", "should") for c in token.children):
            continue
        if token.dep_ != "ccomp" or token.head.lemma_.lower() not in SPEECH_VERBS:
            continue
        speaker = subject(token.head)
        addressee = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if addressee is None or addressee.lower_ in ("we", "i", "it", "you") or any(c.dep_ == "neg" for c in token.children):
            continue  # "we must help each other", "it shouldn't take …": no one else is asked anything
        if addressee.pos_ == "NOUN" and agent_of(addressee) is None:
            continue  # "Pence's performance should boost Trump's poll numbers": a forecast, no one is asked
        if any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children):
            continue  # "said Israel should have attacked years ago": a reproach about the past, no demand
        sources, targets = all_actors(speaker, actors), all_actors(addressee, actors)
        targets = [t for t in targets if all((t.entity_id or t.name) != (s.entity_id or s.name) for s in sources)]
        if sources and targets:  # "opportunities like this must be seized" demands nothing of anyone
            found.append((token, sources, targets))
    return found


def _states(*actors: EventActor | None) -> bool:
    """Both named, and each a state or an international organisation: in a sports report only
    those are news ("FIFA suspended Russia")."""
    return all(a is not None and state_of(a.code) is not None for a in actors)


def _complete(cameo: str, source: EventActor | None, target: EventActor | None) -> bool:
    """Whether the event has the roles its kind needs (see the module's docstring)."""
    if cameo[:2] < "14" and source is None:
        return False  # "was allowed to", "future talks with Syria": no one is said to act
    if target is None and source is not None and not source.code:
        return False  # "The foundation agreed to hold the funds": an uncoded actor acting toward no one
    if cameo.startswith(AUTHORITY_ACTS) and source is not None and not _an_authority(source):
        # "businesses put up signs banning skating", "workers shutting the mine down": no administrative
        # sanction; "a teacher resigned": no change of leadership
        return False
    if target is not None or not cameo.startswith(NEEDS_TARGET) or cameo == "057":  # "X and Y signed an agreement" (code_events)
        return True
    return cameo[:2] in ("18", "19", "20") and _armed(source)


def _an_authority(actor: EventActor) -> bool:
    """A state, an international organisation, or a government, court, legislature, force or armed
    group: the ones who can ban, close down or sanction, and whose resignation changes who governs."""
    code = actor.code or ""
    return code == state_of(code) or code.startswith("IGO") or code[3:6] in AUTHORITIES or code.endswith(tuple(AUTHORITIES))


def _armed(actor: EventActor | None) -> bool:
    """Troops, police, rebels, an armed group: violence by them is news without a named victim."""
    if actor is None:
        return False
    code = actor.code or ""
    return code[3:6] in ARMED or (actor.entity_id is not None and code[:3] == "IMG") or code.endswith(tuple(ARMED))


def _counterparts(parties: list) -> list[tuple]:
    """Parties named together as the subject of an act between parties are each other's
    counterpart: "Clinton and Lavrov agreed to negotiate" is the US with Russia and Russia with the US."""
    pairs = [(s, t) for s in parties for t in parties if s is not t and (s.entity_id or s.name) != (t.entity_id or t.name)]
    return pairs or [(s, None) for s in parties]


def _pairs(sources: list, targets: list) -> list[tuple]:
    """One event per source and target: "the coalition and the Syrian Army" fought IS twice over."""
    if not sources and not targets:
        return []
    pairs = [(s, t) for s in (sources or [None]) for t in (targets or [None])]
    return [(s, None if (s and t and (_same_party(s, t) or _own_state(s, t))) else t) for s, t in pairs]


def _domestic(party: EventActor | None, other: EventActor | None) -> EventActor | None:
    """Rebels or an opposition of no named country dealing peaceably with a government are that
    government's own: "the Mozambique government accepted demands from Shona rebels" → MOZREB."""
    if party is None or other is None or not (party.code or "").startswith("---") or party.code[3:6] not in ("REB", "OPP"):
        return party
    state = state_of(other.code)
    if state is None or not (len(other.code) == 3 or other.code[3:6] == "GOV"):
        return party
    return replace(party, code=state + party.code[3:])


def _each_other(verb: Token) -> bool:
    """ "accused each other", "fired at one another": what each of the subjects did to the rest."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    objects += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lower_ in ("other", "another") and any(d.lower_ in ("each", "one") for d in o.children) for o in objects)


def _same_party(source: EventActor, target: EventActor) -> bool:
    """One actor on both sides is no event between parties; a state's landowners and its army
    are two ("Algerian landowners began a hunger strike … seized by Algerian government forces")."""
    if not source.entity_id or source.entity_id != target.entity_id:
        return False
    return source.code == target.code or len(source.code or "") <= 3 or len(target.code or "") <= 3


def _own_state(source: EventActor, target: EventActor) -> bool:
    """ "Serbian President Kostunica promised to democratize Serbia": an institution acting on its
    own state names no one it acts toward."""
    code = source.code or ""
    return len(code) > 3 and target.code == code[:3] and state_of(code) is not None


def _event(index, token, cameo, source, target, doc, quotes, places, patterns, published, sentence_starts, states,
           actors: Actors, modality: str | None = None) -> Event | None:
    modality, original = modality or _modality(token, patterns, cameo), cameo
    if modality == "intend" and _on_condition(token) and not cameo.startswith("13"):
        modality = "threat"  # "will withdraw its force from Chad unless …"
    if modality in ("threat", "intend") and not cameo.startswith(("13", "03")):
        forms = THREAT_FORMS if (modality == "threat" or cameo[:2] >= "14") else INTENT_FORMS
        cameo = form_of(forms, cameo, "130" if modality == "threat" else cameo)
        modality = "intend"
    elif modality == "negated" and ((_refusal(token) or _will_not(token)) and cameo[:2] in REFUSABLE
                                    or cameo[:2] < "12" and token.lemma_.lower() in ACCEPTING and not _lets_no_act(token, patterns)):
        cameo = form_of(REJECT_FORMS, cameo, "120")
        modality = "done"  # "refused to release the prisoners", "will not accept refugees": a rejection, done
    place = event_place(doc, token, list(places))
    if place is not None:
        carrier = token.head if token.pos_ == "NOUN" and token.dep_ == "dobj" and token.head.lemma_.lower() in LIGHT_VERBS else None
        source, target = _placed(source, target, place, states, original, lambda: within_event(doc, token, place, carrier))
    source, target = actors.at_home(source), actors.at_home(target)
    if not (_complete(original, source, target) and _complete(cameo, source, target)):
        return None
    sentence = token.sent
    if cameo[:2] in ("18", "19", "20") and accident(sentence) and not _armed(source):
        return None  # "a neighbour accidentally hit her while backing out"
    coding = patterns.coding(cameo)
    if coding is None:
        return None
    quote = _enclosing_quote(quotes, token.idx)
    date_text, when = _date(token, published)
    event = Event(
        index=index, plover=coding.plover, cameo=coding.cameo, mode=coding.mode, context=coding.context,
        source=source, target=target, predicate=TextSpan(token.idx, token.idx + len(token.text), token.text),
        evidence=TextSpan(sentence.start_char, sentence.end_char, sentence.text), sentence=_sentence_index(sentence_starts, token.idx),
        modality="done" if modality == "threat" else modality, place=place.index if place else None, date=when, date_text=date_text,
        quote=quote.index if quote else None, speaker_entity=quote.speaker_entity if quote else None,
        extractor=EXTRACTOR, confidence=0.0,
    )
    return replace(event, confidence=event_confidence(event, token))


def _lets_no_act(verb: Token, patterns: Patterns) -> bool:
    """ "cannot allow Clinton to win the presidency": what is not let be is no act anyone asked to
    do, so not letting it is no rejection ("will not allow inspectors to visit" is one)."""
    clause = next((c for c in verb.children if c.dep_ in ("xcomp", "ccomp")), None)
    return clause is not None and clause.pos_ in ("VERB", "AUX") and _code_word(clause, patterns) is None


def _governed_act(token: Token, cameo: str, is_noun: bool, patterns: Patterns) -> str | None:
    """The code of an act the event word governs: the act demanded ("urged Israel to release",
    "reiterated its demand that Israel ease …"), or the act an intention or threat is about."""
    demand = cameo.startswith("10")
    governed = list(token.children)
    if demand and is_noun and token.dep_ == "dobj":
        governed += [c for c in token.head.children if c.dep_ == "ccomp"]
    for child in governed:
        kinds = DEMANDED if demand else ("xcomp",)
        if (child.dep_ in kinds or (demand and for_clause(child) is not None)) and (coded := _code_word(child, patterns)) is not None:
            return coded[0]
    return None


def _an_order(verb: Token, patterns: Patterns) -> bool:
    entry = patterns.verbs.get(verb.lemma_.lower())
    return isinstance(entry, dict) and bool(entry.get("acts")) and _verb_code(verb, entry) == str(entry["acts"])


def _demand(word: Token, patterns: Patterns) -> bool:
    """A demand, appeal or call ("urged", "called on", "its demand that"), not a question."""
    coded = _code_word(word, patterns)
    return coded is not None and coded[0].startswith("10") and not question(word)


def _demanded(act: Token, patterns: Patterns) -> bool:
    """An act someone demands: "urged Israel to release", "demanded that Israel release",
    "reiterated its demand that Israel ease restrictions"."""
    governor = act.head
    if governor.i == act.i or (act.dep_ not in DEMANDED and for_clause(act) is None):
        return False
    if _demand(governor, patterns):
        return True
    return act.dep_ == "ccomp" and any(c.dep_ == "dobj" and c.pos_ == "NOUN" and _demand(c, patterns) for c in governor.children)


def _refusal(verb: Token) -> bool:
    """ "refused to deploy peacekeepers", "declined to release him"; not "failed to stop"."""
    return refused(verb) and verb.head.lemma_.lower() in REFUSING


def _will_not(verb: Token) -> bool:
    """ "said he would not provide support to Israel", "will not withdraw": an act refused for the
    future is a rejection; one not done in the past ("did not withdraw") is only not done."""
    children = list(verb.children)
    return any(c.dep_ == "neg" for c in children) and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "wo", "shall") for c in children)


def _on_condition(verb: Token) -> bool:
    """ "will withdraw … unless the president arranges a ceasefire": an intention held over
    someone is a threat."""
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    conditions = [c for governor in (verb, clause) for c in governor.children if c.dep_ == "advcl"]
    return any(m.dep_ == "mark" and m.lower_ == "unless" for condition in conditions for m in condition.children)


def _placed(source: EventActor | None, target: EventActor | None, place: Place, states: Mapping[str, str], cameo: str,
            in_its_phrase: Callable[[], bool]) -> tuple[EventActor | None, EventActor | None]:
    """The roles, with what the event's place says of them: police, civilians and an unnamed
    armed force are of the place they act in ("police arrested … in Springfield" → USACOP); a
    material act with no one named befalls the place its own phrase names."""
    if source is not None and (source.code or "").startswith("---") and source.code[3:] in LOCAL_AGENTS:
        state = states.get(place.country or "")
        source = replace(source, code=state + source.code[3:]) if state else source
    withdrawing_at_home = cameo[:3] == "087" and source is not None and state_of(source.code) == states.get(place.country or "")
    if target is None and cameo[:2] in PLACE_TARGETS and cameo not in YIELDING_ONESELF and not withdrawing_at_home and in_its_phrase():
        target = _people_of(place, states, source, protest=cameo[:2] == "14")  # "withdrew from Lebanon"; not from a town of one's own
    return source, target


def _people_of(place: Place, states: Mapping[str, str], source: EventActor | None, protest: bool) -> EventActor | None:
    """The country, or the people of a town, an act with no named target befell: "imposed a
    curfew in the town of Cizre" → TURCVL, "withdrew from Lebanon" → LBN; a protest is aimed
    at the state: "demonstrated in Kirkuk" → IRQ."""
    state = states.get(place.country or "")
    if state is None:
        return None
    code = state + "CVL" if place.feature_class == "P" and not protest else state  # a protest is aimed at the state
    if source is not None and source.code == code:
        return None  # "Serbia deployed troops in Serbia" names no one it was done to
    return EventActor(None, place.name or place.span.text, code, place.span)


def _code_word(token: Token, patterns: Patterns) -> tuple[str, bool] | None:
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB" and lemma in patterns.verbs:
        code = _verb_code(token, patterns.verbs[lemma])
        return (code, False) if code and code != "none" else None  # "none": "executed a search warrant", "warned about scams"
    if token.pos_ == "NOUN" and lemma == "fire" and token.dep_ == "dobj" and token.head.lemma_.lower() == "open":
        return "190", True  # "opened fire on"; a house fire is no event word
    if token.pos_ == "NOUN":
        phrase = next((f"{c.lemma_.lower()} {lemma}" for c in token.children if c.dep_ == "compound"
                       and f"{c.lemma_.lower()} {lemma}" in patterns.nouns), None)
        if phrase is not None:
            return str(patterns.nouns[phrase]), True  # "war games", "hunger strike": the phrase's own code
    if token.pos_ == "NOUN" and lemma in patterns.nouns:
        if lemma == "operation" and not any(c.lemma_.lower() in ("military", "security", "combat", "counterterrorism", "counter-terrorism") for c in token.children):
            return None  # only military operations are an assault
        if lemma == "protest" and token.dep_ == "pobj" and token.head.lower_ == "in":
            return None  # "a hunger strike in protest of …": the manner of another act, not one of its own
        if lemma == "patrol" and token.dep_ not in ("dobj", "nsubj", "nsubjpass"):
            return None  # patrols ordered or stepped up are a show of force; "rode on patrol" is none
        if lemma == "strike":
            kinds = {c.lemma_.lower() for c in token.children}
            if kinds & {"air", "drone", "missile"}:
                return "195", True
            if "hunger" in kinds:
                return str(patterns.nouns.get("hunger strike", "142")), True
        return str(patterns.nouns[lemma]), True
    return None


def _verb_code(verb: Token, entry) -> str | None:
    """A verb's code: by the act it governs ("ordered them to leave"), its particle ("hand over"),
    its object ("expel diplomats"), else its own.
    An object entry ``"*"`` is the code for any other direct object ("demonstrated a belief")."""
    if not isinstance(entry, dict):
        return str(entry)
    particles = entry.get("particles") or {}
    objects = entry.get("objects") or {}
    if "none" in objects.values() and any(objects.get(o.lemma_.lower()) == "none" for o in _objects(verb) + _topics(verb)):
        return "none"  # "pulled out a knife", "warned that heavy rains would continue": no event, whatever the particle
    if entry.get("acts") and any(c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") and c.tag_ != "VBN" for c in verb.children):
        # "ordered the government to release": a demand; "ordered troops to withdraw" is the withdrawal,
        # by the one who commands them; "ordered an inquiry" is the inquiry
        return None if any(c.dep_ == "dobj" and own_forces(c) for c in verb.children) else str(entry["acts"])
    for child in verb.children:
        if child.dep_ in ("prt", "prep") and child.lower_ in particles:
            return str(particles[child.lower_])
        if (mark := for_clause(child)) is not None and mark.lower_ in particles:
            return str(particles[mark.lower_])  # "called for Israel to withdraw": the particle marks the clause
    for obj in _objects(verb):
        for word in [obj] + [c for c in obj.children if c.dep_ == "compound"]:  # "ended mediation efforts", "aid deliveries"
            if word.lemma_.lower() in objects:
                return str(objects[word.lemma_.lower()])
    if "*" in objects and any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children):
        return str(objects["*"])
    return str(entry["code"]) if entry.get("code") else None


def _topics(verb: Token) -> list[Token]:
    """What a verb's object is of or about, and the subject of its that-clause: "warning residents
    of the fire", "warned that heavy rains would continue"."""
    topics = [c for clause in verb.children if clause.dep_ == "ccomp" for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    return topics + [g for o in verb.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.lower_ in ("of", "about")
                     for g in p.children if g.dep_ == "pobj"]


# Nouns that measure what they govern: "25,000 tons of food aid" is aid, "a shipment of arms" arms.
MEASURES = frozenset("ton tonne kilogram kg pound amount quantity shipment consignment batch load cargo convoy package supply".split())


def _objects(verb: Token) -> list[Token]:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "nsubjpass")]  # "shots were fired"
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN"):
        objs.append(verb.head)  # "the money released by the department": a reduced passive's noun is its object
    if verb.dep_ == "relcl" and any(o.lower_ in ("that", "which") for o in objs):
        objs.append(verb.head)  # "a deal that he struck with Musharraf": the deal is what was struck
    objs += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return objs + [g for o in objs if o.lemma_.lower() in MEASURES for c in o.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]


def _modality(verb: Token, patterns: Patterns, cameo: str) -> str:
    if any(c.dep_ == "neg" for c in verb.children) or refused(verb) or prevented(verb):
        return "negated"
    if any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children) for c in verb.children):
        return "negated"  # "No residents were injured", "fired no shots"
    if any(c.dep_ == "prep" and any(g.dep_ == "pobj" and g.lower_ == "none" for g in c.children) for c in verb.children):
        return "negated"  # "blamed for three but charged in none"
    head = verb.head
    if verb.dep_ == "pcomp" and head.lower_ == "without":
        return "negated"  # "without consulting Israel"
    if _negated_attitude(verb):
        return "negated"  # "is not willing to negotiate", "was not enthralled with offering", "will be unable to accuse"
    if _instead(verb):
        return "negated"  # "should change the laws rather than criticize him"
    if hypothetical(verb):
        return "hypothetical"
    if denied(verb):
        return "denied"
    if verb.dep_ in ("acl", "advcl") and verb.head.pos_ == "NOUN" and to_infinitive(verb):
        # "the deal to acquire and demolish", "an offer to mediate", "a threat to strike", "21
        # recommendations for the government to help school boards"
        purpose = verb.head.lemma_.lower()
        return "threat" if purpose == "threat" else "intend" if purpose in patterns.intent | {"decision", "commitment"} else "hypothetical"
    if cameo[:2] in ("17", "18", "19", "20") and _purpose(verb):
        return "hypothetical"  # "missiles would be installed … to destroy those American bases": an aim, not an act
    if habitual(verb, material=cameo[:2] >= "14"):
        return "habitual"
    if verb.dep_ in ("xcomp", "ccomp") and head.i != verb.i:
        if any(c.dep_ == "neg" for c in head.children):
            return "negated"
        if head.lemma_.lower() == "threaten":
            return "threat"
        if head.lemma_.lower() in patterns.intent:
            return "intend"  # "offered to help", "is willing to withdraw"
        if head.lemma_.lower() in SCHEDULED and to_infinitive(verb):
            return "intend"  # "is to be sentenced July 13", "is scheduled to meet": yet to happen
    if any(c.dep_ == "aux" and c.lower_ in ("will", "would", "should", "shall") for c in verb.children):
        return "intend"
    if verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ == "VERB":
        return _modality(verb.head, patterns, cameo)  # "will arrest and detain"
    return "done"


def _instead(verb: Token) -> bool:
    """An act named as the one not taken: "rather than criticize him", "instead of attacking"."""
    if verb.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ == "than" and verb.head.i < c.i < verb.i for c in verb.head.children):
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lower_ == "instead"


def _negated_attitude(verb: Token) -> bool:
    """An act governed by an adjective of attitude that is denied or of inability: "is not willing
    to negotiate", "was not keen on offering", "was not enthralled with offering", "will be unable
    to turn the crowds … and accuse the audience"."""
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    governor = verb.head
    if verb.dep_ == "pcomp" and governor.dep_ == "prep":
        governor = governor.head
    elif verb.dep_ != "xcomp":
        return False
    if not (governor.pos_ == "ADJ" or governor.tag_ == "VBN"):
        return False  # an adjective, or a participle used as one ("was not enthralled with")
    if verb.dep_ == "xcomp" and governor.lower_ in UNABLE:
        return True
    return any(c.dep_ == "neg" for c in governor.children) or (
        governor.dep_ == "acomp" and any(c.dep_ == "neg" for c in governor.head.children))


def _purpose(verb: Token) -> bool:
    """An infinitive that says what its clause's act is for ("deployed troops to attack"; "in order
    to", which the parse hangs on "order", is read with the other purpose nouns). Asked of coercion
    and force only: an act of cooperation done to an end is done with it ("sent personnel to
    investigate", "opened the bridge to allow deliveries"), and force used to an end is the act
    itself ("fired tear gas to disperse the crowd")."""
    if verb.dep_ != "advcl" or not to_infinitive(verb) or any(c.dep_ in ("nsubj", "nsubjpass", "mark") for c in verb.children):
        return False
    return not (verb.lemma_.lower() in HOSTILE_PURPOSES and verb.head.lemma_.lower() in FIGHTING)


def _enclosing_quote(quotes: list[Quote], offset: int) -> Quote | None:
    inside = [q for q in quotes if q.field == "text" and q.content.start <= offset < q.content.end]
    return min(inside, key=lambda q: q.content.end - q.content.start) if inside else None


def _date(token: Token, published) -> tuple[str | None, object]:
    sentence = token.sent
    dates = [e for e in sentence.ents if e.label_ == "DATE" and not (e.text.isdigit() and len(e.text) < 4)]  # "John Smith, 34,": an age
    if not dates:
        return None, None
    nearest = min(dates, key=lambda e: abs(e.start - token.i))
    return nearest.text, resolve_date(nearest.text, published)


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect_right(starts, offset) - 1)
