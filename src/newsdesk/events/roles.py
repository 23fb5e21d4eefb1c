"""Who stands in an event's roles: the source and target of an event word, from the parse.

- **source**: the subject nearest the verb (not a dateline the parse took for a second one); for
  a passive verb (also a bare participle with a subject, "Mum jailed", and a passive verb sharing
  its partner's subject, "disappeared but was arrested") the "by" agent or the author of the event that
  caused it ("killed in a US drone strike"); a verb coordinated with an earlier one shares its
  subject ("criticized and threatened"); a verb governed by another ("agreed to attack",
  "issued a declaration demanding") takes the governor's subject; a noun takes "conducted by
  X", its possessor or modifier ("US-led coalition operations"), or the subject of the light
  verb that carries it ("launched an offensive"). The possessor of an act suffered ("Henry's
  arrest") is its target, not its source. The one charged did the act charged
  (``charges.py``); a name in apposition is the actor ("Musharraf's successor, Zardari").
- **target**: the direct object; a coordinated verb without one shares its partner's; the
  recipient of "offer … to X"; for a withdrawal, the place withdrawn from ("withdrew its
  troops from Lebanon"), not the troops; a preposition such as "on", "against", "with" ("fired on"), but
  never a time ("demanded on Tuesday"); an actor named in the object ("declined the Russian
  invitation", "established ties with Tehran", "aid to Mozambique"); the object of the act a
  verb governs ("offered to hand over … to Great Britain"); the one a threat or demand is
  conditional on ("… unless Baghdad accepted"); a country named as an object ("will visit
  Mauritania"); for a cause ("forced out due to military operations") the patient of the clause
  it explains; the "of" of a hostile act ("the invasion of Kuwait"); the subject of a noun's
  that-clause ("its demand that Israel ease …"); the one whose help is asked for ("asking for
  the public's help"); the holder of positions or land attacked ("the militant positions").
- **actors** come from the actor layer, with the code of that mention ("Moscow" → RUSGOV); a
  bare agent noun becomes an agent, with the country of a modifier or of "in/from X" when one
  is named ("Rebels in the Ivory Coast" → CIVREB, "Alexandria detectives" → USACOP), or of the
  state "its" points to ("Russia denied that its forces …"); "these militants" is the last armed
  group named; nationals counted or described are people ("Palestinian detainees" → PSECVL), or
  the institution a modifier names ("Ugandan opposition candidates" → UGAOPP); nationalities
  coordinated before one noun each stand with it ("American and British troops" → USAMIL, GBRMIL);
  a noun is what it is called before whose it is ("bin Laden's al-Qaeda network" → al-Qaeda); a
  camp attacked is its people ("a camp for Congolese refugees" → CODREF);
  a pronoun stands for the person named before it ("He was charged": ``antecedents.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import cached_property

from spacy.tokens import Doc, Span, Token

from ..entities.sense import DASHES, INSTITUTIONS, QUANTITY_WORDS, agent_of, dateline, role_sector
from ..geo.resolve import namesake
from ..nlp.syntax import cut_off_subject
from ..records import EntityMention, EventActor, Place, Quote, TextSpan
from .antecedents import RESOLVABLE, Antecedents
from .charges import ACCUSING, accused_of, the_accused
from .groups import PLURAL_PRONOUNS, group_referent
from .context import CONDITIONS, OBJECT_CONTROL, for_clause, to_infinitive

# "stag": the model's lemma of "staged"
LIGHT_VERBS = frozenset("launch conduct carry stage stag mount hold begin start continue resume intensify step issue open announce declare order extend renew prolong".split())
TARGET_PREPOSITIONS = frozenset("on against with at upon into toward towards".split())
DIRECTIONS = frozenset("at into against".split())  # where a shot or a march is aimed: a country named there is the target
OBJECT_PREPOSITIONS = frozenset("with to against on toward towards from over".split())  # "ties with", "aid to", "demands from"
# "withdrew its troops from Lebanon": what is withdrawn is one's own; the target is where from.
WITHDRAWING = frozenset("withdraw evacuate pull remove recall".split())
# "said on television", "support for him on local radio": where something was said, not to whom
CHANNELS = frozenset("television tv radio air camera video website internet twitter facebook instagram youtube".split())
SETTINGS = frozenset("at in on to near inside outside into within during before after".split())  # where and when, and the term
VISITING = frozenset("visit tour".split())  # a city visited stands for its state, the host
DEPRIVING = frozenset("seize confiscate recapture retake capture take steal wrest recover".split())  # what is taken "from" someone
IMPOSING = frozenset("impose levy slap inflict".split())  # "imposed the sentence Friday on Pimstein": who bears it
# Verbs whose "to" names the one spoken to, who is the target: "complained to regional authorities".
ADDRESSING = frozenset("appeal plead complain apologize apologise protest".split())
RECIPIENT_VERBS = frozenset("offer give send provide extend pledge promise grant hand deliver sell supply donate transfer return refuse deny".split())
REFUGE = frozenset("refuge asylum shelter sanctuary".split())
ASKING = frozenset("ask appeal plead beg seek request".split())
CAUSE_MARKERS = frozenset("due because after following amid".split())
SUBJECTS = ("nsubj", "csubj")
SPEECH_ONLY = frozenset("warn agree".split())  # with only a clause, a speech act ("agreed that problems had gone on")
SPEECH_VERBS = frozenset("say announce conclude declare state insist tell add stress".split())
EVENT_SUBJECTS = frozenset("bombing bomb explosion blast mine minefield shelling attack airstrike strike missile rocket shell gunfire "
                           "grenade bullet shrapnel mortar artillery".split())
# "is about to restore", "is ready to help": the adjective's subject acts ("sane enough to help" is no act).
READINESS = frozenset("about ready willing prepared poised set eager determined able unable likely unlikely keen".split())
# Nouns of an act suffered: the possessor is the one it befell ("Henry's arrest", "Allawi's assassination").
SUFFERED = frozenset("arrest detention release capture killing murder execution abduction kidnapping deportation expulsion "
                     "assassination trial conviction torture imprisonment extradition ouster removal".split())
# Nouns of an act its possessor does or proposes: rejecting "his offer" rejects him, blocking
# "her bid" blocks her (unlike an act suffered: "demanded his release" is not a demand of him).
AUTHORED = frozenset("offer proposal plan bid attempt effort request demand call appeal initiative candidacy nomination "
                     "resignation decision move overture".split())
# Offices a person holds in a state: a title alone ("Prime Minister Mahendra Chaudhry") does not say which.
STATE_OFFICES = frozenset("GOV MIL LEG JUD COP".split())
# Ends force is used to that name whom it is used against.
HOSTILE_PURPOSES = frozenset("disperse scatter repel quell suppress stop halt kill punish deter intimidate break".split())
# Fighting that a clause beside a death or wound tells of: its subject did it.
FIGHTING = frozenset("fight battle clash attack shoot fire open bomb shell raid storm ambush".split())
# Verbs that find or leave someone in the state a participle names: "was found shot", "left him beaten".
FINDING = frozenset("find leave discover report".split())
TIME_WORDS = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight morning "
                       "afternoon evening night week weekend month year day hour minute time moment".split())
PERSONAL = ("it", "they", "he", "she", "we")
# Plural nouns a nationality may modify that are not its people: "Israeli positions".
NOT_PEOPLE = frozenset("position target interest base facility installation outpost territory vessel ship aircraft plane jet "
                       "asset embassy consulate mission official leader authority force troop".split())
OWN = frozenset("its their his her".split())
# "Georgian-controlled villages", "rebel-held territory", "militant positions": the places are the holder's.
HOLDING = frozenset("control hold occupy run".split())
HELD = frozenset("position base outpost post checkpoint barracks garrison hideout stronghold enclave camp territory area village town region "
                 "district".split())
BELONGING = frozenset("affiliate base headquarter".split())
CARRIERS = frozenset("effort efforts bid process campaign mission initiative round drive".split())
# Verbs that give the act they blame or praise someone for: the one blamed or praised did it.
REPROACHING = ACCUSING | frozenset("criticize criticise condemn denounce fault slam blast attack rebuke reprimand scold punish fine sue "
                                   "praise thank commend applaud reward".split())
# Institutions and people that belong to the country an article is about unless it names another.
HOME_AGENTS = frozenset("COP CVL CRM GOV LEG JUD BUS EDU HLH MED LAB REL ELI OPP".split())
PRIVATE_ROLES = frozenset("witness voter supporter critic owner member employee".split())


@dataclass
class Actors:
    """The article's actor mentions by token, for finding who stands in an argument."""

    doc: Doc
    mentions: tuple[EntityMention, ...]
    names: dict[str, tuple[str, str, str | None]]  # entity id → name, type, role
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    states: Mapping[str, str] = field(default_factory=dict)  # a place's ISO alpha-2 country → its actor code

    @cached_property
    def antecedents(self) -> Antecedents:
        """Built the first time a pronoun stands in a role: most articles never ask."""
        return Antecedents.of(self.doc, self.mentions, self.names, self.quotes)

    def at(self, token: Token, countries: bool = False) -> EntityMention | None:
        """The narrowest actor mention covering the token; with ``countries`` also a country named
        as a place ("will visit Mauritania": the country is who is visited)."""
        best = None
        for m in self.mentions:
            usable = m.sense != "place" or (countries and _is_country(m))
            if usable and m.span.start <= token.idx < m.span.end:
                if best is None or (m.span.end - m.span.start) < (best.span.end - best.span.start):
                    best = m
        return best

    def in_direct_quote(self, token: Token) -> bool:
        return any(q.kind == "direct" and q.content.start <= token.idx < q.content.end for q in self.quotes)

    def within(self, tokens: list[Token]) -> EntityMention | None:
        for token in tokens:
            found = self.at(token)
            if found is not None:
                return found
        return None

    def country_of(self, tokens: list[Token], places: bool = False) -> str | None:
        """The country code of the first name among the tokens, in whatever sense it is used; with
        ``places``, else of a place the geoparser found there ("the government of Sindh province" → PAK)."""
        for token in tokens:
            for m in self.mentions:
                if m.span.start <= token.idx < m.span.end and state_of(m.code):
                    return state_of(m.code)
        for token in tokens if places else ():
            for place in self.places:
                if place.span.start <= token.idx < place.span.end and place.sense == "place" and place.country in self.states:
                    return state_of(self.states[place.country])
        return None

    def namesake_state(self, mention: EntityMention) -> tuple[str, Place] | None:
        """The country of a state or town the geoparser read a country's name as: "violating Georgia's
        assisted suicide law" beside Atlanta is the US state's law, the United States'."""
        place = namesake(mention.span, self.places, mention.rule == "agent-phrase")
        state = state_of(self.states.get(place.country or "")) if place is not None else None
        return (state, place) if state and state != state_of(mention.code) else None

    @cached_property
    def namesake_states(self) -> dict[str, str]:
        """Countries the article names only as namesakes, with the state those lie in: in a Palestine,
        Texas, story every "Palestine" is the town, so a person whose role the text gave as of
        Palestine ("Palestine Independent School District coordinator Craig Harris") is American."""
        found: dict[str, set[str | None]] = {}
        for mention in self.mentions:
            if _is_country(mention) and mention.rule == "alias":
                place = self.namesake_state(mention)
                found.setdefault(state_of(mention.code), set()).add(place[0] if place else None)
        return {country: states.pop() for country, states in found.items() if len(states) == 1 and None not in states}

    @cached_property
    def sole_state(self) -> str | None:
        """The one state the article names (its name, people, capital or institutions) and places
        its towns in; None when it names none, or its names and towns point to several. A town
        alone does not name a state (one misplaced town would make a Texas council Canadian), and a
        state named in a story of another's towns ("Lebanon", a Tennessee town) is not sole."""
        known = {state_of(code) for code in self.states.values()}
        named = {state_of(m.code) for m in self.mentions if state_of(m.code) in known}
        placed = {state_of(self.states[p.country]) for p in self.places if p.geonames_id is not None and p.country in self.states}
        return named.pop() if len(named) == 1 and placed <= named else None

    @cached_property
    def home_state(self) -> str | None:
        """The country the article is about, when its places say so plainly: three in four of the
        different places it names (two at least) lie in one country. A name read again and again
        counts once: "Barnes", an officer the geoparser took for a London district, says little.
        Unlike ``sole_state`` it asks nothing of the names of states the article uses."""
        distinct = {p.geonames_id or p.name: p.country for p in self.places if p.sense == "place" and p.country in self.states}
        codes = [self.states[country] for country in distinct.values()]
        if len(codes) < 2:
            return None
        code, count = Counter(codes).most_common(1)[0]
        return code if count * 4 >= len(codes) * 3 else None

    def at_home(self, actor: EventActor | None) -> EventActor | None:
        """An institution or people of no named country is of the country the article is about:
        "the governor", "city police", "a local school" in a story of Georgia towns → USAGOV, USACOP,
        USAEDU. Armed forces are left alone: a story set in Iraq names American troops too."""
        code = (actor.code or "") if actor is not None else ""
        if self.home_state is None or not code.startswith("---") or code[3:6] not in HOME_AGENTS:
            return actor
        return replace(actor, code=self.home_state + code[3:])

    def last_armed_group(self, before: int) -> EntityMention | None:
        groups = [m for m in self.mentions if m.span.start < before and m.entity_id in self.names and self.names[m.entity_id][1] == "ARMED_GROUP"]
        return groups[-1] if groups else None


def state_of(code: str | None) -> str | None:
    """The country or organisation part of a CAMEO-style code: "RUSGOV" → RUS, "---COP" → None."""
    prefix = (code or "")[:3]
    return prefix if len(prefix) == 3 and prefix.isalpha() and prefix.isupper() else None


def _is_country(mention: EntityMention) -> bool:
    return bool(mention.code) and len(mention.code) == 3 and state_of(mention.code) is not None


def subject(verb: Token) -> Token | None:
    current, deps = verb, SUBJECTS
    for _ in range(4):
        found = _nearest(current, deps)
        if found is not None and _dateline_place(found):
            found = _after_dateline(found)  # "HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper … accused China"
        if found is not None and found.tag_ == "VBG" and (own := _nearest(found, SUBJECTS)) is not None and own.i < found.i:
            return own  # "The Red Cross operating in Iraq said": the small model made the participle the subject
        if found is not None:
            return found
        agent = next((c for c in current.children if c.dep_ == "agent"), None)
        if agent is not None:
            return next((g for g in agent.children if g.dep_ == "pobj"), None)
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in OBJECT_CONTROL:
            controller = next((c for c in current.head.children if c.dep_ == "dobj" and c.i < current.i), None)
            if controller is not None and not own_forces(controller) and _ordered_patient(current) is None:
                return controller
        if current.dep_ in ("conj", "xcomp", "advcl") and current.head.i != current.i:
            current = current.head  # "criticized and threatened", "agreed to attack"
            continue
        if current.dep_ == "acomp" and current.lower_ in READINESS and current.head.i != current.i:
            current = current.head  # "is about to restore", "is ready to help"
            continue
        if current.dep_ == "pcomp" and (claimer := claimed_by(current)) is not None:
            return claimer  # "the Taliban claimed responsibility for shooting down the helicopter"
        if current.dep_ == "pcomp" and current.head.lower_ in ("with", "of", "for") and current.head.head.lemma_.lower() in REPROACHING:
            return the_accused(current.head.head)  # "charged a teenager with killing Welch", "criticized Shelby for shooting Crutcher"
        if current.dep_ == "pcomp" and current.head.head.i != current.head.i:
            # "has been engaged in fighting the Taliban", "was arrested after attacking a woman": the
            # one the verb is said of, even as its passive subject, does the act
            current, deps = current.head.head, SUBJECTS + (("nsubjpass",) if current is verb else ())
            continue
        if current.dep_ == "acl" and current.head.dep_ == "dobj" and current.head.head.lemma_.lower() in LIGHT_VERBS:
            current = current.head.head  # "issued a declaration demanding that …"
            continue
        if current.dep_ == "acl" and current.tag_ == "VBG" and current.head.pos_ in ("NOUN", "PROPN"):
            return current.head  # "the epidemic of police officers killing unarmed black people"
        return cut_off_subject(current)
    return None


# Acts never reported without the one they are done to: with a subject and no object, the subject suffered them.
NEEDS_OBJECT = frozenset("destroy arrest detain jail imprison capture sentence convict indict deport expel kidnap abduct behead execute injure wound".split())
DRAWING = frozenset("draw prompt spark trigger provoke attract earn face receive bring elicit".split())  # … criticism from X
CLAIMING = frozenset("claim take accept admit acknowledge bear".split())


def claimed_by(act: Token) -> Token | None:
    """Who claims an act as theirs: "claimed responsibility for the attack", "took credit for
    shooting down the helicopter"; the act is theirs."""
    if act.dep_ not in ("pobj", "pcomp") or act.head.lower_ not in ("for", "of"):
        return None
    claim = act.head.head
    if claim.lemma_.lower() not in ("responsibility", "credit") or claim.dep_ != "dobj" or claim.head.lemma_.lower() not in CLAIMING:
        return None
    return subject(claim.head)


def _dateline_place(token: Token) -> bool:
    """The place in capitals a report opens with ("HANOI, Vietnam (AP) —"), which the parse may
    make the subject of the first sentence."""
    sentence = token.sent
    return (token.i == sentence.start and token.is_upper and token.is_alpha and len(token) > 1
            and any(t.text in DASHES for t in token.doc[token.i + 1:min(sentence.end, token.i + 8)]))


def _after_dateline(place: Token) -> Token | None:
    """The subject the parse hung on the dateline's place, after its dash."""
    dash = next(t for t in place.doc[place.i + 1:place.sent.end] if t.text in DASHES)
    return next((c for c in reversed(list(place.children)) if c.dep_ == "appos" and c.i > dash.i), None)


def own_forces(token: Token) -> bool:
    """ "ordered troops to withdraw", "sent its police to …": forces named by no other country act
    for the one who commands them."""
    if agent_of(token) not in ("MIL", "COP", "SPY"):
        return False
    return not any(c.dep_ in ("amod", "compound", "poss") and (c.ent_type_ in ("NORP", "GPE") or c.pos_ == "PROPN") for c in token.children)


def _nearest(verb: Token, deps: tuple[str, ...]) -> Token | None:
    """The subject nearest the verb: a dateline the parse took for a second subject ("MIDDLETOWN —
    A man … has been captured") is farther away."""
    found = [c for c in verb.children if c.dep_ in deps]
    before = [c for c in found if c.i < verb.i]
    return before[-1] if before else (found[0] if found else None)


def verb_arguments(verb: Token, actors: Actors, event_nouns) -> tuple[list[EventActor], list[EventActor]]:
    passive = _nearest(verb, ("nsubjpass",))
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
    if passive is None and verb.tag_ == "VBN":
        # "Ms. Sears and Mr. Bowers are now both charged": the passive's subject mislabelled, on the verb or its auxiliary
        auxiliaries = [c for c in verb.children if c.dep_ == "auxpass"]
        passive = next((c for h in (verb, *auxiliaries) for c in h.children if c.dep_ == "nsubj"), None) if auxiliaries else None
    if passive is None and verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children):
        passive = subject(verb.head)  # "Fumo is to be sentenced", "wants to be released": the controller suffers it
    if passive is None and _reduced_passive(verb):
        # headline "Alexandria woman charged"; "helicopter shot down and destroyed": the partner's subject
        passive = next((c for c in verb.children if c.dep_ == "nsubj"), None) or subject(verb.head)
    if passive is None and (patient := _reduced_relative(verb)) is not None:
        passive = patient  # "a helicopter shot down over Donetsk had been carrying troops"
    if passive is None and _thing_acted_on(verb):
        return [], []  # "a report of shots fired"
    if passive is None and _passive_conjunct(verb):
        passive = subject(verb.head)  # "Carter disappeared but was arrested": the shared subject suffers it
        if passive is None or passive.dep_ not in ("nsubj", "nsubjpass"):
            return [], []  # "… was shot by a trooper … was jailed": the partner's agent did not jail him
    if passive is None and (shared := _shared_passive(verb)) is not None:
        passive = shared  # "Scott was shot and killed by …"
    if passive is None and _passive_gerund(verb):
        # "Fairfield was in jail after being indicted", "150 Indians returned home broke after being deported"
        passive = _nearest(verb.head.head, ("nsubj", "nsubjpass")) or subject(verb.head.head)
    if passive is None and (found := _found_in_state(verb)) is not None:
        passive = found  # "Rufus Church, who was found fatally shot at his business": he was shot, by no one named
    if passive is None and _participle_clause(verb):
        passive = verb.head if verb.dep_ == "acl" else subject(verb.head)  # "Crolley, …, is in jail, charged with assault"
    patient = _ordered_patient(verb) if by is None else None
    if patient is not None:
        # "ordered the activists to be freed", "ordered him sent to hospital": the one who orders does it to them
        doer = subject(verb.head)
        return (all_actors(doer, actors) if doer is not None else []), all_actors(patient, actors)
    if passive is not None:
        by = by if by is not None else (_partner_agent(verb) or _stranded_agent(verb, event_nouns))
        sources = all_actors(by, actors) if by is not None else _cause_authors(verb, actors, event_nouns)
        if by is not None and not sources and _no_actor(by, event_nouns) and not by.lower_.endswith("ing"):
            return [], []  # "injured by an electric shock", "destroyed by fire": nobody did it ("theft by taking" is an act)
        return sources, all_actors(passive, actors)
    if verb.dep_ == "acl" and by is not None:
        return all_actors(by, actors), all_actors(verb.head, actors)  # "the Syrian Army backed by Russian forces"
    doer = subject(verb)
    if doer is not None and doer.lower_ in ("that", "which", "who") and doer.head.dep_ == "relcl":
        # "a fire that killed four children", "the man who killed Dr. Winters", "four men who … began shooting"
        doer = doer.head.head
    clause = next((c for c in verb.children if c.dep_ == "ccomp" or for_clause(c) is not None), None)
    if verb.lemma_.lower() == "agree" and _concurs(verb, clause):
        return [], []
    target_token = _target(verb)
    if target_token is None and clause is not None:
        if verb.lemma_.lower() in SPEECH_ONLY and not _undertaking(clause):
            return [], []  # "warned that …": a report, coded (if at all) from the clause
        target_token = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)  # "demanded that Hamas renounce"
        if verb.lemma_.lower() == "warn" and target_token is not None and target_token.pos_ == "NOUN" and agent_of(target_token) is None and (
                any(c.dep_ == "poss" for c in target_token.children) or not all_actors(target_token, actors)):
            return [], []  # "warning that Britain's exit will sap the continent's defences": a forecast, no one threatened
    sources = all_actors(doer, actors)
    if doer is not None and not sources and _no_actor(doer, event_nouns):
        return [], []  # "a quake struck Indonesia": the doer is no actor; "a roadside bombing killed" stays
    if doer is not None and not sources and doer.lemma_.lower() in EVENT_SUBJECTS:
        # "a roadside bombing killed …": an unidentified armed force, of the place it struck;
        # "US Predator attacks have killed …": the forces of the state that owns them
        owner = actors.country_of([t for c in doer.children if c.dep_ in ("amod", "compound", "nmod", "poss") for t in c.subtree])
        sources = [_agent(doer, "MIL" if owner else "UAF", actors)]
    moved = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if verb.lemma_.lower() in WITHDRAWING and moved is not None and _forces_moved(moved) and (target_token is None or target_token in moved.subtree):
        return sources, []  # "withdrew all of our forces": the forces withdrawn are the source's own, no target
    # "from Iraq": a country named as the place left; "to Syria": as where troops or aid are sent
    countries = verb.lemma_.lower() in WITHDRAWING or (target_token is not None and target_token.head.lower_ == "to"
                                                      and verb.lemma_.lower() in RECIPIENT_VERBS)
    targets = all_actors(target_token, actors, inside=True, countries=countries) or _further_targets(verb, actors)
    if not targets and verb.lemma_.lower() in VISITING and target_token is not None and target_token.dep_ == "dobj":
        # a visit at home ("President Obama visited Chicago") is travel, no event between states
        targets = [t for t in _host_state(target_token, actors) if all(state_of(s.code) != t.code for s in sources)]
    return sources, targets


def _host_state(place: Token, actors: Actors) -> list[EventActor]:
    """ "visited Tehran": the state whose city is visited is the host."""
    state = actors.country_of([place], places=True)
    if state is None:
        return []
    return [EventActor(None, place.text, state, TextSpan(place.idx, place.idx + len(place.text), place.text))]


def _forces_moved(token: Token) -> bool:
    """ "its troops", "all of our forces": forces of no other named country."""
    return own_forces(token) or any(own_forces(g) for c in token.children if c.dep_ == "prep" and c.lower_ == "of"
                                    for g in c.children if g.dep_ == "pobj")


def _concurs(verb: Token, clause: Token | None) -> bool:
    """"agreed with Oswalt that making a child testify is not ideal", "agrees with the need for
    spending": sharing a view. Agreeing to do something ("agreed to cooperate", "agreed on a
    ceasefire", "agreed that their countries should cooperate") is an undertaking."""
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("to", "on", "upon") for c in verb.children):
        return False
    if clause is not None:
        return not _undertaking(clause)
    return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)


def _undertaking(clause: Token) -> bool:
    """ "agreed that their countries should cooperate": what is to be done, not what was."""
    return any(c.dep_ == "aux" and c.lower_ in ("should", "would", "will", "must", "shall") for c in clause.children)


def _reduced_passive(verb: Token) -> bool:
    """A headline's "Woman charged in fire", "Mum jailed for fake passport", "Juvenile arrested in
    Oxford bar had …": a bare participle with a subject and no object; also one the tagger read
    as a past tense, when the verb never goes without its object ("US helicopter shot down and
    destroyed"), and a verb coordinated with such a participle."""
    if any(c.dep_ in ("aux", "auxpass", "dobj", "ccomp", "xcomp") for c in verb.children):
        return False
    if verb.dep_ == "conj" and verb.tag_ in ("VBN", "VBD") and _object_needed(verb) and not any(c.dep_ in SUBJECTS for c in verb.children):
        return _reduced_passive(verb.head)
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    return verb.tag_ == "VBN" or verb.tag_ == "VBD" and _object_needed(verb)


def _object_needed(verb: Token) -> bool:
    lemma = verb.lemma_.lower()
    return lemma in NEEDS_OBJECT or lemma == "shoot" and any(c.dep_ in ("prt", "advmod") and c.lower_ == "down" for c in verb.children)


def _reduced_relative(verb: Token) -> Token | None:
    """The noun a bare participle describes, which the parse took for the participle's subject:
    "[a helicopter shot down over Donetsk] had been carrying troops", the participle parsed as
    the subject of the main verb. The noun suffered the act."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("nsubj", "nsubjpass") or any(c.dep_ in ("dobj", "aux", "auxpass") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)


def _thing_acted_on(verb: Token) -> bool:
    """A bare participle right after a thing, hung by the parse on another verb: "responded to a
    report of shots fired", "the site of the building razed last summer". The thing suffered
    it, and nobody is said to do it. (A person or body before a participle is as often its doer,
    "three people police arrested", and the parse does not tell which: those are left alone.)"""
    before = verb.doc[verb.i - 1] if verb.i > verb.sent.start else None
    return (before is not None and verb.tag_ in ("VBN", "VBD") and verb.dep_ == "advcl" and before.tag_ in ("NN", "NNS")
            and agent_of(before) is None and not before.ent_type_
            and not any(c.dep_ in (*SUBJECTS, "dobj", "aux", "auxpass") for c in verb.children))


def _found_in_state(verb: Token) -> Token | None:
    """The one found, left or reported in the state a participle names ("was found fatally shot",
    "left him badly beaten", "reported killed"), whatever the parse made of the participle."""
    if verb.tag_ != "VBN":
        return None
    before = verb.i - 1
    while before >= 0 and verb.doc[before].pos_ == "ADV":
        before -= 1
    finder = verb.doc[before] if before >= 0 else None
    if finder is None or finder.lemma_.lower() not in FINDING or finder.pos_ != "VERB":
        return None
    patient = next((c for c in finder.children if c.dep_ in ("nsubjpass", "dobj")), None)
    if patient is not None and patient.lower_ in ("who", "that", "which") and patient.head.dep_ == "relcl":
        patient = patient.head.head  # "Rufus Church, who was found …"
    return patient


def _passive_conjunct(verb: Token) -> bool:
    """ "… surrendered to police and were detained": a passive verb sharing its partner's subject."""
    return (verb.dep_ == "conj" and any(c.dep_ == "auxpass" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _shared_passive(verb: Token) -> Token | None:
    """ "Scott was shot and killed by an officer": a bare participle joined to a passive verb
    suffers what it says too, with the same passive subject."""
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return None
    if not any(c.dep_ == "auxpass" for c in verb.head.children):
        return None
    return _nearest(verb.head, ("nsubjpass",))


def _partner_agent(verb: Token) -> Token | None:
    """The agent a passive verb shares with the bare participle joined to it: "was shot and
    killed by a police officer"."""
    for partner in verb.children:
        if partner.dep_ == "conj" and partner.tag_ == "VBN" and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in partner.children):
            agent = next((c for c in partner.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((g for g in agent.children if g.dep_ == "pobj"), None)
    return None


def _no_actor(doer: Token, event_nouns) -> bool:
    """A noun that names neither an actor nor an act of one (a quake, a shock, a fire)."""
    return doer.pos_ in ("NOUN", "PROPN") and doer.lemma_.lower() not in event_nouns | EVENT_SUBJECTS


def _passive_gerund(verb: Token) -> bool:
    """ "after being indicted", "before being released": the clause's subject suffers the act."""
    return (verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i and verb.head.head.pos_ in ("VERB", "AUX")
            and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children))


def _ordered_patient(verb: Token) -> Token | None:
    """The one a passive act governed by a verb of ordering is done to: "ordered the activists to
    be freed", "ordered him sent to hospital"."""
    if verb.tag_ != "VBN" or verb.head.i == verb.i or verb.head.lemma_.lower() not in OBJECT_CONTROL:
        return None
    if verb.dep_ == "xcomp":
        return next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if verb.dep_ == "ccomp" and any(c.dep_ == "auxpass" for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    return None


def _participle_clause(verb: Token) -> bool:
    """A bare past participle modifying a noun or a clause is passive: "a man charged with
    murder", "…, charged with two counts of assault"."""
    if verb.dep_ == "acl" and verb.head.dep_ == "pobj":
        return False  # "appeared in court charged with theft": the court is where, not who is charged
    return (verb.tag_ == "VBN" and verb.dep_ in ("acl", "advcl") and verb.head.i != verb.i
            and not any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "dobj") for c in verb.children))


def _stranded_agent(verb: Token, event_nouns) -> Token | None:
    """A passive's "by" that the parse hung on the last of its place or time phrases: "was
    sentenced to two years … at the Anderson County Courthouse by Judge Deborah Oakes Evans".
    A "by" on an act ("in an air strike by government forces") names that act's doer instead."""
    phrases = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in SETTINGS]
    while phrases:
        noun = next((g for g in phrases.pop().children if g.dep_ == "pobj"), None)
        if noun is None or noun.lemma_.lower() in event_nouns or noun.tag_ == "VBG":
            continue
        for prep in (c for c in noun.children if c.dep_ == "prep"):
            if prep.lower_ == "by":
                return next((g for g in prep.children if g.dep_ == "pobj"), None)
            if prep.lower_ in SETTINGS:
                phrases.append(prep)
    return None


def _cause_authors(verb: Token, actors: Actors, event_nouns) -> list[EventActor]:
    """ "75 civilians were killed as a result of army shelling", "killed in a US drone strike";
    not "charged in the assaults", where the assaults are the offence."""
    if verb.lemma_.lower() in ACCUSING:
        return []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by", "as", "after", "during", "from")):
        for noun in [g for g in prep.subtree if g.dep_ == "pobj" and (g.lemma_.lower() in event_nouns or g.tag_ == "VBG")][:1]:
            doer = next((c for c in noun.children if c.dep_ == "nsubj"), None)  # "as a result of army shelling"
            sources = all_actors(doer, actors) if doer is not None else noun_arguments(noun, actors)[0]
            if sources:
                return sources
    # "Two Palestinians were killed as Palestinian fighters from rival families battled", "… when
    # gunmen opened fire": the fighting the clause tells of is what killed them; the clause may
    # hang on a coordinated verb ("were killed and three were wounded as …")
    clauses = [c for v in (verb, *verb.conjuncts) for c in v.children if c.dep_ == "advcl" and c.lemma_.lower() in FIGHTING]
    for clause in clauses:
        if any(m.dep_ in ("mark", "advmod") and m.lower_ in ("as", "when", "after", "while") for m in clause.children):
            doer = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if doer is not None and (sources := all_actors(doer, actors)):
                return sources
    return []


def _timeless(tokens) -> list[Token]:
    """The arguments among the tokens that are not times; a time the parse hung a name on gives
    the name back ("met with President Bashar Assad Tuesday")."""
    found = []
    for token in tokens:
        if not _a_time(token):
            found.append(token)
        elif (name := _name_on_time(token)) is not None:
            found.append(name)
    return found


def _a_time(token: Token) -> bool:
    return token.ent_type_ in ("DATE", "TIME") or token.lemma_.lower() in TIME_WORDS


def _name_on_time(token: Token) -> Token | None:
    return next((c for c in reversed(list(token.children)) if c.dep_ == "compound" and c.pos_ == "PROPN" and not _a_time(c)), None)


def _prep_objects(token: Token, prepositions: frozenset[str]) -> list[Token]:
    """The objects of the token's prepositions; "to" after a verb of giving is the parse's dative ("sent troops to Syria")."""
    return _timeless(g for c in token.children if c.dep_ in ("prep", "dative") and c.lower_ in prepositions
                     for g in c.children if g.dep_ == "pobj" and not (c.lower_ == "on" and g.lemma_.lower() in CHANNELS))


def _target(verb: Token) -> Token | None:
    if verb.lemma_.lower() in WITHDRAWING:
        return next(iter(_prep_objects(verb, frozenset({"from", "out"}))), None)
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
    recipient = next(iter(_prep_objects(verb, frozenset({"to"}))), None)
    if recipient is not None and verb.lemma_.lower() in RECIPIENT_VERBS:
        return recipient  # "offered its cooperation to Washington", "sent troops to Syria"
    if recipient is not None and dobj is None and verb.lemma_.lower() in ADDRESSING:
        return recipient  # "appealed to the United Nations for help", "apologized to Israel"
    if dobj is not None and _a_time(dobj):
        dobj = _name_on_time(dobj)  # "met Syrian President Bashar Assad Tuesday"
    if dobj is not None:
        return dobj
    return next(iter(_prep_objects(verb, TARGET_PREPOSITIONS)), None)


def _further_targets(verb: Token, actors: Actors, depth: int = 0) -> list[EventActor]:
    """When the verb's own object names no actor: the object's "with/to/from" ("ties with
    Tehran"), the one a threat is conditional on ("unless Baghdad accepted"), then the act the
    verb governs ("offered to hand over … to Great Britain")."""
    dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    candidates = _prep_objects(dobj, OBJECT_PREPOSITIONS) if dobj is not None else []
    # "suspended part of a military aid program for Bosnia": the object's "of", and what that is for or with
    candidates += [t for o in (_prep_objects(dobj, frozenset({"of"})) if dobj is not None else []) for t in _prep_objects(o, OBJECT_PREPOSITIONS | {"for"})]
    # "mobilized army reservists for a possible war against Iraq": the one the purpose is aimed at
    candidates += [t for p in _prep_objects(verb, frozenset({"for"})) for t in _prep_objects(p, frozenset({"against"}))]
    for clause in (c for c in verb.children if c.dep_ == "advcl"):
        if any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in clause.children):
            candidates += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
    candidates += [c for c in verb.children if c.dep_ == "dobj" and not own_forces(c)]  # a country as object; "sent troops" sends one's own
    # "condemned the attack by government forces", "rejected the offer by Pagliano's attorney": who did what is reacted to
    candidates += _prep_objects(dobj, frozenset({"by"})) if dobj is not None else []
    if verb.lemma_.lower() in ASKING:  # "asking for the public's help": the one whose help is asked
        candidates += [p for o in _prep_objects(verb, frozenset({"for"})) for p in o.children if p.dep_ == "poss"]
        if dobj is not None and dobj.lemma_.lower() in REFUGE:
            candidates += _prep_objects(verb, frozenset({"in"}))  # "sought refuge in Germany": the state asked to take them in
    candidates += _prep_objects(verb, DIRECTIONS | {"with"})  # "fired rockets into Lebanon", "signed the treaty with Iran"
    if verb.lemma_.lower() in IMPOSING:
        candidates += _prep_objects(verb, frozenset({"on", "upon"}))
    if verb.lemma_.lower() in DEPRIVING:  # "seized weapons from the Taliban", "confiscated drugs from Allaw's car"
        owners = [t for o in _prep_objects(verb, frozenset({"from"})) for t in (o, *(c for c in o.children if c.dep_ == "poss"))]
        candidates += [t for t in owners if actors.at(t) is not None or agent_of(t)]  # not "from a warehouse in Miami"
    for token in candidates:
        found = all_actors(token, actors, countries=True)
        if found:
            return found
    if depth < 2:
        for act in (c for c in verb.children if c.dep_ == "xcomp"):
            found = all_actors(_target(act), actors, inside=True, countries=True) or _further_targets(act, actors, depth + 1)
            if found:
                return found
    return []


def noun_arguments(noun: Token, actors: Actors, hostile: bool = False) -> tuple[list[EventActor], list[EventActor]]:
    """``hostile``: an act against someone (CAMEO 14-20), whose "of" names who suffers it ("the
    invasion of Kuwait", "the shelling of Sarajevo")."""
    if (drawn := _reaction_drawn(noun, actors)) is not None:
        return drawn
    sources: list[EventActor] = []
    targets: list[EventActor] = []
    for child in noun.children:
        if child.dep_ == "acl":  # "operations conducted by US-led coalition and the Syrian Army"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            by = next((g for g in agent.children if g.dep_ == "pobj"), None) if agent is not None else None
            sources = sources or all_actors(by, actors)
    owners = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound") and actors.at(c) is not None]
    if owners and owners[0].dep_ == "poss" and noun.lemma_.lower() in SUFFERED:
        targets = all_actors(owners[0], actors)  # "Henry's arrest"; but "Taliban killings"
    elif not sources and owners:
        sources = all_actors(owners[0], actors)  # "Russia's offensive", "a Russian offensive"; not a topic ("peace talks")
    own = next((c for c in noun.children if c.dep_ == "poss" and c.lower_ in OWN), None)
    if not sources and own is not None and noun.dep_ == "dobj":
        sources = all_actors(subject(noun.head), actors)  # "the ILO reiterated its demand"
    # "launched a mediation effort between …", "launched 10 days of war games": the event noun
    # qualifies the noun the sentence builds on
    carrier = noun
    if noun.dep_ == "compound" and noun.head.lemma_.lower() in CARRIERS:
        carrier = noun.head
    elif noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lemma_.lower() in CARRIERS | TIME_WORDS:
        carrier = noun.head.head
    carried = carrier.dep_ == "dobj" and carrier.head.lemma_.lower() in LIGHT_VERBS
    if not sources and carried:
        sources = all_actors(subject(carrier.head), actors)  # "the army launched an offensive"
    if not sources:  # "killed in an air strike by government forces"; but "ordered patrols by police" is the order's
        sources = all_actors(next(iter(_prep_objects(noun, frozenset({"by"}))), None), actors)
    if not sources:
        sources = all_actors(accused_of(noun), actors)  # "arrested a man on a charge of assault"
    if not sources and (claimer := claimed_by(noun)) is not None:
        sources = all_actors(claimer, actors)  # "the Taliban claimed responsibility for the attack"
    # "an attack on Gaza", but "talks on Iran with China": after a peaceful act "on" names its topic
    candidates = _prep_objects(carrier, (TARGET_PREPOSITIONS if hostile else TARGET_PREPOSITIONS - {"on"}) | {"between"})
    if carried:  # "held joint exercises with France", "launched an attack yesterday on …": the parse hangs them on the verb
        candidates += _prep_objects(carrier.head, frozenset({"with", "against", "between", *(("on",) if hostile else ())}))
    if hostile:
        candidates += _prep_objects(noun, frozenset({"of"}))
    # "a suspension of air links with Serbia"
    candidates += [t for o in _prep_objects(noun, frozenset({"of"})) for t in _prep_objects(o, OBJECT_PREPOSITIONS)]
    for target_token in candidates:
        found = all_actors(target_token, actors, countries=True) or all_actors(_author(target_token), actors)
        if found:
            return sources, found
    if not targets and not candidates:
        targets = _cause_patients(noun, actors) or all_actors(_that_subject(noun), actors)
    return sources, targets


def _reaction_drawn(noun: Token, actors: Actors) -> tuple[list[EventActor], list[EventActor]] | None:
    """ "North Korea conducted a test, drawing condemnation from Washington": who reacts is
    "from" whom, and the one who drew the reaction is its target."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in DRAWING:
        return None
    critics = _prep_objects(noun, frozenset({"from"})) or _prep_objects(verb, frozenset({"from"}))
    if not critics:
        return None
    drawer = subject(verb)
    return all_actors(critics[0], actors, countries=True), all_actors(drawer, actors) if drawer is not None else []


# A protest's purpose names whom it presses: "to demand reforms by President Suharto's government".
PRESSING = frozenset("demand press protest call urge seek oppose push force".split())
AUTHORITIES = frozenset("GOV MIL COP JUD LEG".split())


def protest_addressee(word: Token, actors: Actors) -> list[EventActor]:
    """The authority a protest with no one named as its object is aimed at, when its purpose or
    grievance names one: "staged demonstrations to demand political reforms by President
    Suharto's government", "blocked roads to press their demands … from President Bouteflika's
    government", "a hunger strike in protest of the Russian government's refusal"."""
    governors = [word, word.head] if word.dep_ == "dobj" else [word]
    phrases = []
    for governor in governors:
        for child in governor.children:
            if child.dep_ in ("advcl", "xcomp") and child.lemma_.lower() in PRESSING:
                phrases.append(child)
            elif child.dep_ == "prep" and (child.lower_ in ("over", "against") or (
                    child.lower_ == "in" and any(g.lemma_.lower() == "protest" for g in child.children))):
                phrases.append(child)
    for phrase in phrases:
        for token in phrase.subtree:
            if token.pos_ not in ("NOUN", "PROPN") or token.dep_ in ("compound", "poss", "amod", "nmod"):
                continue  # a phrase's own head, not the title or owner inside it ("President Suharto's government")
            actor = _actor(token, actors)
            code = actor.code if actor is not None else None
            if code and (code[3:6] in AUTHORITIES or (len(code) == 3 and state_of(code))):
                return [actor]
    return []


def purpose_addressee(verb: Token, actors: Actors) -> list[EventActor]:
    """A verbal act done as the purpose of another act is addressed to that act's object:
    "summoned Niger's ambassador to complain of inaction"."""
    if verb.dep_ not in ("advcl", "xcomp") or not to_infinitive(verb):
        return []
    addressee = next((c for c in verb.head.children if c.dep_ == "dobj"), None)
    if addressee is None or (doer := subject(verb)) is not None and doer.i == addressee.i:
        return []  # "forced the rebels to withdraw": the rebels do it
    return all_actors(addressee, actors)


WRITINGS = frozenset("letter statement message note memo email e-mail request".split())


def stated_addressee(verb: Token, actors: Actors) -> list[EventActor]:
    """Whom a verbal act is put to when no object says it: "demands accountability from our
    president", "asked for the information in a letter to the Justice Department", "blamed on the
    policies of President Obama", "threatened to make Kadzik testify"."""
    lemma = verb.lemma_.lower()
    for prep in (c for c in verb.children if c.dep_ == "prep"):
        for noun in (g for g in prep.children if g.dep_ == "pobj"):
            if prep.lower_ == "from" and lemma in ASKING | {"demand"}:
                return all_actors(noun, actors)
            if prep.lower_ == "on" and lemma == "blame":
                holders = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                holders += [c for c in noun.children if c.dep_ == "poss"]
                return [a for h in (holders or [noun]) for a in all_actors(h, actors)]
            if prep.lower_ == "in" and noun.lemma_.lower() in WRITINGS:
                return [a for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"
                        for a in all_actors(g, actors)]
    if lemma == "threaten":
        act = next((c for c in verb.children if c.dep_ == "xcomp"), None)
        if act is not None:
            made = [c for c in act.children if c.dep_ == "dobj"] + [g for c in act.children if c.dep_ == "ccomp" for g in c.children if g.dep_ == "nsubj"]
            return [a for m in made for a in all_actors(m, actors)]
    return []


def purpose_target(word: Token, actors: Actors) -> list[EventActor]:
    """Force used to an end names its target there: "opened fire to disperse demonstrators",
    "fired tear gas to break up the crowd" (not "stormed the building to free the hostages")."""
    verb = word.head if word.dep_ == "dobj" and word.pos_ == "NOUN" else word
    for purpose in (c for c in verb.children if c.dep_ == "advcl" and c.lemma_.lower() in HOSTILE_PURPOSES):
        if to_infinitive(purpose):
            found = all_actors(next((c for c in purpose.children if c.dep_ == "dobj"), None), actors)
            if found:
                return found
    return []


def _that_subject(noun: Token) -> Token | None:
    """ "its demand that Israel ease restrictions", "the accusation that Russia meddled": the
    subject of the noun's that-clause (the parse may hang it on the verb that carries the noun)."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp")]
    if noun.dep_ == "dobj":
        clauses += [c for c in noun.head.children if c.dep_ == "ccomp"]
    for clause in clauses:
        if any(m.dep_ == "mark" and m.lower_ == "that" for m in clause.children):
            return next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return None


def _author(token: Token) -> Token | None:
    """ "an investigation into crimes committed by Croat forces": whose deeds are looked into."""
    return next((g for c in token.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent"
                 for g in a.children if g.dep_ == "pobj"), None)


def _cause_patients(noun: Token, actors: Actors) -> list[EventActor]:
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
    return all_actors(patient, actors)


def _cause(marker: Token) -> bool:
    """ "due to", "because of", "after", "as a result of"."""
    return marker.lower_ in CAUSE_MARKERS or (marker.lower_ == "as" and any(c.lemma_.lower() == "result" for c in marker.children))


def all_actors(token: Token | None, actors: Actors, inside: bool = False, countries: bool = False) -> list[EventActor]:
    """The actor of an argument and of each argument coordinated with it ("X and Y")."""
    if token is not None and dateline(token.doc[token.i:token.i + 1]):
        token = next((c for c in token.children if c.dep_ == "appos"), None)  # "CLINTON — A town couple … was charged"
    if token is None:
        return []
    for _ in range(3):  # "scores of Sierra Leonean and Liberian refugees": the people counted, each of them
        under = next((g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if under is None or actors.at(token) is not None or not (token.like_num or token.lemma_.lower() in QUANTITY_WORDS):
            break
        token = under
    heads = [token] + [c for c in token.conjuncts if c.i > token.i] + _listed_states(token, actors)
    found = [_actor(head, actors, inside, countries) for head in heads]
    found = [_with_shared_noun(head, actor, heads, found, actors) for head, actor in zip(heads, found)]
    found += [fellow for head, actor in zip(heads, found) for fellow in _fellow_nationals(head, actor, actors)]
    unique: list[EventActor] = []
    for actor in found:
        if actor is not None and all((actor.entity_id or actor.name) != (u.entity_id or u.name) for u in unique):
            unique.append(actor)
    return unique


def _listed_states(token: Token, actors: Actors) -> list[Token]:
    """ "The US, Russia, and Switzerland met": a list of states the parse read as the first one's
    apposition; one state is never another's apposition."""
    first = actors.at(token, countries=True)
    if first is None or not _is_country(first):
        return []
    for appos in (c for c in token.children if c.dep_ == "appos"):
        other = actors.at(appos, countries=True)
        if other is not None and _is_country(other) and other.code != first.code:
            return [appos] + [c for c in appos.conjuncts if c.i > appos.i]
    return []


def _partner_object(others: Token) -> Token | None:
    """What the verb coordinated with the one whose object (or passive subject) is "others" or a
    bare number has in the same role: a noun, not another number."""
    verb = others.head
    partners = ([verb.head] if verb.dep_ == "conj" else []) + [c for c in verb.children if c.dep_ == "conj"]
    return next((o for p in partners for o in p.children
                 if o.dep_ == others.dep_ and o.lemma_.lower() != "other" and o.pos_ in ("NOUN", "PROPN")), None)


def _fellow_nationals(head: Token, actor: EventActor | None, actors: Actors) -> list[EventActor]:
    """ "American and British troops", "Russian and Syrian warplanes": each nationality coordinated
    with the one that modifies the agent noun stands with that noun too."""
    if actor is None or state_of(actor.code) is None or len(actor.code or "") < 6:
        return []
    sector = actor.code[3:6]
    fellows = []
    for modifier in (m for m in head.children if m.dep_ in ("amod", "compound", "nmod") and m.i < head.i):
        for other in (c for c in modifier.conjuncts if c.i > modifier.i):
            mention = actors.at(other)
            if mention is not None and mention.rule == "demonym" and _is_country(mention):
                fellow = _from_mention(mention, actors)
                fellows.append(EventActor(fellow.entity_id, fellow.name, mention.code + sector, fellow.span))
    return fellows


def _with_shared_noun(head: Token, actor: EventActor | None, heads: list[Token], found: list, actors: Actors) -> EventActor | None:
    """ "Sierra Leonean and Liberian refugees", parsed with the first nationality as a noun of its
    own: it shares the agent noun of the partner that a nationality modifies."""
    mention = actors.at(head)
    if actor is None or mention is None or mention.rule != "demonym" or not _is_country(mention) or actor.code != mention.code:
        return actor
    for partner, other in zip(heads, found):
        if partner.i > head.i and other is not None and state_of(other.code) and len(other.code or "") >= 6 and any(
                (m := actors.at(c)) is not None and state_of(m.code) for c in partner.children if c.dep_ == "amod"):
            return EventActor(actor.entity_id, actor.name, actor.code + other.code[3:6], actor.span)
    return actor


def _actor(token: Token, actors: Actors, inside: bool = False, countries: bool = False) -> EventActor | None:
    if token.pos_ == "PRON" and token.lower_ in PERSONAL:
        reporting = _reporting_verb(token)
        if reporting is not None:
            doer = subject(reporting)
            speaker = _actor(doer, actors) if doer is not None else None  # "Hungary has said it will support …"
            if not (token.lower_ in ("he", "she") and doer is not None and _a_group(doer)):  # "police say he struck a car"
                return None if token.lower_ == "it" and _a_person(speaker, actors) else speaker
    if token.pos_ == "PRON" and token.lower_ in RESOLVABLE:
        return _resolved(token, actors)
    if token.pos_ == "PRON" and token.lower_ in PLURAL_PRONOUNS:
        return _group(token, actors)
    if token.pos_ == "PRON" and token.lower_ in PERSONAL:
        return None  # "it", "we": no actor rather than a guess
    mention = actors.at(token, countries)
    if mention is not None:
        return _from_mention(mention, actors)
    counted = (token.lemma_.lower() == "other" and token.dep_ == "dobj") or (token.pos_ == "NUM" and token.dep_ in ("dobj", "nsubjpass"))
    if counted and (partner := _partner_object(token)) is not None:
        # "killed seven people and wounded several others", "Two Palestinians were killed and three
        # were wounded": others, or a number, of the same kind
        actor = _actor(partner, actors)
        if actor is not None:
            return EventActor(actor.entity_id, actor.name, actor.code, TextSpan(token.idx, token.idx + len(token.text), token.text))
    named_apart = next((m for a in token.children if a.dep_ == "appos" and (m := actors.at(a)) is not None), None)
    if named_apart is not None:
        return _from_mention(named_apart, actors)  # "Musharraf's successor, Zardari, pledged": Zardari, not Musharraf
    title = next((c for c in token.children if c.dep_ == "compound" and c.i < token.i and c.text[:1].isupper() and agent_of(c)), None)
    if (token.pos_ == "PROPN" and title is not None and not token.ent_type_ and not agent_of(token)
            and not any(c.dep_ == "compound" and c.ent_type_ for c in token.children)):  # "Judge Deborah Oakes Evans": the name tagged
        # "Officer Eggers fired", a name the model did not tag: one of the institution its title names
        actor = _agent(title, agent_of(title), actors)
        return EventActor(None, f"{title.text} {token.text}", actor.code, TextSpan(title.idx, token.idx + len(token.text), f"{title.text} {token.text}"))
    # "a large number of these militants", "tens of thousands of students"
    heads = [token]
    while len(heads) < 4 and (len(heads) == 1 or heads[-1].like_num or heads[-1].lemma_.lower() in QUANTITY_WORDS):
        under = next((g for c in heads[-1].children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"), None)
        if under is None:
            break
        heads.append(under)
    for head in heads[1:]:
        mention = actors.at(head, countries)
        if mention is not None:
            return _from_mention(mention, actors)
    modifiers = [c for h in heads for c in h.children if c.dep_ in ("poss", "amod", "compound", "nmod")]
    modifiers += [g for m in modifiers if m.lemma_.lower() in HOLDING for g in m.children if g.dep_ in ("npadvmod", "compound", "amod")]
    # "declined Russian invitation", "Russia's offer", "Israeli intelligence officials"; the name a
    # noun is called by before its owner: "bin Laden's al-Qaeda network" is al-Qaeda
    named = actors.within([m for m in modifiers if m.dep_ != "poss"] + [m for m in modifiers if m.dep_ == "poss"])
    if named is not None and named.code and len(named.code) >= 6 and named.code[3:6].isalpha():
        return _from_mention(named, actors)
    if named is not None and _is_country(named) and token.tag_ in ("NNS", "NNPS") and not agent_of(token) and token.lemma_.lower() not in NOT_PEOPLE:
        actor = _from_mention(named, actors)  # "Palestinian detainees", "Palestinian homes": the country's people,
        institution = next((s for m in modifiers if m.dep_ in ("compound", "amod") and (s := agent_of(m)) in INSTITUTIONS), "CVL")
        return EventActor(actor.entity_id, actor.name, named.code + institution, actor.span)  # "opposition candidates": its opposition
    housed = next(iter(_prep_objects(token, frozenset({"for"}))), None) if token.lemma_.lower() in HELD else None
    if housed is not None and (people := _actor(housed, actors)) is not None:
        return people  # "a camp for Congolese refugees was attacked": its people
    holder = next((m for m in modifiers if m.dep_ != "poss" and agent_of(m) and token.lemma_.lower() in HELD), None)
    if holder is not None:  # "fired on the militant positions"; "Albanian rebel-held territory" is Albania's
        return _agent(holder, agent_of(holder), actors, beside=modifiers)
    for head in heads:
        agent = agent_of(head)
        if not agent or _not_an_agent(head):
            continue
        if agent == "REB" and any(c.lower_ in ("these", "those", "the") for c in head.children):
            group = actors.last_armed_group(head.idx)
            if group is not None:
                return _from_mention(group, actors)  # "these militants": the last armed group named
        return _agent(head, agent, actors)
    author = next((c for c in token.children if c.dep_ == "poss" and c.lower_ in ("his", "her")), None)
    if named is None and author is not None and token.lemma_.lower() in AUTHORED and (found := _resolved(author, actors, possessive=True)):
        return found  # "the opposition plans protests to demand his resignation": the president it named
    mention = named
    if mention is None and inside:
        mention = actors.within(_near_words(token))
    return _from_mention(mention, actors) if mention is not None else None


def _not_an_agent(head: Token) -> bool:
    """ "a state of emergency" names no state; "the West Bank" no bank."""
    if head.pos_ == "PROPN" and head.ent_type_ in ("GPE", "LOC", "FAC"):
        return True
    return head.lemma_.lower() == "state" and any(c.dep_ == "prep" and c.lower_ == "of" for c in head.children)


def _agent(head: Token, agent: str, actors: Actors, beside: list[Token] | None = None) -> EventActor:
    """An agent noun, with the country its modifiers or "in/from X" name: "Rebels in the Ivory
    Coast"; ``beside``: words around it that may name the country too."""
    around = [c for c in head.children if c.dep_ in ("amod", "compound", "nmod", "poss")] + (beside or [])
    around += [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("in", "from", "of", "throughout") for g in c.children if g.dep_ == "pobj"]
    if agent == "REF":  # "refugees fleeing the civil war in Liberia"
        around += [c for c in head.children if c.dep_ in ("acl", "relcl")]
    # "workers affiliated with the Serbian Workers' Union", "a newspaper based in Beirut"; not
    # "troops stationed in Germany", who are not Germany's
    around += [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in BELONGING]
    # a town names the country of an institution ("the government of Sindh province"), not of a
    # private person ("a Tulsa man" stays ---CVL: private life is no public act)
    country = actors.country_of([t for a in around for t in a.subtree], places=agent not in ("CVL", "CRM"))
    if country is None and any(c.dep_ == "poss" and c.lower_ in OWN for c in head.children):
        country = _antecedent_state(head, actors)  # "Russia denied that its forces attacked"
    return EventActor(None, head.text, f"{country or '---'}{agent}", TextSpan(head.idx, head.idx + len(head.text), head.text))


def _antecedent_state(token: Token, actors: Actors) -> str | None:
    """The state a possessive "its"/"their" points to: the nearest subject above that is one."""
    for ancestor in token.ancestors:
        doer = next((c for c in ancestor.children if c.dep_ in SUBJECTS and c.i != token.i and not token.is_ancestor(c) and c.i < token.i), None)
        if doer is not None and doer.pos_ != "PRON":  # "Russia's defence ministry said its forces": Russia
            return actors.country_of([doer] + [t for c in doer.children if c.dep_ in ("poss", "compound", "amod", "nmod") for t in c.subtree])
    return None


def _near_words(token: Token) -> list[Token]:
    """The object's own words, not a clause that describes it: "the fire at 6016 Dublin Road that
    led to Henry's arrest" names no one who was investigated."""
    clauses = {t.i for c in token.children if c.dep_ in ("relcl", "acl", "advcl", "ccomp") for t in c.subtree}
    return [t for t in token.subtree if t.i not in clauses][:8]


def _from_mention(mention: EntityMention, actors: Actors) -> EventActor:
    name, kind, role = actors.names.get(mention.entity_id, (mention.entity_id, "", None))
    code = mention.code or _role_code(kind, role)
    if kind == "PERSON" and state_of(code) in actors.namesake_states:
        code = actors.namesake_states[state_of(code)] + code[3:]  # "Palestine ISD coordinator Craig Harris": USAGOV
    if kind == "PERSON" and code and code.startswith("---") and code[3:6] in STATE_OFFICES and actors.sole_state:
        code = actors.sole_state + code[3:]  # "Vice-President Moody Awori" in a story that names Kenya alone: KENGOV
    if (_is_country(mention) or mention.rule == "agent-phrase" and state_of(code)) and (namesake := actors.namesake_state(mention)) is not None:
        state, place = namesake  # "a Georgia man" there: USACVL
        return EventActor(None, f"{place.name}, {place.country}", state + (code or "")[3:], TextSpan(mention.span.start, mention.span.end, mention.span.text))
    if mention.rule == "demonym":
        words = actors.doc.char_span(mention.span.start, mention.span.end, alignment_mode="expand")
        if _ethnic(words):
            code = "---CVL"  # "ethnic Albanians demonstrated in Serbia": a people of the country they live in, not a state's
        elif code and len(code) == 3 and _people_acted_on(words):
            code += "CVL"  # "refusing admittance to Ghanaians", "arrested Iraqis": people, not their state
    return EventActor(mention.entity_id, name, code, TextSpan(mention.span.start, mention.span.end, mention.span.text))


def _people_acted_on(span: Span | None) -> bool:
    """A nation's plural name as the object of an act names people of it, and so does one of them
    counted ("shot dead a Palestinian", "arrested two Iraqis")."""
    if span is None or span.root.dep_ not in ("dobj", "pobj", "nsubjpass"):
        return False
    return span.root.tag_ == "NNPS" or any(c.dep_ in ("det", "nummod") and c.lower_ in ("a", "an", "one", "another") for c in span.root.children)


def _ethnic(span: Span | None) -> bool:
    return span is not None and span.start > 0 and span.doc[span.start - 1].lower_ == "ethnic"


def _reporting_verb(pronoun: Token) -> Token | None:
    """The verb of saying whose reported clause a pronoun is the subject of: "Hungary said it …";
    for he/she also a later clause of the report ("said he was pleased and that he plans to ask"),
    not a clause of its own ("… the pair had taken money and they were arrested"), nor a report the
    verb follows ("He banged on the door and accused the tenant, Nelson said": he is not Nelson)."""
    clause = pronoun.head
    while clause.dep_ == "conj" and clause.head.i != clause.i and pronoun.lower_ in ("he", "she"):
        clause = clause.head
    reporting = clause.head
    if (clause.dep_ == "ccomp" and reporting.i < pronoun.i
            and reporting.lemma_.lower() in SPEECH_VERBS | {"claim", "warn", "report", "admit", "confess", "acknowledge"}):
        return reporting
    return None


def _a_group(doer: Token) -> bool:
    """A speaker no he or she stands for: "police", "officials"."""
    if doer.ent_type_ == "PERSON" or doer.pos_ == "PROPN" or (doer.text[:1].isupper() and doer.i > doer.sent.start):
        return False  # "Plants said he …": a surname the tagger took for a plural
    return doer.tag_ == "NNS" or doer.lemma_.lower() == "police"


def _a_person(actor: EventActor | None, actors: Actors) -> bool:
    return actor is not None and actor.entity_id is not None and actors.names.get(actor.entity_id, ("", ""))[1] == "PERSON"


def _resolved(pronoun: Token, actors: Actors, possessive: bool = False) -> EventActor | None:
    """ "He was charged": the person named or described before, with the pronoun as the span that says so."""
    referent = actors.antecedents.resolve(pronoun, possessive)
    if referent is None:
        return None
    if isinstance(referent, Token):  # "a 24-year-old woman … arrested her"
        actor = _agent(referent, agent_of(referent), actors)
    else:
        actor = _from_mention(referent, actors)
    return EventActor(actor.entity_id, actor.name, actor.code, TextSpan(pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text), actor.span)


def _group(pronoun: Token, actors: Actors) -> EventActor | None:
    """ "… accused Hamas … and threatened them": the one group a they/them can stand for (``groups.py``)."""
    referent = group_referent(pronoun, actors.at, lambda m: actors.names.get(m.entity_id, ("", ""))[1] == "PERSON", actors.in_direct_quote)
    actor = _actor(referent, actors) if referent is not None else None
    if actor is None:
        return None
    return EventActor(actor.entity_id, actor.name, actor.code, TextSpan(pronoun.idx, pronoun.idx + len(pronoun.text), pronoun.text), actor.span)


def _role_code(kind: str, role: str | None) -> str | None:
    """A person known only by a title takes its sector: "Governor John Hoeven" → ---GOV."""
    agent = role_sector(role) if kind == "PERSON" and role else None
    return f"---{agent}" if agent else None


def public(actor: EventActor | None, actors: Actors) -> bool:
    """An actor of public life: a coded actor other than bare civilians or criminals, an
    organisation, or a person with a public role. "Ms. Underwood invited her to stay" is private life."""
    if actor is None:
        return False
    if actor.code:
        return actor.code not in ("---CVL", "---CRM")
    if actor.entity_id is None or actor.entity_id not in actors.names:
        return False
    _, kind, role = actors.names[actor.entity_id]
    return kind != "PERSON" or (role is not None and role.removeprefix("former ") not in PRIVATE_ROLES and role_sector(role) != "CVL")
