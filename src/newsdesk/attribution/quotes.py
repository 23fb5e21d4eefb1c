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

Beside them: quotes whose cue is punctuation (``marks.py``: transcripts, signed quotes),
stances and attitudes (``stances.py``), and attributions carried by a noun ("Trump's claim
that …"). The phrase helpers they share are in ``phrases.py``. A belief or stance inside
someone else's statement is dropped (``_ascribed``). Speakers are resolved afterwards by
``speakers.SpeakerResolver``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .candidate import CLOSING, MIN_QUOTE_WORDS, OPENING, Candidate, inside_any, strip_punct, strip_spaces
from .cues import ATTITUDES, CUE_LEMMAS, EVIDENCE, NOUN_KINDS, STANCE, cue_kind
from .marks import labelled_paragraphs, signature_of
from .phrases import addressee, controller, idiom_group, noun_phrase, reports_on_its_own, speech_idiom, subject, verb_group, verb_like
from .stances import NO_STANCE, attitude, passive_stance, stance_object

EXTRACTOR = "newsdesk-attribution-3"
CLAUSE_DEPS = ("ccomp", "parataxis")


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
            if (char in OPENING or (char == "”" and (i == 0 or text[i - 1] == "\n"))) and _opens(text, i):
                # a closing mark that opens a paragraph opens a quote: ”Mr. Trump embodies …” ― Sonya Herridge
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
    return [(s, e) for s, e in (strip_spaces(text, s, e) for s, e in spans) if _long_enough(text, s, e)]


def _long_enough(text: str, start: int, end: int) -> bool:
    """Four words make a quote; a shorter one only when it opens its sentence and ends on a comma,
    a question or an exclamation mark inside the marks ("''That's Mexico's vulnerability,'' said …"),
    or is a whole sentence (“Donald’s here, babe.”), so scare quotes ("called it “unhinged”") stay out."""
    words = len(text[start:end].split())
    if words >= MIN_QUOTE_WORDS:
        return True
    before = text[:start].rstrip(" \t\"'“‘«`")
    opens_sentence = not before or before[-1] in ".!?\n:"
    return words >= 2 and opens_sentence and (text[end:end + 1] in ",?!" or text[end - 1:end] in ".?!")


def _opens(text: str, i: int) -> bool:
    if text[i] == "“" or text[i] == "«":
        return True
    return i == 0 or not text[i - 1].isalnum()


def _closes(text: str, i: int) -> bool:
    if text[i] in "”»":
        return True
    return i + 1 >= len(text) or not text[i + 1].isalnum()


def find_candidates(doc: Doc, paragraph_starts: list[int]) -> list[Candidate]:
    passages = quoted_passages(doc.text, paragraph_starts)
    direct = _merge_split_quotes(_direct_quotes(doc, passages, paragraph_starts), paragraph_starts)
    indirect = _indirect_quotes(doc, passages)
    # speech reported inside someone's quote is part of the quote ("“he said this, he tweeted that”")
    quoted = [(d.content[0] - 1, d.content[1] + 1) for d in direct]
    indirect = [c for c in indirect if not inside_any(c.content, quoted) and not _opens_inside_quote(c.content, passages)]
    # "says it underscores that Trump is “unfit to be commander-in-chief”": a quoted fragment inside
    # reported speech belongs to the reported clause, not to a quote of its own.
    absorbed = set()
    for d in direct:
        for c in indirect:
            if d.cue is None or c.cue is None or c.cue.i != d.cue.i or not c.content[0] < d.content[0] - 2:
                continue  # the clause must have words of its own before the quote
            if d.content[0] <= c.content[1] + 1 or _introduces(doc.text[c.content[1]:d.content[0]]):
                # "added that … is a problem because, “In the end, …”", "said she has the quality: “Steadiness …”"
                c.content = (c.content[0], max(c.content[1], d.content[1]))
                absorbed.add(id(d))
    direct = [d for d in direct if id(d) not in absorbed]
    direct += _block_quotes(doc, passages, paragraph_starts)
    labelled = labelled_paragraphs(doc, paragraph_starts)
    direct = labelled + [d for d in direct if not any(d.content[0] < c.content[1] and c.content[0] < d.content[1] for c in labelled)]
    inside = [(c.content[0] - 1, c.content[1] + 1) for c in labelled]
    candidates = direct + [c for c in indirect if not inside_any(c.content, inside)]
    for candidate in candidates:
        if candidate.cue is not None and candidate.cue_text is None:
            candidate.cue_text = idiom_group(candidate.cue) if speech_idiom(candidate.cue) else verb_group(candidate.cue)
    return sorted((c for c in candidates if not _ascribed(c, candidates)), key=lambda c: c.content[0])


def _opens_inside_quote(content: tuple[int, int], passages: list[tuple[int, int]]) -> bool:
    """A clause that starts inside a quote and runs on past it (“…,” Trump said, adding later, “…”
    read as one clause of "said"): a mis-parse of the quote around its cue."""
    return any(s - 1 <= content[0] < e and content[1] > e + 1 for s, e in passages)


def _introduces(between: str) -> bool:
    """Only a colon and marks stand between a reported clause and the quote it introduces."""
    return ":" in between and not between.replace(":", "").strip(" \t\"'“‘«`,")


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
        same_cue = previous is not None and candidate.cue is not None and previous.cue is not None and (
            candidate.cue.i == previous.cue.i
            # “…,” Tester said, referring to the excuse, “…”: the second part's nearest verb hangs on the cue
            or (candidate.cue.head.i == previous.cue.i and candidate.cue.dep_ in ("advcl", "xcomp", "conj") and previous.cue.idx < candidate.content[0]
                and not _says_more(candidate.cue))
        )
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


GOING_ON = frozenset("add continue".split())


def _says_more(cue: Token) -> bool:
    """“…,” he said, adding that “…” / adding later, “…”: a second statement, quoted on its own."""
    return cue.lemma_.lower() in GOING_ON or any(c.dep_ == "ccomp" for c in cue.children)


def _paragraph(offset: int, paragraph_starts: list[int]) -> int:
    return max((p for p in paragraph_starts if p <= offset), default=0)


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
        if (signed := signature_of(doc, end)) is not None:
            dash, dash_span, name = signed
            out.append(Candidate("direct", (start, end), dash, name, None, mark=True, cue_text=dash_span))
            continue
        cue = _cue_outside(sentences, (start - 1, end + 1), passages, span)
        if cue is None and (introduction := _introduced_by(doc, span)) is not None:
            cue = _cue_outside({introduction}, (start - 1, end + 1), passages)  # "Caddell continued:" ¶ “…”
        if cue is not None:
            speaker = subject(cue)
            if speaker is None or _overlaps_passage(speaker, passages):
                speaker = _phrase_between(doc, end, cue)  # “…,” Obama's former strategist said
            out.append(Candidate("direct", (start, end), cue, speaker, addressee(cue)))
        elif _starts_paragraph(doc.text, start, paragraph_starts) or (
            _follows_quote_in_paragraph(out, start, paragraph_starts) and start - span[0].sent.start_char <= 2
        ):
            out.append(Candidate("direct", (start, end), None, None, None, continues_previous=True))
        elif start - span[0].sent.start_char <= 2 and _reported_just_before(doc, span[0].sent, paragraph_starts, passages):
            out.append(Candidate("direct", (start, end), None, None, None, continues_previous=True, follows_report=True))
    return out


def _block_quotes(doc: Doc, passages: list[tuple[int, int]], paragraph_starts: list[int]) -> list[Candidate]:
    """"The governor added:" ¶ It's typical of Hillary Clinton. …: a paragraph introduced by a cue
    and a colon, set off without quotation marks (or with marks that never close), is the words
    of the cue's subject."""
    text = doc.text
    out = []
    for sent in doc.sents:
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text != ":" or sent.end >= len(doc):
            continue
        following = next((p for p in paragraph_starts if p > last.idx), None)
        if following is None or following >= len(text) or text[last.idx + 1:following].count("\n") < 1:
            continue
        verb = next((t for t in sent if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT" and t.lemma_.lower() in CUE_LEMMAS), None)
        cue = verb
        if verb is None and (comment := next((t for t in sent if t.dep_ == "dobj" and t.lemma_.lower() in NOUN_KINDS
                                             and t.head.dep_ == "ROOT" and t.head.lemma_.lower() in LIGHT_VERBS), None)) is not None:
            verb, cue = comment.head, comment  # "Sanders made the following comment:"
        if verb is None or subject(verb) is None or any(c.dep_ in CLAUSE_DEPS for c in verb.children):
            continue
        end = text.find("\n", following)
        content = strip_punct(text, following, len(text) if end < 0 else end)
        if len(text[content[0]:content[1]].split()) < MIN_QUOTE_WORDS or any(s - 1 <= content[0] < e + 1 for s, e in passages):
            continue
        out.append(Candidate("direct", content, cue, subject(verb), addressee(verb), cue_text=(verb_group(verb)[0], last.idx + 1)))
    return out


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


def _reported_just_before(doc: Doc, sentence: Span, paragraph_starts: list[int], passages: list[tuple[int, int]]) -> bool:
    """"The administration may be reluctant to act, Schiff said. “The other factor …”": a quote that
    opens the sentence after one reporting speech, in the same paragraph, goes on with that speaker."""
    if sentence.start == 0 or _paragraph(sentence.start_char, paragraph_starts) != _paragraph(doc[sentence.start - 1].idx, paragraph_starts):
        return False
    before = doc[sentence.start - 1].sent
    return any(
        t.pos_ == "VERB" and cue_kind(t.lemma_, t.pos_) == "speech" and subject(t) is not None
        and t.dep_ in ("ROOT", "parataxis") and not any(s - 1 <= t.idx < e + 1 for s, e in passages)
        for t in before
    )


def _starts_paragraph(text: str, start: int, paragraph_starts: list[int]) -> bool:
    return any(0 <= start - p <= 1 for p in paragraph_starts)


def _cue_outside(sentences, quote: tuple[int, int], passages: list[tuple[int, int]], words: Span | None = None) -> Token | None:
    """The cue verb of a direct quote: in its sentences, outside every quoted passage; the one
    the quoted words hang on when the parse says so ('Peabody said: "…," adding that …' is said),
    else the nearest."""
    governing = {t.head.i for t in words if t.dep_ in ("ccomp", "parataxis", "dobj") and not words.start <= t.head.i < words.end} if words else set()
    best = None
    for sent in sorted(sentences, key=lambda s: s.start):
        for token in sent:
            if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in CUE_LEMMAS and not speech_idiom(token):
                continue
            if any(s - 1 <= token.idx < e + 1 for s, e in passages):
                continue
            if token.i in governing:
                return token
            if best is None or _closer(token, quote, best):
                best = token
    return best


def _closer(token: Token, quote: tuple[int, int], other: Token) -> bool:
    def distance(t: Token) -> int:
        return min(abs(t.idx - quote[0]), abs(t.idx - quote[1]))

    return distance(token) < distance(other)


# What shows or finds: "Polls show a close contest", "the average shows Clinton ahead".
SHOWING = frozenset("poll survey study data report analysis average figure number record document email research statistic "
                    "count tally model forecast audit review investigation video footage photo image recording tape "
                    "result evidence chart map".split())


def _evidence_shown(verb: Token) -> bool:
    """An evidence verb whose subject is a poll, a study or a record: its object is what it shows."""
    doer = subject(verb)
    return verb.lemma_.lower() in EVIDENCE and doer is not None and doer.root.lemma_.lower() in SHOWING


def _indirect_quotes(doc: Doc, passages: list[tuple[int, int]]) -> list[Candidate]:
    out: list[Candidate] = []
    for token in doc:
        lemma = token.lemma_.lower()
        idiom = speech_idiom(token)
        if verb_like(token) and (lemma in CUE_LEMMAS or lemma in STANCE or idiom) and (clause := _clause(token)) is not None:
            out.append(Candidate("indirect", clause, token, subject(token) or controller(token), addressee(token),
                                 cue_text=idiom_group(token) if idiom else None))
        elif token.pos_ == "VERB" and (lemma in SPEECH_ASIDE or idiom == "put it") and (aside := _aside_content(token, passages)) is not None:
            out.append(Candidate("indirect", aside, token, subject(token), addressee(token), cue_text=idiom_group(token) if idiom else None))
        elif token.pos_ == "VERB" and (lemma in STANCE or lemma in CUE_LEMMAS and (lemma not in NO_STANCE or _evidence_shown(token))):
            # "questioned the health of …", "pointed to reports that …", "noted Clinton's comments"
            # "was charged with selling narcotics": a passive's subject is the one the stance is about, not who takes it
            passive_voice = any(c.dep_ in ("auxpass", "nsubjpass") for c in token.children)
            speaker = subject(token) if not passive_voice else None
            found = stance_object(token)
            if (speaker is not None or passive_voice and passive_stance(token) is None) and found is not None and not inside_any(found[0], passages):
                target, preposition = found
                out.append(Candidate("stance", target, token, speaker, None, cue_text=verb_group(token, preposition)))
            elif (passive := passive_stance(token)) is not None and not inside_any(passive.content, passages):
                out.append(passive)
        elif token.dep_ == "acomp" and lemma in ATTITUDES and (held := attitude(token, passages)) is not None:
            out.append(held)
        elif token.pos_ == "NOUN" and lemma in NOUN_KINDS and (nominal := _nominal(token, passages)) is not None:
            out.append(nominal)
        elif token.lower_ == "according":  # a prep, or the root when the parse makes it the sentence's verb
            candidate = _according_to(token)
            if candidate:
                out.append(candidate)
    return out


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
    if inside_any(span, [(s - 1, e + 1) for s, e in passages]):
        return None
    speaker = None
    possessor = next((c for c in noun.children if c.dep_ == "poss"), None)
    if possessor is not None:
        speaker = noun_phrase(possessor)
        if speaker[-1].dep_ == "case":
            speaker = speaker[:-1]
    elif noun.dep_ == "dobj" and noun.head.lemma_ in LIGHT_VERBS:
        speaker = subject(noun.head)
    if speaker is None:
        return None  # "a plan to …" with nobody's name on it is a topic, not an attribution
    cue_end = noun.i + 1 if content.dep_ != "prep" else content.i + 1
    cue_text = (noun.idx, noun.doc[cue_end - 1].idx + len(noun.doc[cue_end - 1].text))
    kind = "indirect" if content.dep_ != "prep" else "stance"
    return Candidate(kind, span, noun, speaker, None, cue_text=cue_text)


def _clause(verb: Token) -> tuple[int, int] | None:
    clauses = [child for child in verb.children if child.dep_ in CLAUSE_DEPS] or _told_clause(verb)
    if not clauses:
        return None
    clause = clauses[-1] if clauses[-1].i > verb.i else clauses[0]
    if clause.lower_ == "clear":  # "made it clear he had misgivings": what was made clear
        clauses = [c for c in clause.children if c.dep_ in ("ccomp", "advcl") and c.i > clause.i] or clauses
        clause = clauses[-1]
    follows = clause.i > verb.i
    # "said Democrats are to blame for focusing on “he said this, he tweeted that”": the parse may
    # hang a second clause on the cue; what follows the cue is said from the first clause to the last
    tokens = sorted((t for c in clauses if c.i > verb.i for t in c.subtree) if follows else clause.subtree, key=lambda t: t.i)
    # A clause that swallows the cue verb's own subject is a mis-parse; keep what is beyond the verb.
    start, end = tokens[0], tokens[-1]
    # What the parse hangs on the cue after its clause goes on with what was said: a reason or
    # result ("pointed out that one shooting may have more than one victim, so thousands of …"),
    # and a clause with a subject of its own ("says she hopes to be elected, but she knows that …";
    # after a fronted report: "X paid 8.9 percent, the agency said, and those … paid 0.8 percent").
    # A cue of its own ("and Clinton said") starts a quote of its own.
    tail = [c for c in verb.children if c.i > max(end.i, verb.i)
            and (c.dep_ == "advcl" and follows and not reports_on_its_own(c) or _coordinated_clause(c))]
    if tail:
        end = max((t for c in tail for t in c.subtree), key=lambda t: t.i)
    while end.i > start.i and (end.is_punct or end.is_space):
        end = end.doc[end.i - 1]
    if end.i - start.i + 1 < 3:
        return None
    return strip_punct(verb.doc.text, start.idx, end.idx + len(end.text))


def _told_clause(verb: Token) -> list[Token]:
    """"told a meeting of Pacific leaders that few people understood …": the parse hung the clause on
    the addressee as a relative clause, but its "that" is a conjunction, not the clause's subject or
    object."""
    hung = [
        clause for addressee in verb.children if addressee.dep_ in ("dobj", "dative") for clause in addressee.children
        if clause.dep_ == "relcl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)
    ]
    # "tweeted in the early morning hours that Machado was …": a "that" clause read as adverbial
    return hung + [clause for clause in verb.children if clause.dep_ == "advcl" and clause.i > verb.i
                   and any(c.dep_ in ("mark", "advmod") and c.lower_ == "that" and c.i == clause.left_edge.i for c in clause.children)]


def _coordinated_clause(token: Token) -> bool:
    return (token.dep_ == "conj" and token.pos_ in ("VERB", "AUX") and token.lemma_.lower() not in CUE_LEMMAS
            and any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children))


SPEECH_ASIDE = frozenset("say tell add note write explain argue insist report claim point suggest acknowledge warn predict state observe recall concede admit".split())


def _aside_content(verb: Token, passages: list[tuple[int, int]]) -> tuple[int, int] | None:
    """"Lenox was a juggernaut, Mr. Clarke said, until …", "… a gun, as police have said":
    a cue with a subject but no clause of its own reports the rest of its sentence."""
    if subject(verb) is None or any(c.dep_ in ("dobj", "xcomp") and not (c.lower_ == "it" and speech_idiom(verb)) for c in verb.children):
        return None
    is_aside = verb.dep_ == "parataxis" or verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    if not is_aside and verb.dep_ != "ROOT":
        return None
    sent = verb.sent
    # the aside's own words; what the parse hangs on it besides ("If this fails, Mr. Castañeda
    # argues, there are other tools") belongs to what is said
    text = verb.doc.text
    own = sorted(
        [verb] + [t for c in verb.children if c.dep_ in ("nsubj", "aux", "auxpass", "prt", "advmod", "prep", "npadvmod", "mark", "neg", "dative", "dobj")
                  and not (c.i > verb.i and "," in text[verb.idx:c.idx])  # "…, experts say, including a provision …"
                  for t in c.subtree],
        key=lambda t: t.i,
    )
    before = strip_punct(text, sent.start_char, own[0].idx)
    after = strip_punct(text, own[-1].idx + len(own[-1].text), sent.end_char)
    if before[1] - before[0] > 0 and after[1] - after[0] > 0:
        content = strip_punct(text, sent.start_char, sent.end_char)  # the cue stands in the middle
    else:
        content = max(before, after, key=lambda span: span[1] - span[0])
    if len(text[content[0]:content[1]].split()) < 4 or inside_any(content, [(s - 1, e + 1) for s, e in passages]):
        return None
    if any(s - 1 <= content[0] and e + 1 >= content[1] for s, e in passages):
        return None
    return content


def _according_to(token: Token) -> Candidate | None:
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None and to is not None:
        # "according to show insiders": the small model reads "show" as a verb
        source = next((c for c in to.children if c.dep_ == "pcomp" and c.text[:1].islower() and c.tag_ in ("VB", "VBP", "NN")), None)
    if source is None:
        return None
    sent = token.sent
    # "according to X": the phrase is the word and its "to" — the rest of the subtree, when the parse
    # hangs the sentence on "According", is what is reported
    phrase = sorted([token, *to.subtree], key=lambda t: t.i)
    if phrase[-1].i >= sent.end - 2 and (comma := next((t for t in phrase if t.i > source.i and t.text == ","), None)) is not None:
        # "According to Rush Limbaugh, the move reeks of “fear”": the parse hung the report on the
        # source as an apposition; the source ends at its comma
        phrase = [t for t in phrase if t.i < comma.i]
        source_span = token.doc[source.left_edge.i:comma.i]
    else:
        source_span = noun_phrase(source)
    phrase_span = (phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    # The content is the sentence without the "according to …" phrase.
    before = (sent.start_char, phrase_span[0])
    after = (phrase_span[1], sent.end_char)
    text = token.doc.text
    parts = [strip_punct(text, *before), strip_punct(text, *after)]
    if all(len(text[a:b].split()) >= 3 for a, b in parts):
        content = (parts[0][0], parts[1][1])  # "… watched the videos, according to their attorneys, and said …"
    else:
        content = max(parts, key=lambda s: s[1] - s[0])
    if content[1] - content[0] < 10:
        return None
    cue_end = to.idx + len(to.text)
    return Candidate("according_to", content, token, source_span, None, cue_text=(token.idx, cue_end))


def stance_of(cue: Token | None) -> str:
    if cue is None:
        return "asserts"
    if cue_kind(cue.lemma_) == "denial" or any(c.dep_ == "neg" for c in cue.children):
        return "denies"
    return "asserts"
