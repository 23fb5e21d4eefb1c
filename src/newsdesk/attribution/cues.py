"""Cue words that introduce what someone says, reports, believes or denies.

Lemmas, grouped by what the cue tells an analyst about the claim. The lists are
data: extend them here (a user dictionary file comes with the actor layer).
"""

from __future__ import annotations

SPEECH = frozenset(
    """
    say tell add note state claim disclose warn predict announce explain declare insist argue assert
    stress emphasize emphasise reiterate repeat reply respond answer ask urge write tweet post comment
    remark recall acknowledge admit concede confirm report reveal suggest allege accuse charge complain
    describe testify promise pledge vow vote call cite quote continue conclude estimate forecast
    maintain point indicate observe mention caution threaten demand propose recommend predict
    signal hint contend counter retort quip boast brag lament concede mutter shout chant yell
    speak talk echo publish issue label liken compare refer highlight detail document invoke
    address sing tout dub brand characterize characterise recount relate inform assure brief
    remind advise concur affirm proclaim plead joke muse sneer scoff whisper interject
    """.split()
)
BELIEF = frozenset(
    "believe think feel hope expect fear worry doubt suspect consider know understand assume agree disagree "
    "see view regard imagine guess reckon wonder decide conclude determine recognize recognise".split()
)
EVIDENCE = frozenset("show find reveal suggest indicate learn hear read rule demonstrate prove".split())
DENIAL = frozenset("deny reject dismiss refute dispute contest rebut".split())

# Stances: an attitude to a thing rather than a reported clause ("called for a ceasefire",
# "criticized Pakistan", "wants to expand"). Their content is the object or the infinitive.
STANCE = frozenset(
    """
    call cite criticize criticise accuse condemn blast slam praise endorse support back want plan seek
    demand urge question describe mention welcome oppose defend applaud hail attack complain express
    pledge promise vow refuse decline intend aim push rail mock challenge blame thank
    offer propose encourage reference discuss promote expect denounce decry deride ridicule
    dismiss lambaste castigate chide scold rebuke assail berate fault champion tout embrace
    rate weigh press
    """.split()
)

# Adjectives that state a belief or a stance of the subject: "were sure Trump would win",
# "has been critical of Trump", "are afraid that …", "is bearish on student loans".
ATTITUDES = frozenset(
    """sure certain confident convinced afraid worried concerned hopeful optimistic pessimistic
    skeptical sceptical doubtful critical supportive adamant unsure uncertain determined eager
    reluctant opposed bearish bullish wary fearful""".split()
)

# Nouns that carry an attribution of their own: "Trump's claim that …", "her call for …",
# "an agreement to explore …". Each with the kind its verb would have.
NOUN_KINDS = {
    **dict.fromkeys(
        """claim statement assertion allegation argument warning promise pledge remark comment
        announcement insistence suggestion contention admission prediction charge accusation
        criticism call demand proposal threat vow assurance acknowledgment acknowledgement
        declaration""".split(), "speech"),
    **dict.fromkeys("belief view fear hope concern conviction assessment expectation worry".split(), "belief"),
    **dict.fromkeys("report finding conclusion estimate ruling".split(), "evidence"),
    **dict.fromkeys("denial rejection".split(), "denial"),
    **dict.fromkeys("plan decision agreement determination refusal offer intention commitment".split(), "stance"),
}

CUE_LEMMAS = SPEECH | BELIEF | EVIDENCE | DENIAL

KINDS = {lemma: "speech" for lemma in SPEECH}
KINDS.update({lemma: "belief" for lemma in BELIEF})
KINDS.update({lemma: "evidence" for lemma in EVIDENCE})
KINDS.update({lemma: "denial" for lemma in DENIAL})
for _lemma in STANCE:
    KINDS.setdefault(_lemma, "stance")


def cue_kind(lemma: str, pos: str = "VERB") -> str | None:
    if pos == "NOUN":
        return NOUN_KINDS.get(lemma.lower())
    if pos == "ADJ":
        return "belief" if lemma.lower() in ATTITUDES else None
    return KINDS.get(lemma.lower())
