"""Parties named the second time as "them", institutions named by their seat, legislative
offices, and acts both sides do to each other.

The sentences are written in the style of wire and campaign reports (the judged corpora hold few
of these forms); each assertion failed before the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.pipeline import analyse_text
from newsdesk.records import UNREAL

CAMPAIGN = date(2016, 9, 30)


def _events(text: str, plover: str | None = None) -> list:
    _, analysis = analyse_text(text, published=CAMPAIGN)
    return [e for e in analysis.events if (plover is None or e.plover == plover) and e.modality not in UNREAL]


def _codes(event) -> tuple:
    return (event.source.code if event.source else None, event.target.code if event.target else None)


# --- "them": the one group it can stand for


def test_them_is_the_one_group_named_before_it():
    (threat,) = _events("Israel accused Hamas of firing rockets, and threatened them with retaliation.", "THREATEN")
    assert _codes(threat) == ("ISR", "PSEINSHMS")
    assert threat.target.span.text == "them" and threat.target.antecedent.text == "Hamas"


def test_them_after_states_named_together_is_those_states():
    (threat,) = _events("Trump was elected in 2016. He has pressed Japan, Canada and Mexico for concessions, "
                        "publicly threatening them with tariffs.", "THREATEN")
    assert threat.target.span.text == "them" and threat.target.code == "JPN"


@pytest.mark.parametrize("text", [
    "Israel accused Hamas and Islamic Jihad of firing rockets, and threatened them with retaliation.",  # two groups
    "Police arrested the pair on Friday and the FBI questioned them.",  # a pair of people, not the FBI
    "Russia accused Ukraine of shelling Donetsk and threatened them.",  # a state alone is an "it"
])
def test_them_stays_unresolved_when_more_than_one_group_could_be_meant(text):
    for event in _events(text):
        assert event.target is None or event.target.span.text != "them"


# --- institutions named by their seat, wherever they stand


def test_an_institution_named_by_its_seat_is_an_actor_as_an_object():
    (criticism,) = _events("Obama slammed Congress for failing to pass the bill.", "ACCUSE")
    assert _codes(criticism) == ("USAGOV", "USALEG")


def test_a_seat_of_government_someone_goes_to_is_a_place():
    _, analysis = analyse_text("The senator returned to the Pentagon after the recess.", published=CAMPAIGN)
    assert not [m for m in analysis.entity_mentions if m.span.text.endswith("Pentagon")]


# --- attacks made in words


@pytest.mark.parametrize("text", [
    "Republicans attacked the administration's Iran deal as a disaster.",  # a judgement
    "Senator Rubio attacked Obama's foreign policy on Tuesday.",  # a policy attacked
    "Trump lashed out at the Federal Reserve on Tuesday.",
])
def test_criticism_is_no_assault(text):
    events = _events(text)
    assert events and all(e.plover == "ACCUSE" for e in events)


def test_positions_attacked_are_still_an_assault():
    (attack,) = _events("Russian jets attacked rebel positions near Aleppo.")
    assert attack.plover == "ASSAULT"


# --- legislative offices


@pytest.mark.parametrize("text", [
    "House Speaker Paul Ryan endorsed Donald Trump on Friday.",
    "Senate Majority Leader Mitch McConnell endorsed Donald Trump on Friday.",
])
def test_leaders_of_a_legislature_are_legislators(text):
    (support,) = _events(text, "SUPPORT")
    assert support.source.code.endswith("LEG")


# --- acts both sides do


def test_fire_exchanged_is_an_attack_each_way():
    attacks = _events("India and Pakistan exchanged fire along the Line of Control.", "ASSAULT")
    assert sorted(_codes(e) for e in attacks) == [("IND", "PAK"), ("PAK", "IND")]
    assert not _events("The two leaders exchanged views on trade.")


def test_sanctions_extended_are_the_extenders():
    (sanctions,) = _events("The European Union extended sanctions against Russia for six months.", "COERCE")
    assert _codes(sanctions) == ("IGOEUREEC", "RUS")


# --- acts suffered, read by the parse as done


def test_an_aircraft_shot_down_is_the_target():
    (attack,) = _events("The Russian government said a Ukrainian helicopter shot down over Donetsk had been carrying troops.", "ASSAULT")
    assert _codes(attack) == (None, "UKRMIL")


def test_a_headline_of_an_aircraft_shot_down_and_destroyed_has_it_as_the_target():
    attacks = _events('"US Chinook helicopter shot down and completely destroyed last night near Logar," '
                      "Taliban spokesman Zabihullah Mujahid said in a tweet.", "ASSAULT")
    assert len(attacks) == 2 and all(_codes(e) == (None, "USAMIL") for e in attacks)


def test_shots_fired_are_no_attack_by_those_who_heard_of_them():
    assert not _events("Officers responded to a report of shots fired and found a man with a gunshot wound.", "ASSAULT")


def test_an_aircraft_that_shoots_another_down_is_the_attacker():
    (attack,) = _events("Turkish jets shot down a Russian warplane near the Syrian border.", "ASSAULT")
    assert _codes(attack) == ("TURMIL", "RUSMIL")


# --- reactions drawn, acts only let be, outlets


def test_a_reaction_drawn_is_by_whom_it_comes_from_against_who_drew_it():
    (condemnation,) = _events("North Korea conducted its fifth nuclear test, drawing condemnation from Washington.", "ACCUSE")
    assert _codes(condemnation) == ("USAGOV", "PRK")
    (condemnation,) = _events("Israel faced condemnation from the European Union over the settlements.", "ACCUSE")
    assert _codes(condemnation) == ("IGOEUREEC", "ISR")


def test_an_act_a_bill_would_let_happen_is_not_reported_done():
    (suit,) = [e for e in analyse_text("Obama vetoed a bill that would let families of 9/11 victims sue Saudi Arabia.",
                                       published=CAMPAIGN)[1].events if e.plover == "ACCUSE"]
    assert suit.modality == "hypothetical"


def test_seizing_on_a_claim_is_no_seizure():
    assert not _events("Politifact seized on Trump's claim that there have been thousands of shootings.")
    assert _events("Iran seized a British tanker in the Strait of Hormuz.", "COERCE")


def test_a_newspaper_is_a_media_actor():
    (criticism,) = _events("The Los Angeles Times attacked Trump for his comments about women.", "ACCUSE")
    assert _codes(criticism) == ("USAMED", "USAELI")


def test_talks_rejected_are_a_rejection_of_a_meeting():
    (rejection,) = _events("Iran's supreme leader rejected talks with the United States.", "REJECT")
    assert rejection.cameo == "125" and _codes(rejection) == ("IRNGOV", "USA")
    assert not _events("The spokesman declined comment.")


def test_a_ban_blocked_by_a_court_is_a_rejection_of_its_author():
    (rejection,) = _events("A federal judge blocked Trump's travel ban on Friday.", "REJECT")
    assert rejection.target.entity_id == "donald-trump"


def test_a_name_the_model_missed_after_a_title_is_of_the_titles_institution():
    attacks = _events("Officer Eggers fired five shots at Michael Bell, killing him.", "ASSAULT")
    assert attacks and all(e.source.code == "---COP" and e.source.span.text == "Officer Eggers" for e in attacks)


def test_a_pair_indicted_are_people():
    (indictment,) = _events("Grand jury indicts pair in Des Plaines nun scam.", "COERCE")
    assert indictment.target.span.text == "pair" and indictment.target.code.endswith("CVL")


def test_a_city_visited_is_its_state_unless_the_visitor_is_at_home():
    (visit,) = _events("Putin visited Tehran on Tuesday.", "CONSULT")
    assert _codes(visit) == ("RUSGOV", "IRN")
    assert not _events("President Obama visited Chicago on Friday.")


def test_states_that_agree_together_agree_with_each_other():
    agreements = _events("Russia and Ukraine agreed to a ceasefire in eastern Ukraine.", "AGREE")
    assert sorted(_codes(e) for e in agreements) == [("RUS", "UKR"), ("UKR", "RUS")]


def test_one_of_a_nation_acted_on_is_a_person_of_it():
    (shooting,) = _events("Israeli soldiers shot dead a Palestinian at a checkpoint.", "ASSAULT")
    assert _codes(shooting) == ("ISRMIL", "PSECVL")


def test_a_boat_rammed_is_attacked_and_a_door_rammed_is_not():
    (ramming,) = _events("Chinese coast guard vessels rammed a Vietnamese fishing boat near the Paracel Islands.", "ASSAULT")
    assert _codes(ramming) == ("CHN", "VNM")
    assert not _events("Heavily armed officers rammed the door of the house.", "ASSAULT")


def test_hostages_released_are_the_target():
    (release,) = _events("The rebels released three foreign hostages after negotiations with the government.", "RETREAT")
    assert release.target is not None and release.target.span.text == "hostages"


def test_states_that_accuse_each_other_accuse_the_other():
    accusations = _events("Armenia and Azerbaijan accused each other of violating the truce.", "ACCUSE")
    assert sorted(_codes(e) for e in accusations) == [("ARM", "AZE"), ("AZE", "ARM")]


def test_a_fine_is_a_penalty_imposed():
    (fine,) = _events("A judge fined the man 500 dollars.", "COERCE")
    assert fine.cameo == "172" and _codes(fine) == ("---JUD", "---CVL")
