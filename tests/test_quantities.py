"""Numeric claims: every qualifier and number form, the seed's claims, and conflict counts in real news."""

import json

import pytest

from newsdesk.nlp import load_model
from newsdesk.quantities import find_quantities
from newsdesk.quantities.numbers import parse_number

from .conftest import EVAL, ROOT


def quantities(text: str):
    doc = next(load_model().parse([text]))
    return [(f.value, f.high, f.qualifier, f.change) for f in find_quantities(doc)]


@pytest.mark.parametrize(
    "words, value",
    [
        (["10,000"], 10_000), (["ten", "thousand"], 10_000), (["1.2", "million"], 1_200_000), (["twenty-five"], 25),
        (["a", "dozen"], 12), (["half"], 0.5), (["three", "hundred", "and", "twelve"], 312), (["2.5bn"], 2_500_000_000),
        (["two", "thirds"], 2 / 3), (["dozens"], 12),
    ],
)
def test_number_forms(words, value):
    assert parse_number(words)[0] == pytest.approx(value)


def test_vague_plurals_are_ranges():
    assert parse_number(["dozens"]) == (12, 120)
    assert parse_number(["thousands"]) == (1_000, 10_000)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Officials said 12 soldiers were killed.", (12, None, "exact", None)),
        ("More than 10,000 fighters are in the country.", (10_000, None, "more_than", None)),
        ("Fewer than 300 families returned.", (300, None, "less_than", None)),
        ("About 40,000 people were displaced.", (40_000, None, "about", None)),
        ("At least nine people were killed.", (9, None, "at_least", None)),
        ("Up to 120 civilians may have been abducted.", (120, None, "up_to", None)),
        ("Between 20,000 and 25,000 people have died.", (20_000, 25_000, "range", None)),
        ("The group has an estimated ten thousand members.", (10_000, None, "about", None)),
        ("Prices rose 5% last month.", (5, None, "exact", "up")),
        ("The index fell 0.4 per cent on Monday.", (0.4, None, "exact", "down")),
        ("Dozens of people were wounded.", (12, 120, "range", None)),
        ("The government sent 1.2 million tonnes of wheat.", (1_200_000, None, "exact", None)),
        ("The defense gave up 517 rushing yards against Kentucky.", (517, None, "exact", None)),  # NewsQuant
        ("Shares went up 3% in early trading.", (3, None, "exact", "up")),
        ("Exposure should be limited to no more than 0.5 R per day.", (0.5, None, "up_to", None)),  # NewsQuant
        ("The panels failed at a strength lower than 8.90 ksi.", (8.9, None, "less_than", None)),
        ("In Europe: Stoxx 50 -1.3% FTSE -0.6% CAC -1.7%.", (-0.6, None, "exact", "down")),  # NewsQuant
        ("On Wall St: Dow +0.2% S&P 500 +0.3% Nasdaq +0.8%.", (0.3, None, "exact", "up")),  # NewsQuant
        ("The false positive rate came down to .001 per cent.", (0.001, None, "exact", None)),
    ],
)
def test_qualifiers_and_changes(sentence, expected):
    assert expected in quantities(sentence)


def test_a_conversion_in_brackets_keeps_the_bound():
    assert quantities("The adult moths can fly more than 100 kilometers (60 miles).") == [
        (100, None, "more_than", None), (60, None, "more_than", None)]
    assert quantities("The TA-25 index fell 1% (about 14 points).")[1][2:] == ("about", "down")
    assert [q[2] for q in quantities("It produces just under 296 hp (224 kW / 300 PS).")] == ["less_than"] * 3


def test_the_same_change_restated_in_another_unit():
    assert quantities("S&P 500 e-minis were up 0.25 points, or 0.01%, by noon.") == [(0.25, None, "exact", "up"), (0.01, None, "exact", "up")]


def test_a_starting_level_is_not_a_change():
    assert quantities("Revenue in the quarter rose 8% from $6.78 billion a year earlier.") == [
        (8, None, "exact", "up"), (6_780_000_000, None, "exact", None)]


def test_from_and_to_on_one_verb_make_a_range():
    # NewsQuant sentences: words between the figures, and the two in reverse order
    assert quantities("Bitcoin plummeted from $36,040 at 10.45pm last night to $34,935 at 5am.") == [(36_040, 34_935, "range", None)]
    assert quantities("Weekly volume narrowed to 138,285 lots from 212,577 lots in the previous week.") == [(212_577, 138_285, "range", None)]
    assert quantities("World temperatures dropped by 1 to 1.5 degrees Celsius.") == [(1, 1.5, "range", "down")]
    assert quantities("Sales rose by 5% to $7.2 billion.") == [(5, None, "exact", "up"), (7_200_000_000, None, "exact", None)]


def test_years_times_ordinals_and_identifiers_are_not_quantities():
    found = quantities("In 2019, the second round of talks began at 10:30 in Room 12 of Game 2 stadium.")
    assert found == []


def test_seed_numeric_claims(seed_path, expected):
    from newsdesk.attribution import extract_quotes
    from newsdesk.extract import extract_article
    from newsdesk.ingest import iter_documents
    from newsdesk.quantities import numeric_claims

    (document,) = list(iter_documents([str(seed_path)]))
    article = extract_article(document)
    doc = next(load_model().parse([article.text]))
    starts = [s.start_char for s in doc.sents]
    claims = numeric_claims(doc, extract_quotes(doc, [p.start for p in article.paragraphs], starts), starts, "Afghanistan Times")
    for gold in expected["quantities"]["required"]:
        claim = next(c for c in claims if gold["evidence"].startswith(c.span.text) or c.span.text in gold["evidence"])
        assert claim.value == gold["value"] and claim.qualifier == gold["qualifier"]
        assert claim.claimed_by == gold["claimed_by"]
        assert gold["counted"] in (claim.counted or "")
    first, second = (c for c in claims if c.value == 10_000)
    assert first.of == "Daesh" and first.where == "Afghanistan" and first.event == "fighters"
    assert first.when == "this year"  # "… fled Syria and Iraq this year"
    assert second.restates == first.index  # "stronger than 10,000 troops" restates the first figure


def test_a_duration_that_is_a_figure_is_not_when():
    from newsdesk.pipeline import analyse_text

    _, analysis = analyse_text("Two weeks after the talks began, a convoy of 60 trucks reached Mekelle on Tuesday.")
    trucks = next(q for q in analysis.quantities if q.value == 60)
    assert trucks.when == "Tuesday"


@pytest.mark.parametrize(
    "text, counts",
    [
        # real news sentences: a count is what happened to the figure's own clause
        ("She said at least 14 people had died and dozens were missing.", [(14, "killed"), (12, None)]),
        ("Militiamen have killed three sheikhs and raped ten women in separate events in Darfur on Thursday and Friday.",
         [(3, "killed"), (10, None)]),
        ("More than 275 ISIS militants were killed and 33 ISIS vehicles were destroyed in the battle for Shaddadi.",
         [(275, "killed"), (33, None)]),
        ("At least nine civilians were killed, including seven children, and 24 others wounded in the bombardment.",
         [(9, "killed"), (7, "killed"), (24, "wounded")]),
    ],
)
def test_a_count_is_of_its_own_clause(text, counts):
    doc = next(load_model().parse([text]))
    assert [(f.value, f.event) for f in find_quantities(doc)] == counts


def load_conflict_gold():
    lines = (ROOT / "tests" / "gold" / "conflict_counts.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.mark.eval
def test_conflict_counts_in_real_news():
    gold = load_conflict_gold()
    corpus = EVAL / gold[0]["corpus"]
    if not corpus.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    texts = {}
    for line in corpus.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        texts[record["id"]] = record["text"]
    assert len(gold) >= 30
    found = total = 0
    misses = []
    for item, doc in zip(gold, load_model().parse(texts[g["id"]] for g in gold)):
        ours = {(f.value, f.event) for f in find_quantities(doc)}
        for value, event in item["counts"]:
            total += 1
            if (value, event) in ours:
                found += 1
            else:
                misses.append((item["id"], value, event, sorted(ours, key=str)))
    assert found / total >= 0.9, misses
