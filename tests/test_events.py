"""Events: the seed's required events, coder behaviour on real sentences, storage, CLI, exports."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from newsdesk.events.dates import resolve_date
from newsdesk.events.ontology import OLD_PLOVER, PLOVER_TYPES, load_patterns
from newsdesk.ingest import IngestOptions, iter_documents
from newsdesk.pipeline import analyse_text, process_batch

from .conftest import EVAL


@pytest.fixture(scope="module")
def seed(seed_path):
    (document,) = list(iter_documents([str(seed_path)], IngestOptions(source="Afghanistan Times")))
    (processed,) = process_batch([document])
    return processed


def _names(processed) -> dict[str, str]:
    return {e.entity_id: e.name for e in processed.analysis.entities}


def test_seed_required_events(seed, expected):
    names = _names(seed)
    coded = [(e.plover, e.cameo, names.get(e.source.entity_id) if e.source else None,
              names.get(e.target.entity_id) if e.target else None, e.evidence.text) for e in seed.analysis.events]
    for gold in expected["events"]["required"]:
        types = {gold["type"], *gold.get("also_accept", [])}
        match = [c for c in coded if c[0] in types and c[2] == gold["source"] and c[3] == gold["target"]
                 and gold["evidence"].split()[-1].strip(".") in c[4]]
        assert match, f"missing {gold['type']} {gold['source']} → {gold['target']}: {gold['evidence']}"
        assert any(c[1] == gold["cameo"] for c in match), (gold, match)


def test_seed_events_carry_quote_place_and_mode(seed):
    operations = next(e for e in seed.analysis.events if e.predicate.text == "operations")
    assert operations.quote is not None and operations.speaker_entity == "person:zamir-kabulov"  # "Kabulov says: …"
    assert seed.analysis.places[operations.place].name in ("Syria", "Iraq")
    declined = next(e for e in seed.analysis.events if e.predicate.text == "declined")
    assert declined.mode == "meet" and declined.plover == "REJECT"
    invited = next(e for e in seed.analysis.events if e.predicate.text == "invited")
    assert invited.date is None and invited.date_text == "April"  # no publication date: not guessed


@pytest.mark.parametrize(
    "text, plover, cameo, source, target",
    [
        # PLOVER gold-standard style sentences (CAMEO manual), real actors
        ("Hungary has said it will support a U.N. Security Council resolution.", "AGREE", "032", "hungary", "unsc"),
        ("Washington along with its allies demanded that Hamas renounce its armed struggle against Israel.", "REQUEST", "100", "united-states", "hamas"),
        ("The Taliban threatened to attack Pakistani forces.", "THREATEN", "138", "taliban", "pakistan"),
        ("Israeli forces did not attack the camp.", "ASSAULT", "190", "israel", None),
    ],
)
def test_coder_on_sentences(text, plover, cameo, source, target):
    _, analysis = analyse_text(text)
    event = next(e for e in analysis.events if e.plover == plover)
    assert event.cameo == cameo
    assert (event.source.entity_id if event.source else None) == source
    assert (event.target.entity_id if event.target else None) == target


def test_negation_is_kept_and_marked():
    _, analysis = analyse_text("Israeli forces did not attack the camp.")
    assert [e.modality for e in analysis.events] == ["negated"]


@pytest.mark.parametrize(
    "text, published, expected",
    [
        ("Sunday", date(2017, 12, 21), date(2017, 12, 17)),
        ("in April", date(2017, 12, 21), date(2017, 4, 1)),
        ("in April", date(2017, 2, 1), date(2016, 4, 1)),
        ("this year", date(2017, 12, 21), date(2017, 1, 1)),
        ("yesterday", date(2017, 12, 21), date(2017, 12, 20)),
        ("March 7", date(2017, 12, 21), date(2017, 3, 7)),
        ("7 March 2019", None, date(2019, 3, 7)),
        ("on Sunday", None, None),
    ],
)
def test_dates_resolve_against_publication(text, published, expected):
    assert resolve_date(text, published) == expected


def test_ontology_maps_every_pattern_to_a_current_plover_type():
    patterns = load_patterns()
    for code, entry in patterns.codes.items():
        assert entry["plover"] in PLOVER_TYPES, code
    assert OLD_PLOVER == {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}


def test_user_verb_patterns_extend_the_dictionary(tmp_path, monkeypatch):
    extra = tmp_path / "verbs.yaml"
    extra.write_text("verbs:\n  shun: '120'\n", encoding="utf-8")
    patterns = load_patterns((str(extra),))
    assert patterns.verbs["shun"] == "120" and patterns.verbs["kill"] == "190"
    bad = tmp_path / "bad.yaml"
    bad.write_text("verbs:\n  shun: '999'\n", encoding="utf-8")
    from newsdesk.events import PatternError

    with pytest.raises(PatternError, match="999"):
        load_patterns((str(bad),))


PETRARCH_DICTIONARY = """\
&SHOWS
+PARADE
+MARCH
---  HARANGUE   [111]  ---
HARANGUE
BERATE [112]
- * &SHOWS                                  [145]  # an object synset
- NOT *                                     [120]  # context before the verb: left to the parse
- * (AT)                                    [112]
---  NATTER   [---]  ---
NATTER
- * {IDLE TALK}                             [010]  # a statement: no PLOVER type
"""


def test_a_petrarch_verb_dictionary_is_read_as_user_patterns(tmp_path):
    path = tmp_path / "verbs.txt"
    path.write_text(PETRARCH_DICTIONARY, encoding="utf-8")
    patterns = load_patterns((str(path),))
    harangue = patterns.verbs["harangue"]
    assert harangue["code"] == "111" and harangue["objects"] == {"parade": "145", "march": "145"}
    assert harangue["particles"] == {"at": "112"} and patterns.verbs["berate"]["code"] == "112"
    assert "natter" not in patterns.verbs and patterns.verbs["kill"] == "190"  # ours stay
    _, analysis = analyse_text("Pakistan harangued India over the border closure.")
    assert not analysis.events  # not in our own dictionary
    from newsdesk.pipeline import _analyse_bare
    from newsdesk.nlp import load_model

    doc = next(load_model().parse(["Pakistan harangued India over the border closure."]))
    (event,) = _analyse_bare(doc, None, None, patterns)[1].events
    assert (event.plover, event.cameo, event.source.entity_id, event.target.entity_id) == ("ACCUSE", "111", "pakistan", "india")


def test_ingest_with_user_verbs(cli, tmp_path):
    verbs, text = tmp_path / "verbs.txt", tmp_path / "news.txt"
    verbs.write_text(PETRARCH_DICTIONARY, encoding="utf-8")
    text.write_text("Border row\n\nPakistan harangued India over the border closure on Monday.\n", encoding="utf-8")
    assert cli("--verbs", str(verbs), "ingest", str(text), "--quiet").code == 0
    assert "ACCUSE 111" in cli("events").out
    broken = tmp_path / "broken.yaml"
    broken.write_text("verbs:\n  harangue: '999'\n", encoding="utf-8")
    result = cli("--verbs", str(broken), "ingest", str(text))
    assert result.code != 0 and "999" in result.err


def test_a_pronoun_in_a_role_is_stored_with_the_name_it_stands_for(cli, tmp_path):
    text = tmp_path / "court.txt"
    text.write_text("Police arrested John Smith, 34, of Springfield on Tuesday. He was charged with murder on Wednesday.\n", encoding="utf-8")
    assert cli("ingest", str(text), "--quiet").code == 0
    assert "John Smith ← “He”" in " ".join(cli("events").out.split())


def test_the_subject_of_an_adjective_governs_its_infinitive():
    _, analysis = analyse_text("The Australian government is ready to help Libya.")
    assert [(e.source.code, e.target.entity_id, e.cameo, e.modality) for e in analysis.events] == [("AUSGOV", "libya", "033", "intend")]


def test_events_command_and_exports(cli, seed_path, tmp_path):
    assert cli("ingest", str(seed_path), "--quiet").code == 0
    result = cli("events", "--actor", "Moscow")
    assert result.code == 0 and "AGREE 036" in result.out and "REJECT 125" in result.out
    assert "ASSAULT 190" in cli("events", "--type", "assault").out
    assert "events" in cli("show", "843ac32a").out
    gdelt = tmp_path / "events.tsv"
    assert cli("export", "-f", "gdelt", "-o", str(gdelt)).code == 0
    rows = [line.split("\t") for line in gdelt.read_text(encoding="utf-8").splitlines()]
    assert rows and all(len(r) == 61 for r in rows)
    invited = next(r for r in rows if r[26] == "036")
    assert invited[5] == "RUSGOV" and invited[7] == "RUS" and invited[28] == "03" and invited[29] == "1"
    acled = tmp_path / "events.csv"
    assert cli("export", "-f", "acled", "-o", str(acled)).code == 0
    table = list(csv.DictReader(acled.open(encoding="utf-8")))
    assert any(r["event_type"] == "Battles" or r["plover"] == "ASSAULT" for r in table)
    confident = tmp_path / "confident.tsv"
    assert cli("export", "-f", "gdelt", "-o", str(confident), "--min-confidence", "0.7").code == 0
    kept = {line.split("\t")[0] for line in confident.read_text(encoding="utf-8").splitlines()}  # GDELT's event ids
    assert 0 < len(kept) < len(rows) and kept <= {r[0] for r in rows}
    assert cli("export", "-o", str(tmp_path / "a.jsonl"), "--min-confidence", "0.7").code != 0  # a table export has no events to filter


@pytest.mark.eval
@pytest.mark.slow
def test_plover_gold_standard_does_not_regress():
    path = EVAL / "events" / "plover-gsr-dev.json"
    if not path.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    from newsdesk.evaluate.plover import evaluate_plover

    scores = evaluate_plover(path)
    assert scores.rate(1) >= 0.6  # event type; the target is 0.80 (see README)


@pytest.mark.eval
def test_petrarch2_gold_records_are_read_despite_their_broken_nesting(cli):
    path = EVAL / "events" / "PETR2_GSR_validation.xml"
    if not path.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    from newsdesk.evaluate.petrarch_gsr import read_gsr

    sentences = read_gsr(path)
    assert len(sentences) == 78 and sum(len(s.triples) for s in sentences) == 80 and sum(not s.triples for s in sentences) == 12
    boko = next(s for s in sentences if s.id == "abc12_3")  # its <Text> is empty: the words come from its parse
    assert boko.text.startswith("Boko Haram has launched many similar attacks")
    result = cli("eval", "petrarch2", str(path))
    overall = next(line.split() for line in result.out.splitlines() if line.startswith("overall"))
    assert overall[1] == "80" and float(overall[2]) >= 0.40  # root; measured 0.438
    not_records = path.parent / "plover-gsr-dev.json"
    assert cli("eval", "petrarch2", str(not_records)).code != 0  # another file: a clear error, not a table of zeros


@pytest.mark.parametrize("name, held_out", [("event_judgements.jsonl", 30), ("event_judgements_polnear.jsonl", 30),
                                            ("event_judgements_news.jsonl", 30)])
def test_event_judgements_hold_offsets_and_verdicts_not_texts(name, held_out):
    import json

    from .conftest import ROOT

    lines = (ROOT / "tests/gold" / name).read_text(encoding="utf-8").splitlines()
    header, rows = json.loads(lines[0]), [json.loads(line) for line in lines[1:]]
    assert len(header["articles"]) >= 30 and len(header["held_out"]) >= held_out
    assert not set(header["articles"]) & set(header["held_out"])
    assert all(set(r) <= {"article", "start", "end", "plover", "source", "target", "source_antecedent", "target_antecedent", "correct", "note",
                                "codes"} for r in rows)
    assert all(len(r["codes"]) == 2 and all(c is None or c.isupper() for c in r["codes"]) for r in rows if "codes" in r)
    assert all(r[role] is None or (len(r[role]) == 2 and all(isinstance(x, int) for x in r[role])) for r in rows for role in ("source", "target") if role in r)


@pytest.mark.eval
@pytest.mark.slow
def test_event_precision_on_judged_news_does_not_regress():
    if not (EVAL / "geo" / "lgl.xml").exists():
        pytest.skip("../shared/eval is not beside this checkout")
    from newsdesk.evaluate.events import evaluate_events

    from .conftest import ROOT

    scores = evaluate_events(ROOT / "tests/gold/event_judgements.jsonl", EVAL)
    assert scores["development"].articles == 480 and scores["held_out"].articles == 90
    assert scores["development"].unjudged == 0 and scores["held_out"].unjudged == 0
    assert scores["development"].precision >= 0.70  # measured 0.796 (292 of 367); the target is 0.80 (see README)
    assert scores["held_out"].precision >= 0.40  # measured 0.506 (45 of 89)
    for name in ("development", "held_out"):  # the confidence model ranks: events it rates higher are more often right
        assert scores[name].at_confidence(0.8)[0] > scores[name].precision + 0.1  # measured 0.940 and 0.706
    # US political news (PolNeAR, 2016): a second domain, far harder
    politics = evaluate_events(ROOT / "tests/gold/event_judgements_polnear.jsonl", EVAL)
    assert politics["development"].articles == 39 and politics["held_out"].articles == 45
    assert politics["development"].unjudged == 0 and politics["held_out"].unjudged == 0
    assert politics["development"].precision >= 0.40  # measured 0.573 (47 of 82); 0.134 before any rule made for it
    assert politics["held_out"].precision >= 0.20  # measured 0.302 (55 of 182); the first 12 articles 0.182 before the rules
    # mixed news of 2018-2019 (the article-extraction benchmark's bodies): a third domain, judged before any rule for it
    news = evaluate_events(ROOT / "tests/gold/event_judgements_news.jsonl", EVAL)
    assert news["development"].articles == 33 and news["held_out"].articles == 33
    assert news["development"].unjudged == 0 and news["held_out"].unjudged == 0
    assert news["held_out"].precision >= 0.30  # measured 0.386 (34 of 88) on first sight


def test_an_age_is_no_date_of_the_event():
    _, analysis = analyse_text("Police arrested John Smith, 34, of Springfield on Tuesday.")
    (arrest,) = analysis.events
    assert arrest.date_text == "Tuesday"


def test_a_judged_pronoun_is_judged_with_the_name_it_stood_for():
    from newsdesk.evaluate.events import _event_roles, _row_roles

    _, analysis = analyse_text("Police arrested John Smith on Monday. He was charged with murder.")
    charged = next(e for e in analysis.events if e.predicate.text == "charged")
    pronoun, name = charged.target.span, charged.target.antecedent
    row = {"source": None, "target": [pronoun.start, pronoun.end], "target_antecedent": [name.start, name.end]}
    assert _row_roles(row) == _event_roles(charged)
    assert _row_roles({**row, "target_antecedent": [0, 6]}) != _event_roles(charged)  # "He" read as Police: another judgement


def test_confidence_is_the_shipped_model_over_features_the_coder_gives():
    from newsdesk.events.confidence import CLAUSES, event_features, load_confidence_model
    from newsdesk.events.ontology import PLOVER_TYPES

    model = load_confidence_model()
    kinds = ("none", "pronoun", "named", "agent", "other")
    possible = {f"type={t}" for t in PLOVER_TYPES} | {f"clause={c}" for c in (*CLAUSES.values(), "other")}
    possible |= {f"{role}={k}" for role in ("source", "target") for k in kinds} | {"arrest", "nominal", "quoted", "intended", "source_private"}
    assert model.fitted_on and set(model.weights) <= possible  # a renamed feature would silently weigh nothing
    from newsdesk.nlp import load_model
    from newsdesk.pipeline import analyse_doc

    doc = next(iter(load_model().parse(["Police arrested John Smith on Monday."])))
    (arrest,) = analyse_doc(doc).events
    features = event_features(arrest, doc[1])
    assert {"type=COERCE", "arrest", "clause=main", "source=agent"} <= set(features)
    assert arrest.confidence == round(model.score(features), 3)


def test_fitting_the_confidence_model_learns_which_events_are_right():
    from newsdesk.evaluate.calibration import cross_validated, fit_confidence

    arrests = [({"type=COERCE": 1.0, "arrest": 1.0}, True)] * 9 + [({"type=COERCE": 1.0, "arrest": 1.0}, False)]
    praise = [({"type=SUPPORT": 1.0, "target=none": 1.0}, False)] * 8 + [({"type=SUPPORT": 1.0, "target=none": 1.0}, True)] * 2
    model = fit_confidence(arrests + praise, l2=1.0)
    assert model.score(arrests[0][0]) > 0.75 > 0.3 > model.score(praise[0][0])
    validated = cross_validated(arrests + praise, [f"a{i}" for i in range(20)], folds=5, l2=1.0)
    assert min(validated[:10]) > max(validated[10:])


def test_a_refitted_confidence_model_is_used_where_the_environment_names_it(tmp_path, monkeypatch):
    from newsdesk.events.confidence import CONFIDENCE_ENV, ConfidenceModel, load_confidence_model

    mine = tmp_path / "confidence.json"
    mine.write_text(ConfidenceModel(bias=-3.0, weights={"arrest": 1.0}, fitted_on="my judgements").to_json(), encoding="utf-8")
    monkeypatch.setenv(CONFIDENCE_ENV, str(mine))
    load_confidence_model.cache_clear()
    try:
        _, analysis = analyse_text("Police arrested John Smith on Monday.")
        assert load_confidence_model().fitted_on == "my judgements"
        assert [e.confidence for e in analysis.events] == [0.119]  # 1 / (1 + e^2)
    finally:
        monkeypatch.delenv(CONFIDENCE_ENV)
        load_confidence_model.cache_clear()


def test_an_unknown_expected_actor_is_matched_by_none_and_equal_codes_match():
    from newsdesk.evaluate.petrarch import same_actor
    from newsdesk.records import EventActor, TextSpan

    def actor(code):
        return EventActor(None, "x", code, TextSpan(0, 1, "x"))

    assert same_actor(None, "---") and same_actor(actor("---CVL"), "---") and not same_actor(actor("RUS"), "---")
    assert same_actor(actor("---CVL"), "---CVL") and same_actor(actor("USAGOV"), "USA") and not same_actor(actor("---CVL"), "PSECVL")


def test_seed_optional_events_we_find(seed, expected):
    names = {e.entity_id: e.name for e in seed.analysis.entities}
    coded = {(e.plover, e.cameo, names.get(e.source.entity_id) if e.source else None, names.get(e.target.entity_id) if e.target else None)
             for e in seed.analysis.events}
    found = [g for g in expected["events"]["optional"] if (g["type"], g.get("cameo"), g.get("source"), g.get("target")) in coded]
    assert [g["evidence"] for g in found] == ["engaged in fighting the Taliban-led insurgency"]  # one of five (see README)
