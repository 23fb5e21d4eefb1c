"""Where an event word reports no event: sports reports, road accidents, questions, refusals.

The verbs of conflict are the verbs of sport ("beat Enppi 1-0", "rarely threatened the
keeper") and of accidents ("a neighbour accidentally hit her"); "asked why" is a question, not
a request; "declined to comment" rejects nobody. These are decided from the words around the
event, which is why they live apart from the coder's grammar.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

SPORTS_WORDS = frozenset(
    "goalless goalkeeper keeper striker midfielder referee coach league cup championship tournament season match "
    "fixture derby playoff quarterfinal semifinal inning innings touchdown quarterback pitcher stadium scorer scored "
    "equaliser equalizer halftime half-time club ball wicket batsman bowler medal olympic olympics goalie puck rink hockey "
    "winger defenceman defenseman shorthanded breakaway overtime".split()
)
SCORE = re.compile(r"\b\d{1,3}\s?[-–]\s?\d{1,3}\b(?!\s*(?:year|month|day|km|mile|%))")
ACCIDENT_WORDS = frozenset(
    "accident accidental accidentally crash crashed collision collide collided driver driving drove vehicle car truck "
    "motorist pedestrian wreck overturned drowned drowning derailed derailment drive lane highway intersection motorcycle".split()
)
ON_FOOT = frozenset("walk cross jog run ride bike cycle".split())
VIOLENCE_WORDS = frozenset(
    "bomb bomber bombing gun gunman gunfire shot shooting shooter rifle explosive explosion grenade knife stabbed missile "
    "rocket militant insurgent attack attacker assailant suicide ambush sniper".split()
)
REFUSALS = frozenset("refuse decline fail reject".split())
NON_ANSWERS = frozenset("comment discuss say elaborate speculate answer confirm disclose specify identify name detail talk".split())
ASKING = frozenset("ask request".split())
UNNAMED = frozenset("name identify quote".split())
CONDITIONS = frozenset("if unless".split())
SPECULATIVE = frozenset("may might could".split())
OBLIGING = frozenset("must should".split())
# "thought about releasing", "needed to investigate Burisma": weighed or wanted, not done
WEIGHING = frozenset("consider contemplate think mull weigh ponder debate discuss envisage imagine need".split())
WISHING = frozenset("hope wish expect want".split())
# What stops an act before it happens: "preventing an arrest", "averted a strike"; and, with
# "from", "stopped them from entering", "barred the group from protesting".
PREVENTING = frozenset("prevent avert thwart foil forestall avoid".split())
PREVENTING_FROM = PREVENTING | frozenset("stop keep bar block ban deter discourage".split())
CONCEDING_IN_WORDS = frozenset("concede acknowledge admit grant".split())
UNREALISED = frozenset("should would could might".split())  # with "have": "should have offered"
# "persuading Israel to release inmates", "allowed inspectors to visit": the act is urged or let be, not reported done.
SWAYING = frozenset("persuade convince encourage invite advise tell authorize authorise allow permit let enable require ask urge get".split())
# "ordered the government to release", "forced the rebels to retreat": the one ordered, forced or
# swayed does the act (roles.py); only an act forced or helped along is done.
OBJECT_CONTROL = SWAYING | frozenset("order force compel oblige instruct direct command enable help".split())
FREQUENCY = frozenset("often usually typically generally routinely frequently regularly traditionally customarily normally "
                      "sometimes always rarely seldom commonly habitually".split())
ANYONE = frozenset("anyone anybody whoever everyone everybody".split())
DENIALS = frozenset("deny reject dismiss refute rebut disavow".split())
CLAIMS = frozenset("claim report allegation accusation charge suggestion assertion rumour rumor speculation notion idea".split())
LEADS = frozenset("information tip tips clue evidence".split())
QUESTION_WORDS = frozenset("why what how when where who whom whose which whether if".split())


def sports_report(doc: Doc) -> bool:
    """An article that reports a game: sport's words throughout, or a score beside them."""
    words = [t.lower_ for t in doc if t.lower_ in SPORTS_WORDS]
    return len(set(words)) >= 5 and len(words) >= 8 or (bool(SCORE.search(doc.text)) and len(set(words)) >= 3)


# Words of a contest won or lost: a game, a race, an election.
CONTEST_WORDS = frozenset(
    "win wins won winning victory victories election elections vote votes race match game title champion "
    "championship point points seat seats poll polls primary reelection tournament cup league final semifinal "
    "round set sets goal goals draw medal qualifier".split()
)


def contest(verb: Token) -> bool:
    """ "Russia beat Croatia on Monday", "Kentucky Democrats beat incumbent Gov. Matt Bevin in a
    state Trump won by 30 points", "was beaten out by Wichita Heights' Aidan Gantenbein": beaten
    in a game or an election, not struck. Said of "beat" alone: a side beaten by blows is a
    person or people, and one state beating another is always a game."""
    if verb.lemma_.lower() != "beat":
        return False
    if any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return True
    winner = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    beaten = next((c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if beaten is None:
        return False
    if winner is not None and winner.ent_type_ in ("GPE", "NORP") and beaten.ent_type_ in ("GPE", "NORP"):
        return True
    sentence = verb.sent
    return beaten.pos_ == "PROPN" and (bool(SCORE.search(sentence.text)) or any(
        t.lemma_.lower() in CONTEST_WORDS or t.lower_ in CONTEST_WORDS for t in sentence))


def accident(sentence: Span) -> bool:
    """A road or water accident, or a death in a fire ("four children killed in a fire"), and
    no weapon in the sentence."""
    lemmas = {t.lemma_.lower() for t in sentence} | {t.lower_ for t in sentence}
    in_a_fire = any(t.lemma_.lower() in ("fire", "blaze") and t.dep_ == "pobj" and t.head.lower_ in ("in", "by") for t in sentence)
    return bool(lemmas & ACCIDENT_WORDS or in_a_fire or _struck_on_foot(sentence)) and not lemmas & VIOLENCE_WORDS


def _struck_on_foot(sentence: Span) -> bool:
    """ "Kevin Johnson was struck while walking near Red Bank Road": hit by no one named, on foot."""
    return any(t.lemma_.lower() in ("strike", "hit") and any(c.dep_ == "auxpass" for c in t.children)
               and not any(c.dep_ == "agent" for c in t.children)
               and any(a.dep_ == "advcl" and a.lemma_.lower() in ON_FOOT for a in t.children) for t in sentence)


def refused(verb: Token) -> bool:
    """ "refused to blame the referee", "refused to pledge to release his tax returns": the act
    governed by a refusal did not happen."""
    clause = verb
    for _ in range(3):
        if clause.dep_ != "xcomp" or clause.head.i == clause.i:
            return False
        if clause.head.lemma_.lower() in REFUSALS:
            return True
        clause = clause.head
    return False


def conceded_in_words(verb: Token) -> bool:
    """ "conceded that the hotel might not be finished in time": a point granted in speech, not
    a concession made to anyone ("conceded defeat" is one)."""
    return verb.lemma_.lower() in CONCEDING_IN_WORDS and any(c.dep_ == "ccomp" for c in verb.children)


def non_answer(verb: Token) -> bool:
    """ "declined to comment", "declined comment", "refused to discuss the items seized": no one is
    rejected; "an official who asked not to be named", "requested anonymity": a source's terms
    with the reporter, no one is asked anything."""
    lemma = verb.lemma_.lower()
    if lemma in REFUSALS:
        # "declined comment", but "rejected talks with the United States" is a rejection
        return any(c.dep_ == "xcomp" and c.lemma_.lower() in NON_ANSWERS or c.dep_ == "dobj" and c.lemma_.lower() == "comment"
                   for c in verb.children)
    if lemma not in ASKING:
        return False
    unnamed = any(c.dep_ == "xcomp" and c.lemma_.lower() in UNNAMED and any(n.dep_ == "neg" for n in c.children) for c in verb.children)
    objects = [c for c in verb.children if c.dep_ == "dobj"] + [g for c in verb.children if c.dep_ == "prep" for g in c.children]
    return unnamed or any(o.lemma_.lower() == "anonymity" for o in objects)


# Advice to the public at large: "urged motorists to drive with caution", "experts urge people to run".
ADVISING = frozenset("urge advise encourage remind caution warn".split())
THE_PUBLIC = frozenset("motorist driver people public traveler traveller commuter consumer shopper pedestrian visitor "
                       "homeowner parent boater hiker swimmer everyone anyone".split())


def public_advice(verb: Token) -> bool:
    """Advice to everyone who reads it is no demand on an actor: "the State Patrol urges
    motorists to drive with caution"."""
    if verb.lemma_.lower() not in ADVISING:
        return False
    # the one advised, as the object, or as the subject the small model gives the infinitive's clause
    addressee = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj") and c.i > verb.i), None)
    return addressee is not None and addressee.lemma_.lower() in THE_PUBLIC and not any(c.dep_ in ("amod", "compound", "poss") for c in addressee.children)


def hypothetical(verb: Token) -> bool:
    """ "if Iran attacks", "unless Baghdad accepts", "thought about releasing the file",
    "is considering sanctions against", "whether he killed", "why he would shoot", "information
    leading to the arrest", "could yield", "may have targeted", "persuaded Israel to release": an
    act only supposed, weighed, possible, guessed at, urged or allowed; an event noun is as its verb
    makes it ("could include imposing sanctions")."""
    if verb.pos_ == "NOUN" and verb.dep_ == "dobj" and verb.head.pos_ == "VERB" and hypothetical(verb.head):
        return True
    clause = verb
    while clause.dep_ in ("conj", "xcomp") and clause.head.i != clause.i:
        clause = clause.head
    if any(a.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in a.children) for a in (verb, *verb.ancestors)):
        return True  # "if Iran attacks", "only if the country was involved in a terror attack against the US"
    if imperative(verb):
        return True  # "Go ahead – shoot me.", "Release the prisoners now, the president said": bidden, not done
    gerund = verb
    while gerund.dep_ == "conj" and gerund.head.i != gerund.i:
        gerund = gerund.head
    if gerund.tag_ == "VBG" and gerund.dep_ in ("dobj", "xcomp", "pcomp"):
        governor = gerund.head.head if gerund.dep_ == "pcomp" else gerund.head
        if any(c.dep_ == "aux" and c.lower_ in SPECULATIVE | {"would"} for c in governor.children):
            return True  # "that could include indicting the hackers and imposing sanctions": possible acts
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in clause.children):
        return True  # "to determine whether he murdered the boy"
    if clause.left_edge.lower_ in ("why", "how") and any(c.dep_ == "aux" and c.lower_ == "would" for c in verb.children):
        return True  # "didn't know why he would shoot people there": a question asked, not an act
    if for_clause(verb) is not None:
        return True  # "made recommendations for Canada to help Haiti", "it is time for Israel to withdraw": proposed, not done
    if any(c.dep_ == "aux" and c.lower_ in SPECULATIVE for c in verb.children):
        return True  # "could yield", "may have targeted the facility": possible, or a guess about the past
    if verb.dep_ == "advcl" and to_infinitive(verb) and any(
            c.dep_ == "aux" and c.lower_ in OBLIGING for c in verb.head.children):
        return True  # "forces must ensure security to allow supplies to reach the needy": the aim of what is asked
    if verb.dep_ == "pobj" and verb.head.lower_ == "to" and verb.head.head.lemma_.lower() == "lead" and verb.head.head.head.lemma_.lower() in LEADS:
        return True  # "a reward for information leading to the arrest of a suspect": no arrest yet
    governor = verb.head.head if verb.dep_ == "pcomp" else verb.head
    if verb.dep_ == "ccomp" and governor.lemma_.lower() in WISHING:
        return True  # "hopes the president will allow him inside": a wish, not the president's act
    if _swayed(verb) or counterfactual(verb):
        return True
    complement = verb.dep_ in ("xcomp", "pcomp", "ccomp") or (verb.dep_ == "advcl" and to_infinitive(verb))  # "needed to investigate"
    return complement and governor.lemma_.lower() in WEIGHING


CLAUSE_OPENERS = frozenset('" “ ” – — - : ; ,'.split())


def imperative(verb: Token) -> bool:
    """A bare verb opening its clause with no subject: a command or a dare."""
    if verb.tag_ != "VB" or verb.dep_ not in ("ROOT", "ccomp", "dep", "parataxis"):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark", "expl") for c in verb.children):
        return False
    before = verb.i - 1
    while before >= verb.sent.start and verb.doc[before].pos_ == "ADV":
        before -= 1
    return before < verb.sent.start or verb.doc[before].text in CLAUSE_OPENERS


def to_infinitive(verb: Token) -> bool:
    """A verb with its infinitive "to": "to attack", "to be sentenced"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def for_clause(clause: Token) -> Token | None:
    """The "for" of a "for … to" clause ("called for Israel to withdraw"), else None."""
    if clause.dep_ not in ("advcl", "ccomp", "xcomp") or not to_infinitive(clause):
        return None
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "for"), None)


def prevented(verb: Token) -> bool:
    """ "preventing an arrest", "avoided attacking", "stopped the rebels from entering the town":
    an act stopped before it happened."""
    if verb.dep_ in ("dobj", "xcomp") and verb.head.lemma_.lower() in PREVENTING:
        return True
    return verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in PREVENTING_FROM


def counterfactual(verb: Token) -> bool:
    """ "should have offered", "would have attacked", and what such an act was for ("should have
    looked at reducing the tax to offer Ontarians relief"): what did not happen."""
    clause = verb
    for _ in range(5):
        auxiliaries = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if auxiliaries & UNREALISED and "have" in auxiliaries and clause.tag_ == "VBN":
            return True
        infinitive = clause.dep_ == "advcl" and to_infinitive(clause)
        if clause.head.i == clause.i or not (clause.dep_ in ("xcomp", "pcomp", "pobj", "prep") or infinitive):
            return False
        clause = clause.head
    return False


def _swayed(verb: Token) -> bool:
    """An act someone is persuaded, allowed or asked to do, or one done to that end ("asks the court
    to delay the execution to allow him time")."""
    clause = verb
    for _ in range(3):
        governor = clause.head
        if governor.i == clause.i:
            return False
        if clause.dep_ == "xcomp" and governor.lemma_.lower() in SWAYING and any(c.dep_ == "dobj" for c in governor.children):
            return True
        if (clause.dep_ == "ccomp" and governor.lemma_.lower() in SWAYING and (to_infinitive(clause) or governor.lemma_.lower() == "let")
                and any(c.dep_ == "nsubj" for c in clause.children)):
            return True  # "would allow families to sue", "would let families sue": the one allowed parsed as the subject
        if clause.dep_ not in ("xcomp", "advcl", "conj"):
            return False
        clause = governor
    return False


def habitual(verb: Token, *, material: bool) -> bool:
    """ "county judges often appeal for projects", "states that offer the plate", "will arrest
    anyone caught": what is done as a rule, not an act that took place. A material act told as a
    practice ("soldiers routinely beat up detainees") is still reported violence, and coded."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    shared = [verb, clause, *(c for c in verb.children if c.dep_ == "conj")]  # "arrest and detain anyone"
    if any(c.dep_ in ("dobj", "nsubjpass", "nsubj") and c.lower_ in ANYONE for v in shared for c in v.children):
        return True  # "will arrest anyone caught driving": a policy, no act yet
    if verb.dep_ == "acl" and verb.head.lower_ in ANYONE:
        return True  # "anybody fighting with their family": whoever might, no one did
    if kinds_of_people(verb):
        return True
    if material:
        return False
    if any(c.dep_ == "advmod" and c.lower_ in FREQUENCY for c in (*verb.children, *clause.children)):
        return True
    return clause.dep_ == "relcl" and clause.tag_ in ("VBP", "VBZ") and clause.head.tag_ == "NNS"


def kinds_of_people(verb: Token) -> bool:
    """ "the epidemic of police officers killing unarmed black people", "talked about police being
    shot": a gerund whose every party is a bare plural, a kind of people and no one in particular,
    names a phenomenon talked of, not an act that took place. A party or place made particular
    ("soldiers killing civilians in the village", "the officers", "two men") makes it an act."""
    if verb.tag_ == "VBN":
        if not any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children):
            return False
    elif verb.tag_ != "VBG" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    if verb.dep_ not in ("acl", "pcomp", "pobj", "dobj", "nsubj", "csubj"):
        return False
    subjects = [verb.head] if verb.dep_ == "acl" else [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False  # "accused of attacking people": the one accused did it
    parties = subjects + [c for c in verb.children if c.dep_ == "dobj"]
    parties += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    places = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return all(_a_kind(p, verb) for p in parties) and not any(_particular(p) for p in places)


def _a_kind(noun: Token, verb: Token) -> bool:
    if not (noun.tag_ == "NNS" or noun.lemma_.lower() == "police") or noun.ent_type_:
        return False
    return not any(c.i != verb.i and (c.dep_ in ("det", "poss", "nummod", "quantmod", "appos", "relcl", "acl", "prep") or c.ent_type_)
                   for c in noun.children)


def _particular(noun: Token) -> bool:
    return noun.pos_ == "PROPN" or bool(noun.ent_type_) or any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an") for c in noun.children)


NAMES_OF_THINGS = frozenset("ORG PRODUCT WORK_OF_ART FAC LAW".split())


SUMMONED_TO = frozenset("appear testify explain answer report".split())
QUESTIONING = frozenset("questioning interrogation interview".split())


def _summoned(verb: Token) -> bool:
    """ "The police had invited only Melaye and Murray-Bruce to appear before the Command", "invited
    for questioning": a summons by those who may compel, no invitation to meet."""
    if any(c.dep_ == "xcomp" and c.lemma_.lower() in SUMMONED_TO for c in verb.children):
        return True
    return any(g.lower_ in QUESTIONING for c in verb.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children)


def no_act(word: Token) -> bool:
    """Event words that report no act: a word of a name ("the Volatiles Investigating Polar
    Exploration Rover"), an impression ("that struck me as different"), a summons ("invited
    for questioning"; CAMEO has no code for it), a figure that fell ("the
    Nikkei 225 declined 0.3%": declining nothing; "Chaffetz declined" still refuses)."""
    if word.ent_type_ in NAMES_OF_THINGS and word.text[:1].isupper() and word.i > word.sent.start:
        return True
    lemma = word.lemma_.lower()
    if lemma == "strike" and any(c.dep_ == "prep" and c.lower_ == "as" for c in word.children):
        return True
    if lemma in ("invite", "summon") and _summoned(word):
        return True
    return lemma == "decline" and word.pos_ == "VERB" and any(
        t.like_num or t.text in ("%", "percent") for c in word.children if c.dep_ in ("dobj", "npadvmod", "prep", "advmod")
        for t in c.subtree)


CONCURRING = frozenset("agree concur recognize recognise acknowledge".split())


def a_view(verb: Token) -> bool:
    """ "agree (that) the county will comply", "all agreed Pence won": a clause with a subject of its
    own says what is thought true, not what anyone undertakes to do ("agreed to reinstate", "agreed
    that it would release the prisoners", "agreed that both countries should cooperate")."""
    return any(c.dep_ == "ccomp" and any(_someone_else(g) for g in c.children)
               and not any(g.dep_ == "aux" and g.lower_ in ("should", "must") for g in c.children) for c in verb.children)


def _someone_else(subject: Token) -> bool:
    """The subject of what is agreed, when it is not the one agreeing ("it", "we", "both countries")."""
    if subject.dep_ not in ("nsubj", "nsubjpass", "expl") or subject.tag_ == "PRP":
        return False
    return not any(c.lower_ in ("both", "all", "each") for c in subject.children)


def denied(verb: Token) -> bool:
    """ "denied that its forces attacked the convoy", "rejected claims that it shelled the
    village": an act someone denies is reported, not asserted."""
    clause = verb
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    governor = clause.head
    if clause.dep_ in ("ccomp", "xcomp", "pcomp") and governor.lemma_.lower() in DENIALS:
        return True
    if governor.dep_ == "prep" and clause.dep_ == "pcomp" and governor.head.lemma_.lower() in DENIALS:
        return True
    # "rejected claims that it shelled …"; when the parse hangs the clause on "rejected" itself, the first rule has it
    return clause.dep_ in ("acl", "ccomp") and governor.lemma_.lower() in CLAIMS and governor.head.lemma_.lower() in DENIALS


def question(verb: Token) -> bool:
    """ "Asked why he didn't …", "asked whether talks would resume": a question, not a request;
    and any act in a sentence that asks ("How many must die before we strike back?")."""
    if verb.sent.text.rstrip(" \"'”’)").endswith("?"):
        return True
    if verb.lemma_.lower() not in ("ask", "inquire", "wonder", "demand"):
        return False
    if verb.pos_ == "VERB" and not any(c.dep_ in ("dobj", "dative", "xcomp", "ccomp", "prep", "advcl", "nsubjpass") for c in verb.children):
        return True  # "“What is the contingency …,” Aderholt asked.", "Vitter demanded.": the cue of a question
    if verb.lemma_.lower() == "demand":
        return False
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "advcl")):
        if clause.left_edge.lower_ in QUESTION_WORDS:
            return True
    # "asked the kids if anyone had any classes": the question right after the one asked, wherever
    # the parse hung it
    end = max([verb.i] + [c.right_edge.i for c in verb.children if c.dep_ in ("dobj", "dative")])
    if end + 1 < len(verb.doc) and verb.doc[end + 1].lower_ in ("if", "whether"):
        return True
    return any(c.dep_ == "prep" and c.lower_ == "about" for c in verb.children)


# Attacks made in words: campaign news "attacks" and "targets" rivals in tweets, ads and speeches.
WORDED_ATTACKS = frozenset("attack target assail".split())
MEANS_OF_WORDS = frozenset(
    "tweet twitter facebook post speech remark comment statement interview ad advertisement commercial video "
    "editorial column op-ed letter debate rally insult word message broadside".split()
)
IN_WORDS = frozenset("verbally personally publicly rhetorically".split())
WORDED_KINDS = frozenset("personal verbal political rhetorical partisan".split())
SPEECH_ACTS = frozenset("blame criticize criticise accuse denounce condemn describe call say apologize apologise mock insult".split())


def attack_in_words(word: Token) -> bool:
    """ "Trump attacked Machado in early-morning tweets", "attacked Clinton for her support of the
    war", "a tweet attacking a former Miss Universe", "personally attacked his wife", "attacked
    officers and blamed police shootings on bias": criticism (ACCUSE), not force."""
    if word.lemma_.lower() not in WORDED_ATTACKS:
        return False
    children = list(word.children)
    if any(c.dep_ == "advmod" and c.lower_ in IN_WORDS for c in children):
        return True
    if word.pos_ == "NOUN":
        if any(c.dep_ == "amod" and c.lower_ in WORDED_KINDS for c in children):
            return True
        return any(a.lemma_.lower() in MEANS_OF_WORDS for a in list(word.ancestors)[:3] if a.pos_ == "NOUN")  # "remarks … including an attack on McCain"
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in children)
    for child in children:
        if child.dep_ == "prep" and any(g.lemma_.lower() in MEANS_OF_WORDS for g in child.children if g.dep_ == "pobj"):
            return True  # "in tweets", "during the debate", "on Twitter"
        if child.dep_ == "prep" and child.lower_ == "for" and not passive and any(c.dep_ == "dobj" for c in children):
            return True  # "attacked Clinton for her support": a reproach
        if child.dep_ == "prep" and child.lower_ == "as" and any(g.dep_ == "pobj" and g.pos_ in ("NOUN", "ADJ") for g in child.children):
            return True  # "attacked the deal as a disaster": a judgement
        if child.dep_ in ("advcl", "conj") and child.lemma_.lower() in SPEECH_ACTS:
            return True  # "attacked Trump, saying …", "attacked officers and blamed …"
        if child.dep_ in ("nsubj", "csubj") and child.lemma_.lower() in MEANS_OF_WORDS:
            return True  # "the ad attacks Kaine"
    if word.dep_ == "conj" and word.head.lemma_.lower() in SPEECH_ACTS:
        return True  # "to stop attacking Machado and apologize" — the small model may head either
    if word.dep_ in ("acl", "relcl") and word.head.lemma_.lower() in MEANS_OF_WORDS:
        return True  # "a tweet attacking …", "tweets targeting …"
    return False
