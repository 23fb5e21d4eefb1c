"""Quotes and reported speech from the shared parse.

Three patterns, each read off the dependency parse of the one spaCy Doc:

- **direct**: a quoted passage (curly or straight quotes, possibly over several
  sentences or paragraphs) and, in the sentences it touches, a cue verb outside
  the quotes whose subject is the speaker (``“…,” he told RIA Novosti``). A quoted
  paragraph with no cue continues the previous quote's speaker.
- **indirect**: a cue verb with a clause complement (``Kabulov claimed that …``,
  ``the army said on Sunday it had …``); the clause is the content, the verb's
  subject the speaker.
- **according_to**: ``according to X, …``; the rest of the sentence is the content.

Speakers are resolved afterwards by ``speakers.resolve_speakers``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import ATTITUDES, CUE_LEMMAS, EVIDENCE, NOUN_KINDS, STANCE, cue_kind

EXTRACTOR = "newsdesk-attribution-1"
OPENING = "“\"«"
CLOSING = "”\"»"
MIN_QUOTE_WORDS = 4
SUBJECT_DEPS = ("nsubj", "nsubjpass", "expl")
CLAUSE_DEPS = ("ccomp", "parataxis")


@dataclass
class Candidate:
    """A quote before speaker resolution."""

    kind: str
    content: tuple[int, int]
    cue: Token | None
    speaker: Span | None
    addressee: Span | None
    continues_previous: bool = False
    cue_text: tuple[int, int] | None = None  # for multi-word cues ("according to")
    mark: bool = False  # the cue is punctuation: "PENCE: …", "“…” ― Carla Sanchez"


def quoted_passages(text: str, paragraph_starts: list[int]) -> list[tuple[int, int]]:
    """Character spans inside quotation marks (marks excluded), across paragraphs when open.

    Marks are curly or straight double quotes, guillemets, and the doubled apostrophes
    (``''``) some wire archives use.
    """
    spans: list[tuple[int, int]] = []
    opened: int | None = None
    i = 0
    while i < len(text):
        width = 2 if text.startswith("''", i) or text.startswith("``", i) else 1
        char = '"' if width == 2 else text[i]
        if opened is None:
            if char in OPENING and _opens(text, i):
                opened = i + width
        elif char in CLOSING and _closes(text, i + width - 1):
            spans.append((opened, i))
            opened = None
        elif text.startswith("\n\n", i):
            # A paragraph inside an open quote: the quote continues if the next one opens again.
            next_start = i + 2
            if next_start < len(text) and (text[next_start] in OPENING or text.startswith("''", next_start)):
                spans.append((opened, i))
                opened = next_start + (2 if text.startswith("''", next_start) else 1)
                i = opened - 1
            else:
                opened = None  # unbalanced: drop rather than swallow the article
        i += width
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if len(text[s:e].split()) >= MIN_QUOTE_WORDS]


def _opens(text: str, i: int) -> bool:
    if text[i] == "“" or text[i] == "«":
        return True
    return i == 0 or not text[i - 1].isalnum()


def _closes(text: str, i: int) -> bool:
    if text[i] in "”»":
        return True
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    return start, end


GROUP_DEPS = ("aux", "auxpass", "neg", "advmod")


def verb_group(verb: Token, preposition: Token | None = None) -> tuple[int, int]:
    """The cue as a reader sees it: "have also questioned", "isn't saying", "pointed to".

    Auxiliaries, negation and adverbs directly before the verb join it, as do a particle
    ("pointed out") and the preposition that introduces the content ("called for").
    """
    start = verb.i
    while start > verb.sent.start and _in_group(verb.doc[start - 1], verb):
        start -= 1
    end = verb.i
    for token in verb.doc[verb.i + 1:verb.sent.end]:
        if token.head == verb and token.dep_ == "prt" or token == preposition:
            end = token.i
        else:
            break
    if preposition is None:
        end = _setting_end(verb, end)
    first, last = verb.doc[start], verb.doc[end]
    return first.idx, last.idx + len(last.text)


# Where or when words were said belongs to the cue: "said in a phone interview", "wrote in an
# email", "told reporters at a briefing Monday", "said Thursday morning".
SETTINGS = frozenset(
    """interview statement email e-mail letter tweet post message briefing conference speech rally
    call release op-ed editorial column memo broadcast appearance hearing debate event town hall
    radio television podcast blog video session meeting""".split()
)
SETTING_PREPOSITIONS = ("in", "at", "during", "on", "through", "via")


def _setting_end(verb: Token, end: int) -> int:
    """The last token of the setting phrases that directly follow a speech verb."""
    doc = verb.doc
    while end + 1 < verb.sent.end:
        token = doc[end + 1]
        if token.head != verb:
            break
        is_time = token.dep_ == "npadvmod" and token.ent_type_ in ("DATE", "TIME")
        is_setting = token.dep_ == "prep" and token.lower_ in SETTING_PREPOSITIONS and any(
            c.dep_ == "pobj" and (c.lemma_.lower() in SETTINGS or c.lower_ in ("twitter", "facebook")) for c in token.children
        )
        if not (is_time or is_setting):
            break
        end = max(t.i for t in token.subtree)
    return end


def _in_group(token: Token, verb: Token) -> bool:
    while token.dep_ in GROUP_DEPS and token.head != token:
        if token.head == verb:
            return True
        token = token.head
    return False


def find_candidates(doc: Doc, paragraph_starts: list[int]) -> list[Candidate]:
    passages = quoted_passages(doc.text, paragraph_starts)
    direct = _merge_split_quotes(_direct_quotes(doc, passages, paragraph_starts), paragraph_starts)
    indirect = _indirect_quotes(doc, passages)
    # "says it underscores that Trump is “unfit to be commander-in-chief”": a quoted fragment inside
    # reported speech belongs to the reported clause, not to a quote of its own.
    absorbed = {
        id(d) for d in direct for c in indirect
        if d.cue is not None and c.cue is not None and c.cue.i == d.cue.i
        and c.content[0] <= d.content[0] and d.content[1] <= c.content[1] + 1
        and (c.content[0] < d.content[0] - 2 or c.content[1] > d.content[1] + 2)  # the clause has words of its own
    }
    direct = [d for d in direct if id(d) not in absorbed]
    labelled = _labelled_paragraphs(doc, paragraph_starts)
    direct = labelled + [d for d in direct if not any(d.content[0] < c.content[1] and c.content[0] < d.content[1] for c in labelled)]
    inside = [(c.content[0] - 1, c.content[1] + 1) for c in direct]
    candidates = direct + [c for c in indirect if not _inside_any(c.content, inside)]
    for candidate in candidates:
        if candidate.cue is not None and candidate.cue_text is None:
            candidate.cue_text = verb_group(candidate.cue)
    return sorted((c for c in candidates if not _ascribed(c, candidates)), key=lambda c: c.content[0])


def _ascribed(candidate: Candidate, candidates: list[Candidate]) -> bool:
    """A belief, finding or stance inside what someone else says is that speaker's claim about it
    ("Trump said Clinton believes …" is Trump's claim, not Clinton's belief): not a quote of its own.
    Speech reported inside speech stays: it names who said it first. So does the position of a
    state or an organisation told by its envoy or spokesman ("the Russian envoy said Moscow
    believes …"): the speaker speaks for it."""
    if candidate.cue is None or candidate.mark or candidate.kind == "according_to":
        return False
    if candidate.speaker is not None and candidate.speaker.root.ent_type_ in ("GPE", "ORG", "NORP"):
        return False
    if candidate.kind != "stance" and cue_kind(candidate.cue.lemma_, candidate.cue.pos_) in ("speech", None):
        return False
    return any(other is not candidate and other.content[0] <= candidate.cue.idx < other.content[1] for other in candidates)


def _merge_split_quotes(direct: list[Candidate], paragraph_starts: list[int]) -> list[Candidate]:
    """“One of the reasons …,” Mr. Obama said, “is that …”: one quote around its cue.

    So is “…,” she said. “More words.”: a cue-less passage in the cue's own paragraph goes on
    with the same quote (in a new paragraph it is a quote of its own, continuing the speaker)."""
    merged: list[Candidate] = []
    for candidate in direct:
        previous = merged[-1] if merged else None
        same_cue = previous is not None and candidate.cue is not None and previous.cue is not None and candidate.cue.i == previous.cue.i
        goes_on = (
            previous is not None and candidate.continues_previous and previous.cue is not None
            and _paragraph(previous.content[0], paragraph_starts) == _paragraph(candidate.content[0], paragraph_starts)
            and previous.cue.idx < candidate.content[0]
        )
        if same_cue or goes_on:
            previous.content = (previous.content[0], candidate.content[1])
        else:
            merged.append(candidate)
    return merged


def _paragraph(offset: int, paragraph_starts: list[int]) -> int:
    return max((p for p in paragraph_starts if p <= offset), default=0)


def _inside_any(span: tuple[int, int], spans: list[tuple[int, int]]) -> bool:
    return any(s <= span[0] and span[1] <= e for s, e in spans)


def _direct_quotes(doc: Doc, passages: list[tuple[int, int]], paragraph_starts: list[int]) -> list[Candidate]:
    out: list[Candidate] = []
    for start, end in passages:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        sentences = {span[0].sent, span[-1].sent}
        after = span[-1].sent.end
        if after < len(doc) and doc[after].idx - end <= 3 and "\n" not in doc.text[end:doc[after].idx]:
            # “…?” Trump said, …: the cue's own sentence, in the same paragraph
            sentences.add(doc[after].sent)
        if (signed := _signature(doc, end)) is not None:
            dash, name = signed
            out.append(Candidate("direct", (start, end), dash, name, None, mark=True))
            continue
        cue = _cue_outside(sentences, (start - 1, end + 1), passages)
        if cue is None and (introduction := _introduced_by(doc, span)) is not None:
            cue = _cue_outside({introduction}, (start - 1, end + 1), passages)  # "Caddell continued:" ¶ “…”
        if cue is not None:
            speaker = _subject(cue)
            if speaker is None or _overlaps_passage(speaker, passages):
                speaker = _phrase_between(doc, end, cue)  # “…,” Obama's former strategist said
            out.append(Candidate("direct", (start, end), cue, speaker, _addressee(cue)))
        elif _starts_paragraph(doc.text, start, paragraph_starts) or (
            _follows_quote_in_paragraph(out, start, paragraph_starts) and start - span[0].sent.start_char <= 2
        ):
            out.append(Candidate("direct", (start, end), None, None, None, continues_previous=True))
    return out


_BLANK = r"[^\S\n]*"  # spaces, tabs and no-break spaces, not a line end
_NAME = r"[A-Z][\w.'’-]*(?:[^\S\n]+[A-Z][\w.'’-]*){0,4}"
_SIGNATURE = re.compile(rf"[”\"»]?{_BLANK}(?P<dash>[―—–]){_BLANK}(?P<name>{_NAME})[^\S\n.]*\.?{_BLANK}(?:\n|$)")


def _signature(doc: Doc, quote_end: int) -> tuple[Token, Span] | None:
    """“…” ― Carla Sanchez: a quote signed by a dash and a name at the end of its line."""
    found = _SIGNATURE.match(doc.text, quote_end)
    if found is None:
        return None
    dash = doc.char_span(found.start("dash"), found.end("dash"), alignment_mode="expand")
    name_end = found.end("name") - found.group("name").endswith(".")
    name = doc.char_span(found.start("name"), name_end, alignment_mode="expand")
    if dash is None or name is None:
        return None
    return dash[0], name


# "PENCE: Well, look, …" in a transcript, "Sanders: Clinton needs to …" in a headline.
_LABEL = re.compile(rf"[\"“]?(?P<label>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){{0,3}}){_BLANK}(?P<colon>:){_BLANK}\S")
LABEL_ENTITIES = ("PERSON", "ORG")


def _labelled_paragraphs(doc: Doc, paragraph_starts: list[int]) -> list[Candidate]:
    """A paragraph that opens with a speaker's name and a colon is that speaker's words.

    The label must be a person or organisation the parse recognises, or a name in
    capitals ("PENCE") that the article names elsewhere, so section heads ("The
    Latest:", "Correction:") stay out."""
    text = doc.text
    known = {t.lower_ for e in doc.ents if e.label_ in LABEL_ENTITIES for t in e}
    out = []
    for start in paragraph_starts:
        found = _LABEL.match(text, start)
        if found is None:
            continue
        label = doc.char_span(found.start("label"), found.end("label"), alignment_mode="expand")
        colon = doc.char_span(found.start("colon"), found.end("colon"), alignment_mode="expand")
        if label is None or colon is None or not _names_someone(label, known):
            continue
        end = text.find("\n", found.end())
        content = _strip(text, found.end("colon"), len(text) if end < 0 else end)
        content = (content[0] + (text[content[0]] in OPENING), content[1] - (text[content[1] - 1] in CLOSING))
        if len(text[content[0]:content[1]].split()) >= MIN_QUOTE_WORDS:
            out.append(Candidate("direct", content, colon[0], label, None, mark=True))
    return out


def _names_someone(label: Span, known: set[str]) -> bool:
    if label.text.isupper():
        return all(t.lower_ in known for t in label if t.is_alpha)
    return any(e.label_ in LABEL_ENTITIES and e.start <= label.start and label.end <= e.end for e in label.doc.ents)


def _introduced_by(doc: Doc, quote: Span) -> Span | None:
    """The sentence just before a quote when it ends in a colon ("The New York Times reports:")."""
    first = quote[0].sent
    if first.start == 0:
        return None
    previous = doc[first.start - 1].sent
    last = next((t for t in reversed(previous) if not t.is_space), None)
    if last is None or not last.text.endswith(":") or doc.text[last.idx + len(last.text):quote.start_char].count("\n") > 2:
        return None
    return previous


def _overlaps_passage(span: Span, passages: list[tuple[int, int]]) -> bool:
    return any(span.start_char < e and s < span.end_char for s, e in passages)


def _phrase_between(doc: Doc, quote_end: int, cue: Token) -> Span | None:
    """The words between a closing quote and its cue verb, when they form a noun phrase."""
    if cue.idx < quote_end:
        return None
    tokens = [t for t in doc[:cue.i] if t.idx >= quote_end and not t.is_punct and not t.is_space and t.text not in CLOSING]
    if not tokens or len(tokens) > 8 or not any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in tokens):
        return None
    return doc[tokens[0].i:tokens[-1].i + 1]


def _follows_quote_in_paragraph(previous: list[Candidate], start: int, paragraph_starts: list[int]) -> bool:
    """“…,” he said. “More words.” — a second passage in the paragraph continues the first."""
    if not previous:
        return False
    paragraph = max((p for p in paragraph_starts if p <= start), default=0)
    return previous[-1].content[1] >= paragraph


def _starts_paragraph(text: str, start: int, paragraph_starts: list[int]) -> bool:
    return any(0 <= start - p <= 1 for p in paragraph_starts)


def _cue_outside(sentences, quote: tuple[int, int], passages: list[tuple[int, int]]) -> Token | None:
    """The cue verb of a direct quote: in its sentences, outside every quoted passage."""
    best = None
    for sent in sorted(sentences, key=lambda s: s.start):
        for token in sent:
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in CUE_LEMMAS:
                continue
            if any(s - 1 <= token.idx < e + 1 for s, e in passages):
                continue
            if best is None or _closer(token, quote, best):
                best = token
    return best


def _closer(token: Token, quote: tuple[int, int], other: Token) -> bool:
    def distance(t: Token) -> int:
        return min(abs(t.idx - quote[0]), abs(t.idx - quote[1]))

    return distance(token) < distance(other)


def _indirect_quotes(doc: Doc, passages: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    for token in doc:
        lemma = token.lemma_.lower()
        if token.pos_ in ("VERB", "AUX") and (lemma in CUE_LEMMAS or lemma in STANCE) and (clause := _clause(token)) is not None:
            out.append(Candidate("indirect", clause, token, _subject(token) or _controller(token), _addressee(token)))
        elif token.pos_ == "VERB" and lemma in SPEECH_ASIDE and (aside := _aside_content(token, passages)) is not None:
            out.append(Candidate("indirect", aside, token, _subject(token), _addressee(token)))
        elif token.pos_ == "VERB" and (lemma in STANCE or lemma in CUE_LEMMAS and lemma not in NO_STANCE):
            # "questioned the health of …", "pointed to reports that …", "noted Clinton's comments"
            subject = _subject(token)
            found = _stance_object(token)
            if subject is not None and found is not None and not _inside_any(found[0], passages):
                target, preposition = found
                out.append(Candidate("stance", target, token, subject, None, cue_text=verb_group(token, preposition)))
            elif (passive := _passive_stance(token)) is not None and not _inside_any(passive.content, passages):
                out.append(passive)
        elif token.dep_ == "acomp" and lemma in ATTITUDES and (attitude := _attitude(token, passages)) is not None:
            out.append(attitude)
        elif token.pos_ == "NOUN" and lemma in NOUN_KINDS and (nominal := _nominal(token, passages)) is not None:
            out.append(nominal)
        elif token.lower_ == "according" and token.dep_ == "prep":
            candidate = _according_to(token)
            if candidate:
                out.append(candidate)
    return out


# Cues whose object is what was perceived, found or done rather than a position taken
# ("police saw the tweet", "the poll shows Trump leading", "continues his campaign"): they
# attribute a clause ("saw that …"), never their object.
NO_STANCE = EVIDENCE | frozenset("see continue add address answer issue decide vote consider assume determine".split())

def _attitude(adjective: Token, passages: list[tuple[int, int]]) -> Candidate | None:
    """A copula and an attitude adjective with what it is about: a clause, an infinitive or an object."""
    verb = adjective.head
    subject = _subject(verb)
    if subject is None:
        return None
    about = next((c for c in adjective.children if c.dep_ in ("ccomp", "xcomp") and c.i > adjective.i), None)
    preposition = None
    if about is None:
        preposition = next((c for c in adjective.children if c.dep_ == "prep" and c.i == adjective.i + 1 and any(o.dep_ in ("pobj", "pcomp") for o in c.children)), None)
        if preposition is None:
            return None
        about = preposition
    tokens = sorted(about.subtree, key=lambda t: t.i)[1 if preposition is not None else 0:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or preposition is None and len(tokens) < 2:
        return None
    content = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if _inside_any(content, [(s - 1, e + 1) for s, e in passages]):
        return None
    first = verb.doc[min(verb.i, adjective.i)]
    group_start = verb_group(verb)[0] if verb.i < adjective.i else first.idx
    last = preposition or adjective
    kind = "indirect" if about.dep_ == "ccomp" else "stance"
    return Candidate(kind, content, adjective, subject, None, cue_text=(group_start, last.idx + len(last.text)))


# Verbs whose subject says what their object noun carries: "made the claim that", "issued a warning".
LIGHT_VERBS = frozenset("make issue release repeat offer deliver express voice raise reiterate renew publish post put announce".split())
NOUN_PREPOSITIONS = ("for", "of", "to", "against", "on", "about")


def _nominal(noun: Token, passages: list[tuple[int, int]]) -> Candidate | None:
    """"Trump's claim that there have been …", "her call for a ceasefire", "an agreement to explore …"."""
    content = None
    for child in noun.children:
        if child.dep_ in ("acl", "ccomp", "appos") and child.pos_ in ("VERB", "AUX") and child.i > noun.i and (
            any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children)
            or any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        ):
            content = child
            break
        if child.dep_ == "prep" and child.lower_ in NOUN_PREPOSITIONS and child.i == noun.i + 1 and any(c.dep_ == "pobj" for c in child.children):
            content = child
            break
    if content is None:
        return None
    tokens = sorted(content.subtree, key=lambda t: t.i)
    if content.dep_ == "prep":
        tokens = tokens[1:]
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if len(tokens) < 3:
        return None
    span = (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text))
    if _inside_any(span, [(s - 1, e + 1) for s, e in passages]):
        return None
    speaker = None
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        speaker = _noun_phrase(possessor)
        if speaker[-1].dep_ == "case":
            speaker = speaker[:-1]
    elif noun.dep_ == "dobj" and noun.head.lemma_ in LIGHT_VERBS:
        speaker = _subject(noun.head)
    if speaker is None:
        return None  # "a plan to …" with nobody's name on it is a topic, not an attribution
    cue_end = noun.i + 1 if content.dep_ != "prep" else content.i + 1
    cue_text = (noun.idx, noun.doc[cue_end - 1].idx + len(noun.doc[cue_end - 1].text))
    kind = "indirect" if content.dep_ != "prep" else "stance"
    return Candidate(kind, span, noun, speaker, None, cue_text=cue_text)


def _clause(verb: Token) -> tuple[int, int] | None:
    clauses = [child for child in verb.children if child.dep_ in CLAUSE_DEPS]
    if not clauses:
        return None
    clause = clauses[-1] if clauses[-1].i > verb.i else clauses[0]
    tokens = sorted(clause.subtree, key=lambda t: t.i)
    # A clause that swallows the cue verb's own subject is a mis-parse; keep what is beyond the verb.
    start, end = tokens[0], tokens[-1]
    while end.i > start.i and (end.is_punct or end.is_space):
        end = end.doc[end.i - 1]
    if end.i - start.i + 1 < 3:
        return None
    return start.idx, end.idx + len(end.text)


SPEECH_ASIDE = frozenset("say tell add note write explain argue insist report claim point suggest acknowledge warn predict state observe recall concede admit".split())


def _aside_content(verb: Token, passages: list[tuple[int, int]]) -> tuple[int, int] | None:
    """"Lenox was a juggernaut, Mr. Clarke said, until …", "… a gun, as police have said":
    a cue with a subject but no clause of its own reports the rest of its sentence."""
    if _subject(verb) is None or any(c.dep_ in ("dobj", "xcomp") for c in verb.children):
        return None
    is_aside = verb.dep_ == "parataxis" or verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not is_aside and verb.dep_ != "ROOT":
        return None
    sent = verb.sent
    own = sorted(verb.subtree, key=lambda t: t.i) if verb.dep_ != "ROOT" else sorted(
        [verb] + [t for c in verb.children if c.dep_ in ("nsubj", "aux", "advmod", "prep", "npadvmod", "mark", "neg") for t in c.subtree],
        key=lambda t: t.i,
    )
    text = verb.doc.text
    before = _strip_punct(text, sent.start_char, own[0].idx)
    after = _strip_punct(text, own[-1].idx + len(own[-1].text), sent.end_char)
    if before[1] - before[0] > 0 and after[1] - after[0] > 0:
        content = _strip_punct(text, sent.start_char, sent.end_char)  # the cue stands in the middle
    else:
        content = max(before, after, key=lambda span: span[1] - span[0])
    if len(text[content[0]:content[1]].split()) < 4 or _inside_any(content, [(s - 1, e + 1) for s, e in passages]):
        return None
    if any(s - 1 <= content[0] and e + 1 >= content[1] for s, e in passages):
        return None
    return content


ADDRESSING = frozenset("tell inform assure brief warn ask urge remind".split())
STANCE_PREPOSITIONS = ("for", "on", "about", "against", "of", "to", "with")


def _stance_object(verb: Token) -> tuple[tuple[int, int], Token | None] | None:
    """What a stance is about: an infinitive ("wants to expand"), an object, or a prepositional
    object (returned with its preposition, which belongs to the cue: "called for")."""
    for deps in (("xcomp",), ("dobj",), ("prep",)):
        for child in verb.children:
            if child.dep_ not in deps or child.dep_ == "dobj" and verb.lemma_ in ADDRESSING:
                continue  # "told reporters": the object is the addressee, not what was said
            if child.dep_ == "prep":
                objects = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
                if child.lower_ not in STANCE_PREPOSITIONS or not objects or not _next_to(verb, child):
                    continue
            # The object and what the verb goes on to say of it: "called the charges unsubstantiated",
            # "blasted the media for being dishonest"; a coordinated verb is a statement of its own.
            rest = [c for c in verb.children if c.i >= child.i and c.dep_ not in ("conj", "cc", "punct", "parataxis")]
            tokens = sorted((t for c in rest for t in c.subtree), key=lambda t: t.i)
            if child.dep_ == "prep":
                tokens = tokens[1:]
            while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].is_space):
                tokens.pop()
            if len(tokens) >= 2:
                return (tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)), (child if child.dep_ == "prep" else None)
    return None


def _passive_stance(verb: Token) -> Candidate | None:
    """"has been endorsed by dozens of papers", "was criticized by Republicans": the agent takes the
    stance, and what it is about is the passive subject."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    patient = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if by is None or patient is None or patient.pos_ == "PRON" and patient.lower_ in ("that", "which", "who"):
        return None
    content = _noun_phrase(patient)
    return Candidate("stance", (content.start_char, content.end_char), verb, _noun_phrase(by), None,
                     cue_text=(verb_group(verb)[0], agent.idx + len(agent.text)))


def _next_to(verb: Token, preposition: Token) -> bool:
    """The preposition follows the verb, with at most a particle, a time or an addressee between:
    "called for", "spoke out Tuesday about", "asks him about"."""
    between = [t for t in verb.doc[verb.i + 1:preposition.i]]
    allowed = {t.i for c in verb.children if c.dep_ in ("prt", "npadvmod") or c.dep_ == "dobj" and c.pos_ == "PRON" for t in c.subtree}
    return all(t.i in allowed for t in between)


def _subject(verb: Token) -> Span | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return _noun_phrase(child)
    # "the army said … and added …": the subject of a coordinated verb
    if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head)
    # "…, adding that …": the participle's subject is its head's
    if verb.dep_ in ("advcl", "xcomp") and verb.tag_ == "VBG":
        return _subject(verb.head)
    return None


def _controller(verb: Token) -> Span | None:
    """Who says it when a speech verb has no subject of its own: "responded by saying …", "after
    saying …", "appeared to suggest …", "went on to explain …" — the governing verb's subject."""
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.head.pos_ in ("VERB", "AUX"):
        return _subject(verb.head.head)
    if verb.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return _subject(verb.head)
    return None


def _noun_phrase(head: Token) -> Span:
    """The subject phrase without trailing relative clauses or long modifiers."""
    tokens = [t for t in head.subtree if t.dep_ not in ("relcl", "acl") or t.i < head.i]
    keep = [t for t in tokens if not any(a.dep_ in ("relcl", "acl") and a.i > head.i for a in t.ancestors if a in tokens)]
    start = min(t.i for t in keep)
    end = max(t.i for t in keep) + 1
    span = head.doc[start:end]
    while len(span) > 1 and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    while len(span) > 1 and (span[0].is_punct or span[0].is_space):
        span = span[1:]
    return span


def _addressee(verb: Token) -> Span | None:
    """"told RIA Novosti", "said in an interview with X", "told reporters"."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and verb.lemma_ in ("tell", "inform", "assure", "brief", "warn"):
            return _noun_phrase(child)
    return None


def _according_to(token: Token) -> Candidate | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return None
    sent = token.sent
    phrase = sorted(token.subtree, key=lambda t: t.i)
    phrase_span = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    # The content is the sentence without the "according to …" phrase.
    before = (sent.start_char, phrase_span[0])
    after = (phrase_span[1], sent.end_char)
    text = token.doc.text
    content = max((_strip_punct(text, *before), _strip_punct(text, *after)), key=lambda s: s[1] - s[0])
    if content[1] - content[0] < 10:
        return None
    cue_end = to.idx + len(to.text)
    return Candidate("according_to", content, token, _noun_phrase(source), None, cue_text=(token.idx, cue_end))


def _strip_punct(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:.—–-"):
        end -= 1
    return start, end


def stance_of(cue: Token | None) -> str:
    if cue is None:
        return "asserts"
    if cue_kind(cue.lemma_) == "denial" or any(c.dep_ == "neg" for c in cue.children):
        return "denies"
    return "asserts"
