"""Numeric claims from the shared parse: value, qualifier, unit, what is counted.

"more than 10,000 Daesh fighters" → value 10000, qualifier more_than, counted
"Daesh fighters", event count "fighters". "fell 0.4 per cent" → value 0.4, unit
percent, change down. Years, clock times, ordinals and identifiers ("Row 21")
are not quantities.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .numbers import DIVISORS, SCALES, VAGUE, WORDS, is_number_word, parse_number

EXTRACTOR = "newsdesk-quantities-1"

_QUALIFIER_WORDS = (  # the words right before the number
    (("no", "more", "than"), "up_to"), (("not", "more", "than"), "up_to"), (("lower", "than"), "less_than"),
    (("smaller", "than"), "less_than"), (("more", "than"), "more_than"), (("greater", "than"), "more_than"), (("stronger", "than"), "more_than"),
    (("higher", "than"), "more_than"), (("larger", "than"), "more_than"), (("upwards", "of"), "more_than"),
    (("in", "excess", "of"), "more_than"), (("at", "least"), "at_least"), (("no", "fewer", "than"), "at_least"),
    (("no", "less", "than"), "at_least"), (("less", "than"), "less_than"), (("fewer", "than"), "less_than"),
    (("up", "to"), "up_to"), (("as", "many", "as"), "up_to"), (("as", "much", "as"), "up_to"), (("at", "most"), "up_to"),
    (("more", "or", "less"), "about"), (("close", "to"), "about"), (("some",), "about"), (("about",), "about"),
    (("around",), "about"), (("approximately",), "about"), (("roughly",), "about"), (("nearly",), "about"),
    (("almost",), "about"), (("estimated",), "about"), (("an", "estimated"), "about"), (("over",), "more_than"),
    (("above",), "more_than"), (("exceeding",), "more_than"), (("under",), "less_than"), (("below",), "less_than"),
    (("just", "under"), "less_than"), (("just", "over"), "more_than"),
)
QUALIFIERS = tuple(sorted(_QUALIFIER_WORDS, key=lambda item: -len(item[0])))  # longest first: "no more than" before "more than"
UP = frozenset("rise increase grow gain climb jump surge soar rally advance boost rebound".split())
DOWN = frozenset("fall drop decline decrease lose plunge plummet slide slip sink shed tumble dip slump retreat".split())
# Phrasal verbs whose up/down is no direction ("give up", "set up", "shut down").
NOT_DIRECTIONS = frozenset("give set make end pick take sign show break look shut turn back hold keep wrap sum team line put call".split())
CURRENCY = {"$": "dollar", "€": "euro", "£": "pound sterling", "¥": "yen", "₹": "rupee", "US$": "dollar"}
PERCENT = {"%", "percent", "per", "pct"}
EVENT_LEMMAS = {
    "kill": "killed", "die": "killed", "dead": "killed", "death": "killed", "wound": "wounded", "injure": "wounded",
    "hurt": "wounded", "injury": "wounded", "injured": "wounded", "wounded": "wounded", "kidnap": "kidnapped", "abduct": "kidnapped", "hostage": "kidnapped",
    "arrest": "arrested", "detain": "arrested", "displace": "displaced", "flee": "displaced", "refugee": "displaced",
    "fighter": "fighters", "troop": "troops", "soldier": "troops", "militant": "fighters", "insurgent": "fighters",
}
IDENTIFIER_HEADS = frozenset(
    """row section no number route flight page chapter article room gate seat platform covid-19 channel game episode
    season week stage phase level grade model version iphone galaxy windows pixel xbox playstation ps
    iso mk hiv stoxx ftse nikkei s&p sp asx s&p/asx russell nasdaq cac""".split()
)
NAME_ENTITIES = frozenset("ORG PRODUCT WORK_OF_ART LAW EVENT FAC PERSON".split())
_GLUED = re.compile(
    r"^(minus-|sub-|-)?(US\$|\$US|A\$|\$A|HK\$|S\$|C\$|USD|EUR|GBP|INR|JPY|CNY|AUD|CAD|CHF|RM|PS|Rs\.?|Y=|€|£|\$|US|A|HK|S|C)?"
    r"(\d[\d,]*(?:\.\d+)?)([a-zA-Zμ°²]+\d?\.?)?$"
)
_MONEY_PREFIX = {"EUR": "euro", "€": "euro", "GBP": "pound sterling", "PS": "pound sterling", "£": "pound sterling", "RM": "ringgit",
                 "Y=": "yen", "Rs": "rupee", "Rs.": "rupee"}
_SCALE_SUFFIX = {"m": 1e6, "mn": 1e6, "mil": 1e6, "bn": 1e9, "b": 1e9, "k": 1e3, "tn": 1e12}
UNIT_WORDS = {"%", "percent", "pct", "pc"}


@dataclass
class Found:
    start: int  # token index of the whole expression (qualifier included)
    end: int
    value: float
    high: float | None
    qualifier: str
    change: str | None
    unit: str | None
    counted: str | None
    counted_head: Token | None
    event: str | None


def find_quantities(doc: Doc) -> list[Found]:
    out: list[Found] = []
    i = 0
    while i < len(doc):
        token = doc[i]
        glued = _GLUED.match(token.text)
        if glued and not token.like_num and (glued.group(1) or glued.group(2) or glued.group(4)) and not _clock_or_date(token, glued):
            out.append(_glued(doc, i, glued))
            i += 1
            continue
        if not _numberish(token) or _excluded(token):
            i += 1
            continue
        if token.is_alpha and token.lower_ in SCALES and not (i > 0 and doc[i - 1].lower_ in ("a", "one")):
            i += 1  # a scale word alone ("billion" after a mangled figure) is not a number
            continue
        j = _number_run(doc, i)
        parsed = parse_number([t.text for t in doc[i:j + 1] if t.text != "-"])
        if parsed is None:
            i = j + 1
            continue
        value, high = parsed
        start, end = i, j + 1
        if _negative(doc, i):
            value = -value
        qualifier, q_start = _qualifier(doc, start)
        if high is not None and qualifier == "exact":
            qualifier = "range"
        unit, counted, head = _unit(doc, start, end)
        change = _change(doc, start, end) or _signed_change(doc, i, unit)
        out.append(Found(q_start, end, value, high, qualifier, change, unit, counted, head, _event(doc, head, start)))
        i = end
    return _conversions(doc, _merge_ranges(doc, out))


def _conversions(doc: Doc, found: list[Found]) -> list[Found]:
    """"more than 100 kilometers (60 miles)", "just under 296 hp (224 kW / 300 PS)": a figure in
    brackets right after another restates it in other units, with the same bound and direction."""
    for k in range(1, len(found)):
        item, previous = found[k], found[k - 1]
        if item.qualifier not in ("exact", "range") or item.change is not None:
            continue
        between = doc[previous.end:item.start]
        marks = [t.i for t in between if t.text in ("(", "/")]
        in_brackets = bool(marks) and (doc[marks[0]].text == "(" or previous.start > 0 and doc[previous.start - 1].text == "(")  # "(224 kW / 300 PS)"
        restates = len(between) <= 4 and len(marks) == 1 and in_brackets and (
            all(not t.is_punct and not t.like_num and t.pos_ not in ("VERB", "AUX", "ADP") for t in between if t.i < marks[0])  # units only
            and all(t.text in ("US", "about", "or", "roughly") for t in between if t.i > marks[0])
        )
        # "up 0.25 points, or 0.01%": the same change in another unit
        restates = restates or (previous.change is not None and item.unit != previous.unit and _units_then_or(doc, previous, item))
        if restates:
            bound = previous.qualifier if previous.qualifier not in ("exact", "range") else item.qualifier
            if bound == item.qualifier and previous.change is None:
                continue
            found[k] = Found(item.start, item.end, item.value, item.high, bound, previous.change, item.unit, item.counted, item.counted_head, item.event)
    return found


def _units_then_or(doc: Doc, first: Found, second: Found) -> bool:
    words = [t for t in doc[first.end:second.start] if first.counted_head is None or t.i > first.counted_head.i]
    return [t.lower_ for t in words] in (["or"], [",", "or"])


def _merge_ranges(doc: Doc, found: list[Found]) -> list[Found]:
    """Join "from RM120,000 to RM300,000", "between 15kHz and 17kHz", "from 208 pounds to 193"."""
    merged: list[Found] = []
    for item in found:
        previous = merged[-1] if merged else None
        if previous is not None and previous.high is None and item.high is None and _range_link(doc, previous, item):
            opener = doc[previous.start - 1].lower_ if previous.start > 0 else ""
            low, high = previous.value * _shared_scale(doc, previous, item), item.value
            if _to_then_from(doc, previous, item):
                low, high = high, low  # "narrowed to 138,285 lots from 212,577": from the second to the first
            merged[-1] = Found(
                previous.start, item.end, low, high, "range" if previous.qualifier == "exact" else previous.qualifier,
                previous.change or (_change(doc, previous.start, previous.end) if opener in ("from", "between") else None),
                previous.unit or item.unit, previous.counted or item.counted, previous.counted_head or item.counted_head,
                previous.event or item.event,
            )
        else:
            merged.append(item)
    return merged


def _shared_scale(doc: Doc, first: Found, second: Found) -> float:
    """"24.2 to 33 billion": a scale word after the second figure also scales the first."""
    last, first_last = doc[second.end - 1].lower_, doc[first.end - 1].lower_
    if last in SCALES and first_last not in SCALES and first.value < second.value / SCALES[last]:
        return SCALES[last]
    return 1


def _to_then_from(doc: Doc, first: Found, second: Found) -> bool:
    return first.start > 0 and doc[first.start - 1].lower_ == "to" and doc[second.start - 1].lower_ == "from" and _one_verb(doc, first, second)


def _one_verb(doc: Doc, first: Found, second: Found) -> bool:
    """"from $36,040 at 10.45pm last night to $34,935": both figures hang on one word by their prepositions."""
    opener, closer = doc[first.start - 1], doc[second.start - 1]
    return opener.head == closer.head and opener.i != closer.i and second.start - first.end <= 8


def _range_link(doc: Doc, first: Found, second: Found) -> bool:
    opener = doc[first.start - 1].lower_ if first.start > 0 else ""
    if opener == "from" and doc[second.start - 1].lower_ == "to" and _one_verb(doc, first, second) or _to_then_from(doc, first, second):
        return True
    between = [t for t in doc[first.end:second.start]]
    # the first figure's own unit may stand between: "208 pounds to 193", "5% to 6%"
    while between and (between[0].lower_ in UNIT_WORDS or between[0].lower_ in ("per", "cent")
                       or first.counted_head is not None and between[0].i <= first.counted_head.i < second.start):
        between = between[1:]
    if len(between) != 1 or between[0].lower_ not in ("to", "and", "-", "–"):
        return False
    if between[0].lower_ == "and":
        return opener == "between"
    if between[0].text in ("-", "–"):
        return not between[0].whitespace_ and not doc[between[0].i - 1].whitespace_
    if opener in ("from", "between"):
        return True
    if opener == "by":  # "dropped by 1 to 1.5 degrees"; "rose by 5% to $7.2 billion" is a change, then a level
        return first.unit is None
    # "fell 40.8 per cent to $2.06" is a change and the level reached, not a range
    compatible = first.unit is None or second.unit is None or first.unit == second.unit
    return compatible and _change(doc, first.start, first.end) is None


DOLLAR_COUNTRY = ("US", "A", "HK", "S", "C")  # "$" "US55,931,000": only after a dollar sign


def _clock_or_date(token: Token, match: re.Match) -> bool:
    if match.group(2) in DOLLAR_COUNTRY and not (token.i > 0 and token.doc[token.i - 1].text == "$"):
        return True  # "A2", "A1": model names, not money
    suffix = (match.group(4) or "").lower().rstrip(".")
    return suffix in ("am", "pm", "h", "s", "th", "st", "nd", "rd", "d", "ers") or token.ent_type_ in ("DATE", "TIME") and suffix in ("", "am", "pm")


def _glued(doc: Doc, i: int, match: re.Match) -> Found:
    """"EUR50m", "$US55,931,000", "5kW", "37m", "180p", "sub-500", "minus-260": figure and unit in one token."""
    sign, prefix, digits, suffix = match.group(1), match.group(2), match.group(3), (match.group(4) or "").rstrip(".")
    value = float(digits.replace(",", "")) * (-1 if sign in ("minus-", "-") else 1)
    unit = suffix.lower() or None
    if prefix is None and i > 0 and doc[i - 1].text in CURRENCY:
        prefix = doc[i - 1].text
    if prefix is None and suffix.lower() == "k":
        return Found(i, i + 1, value * 1_000, None, *_qualifier(doc, i)[:1], _change(doc, i, i + 1), None, None, None, None)
    if prefix:
        unit = _MONEY_PREFIX.get(prefix, "dollar")
        following = doc[i + 1].lower_.rstrip(".") if i + 1 < len(doc) else ""
        if suffix.lower() in _SCALE_SUFFIX:
            value *= _SCALE_SUFFIX[suffix.lower()]
        elif following in SCALES and doc[i + 1].text[0].isalpha():
            value *= SCALES[following]  # "EUR50 m.", "$US140 million"
    qualifier, start = _qualifier(doc, i)
    if sign == "sub-":
        qualifier = "less_than"
    return Found(start, i + 1, value, None, qualifier, _change(doc, i, i + 1), unit, None, None, None)


def _number_run(doc: Doc, i: int) -> int:
    """Last token of the number starting at i: digits may take a scale word, words join words."""
    j = i
    while j + 1 < len(doc):
        nxt = doc[j + 1]
        if doc[j].like_num and not doc[j].is_alpha:
            if nxt.lower_ in SCALES and nxt.is_alpha or nxt.lower_ in DIVISORS:
                j += 1
                continue
            if nxt.lower_.rstrip(".") in ("m", "bn", "mn", "b", "tn") and i > 0 and doc[i - 1].text in CURRENCY:
                j += 1  # "$5.4m"
            break
        if nxt.lower_ in WORDS and _numberish(nxt):
            j += 1
        elif nxt.lower_ == "of" and j + 2 < len(doc) and doc[j].lower_ in VAGUE and doc[j + 2].lower_ in VAGUE:
            j += 2  # "tens of thousands"
        elif nxt.lower_ in ("and", "-") and j + 2 < len(doc) and doc[j + 2].lower_ in WORDS and doc[j + 2].lower_ not in ("a",):
            j += 2
        else:
            break
    return j


def _signed_change(doc: Doc, i: int, unit: str | None) -> str | None:
    """A percentage written with its sign (or "minus") is a change: "Stoxx 50 -1.3% FTSE +0.6%"."""
    if unit != "percent":
        return None
    if doc[i].text[0] == "+" or i > 0 and doc[i - 1].text == "+" and not doc[i - 1].whitespace_:
        return "up"
    return "down" if doc[i].text[0] in "-−" or _negative(doc, i) else None


def _negative(doc: Doc, i: int) -> bool:
    if i > 0 and doc[i - 1].lower_ == "minus":
        return True
    if i > 0 and doc[i - 1].text in ("-", "−") and not doc[i - 1].whitespace_:
        return i == 1 or not (doc[i - 2].like_num or doc[i - 2].is_alpha and not doc[i - 2].whitespace_)
    return False


def _numberish(token: Token) -> bool:
    text = token.lower_
    if token.like_num and not token.is_punct:
        return text != "one" or token.dep_ in ("nummod", "quantmod") or token.ent_type_ in ("CARDINAL", "QUANTITY", "MONEY", "PERCENT")
    return is_number_word(text) and not (text in ("a", "and"))


def _excluded(token: Token) -> bool:
    text = token.text
    if token.lower_ in ("third", "quarter", "fifth", "tenth") and token.i > 0 and token.doc[token.i - 1].lower_ in ("a", "one"):
        return not (token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ == "of")  # "a third of"
    if token.ent_type_ == "ORDINAL" or token.ent_type_ == "DATE" and len(text) == 4 and text.isdigit():
        return True
    if ":" in text or token.i + 1 < len(token.doc) and token.doc[token.i + 1].lower_ in ("am", "pm", "a.m.", "p.m.", "gmt", "utc"):
        return True  # clock times
    signed_change = text[0] in "+-−" and token.i + 1 < len(token.doc) and token.doc[token.i + 1].text == "%"
    if token.ent_type_ in NAME_ENTITIES and not signed_change and (token.i + 1 == len(token.doc) or token.doc[token.i + 1].ent_iob_ != "I"):
        return True  # "S&P 500", "iPhone 12": a number that ends a name
    if text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100 and token.ent_type_ in ("DATE", ""):
        nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if nxt is None or not nxt.is_alpha or nxt.ent_type_ == "DATE" or nxt.is_punct or nxt.pos_ not in ("NOUN",):
            return True
    previous = token.doc[token.i - 1] if token.i > 0 else None
    if previous is not None and previous.lower_.strip(".#") in IDENTIFIER_HEADS and not signed_change:
        return True  # "FTSE 100" names an index; "FTSE -0.6%" is its move
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if previous is not None and previous.lower_.strip(".") in MONTHS or following is not None and following.lower_.strip(".") in MONTHS:
        return True  # "Sept. 20-24", "August 31 2019", "on 20 June": days of the month
    if previous is not None and previous.lower_ in ("a.d.", "b.c.", "ad", "bc", "covid", "covid-", "zip"):
        return True
    if text.endswith("s") and _year_like(text[:-1]) or text.endswith("'s") and _year_like(text[:-2]):
        return True  # decades: "the 1970s"
    if previous is not None and previous.text in ("-", "–") and token.i > 1 and _year_like(token.doc[token.i - 2].text):
        return True  # "2014-15"
    if token.lower_ in ("half", "quarter") and previous is not None and previous.lower_ in PERIOD_DETERMINERS:
        return True  # "revenue in the quarter", "in the first half": a period, not a fraction
    if token.is_alpha and token.lower_ in ("half", "quarter", "third") and token.dep_ not in ("nsubj", "dobj", "pobj", "predet", "npadvmod"):
        return True
    return False


PERIOD_DETERMINERS = frozenset("the this that last next each every first second third fourth fiscal previous current same".split())
MONTHS = frozenset(
    "jan january feb february mar march apr april may jun june jul july aug august sep sept september oct october nov november dec december".split()
)


def _year_like(text: str) -> bool:
    return text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _qualifier(doc: Doc, start: int) -> tuple[str, int]:
    for words, name in QUALIFIERS:
        n = len(words)
        before = start - n
        # skip a currency sign between the qualifier and the number: "more than $5"
        if before > 0 and doc[start - 1].text in CURRENCY:
            before -= 1
        if before >= 0 and tuple(t.lower_ for t in doc[before:before + n]) == words:
            return name, before
    if start > 0 and doc[start - 1].text in CURRENCY:
        return "exact", start - 1
    return "exact", start


def _unit(doc: Doc, start: int, end: int) -> tuple[str | None, str | None, Token | None]:
    if start > 0 and doc[start - 1].text in CURRENCY:
        return CURRENCY[doc[start - 1].text], None, None
    if end < len(doc):
        nxt = doc[end]
        if nxt.lower_ in UNIT_WORDS or nxt.lower_ == "per" and end + 1 < len(doc) and doc[end + 1].lower_ == "cent":
            return "percent", None, None
        last = doc[end - 1]
        head = last.head if last.dep_ in ("nummod", "quantmod", "compound") and last.head.i >= end else None
        if head is None and nxt.pos_ in ("NOUN", "PROPN") and nxt.i == end:
            head = nxt
        if head is None and nxt.lower_ == "of" and end + 1 < len(doc):  # "dozens of people", "thousands of troops"
            head = next((t for t in doc[end + 1:end + 6] if t.pos_ in ("NOUN", "PROPN") and t.dep_ == "pobj"), None)
        if head is not None and head.pos_ in ("NOUN", "PROPN"):
            modifiers = [t for t in head.lefts if t.dep_ in ("compound", "amod") and t.i >= end]
            first = min([head.i] + [m.i for m in modifiers])
            counted = doc[first:head.i + 1].text
            return head.lemma_.lower(), counted, head
    return None, None, None


def _change(doc: Doc, start: int, end: int) -> str | None:
    """A change rather than a level: "rose 5%", "fell by 0.4 per cent", "up 3 points", "a 3 percent drop"."""
    anchor = doc[end - 1]
    before = start - 1 if start > 0 and doc[start - 1].text not in CURRENCY else start - 2
    if before >= 0 and doc[before].lower_ in ("up", "down"):  # "up 0.2%", "down 0.1 per cent"
        particle = doc[before]
        if particle.dep_ == "prt" and particle.head.lemma_.lower() in NOT_DIRECTIONS:
            return None  # "gave up 517 rushing yards", "set up 40 stalls": no rise or fall
        return particle.lower_
    if before >= 0 and doc[before].lower_ == "by" and doc[before].head.lemma_.lower() in UP | DOWN:
        return "up" if doc[before].head.lemma_.lower() in UP else "down"  # "fell from $2,415 to $2,315"
    head = anchor.head
    for _ in range(3):
        if head.dep_ == "prep" or head.pos_ == "ADP":
            if head.lower_ != "by":
                return None  # "fell to 13176", "in 18 months": a level or a time, not the change
        lemma = head.lemma_.lower()
        if head.pos_ in ("VERB", "NOUN") and lemma in UP:
            return "up"
        if head.pos_ in ("VERB", "NOUN") and lemma in DOWN:
            return "down"
        if head.head == head:
            break
        head = head.head
    return None


CASUALTY = {"killed", "wounded", "kidnapped", "arrested", "displaced"}


def _up_to_its_verb(number: Token) -> list[Token]:
    """The words above a figure up to the verb of its own clause: in "14 people had died and dozens
    were missing" the dozens are missing, not dead."""
    above = []
    for token in list(number.ancestors)[:3]:
        above.append(token)
        if token.pos_ in ("VERB", "AUX") and token.dep_ not in ("aux", "auxpass", "prep"):
            break  # no clause of its own: an auxiliary ("10 IS militants" read as "is"), "including seven children"
    return above


def _event(doc: Doc, head: Token | None, start: int) -> str | None:
    """GKG-style count type. What happened to them (killed, wounded …) beats who they are (troops)."""
    number = doc[start]
    candidates: list[Token] = []
    if head is not None:
        candidates += [child for child in head.children if child.dep_ in ("acl", "relcl", "amod")]
        if head.dep_ in ("nsubjpass", "nsubj", "dobj", "conj"):
            verb = head.head
            candidates += [verb] + [c for c in verb.children if c.dep_ in ("oprd", "xcomp", "acomp")]
    candidates += [t for t in doc[number.i + 1:number.i + 3] if t.pos_ in ("ADJ", "VERB")]  # "12 dead", "50 injured"
    candidates += _up_to_its_verb(number)
    for token in candidates:
        event = EVENT_LEMMAS.get(token.lemma_.lower()) or EVENT_LEMMAS.get(token.lower_)
        if event in CASUALTY:
            return event
    if head is not None:
        return EVENT_LEMMAS.get(head.lemma_.lower())
    return None
