"""In which sense a country, capital or demonym is used: actor, place or reference.

"Moscow believes", "Russia's decision", "offered its cooperation to
Washington", "talks with Kabul": the state acts, or is acted on — an *actor*.
"in Afghanistan", "fled Syria", "the border with Tajikistan": a *place*.
"Afghanistan peace talks", "the envoy on Afghanistan": a *reference*, neither.
The decision reads the dependency parse: the word's role in its clause, the
preposition that governs it and what that preposition attaches to.

Agent phrases take the institution from their head noun: "Russian forces" is
Russia's military (RUSMIL), "US authorities" its government (USAGOV).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from importlib import resources

import yaml
from spacy.tokens import Span, Token

PLACE_PREPOSITIONS = frozenset("in at inside within throughout across near outside into around onto toward towards beyond via along off".split())
CONTAINER_NOUNS = frozenset("city town village capital province region district area camp county state neighborhood neighbourhood suburb port island border frontier coast countryside".split())
EVENT_NOUNS = frozenset("invasion occupation bombardment shelling siege liberation capture control outskirts much most all some".split())
ACTOR_PREPOSITIONS = frozenset("between by against than versus vs.".split())
TOPIC_PREPOSITIONS = frozenset("on about for over regarding concerning".split())
MOTION = frozenset(
    """
    go come travel fly move flee return send deploy arrive head expand spread extend bring trip visit journey way road
    route migrate escape relocate withdraw retreat evacuate transfer smuggle export import ship infiltrate cross enter
    leave reach march drive sail emigrate immigrate repatriate deport extradite exile expansion flight arrival
    deployment influx flow gateway border stretch lead
    """.split()
)
PLACE_NOUNS = frozenset(
    "north south east west northeast northwest southeast southwest part parts region province district capital border "
    "city town village area territory soil coast centre center heart outskirts edge interior rest side corner half "
    "district neighborhood neighbourhood suburb street streets airport port harbour harbor market square county "
    "governorate zone camp countryside".split()
)
RELATIONS = frozenset(
    """
    offer give tell say write send appeal message cooperation cooperate talk talks relation relations tie ties pressure
    support aid threat threaten warning warn letter envoy ambassador diplomat delegation deal agreement dialogue
    negotiation negotiations negotiate demand request proposal propose invitation invite apology signal ultimatum call
    plea accuse accusation urge criticize criticise criticism condemn blame praise reject persuade press sanction
    sanctions decision position policy stance response statement view claim claims ally allies partner rival enemy
    backing approval consent permission protest complaint reply answer bid plan effort attempt move initiative overture
    condemnation rebuke denunciation draw
    """.split()
)
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
STATIVE = frozenset({"be", "lie", "sit", "border", "remain"})  # "Moscow is a city": no agent


@lru_cache(maxsize=1)
def agent_nouns() -> dict[str, str]:
    """lemma (or "modifier lemma") → CAMEO agent code, from agents.yaml."""
    data = yaml.safe_load(resources.files("newsdesk.entities").joinpath("data", "agents.yaml").read_text(encoding="utf-8"))
    return {noun: code for code, nouns in data.items() for noun in nouns}


_USER_AGENTS: ContextVar[Mapping[str, str]] = ContextVar("user_agent_nouns", default={})


@contextmanager
def user_agents(nouns: Mapping[str, str]) -> Iterator[None]:
    """Agent nouns from the user's dictionaries, in force while one article is analysed."""
    token = _USER_AGENTS.set(nouns)
    try:
        yield
    finally:
        _USER_AGENTS.reset(token)


# Sectors a modifier can give a generic agent noun: "company officials" are of a business (BUS), not
# the government; "church leaders" of a religion (REL); "school officials" of education (EDU).
# An employer's sector goes to its officials, not to everyone on its payroll: a "church employee" is a private person.
EMPLOYERS = ("BUS", "EDU", "HLH", "REL")
INSTITUTIONS = ("COP", "MIL", "JUD", "SPY", "REB", "OPP", "LAB", *EMPLOYERS)
# Words that count or measure a group: "tens of thousands of students", "a group of refugees".
QUANTITY_WORDS = frozenset("ten tens hundred hundreds thousand thousands million millions dozen dozens score scores number group "
                           "batch contingent handful lot many several some few".split())
GENERIC_AGENTS = ("MIL", "LEG", "GOV", "COP")
GROUPS = frozenset("group faction movement member bloc camp wing outfit cell unit".split())


# Who held an office of state and no longer does is of the elites (CAMEO ELI): "former president
# Carlos Menem" is ARGELI, not ARGGOV. Former soldiers or rebels stay what they were named for.
FORMER = frozenset({"former", "ex", "ex-", "retired"})
ELITE_WHEN_FORMER = frozenset({"GOV", "LEG", "JUD"})  # a former soldier is still named for the army


def role_sector(role: str) -> str | None:
    """The sector of a person's role: "governor" → GOV; "opposition leader" → OPP, the institution
    before a generic role noun; "former president" → ELI."""
    nouns = agent_nouns()
    words = role.split()
    if len(words) > 1 and words[0] in FORMER:
        sector = role_sector(" ".join(words[1:]))
        return "ELI" if sector in ELITE_WHEN_FORMER else sector
    if len(words) > 1 and role not in nouns and nouns.get(words[0]) in INSTITUTIONS:
        return nouns[words[0]]
    return nouns.get(role) or nouns.get(words[-1])


def agent_of(token: Token) -> str | None:
    """The sector an agent noun names; a modifier naming an institution makes it precise:
    "police task force" is COP (not MIL), "sheriff's deputies" COP (not LEG), "court officials" JUD,
    "rebel leaders" REB, "opposition leader" OPP; "former officials" are elites (ELI)."""
    sector = _modified_agent(token)
    if sector == "LEG" and token.lemma_.lower() == "deputy" and any(t.lower_ == "sheriff" for t in token.doc):
        return "COP"  # "Deputies arrest Pointe Coupee teen … Sheriff Torres said": a sheriff's deputies
    if sector in ELITE_WHEN_FORMER and any(c.lower_ in FORMER for c in token.children if c.i < token.i):
        return "ELI"
    return sector


def _modified_agent(token: Token) -> str | None:
    own = _lexical_agent(token)
    if own is None and token.lemma_.lower() in GROUPS:
        # "opposition groups", "rebel factions", "union members": the group is what its modifier names
        return next((sector for m in token.children if m.dep_ in ("compound", "amod") and m.i < token.i and (sector := _lexical_agent(m))), None)
    if own in GENERIC_AGENTS:
        for modifier in token.children:
            if modifier.dep_ in ("compound", "poss", "amod") and modifier.i < token.i:
                sector = _lexical_agent(modifier)
                if sector in INSTITUTIONS and sector != own:
                    return sector
    return own


def _lexical_agent(token: Token) -> str | None:
    user = _USER_AGENTS.get()
    if user:
        before = [t.lower_ for t in token.doc[max(0, token.i - 2):token.i]]
        phrases = [" ".join([*before[k:], token.lemma_.lower()]) for k in range(len(before))]  # longest first
        found = next((user[p] for p in phrases if p in user), None) or user.get(token.lemma_.lower()) or user.get(token.lower_)
        if found:
            return found
    nouns = agent_nouns()
    if token.i > 0:
        pair = f"{token.doc[token.i - 1].lower_} {token.lemma_.lower()}"
        if pair in nouns:
            return nouns[pair]
    return nouns.get(token.lemma_.lower()) or nouns.get(token.lower_)


DASHES = frozenset("— – - --".split())  # what ends a dateline: "CLINTON — A town couple …"


def dateline(span: Span) -> bool:
    """A place in capitals before a dash that opens a report ("CLINTON — A town couple …"): the
    model may take it for a person, the parse for the subject."""
    doc, start = span.doc, span.sent.start
    return (span.end < len(doc) and doc[span.end].text in DASHES and len(span.text) > 1
            and all(t.is_upper and t.is_alpha for t in doc[start:span.end]))


def agent_head(span: Span) -> Token | None:
    """The agent noun a name modifies: "Russian [forces]", "US [authorities]", "Russia's [envoy]".

    Only when nothing but modifiers stand between: in "Russian, Georgian and
    South Ossetian troops" each name keeps its own span.
    """
    root = span.root
    head = root.head
    if root.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and head.i >= span.end and head.pos_ in ("NOUN", "PROPN"):
        between = span.doc[span.end:head.i]
        if agent_of(head) and not any(t.dep_ in ("cc", "conj") or t.text == "," or t.ent_type_ for t in between):
            # "Israeli intelligence officials": the modifier names the institution more precisely
            specific = next((t for t in between if t.dep_ in ("compound", "amod") and agent_of(t) in (*INSTITUTIONS, "LEG")), None)
            return specific if specific is not None and agent_of(head) == "GOV" else head
    return None


def metonymic_actor(span: Span) -> bool:
    """A capital or seat of government that stands for its state: "Moscow believes",
    "offered its cooperation to Washington", "Moscow and Washington have differences",
    "Washington's decision", "urged Kabul". Anywhere else it is a place."""
    following = span.doc[span.end] if span.end < len(span.doc) else None
    in_place_phrase = span.root.dep_ == "pobj" and span.root.head.lower_ in PLACE_PREPOSITIONS
    if following is not None and following.tag_ in ("VBZ", "VBD", "VBP", "MD") and following.lemma_ not in STATIVE and not in_place_phrase:
        return True  # "as Moscow has close relations": the subject, even where the parse says otherwise ("officials in Kabul said" is not)
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    dep, head = token.dep_, token.head
    lemma = head.lemma_.lower()
    if dep in SUBJECTS:
        return lemma not in STATIVE
    if dep == "poss":
        return lemma in RELATIONS or bool(agent_of(head))
    if dep in ("dobj", "dative"):
        return lemma in RELATIONS
    if dep == "pobj":
        word = head.lower_
        governor = head.head.lemma_.lower()
        if word in ("between", "by", "against"):
            return True
        return word in ("to", "with", "from", "on") and governor in RELATIONS
    return False


def sense_of(span: Span) -> str:
    """actor | place | reference, for a country-like name."""
    token = span.root
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head  # "Moscow and Washington have differences": the first conjunct's role
    dep = token.dep_
    if dep in SUBJECTS:
        return "actor"
    if dep == "poss":
        return "actor"
    if dep == "dobj":
        return "place" if token.head.lemma_.lower() in MOTION else "actor"
    if dep == "pobj":
        return _after_preposition(token.head)
    if dep in ("compound", "nmod") and token.head.lemma_.lower() in CONTAINER_NOUNS:
        return "place"  # "this major Ivory Coast city", "the Sri Lanka capital"
    if dep == "dative":
        return "actor"
    return "reference"


def _after_preposition(prep: Token) -> str:
    word = prep.lower_
    governor = prep.head
    lemma = governor.lemma_.lower()
    if word in PLACE_PREPOSITIONS:
        return "place"
    if word in ACTOR_PREPOSITIONS:
        return "actor"
    if word in TOPIC_PREPOSITIONS:
        return "reference"
    if word in ("to", "from"):
        return "place" if lemma in MOTION or lemma in PLACE_NOUNS else "actor"
    if word == "with":
        return "place" if lemma in ("border", "frontier") else "actor"
    if word == "of":
        if lemma in PLACE_NOUNS or lemma in EVENT_NOUNS:
            return "place"  # "the north of Afghanistan", "the invasion of Panama", "much of Liberia"
        if agent_of(governor):
            return "actor"
        return "reference"
    return "reference"
