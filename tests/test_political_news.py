"""Events and actors in political news: offices that change hands, attacks made in words, acts
only proposed, and the officials of one country an article is about.

Sentences are from PolNeAR's 2016 US campaign reports and LGL's local news (development sets of
``tests/gold/event_judgements*.jsonl``); each assertion failed before the rule it checks.
"""

from __future__ import annotations

from datetime import date

import pytest

from newsdesk.entities import RegistryError, load_registry
from newsdesk.entities.registry import build_registry
from newsdesk.evaluate.events import published_on
from newsdesk.pipeline import analyse_text
from newsdesk.records import UNREAL

CAMPAIGN = date(2016, 9, 30)


def _events(text: str, plover: str | None = None, published: date | None = CAMPAIGN, real: bool = True) -> list:
    _, analysis = analyse_text(text, published=published)
    return [e for e in analysis.events if (plover is None or e.plover == plover) and (not real or e.modality not in UNREAL)]


def _codes(event) -> tuple:
    return (event.source.code if event.source else None, event.target.code if event.target else None)


# --- offices held for a time


@pytest.mark.parametrize(
    "published, code",
    [
        (date(2016, 9, 30), "USAELI"),  # a candidate is no government
        (date(2018, 3, 1), "USAGOV"),
        (date(2026, 1, 5), "USAGOV"),  # a second term, open
        (None, "USAGOV"),  # no date known: the code as written
    ],
)
def test_a_leader_is_the_government_only_while_in_office(published, code):
    (demand,) = _events("Donald Trump is demanding President Barack Obama make a pledge.", "REQUEST", published)
    assert demand.source.code == code


def test_a_former_secretary_of_state_is_an_elite_in_a_later_article():
    _, analysis = analyse_text("Flight attendants' union endorses Hillary Clinton.", published=CAMPAIGN)
    assert {m.code for m in analysis.entity_mentions if m.entity_id == "hillary-clinton"} == {"USAELI"}


def test_terms_of_office_are_checked_when_the_dictionary_is_read():
    entry = "- {id: x, name: X Y, type: PERSON, code: USAGOV, in_office: [2017-01-20 to 2021]}"
    with pytest.raises(RegistryError, match="in_office"):
        build_registry([("user:bad.yaml", entry)])
    trump = load_registry().entities["donald-trump"]
    assert not trump.holds_office_on(date(2021, 6, 1)) and trump.holds_office_on(date(2025, 1, 20))


def test_publication_dates_come_from_file_names_and_addresses():
    assert published_on("nyt_2016-09-20_examining-the-u-n-s-record-on-ur") == date(2016, 9, 20)
    assert published_on("40450848") is None
    assert published_on("702d1da6", "https://www.nytimes.com/2019/11/18/business/trump-trade-war-china.html") == date(2019, 11, 18)
    assert published_on("5fa3154e", "https://www.theguardian.com/commentisfree/2019/nov/18/the-guardian-view") == date(2019, 11, 18)
    assert published_on("f5c90a6d", "https://www.nationalreview.com/2019/11/trump-impeachment-inquiry") is None  # no day


# --- who is named


def test_a_surname_alone_is_the_one_known_person_who_bears_it():
    text = "Democratic nominee Hillary Clinton spoke on Monday. On Tuesday, Clinton criticized police officer Betty Shelby."
    (criticism,) = _events(text, "ACCUSE")
    assert criticism.source.entity_id == "hillary-clinton" and criticism.source.code == "USAELI"
    # with two Clintons named, "Clinton" is neither
    (criticism,) = _events("Bill Clinton and Hillary Clinton spoke. Clinton criticized Russia.", "ACCUSE")
    assert criticism.source.entity_id not in ("hillary-clinton", "bill-clinton")


def test_a_surname_the_model_takes_for_a_firm_is_the_person():
    text = "New Jersey Gov. Chris Christie described Hillary Clinton as a disgrace. Christie blasted Clinton as a \"disgrace\" Wednesday."
    (blast,) = _events(text, "ACCUSE")
    assert blast.source.entity_id == "person:chris-christie" and blast.source.code == "USAGOV"


@pytest.mark.parametrize("text, code", [
    ("Police in New Mexico arrested two men.", "USACOP"),  # not Mexico's police
    ("Two New Jersey police officers were shot by the terrorist.", "USACOP"),  # not Jersey's
])
def test_a_new_place_is_not_the_one_it_is_named_after(text, code):
    (event,) = _events(text)
    assert code in _codes(event)


def test_a_members_party_and_state_say_the_country():
    (endorsement,) = _events("Sen. Ted Cruz (R-Tex) is endorsing Donald Trump's presidential campaign.", "SUPPORT")
    assert _codes(endorsement) == ("USAPTYREP", "USAELI")


def test_an_officials_office_in_a_role_phrase_gives_the_code():
    text = "On Tuesday night, a group of Republicans met with Justice Department congressional liaison Peter Kadzik to discuss document requests."
    (meeting,) = _events(text, "CONSULT")
    assert meeting.target.code == "USAJUD"


def test_officials_of_no_named_country_are_of_the_country_the_article_is_about():
    text = ("The governor of Georgia criticized the mayor of Atlanta on Monday. Officials in Macon and Savannah said "
            "the governor had also criticized the city council.")
    codes = {c for e in _events(text, "ACCUSE", None) for c in _codes(e)}
    assert "USAGOV" in codes and "---GOV" not in codes


# --- what kind of act


@pytest.mark.parametrize("text", [
    "The Democratic presidential candidate's call came after rival Donald Trump attacked Alicia Machado in early-morning tweets.",
    "During a national security speech earlier in the day, Trump attacked Clinton for her support of military action in Iraq.",
    "The truth, the senator said then, was that Trump had personally attacked his wife.",
])
def test_an_attack_made_in_words_is_criticism(text):
    assert _events(text, "ACCUSE") and not _events(text, "ASSAULT")


def test_an_attack_with_force_stays_an_assault():
    assert _events("Gunmen attacked a police station in Kirkuk, killing two officers.", "ASSAULT")


@pytest.mark.parametrize("text", [
    "Veterans in 2014 were killing themselves at three times the rate of civilians.",
    "Former police officer Peter Kaisen, 76, shot himself in the parking lot of a veterans hospital.",
])
def test_harm_to_oneself_is_no_event(text):
    assert not _events(text, "ASSAULT")


def test_a_suspended_campaign_is_no_sanction():
    assert not _events("Gov. Chris Christie suspended his own presidential campaign in February.", "SANCTION")


def test_the_act_taken_instead_of_another_is_the_one_reported():
    assert [e.plover for e in _events("Russia chose to negotiate rather than attack Ukraine.")] == ["CONSULT"]


# --- roles


def test_joined_passive_verbs_share_their_subject_and_agent():
    shot, killed = _events("Scott, who was black, was shot and killed by a black police officer after he allegedly brandished a pistol.", "ASSAULT")
    for event in (shot, killed):
        assert (event.source.span.text, event.target.span.text) == ("officer", "Scott")


def test_the_one_reproached_for_an_act_did_it():
    text = "On Tuesday, Clinton criticized Tulsa police officer Betty Shelby for shooting and killing Terence Crutcher."
    shooting, killing = _events(text, "ASSAULT")
    assert shooting.source.span.text == killing.source.span.text == "Betty Shelby"


def test_forces_withdrawn_are_no_target():
    (retreat,) = _events("Instead of building on the victory in Iraq, Obama foolishly withdrew all of our forces.", "RETREAT", None)
    assert retreat.target is None
    (retreat,) = _events("Russia withdrew its troops from Syria.", "RETREAT")
    assert retreat.target.code == "SYR"


@pytest.mark.parametrize("text, target", [
    ("Republicans had only asked for the information a few hours earlier in a letter to the Justice Department.", "USAJUD"),
    ("One Republican threatened to make Kadzik testify in a public setting.", "Kadzik"),
])
def test_whom_a_verbal_act_is_put_to(text, target):
    (event,) = _events(text)
    assert target in (event.target.code, event.target.span.text)


# --- acts not done


@pytest.mark.parametrize("text", [
    "That could include indicting the hackers and imposing sanctions against Russian institutions.",  # possible acts
    "Actions are allowed only if the country was involved in a terror attack against the United States.",  # a condition
    "As Obama appears set to act, the legislation would allow 9/11 families to sue Saudi Arabia.",  # allowed, not done
    "How many Americans must die before we strike back with our full military might abroad?",  # a question
    'As the gunman turned on him, Jeremiah spread his arms and said, "Go ahead – shoot me."',  # a dare
    "Trump will be unable to turn the crowds against the moderators and accuse the audience of being donors.",  # inability
    "Trump again refused to pledge to release his tax returns before the election.",  # a refusal two verbs up
    "City officers were charged in none of the seven wrecks, police reports said.",  # done to none
    "He said the shelter is open to anybody fighting with their family.",  # whoever might
    # what should have been done was not, and what it was for neither (LGL)
    "Harrison suggested the provincial government should have looked at reducing its portion of the harmonized "
    "sales tax to offer Ontarians relief.",
])
def test_acts_only_proposed_or_denied_are_not_reported_as_done(text):
    assert not _events(text)


def test_a_forecast_is_no_threat():
    text = ("Central European leaders have embraced the idea, warning that Britain's exit from the E.U. will significantly sap "
            "the continent's defense capabilities.")
    assert not _events(text, "THREATEN")
    assert _events("Iran warned that it would close the Strait of Hormuz.", "THREATEN")
    assert not _events("Matthews said Pence's performance should boost Trump's poll numbers.")


# --- quotes read on the way


def test_a_headline_label_run_into_the_story_speaks_its_first_sentence_only():
    text = ("Abbas: No Mideast peace without Jerusalem as Palestinian capital. Palestinian President Mahmoud Abbas Saturday "
            "called Jerusalem the key for peace. He called on Israel to stop the destruction of Palestinian homes.")
    _, analysis = analyse_text(text)
    (label,) = [q for q in analysis.quotes if q.content.start < 20]
    assert label.content.text.startswith("No Mideast peace") and label.content.end < text.index("Palestinian President")
    assert any(e.plover == "REQUEST" and e.target and e.target.code == "ISR" and e.source.code == "PSEGOV" for e in analysis.events)


def test_an_armed_groups_leader_acts_for_it():
    (raid,) = _events("Clinton stressed her support of the 2011 raid that killed 9/11 plotter Osama bin Laden.", "ASSAULT")
    assert raid.target.code == "IMGMUSAQD"


@pytest.mark.parametrize("text", [
    '"If you continue that, you destroy the whole basis of our government," he said.',  # figurative
    "Russia refused to take responsibility for the attack.",  # nothing asked for is refused
])
def test_words_of_force_and_refusal_said_of_no_party(text):
    assert not _events(text)


def test_not_letting_an_outcome_happen_rejects_no_one():
    assert not _events("Cruz said he cannot allow Hillary Clinton to become president.")
    (refusal,) = _events("Israel will not allow inspectors to visit the site.")
    assert refusal.plover == "REJECT"


def test_a_rare_dash_is_read_as_the_dash_the_model_knows():
    text = ("Crutcher, 40 ― a father and student who sang at church every week ― was shot and killed by a white officer "
            "after his vehicle stalled.")
    assert {e.target.span.text for e in _events(text, "ASSAULT") if e.target} == {"Crutcher"}


# --- pronouns and the gender a given name says


def test_a_she_is_the_woman_her_given_name_says_not_the_man_named_first():
    text = ("New Jersey Gov. Chris Christie described Democratic presidential nominee Hillary Clinton as a "
            "“disgrace” after she attacked law enforcement officers nationwide and blamed police shootings on “implicit "
            "bias” against minorities.")
    (attack,) = [e for e in _events(text, "ACCUSE") if e.predicate.text == "attacked"]
    assert attack.source.antecedent.text == "Hillary Clinton" and attack.source.code == "USAELI"


def test_a_given_name_is_a_clue_only_before_a_surname():
    from newsdesk.nlp import load_model
    from newsdesk.nlp.names import gender_clues

    (doc,) = load_model().parse(["President Barack Obama met Hillary Rodham Clinton and Ali in Cairo."])
    clues = {ent.text: gender_clues(ent) for ent in doc.ents if ent.label_ == "PERSON"}
    assert clues["Barack Obama"] == {"m"} and clues["Hillary Rodham Clinton"] == {"f"}
    ali = next(t for t in doc if t.text == "Ali")
    assert gender_clues(doc[ali.i:ali.i + 1]) == set()  # a lone name may be a surname


def test_a_representative_titled_rep_sits_in_the_legislature():
    (request,) = _events("Rep. Adam Schiff, the top Democrat on the House Intelligence Committee, called on President "
                         "Obama to retaliate against Russia.", "REQUEST")
    assert request.source.code.endswith("LEG") and request.target.code == "USAGOV"


# --- kinds of people, and no one in particular


@pytest.mark.parametrize("text", [
    "Hillary Clinton spoke out Tuesday about the death of Terence Crutcher in Tulsa, Oklahoma, arguing that the "
    "epidemic of police officers killing unarmed black people should be recognized as “intolerable.”",
    "The section of the debate devoted to racial issues revealed a yawning gulf in the way the candidates approach "
    "the issue and see the divisions that have been front and center throughout the campaign as a result of police "
    "shootings and police being shot.",
])
def test_an_act_of_a_kind_of_people_upon_another_is_a_phenomenon_not_an_event(text):
    assert not [e for e in _events(text, "ASSAULT") if e.predicate.text in ("killing", "shot")]


@pytest.mark.parametrize("text", [
    "There were reports of soldiers killing civilians in the village.",
    "Woman accused of attacking people with box cutter.",
    "Two officers shooting protesters were filmed.",
])
def test_an_act_of_particular_people_is_an_event(text):
    assert [e for e in _events(text) if e.plover == "ASSAULT"]


# --- agreeing: an undertaking, not an opinion or a sales offer


@pytest.mark.parametrize("text", [
    "While county leaders agree the county will comply, some also question the wisdom of the tax code.",
    "If drawing on home equity seems too risky, the federal government offers loans to parents, too.",
    "Lancaster and Lancashire councils offer business help.",
    # a business offering its wares is trade
    "Today only, Amazon offers Apple’s 12-inch MacBook 256GB in certified refurbished condition for $700.",
    "The airline will initially offer the round-trip flights once a week on a Boeing 747.",
])
def test_an_opinion_shared_or_a_service_offered_is_no_agreement(text):
    assert not _events(text, "AGREE")


@pytest.mark.parametrize("text", [
    "Pakistan agreed Monday to reinstate a fired chief justice.",
    "The Security Council today agreed to a six-month extension of the mandate for the peacekeeping force in Lebanon.",
    "Japan agrees with the Philippines and France that territorial disputes should be resolved through arbitration.",
])
def test_an_undertaking_or_an_agreement_with_a_party_is_coded(text):
    assert _events(text, "AGREE", published=None)


# --- whom words are addressed to, and whose act is reacted to


@pytest.mark.parametrize("text, plover, target", [
    ("China appealed to the United Nations for help.", "REQUEST", "IGOUNO"),
    ("Germany apologized to Israel.", "SUPPORT", "ISR"),
    ("Iran protested to Britain over the arrest.", "ACCUSE", "GBR"),  # a protest lodged, not a demonstration
    ("The Syrian opposition condemned the attack by government forces.", "ACCUSE", "MIL"),
])
def test_the_one_addressed_or_whose_act_is_condemned_is_the_target(text, plover, target):
    (event,) = _events(text, plover, published=None)
    assert event.target is not None and event.target.code.endswith(target)


# --- mixed news of 2018-2019 (the article-extraction benchmark's development bodies)


def test_a_surname_the_model_did_not_tag_is_the_person_named_before():
    text = ("The suspect, Michael Webb, was convicted last Thursday. "
            "Officers arrested Webb in the hallway and carried the girl to safety in the parking lot.")
    arrests = [e for e in _events(text, "COERCE") if e.predicate.text == "arrested"]
    assert [e.target.span.text for e in arrests] == ["Webb"] and arrests[0].source.code.endswith("COP")


def test_the_dateline_is_not_the_subject_of_the_first_sentence():
    text = ("HANOI, Vietnam (AP) — U.S. Defense Secretary Mark Esper on Wednesday accused China of using coercion and "
            "intimidation against smaller Asian nations to impose its will in the South China Sea.")
    (accusation,) = _events(text, "ACCUSE", published=date(2019, 11, 20))
    assert accusation.source.span.text == "Mark Esper" and _codes(accusation) == ("USAGOV", "CHN")


@pytest.mark.parametrize("text", [
    "American Airlines offered to fly the cat to Portland, along with a member of the Santa Fe Animal Shelter.",
    "The lawmakers were among the three leaders of the Peoples Democratic Party who led a protest march to the "
    "headquarters of the Independent National Electoral Commission in Abuja.",
])
def test_a_country_or_party_inside_another_organisations_name_is_not_that_actor(text):
    _, analysis = analyse_text(text)
    assert "democratic-party" not in {m.entity_id for m in analysis.entity_mentions}
    assert all(m.code == "USABUS" for m in analysis.entity_mentions if m.entity_id == "united-states")  # the airline, a company


def test_a_ministry_named_with_its_country_stays_that_countrys():
    (accusation,) = _events("The Russian Defense Ministry accused Ukraine of shelling the town.", "ACCUSE", published=None)
    assert _codes(accusation) == ("RUSMIL", "UKR")


@pytest.mark.parametrize("text", [
    "Russia beat Croatia on Monday.",
    "Australia beat Colombia behind Nick Kyrgios’ 6-4, 6-4 win over Alejandro Gonzalez.",
    "Kentucky Democrats beat incumbent Gov. Matt Bevin in a state Trump won by 30 points in 2016.",
    "In the 100 yard backstroke, Patton was beaten out by Wichita Heights' Aidan Gantenbein for first place at state.",
    "Spain will be back in action on Wednesday against defending champion Croatia.",
])
def test_a_game_or_an_election_won_is_no_event(text):
    assert not _events(text)


@pytest.mark.parametrize("text", ["Police beat protesters with batons after the election.", "Soldiers beat Ahmed Ali unconscious."])
def test_people_beaten_by_force_stay_an_assault(text):
    assert _events(text, "ASSAULT")


@pytest.mark.parametrize("text, verb", [
    ("The Afghan Taliban, however, claimed responsibility for shooting down the helicopter, which it said crashed in "
     "Logar province south of the capital Kabul.", "shooting"),
    ("The Taliban claimed responsibility for the attack on the police station.", "attack"),
])
def test_who_claims_responsibility_for_an_act_did_it(text, verb):
    (act,) = [e for e in _events(text, "ASSAULT") if e.predicate.text == verb]
    assert act.source is not None and act.source.code == "AFGINSTAL"


def test_those_who_return_after_being_deported_are_the_deported():
    text = ("NEW DELHI: Their American dream shattered and huge savings wasted, nearly 150 Indians returned home broke "
            "on Wednesday after being deported for either violating visa norms or illegally entering the United States.")
    (deportation,) = _events(text, "COERCE", published=date(2019, 11, 20))
    assert deportation.source is None and deportation.target.code == "INDCVL"


@pytest.mark.parametrize("text", [
    "Sen. Ted Cruz asked again.",
    "Rep. Robert Aderholt, R-Ala., questioned NASA officials at the hearing. Aderholt asked again.",
])
def test_the_cue_of_a_question_is_no_request(text):
    assert not _events(text, "REQUEST")


def test_a_public_body_offering_a_post_is_still_an_offer():
    text = "Boulder City Council offered then Dublin City Manager Jane Brautigam a position as its city manager."
    assert _events(text, "AGREE", published=None)


@pytest.mark.parametrize("text", [
    "Sondland is more directly entangled than any witness yet in the president’s efforts to get Ukraine to investigate "
    "political rival Joe Biden.",  # what someone is got to do is urged, not done
    "He said the call made him realize Giuliani and the president still believed Ukraine needed to investigate Burisma "
    "and the Bidens.",  # a need, not an act
    "Recent governments have, however, recognized that Austrians were also perpetrators of Nazi crimes.",  # a fact owned
    "Japan's Nikkei 225 (N225) declined 0.3%, while South Korea's Kospi Index (KOSPI) fell 0.5%.",  # a figure that fell
    "NASA plans to deliver rovers like the agency's new Volatiles Investigating Polar Exploration Rover (VIPER) to the "
    "moon's south pole.",  # a word of a name
    "That struck me as different than other calls I had listened to, she said.",  # an impression
    "Officials have warned people to stay away from infected areas, and to avoid contact with rodents.",  # advice
])
def test_words_of_acts_that_report_none(text):
    assert not _events(text)


@pytest.mark.parametrize("text, plover", [
    ("The United States recognized Kosovo.", "SUPPORT"),
    ("Police declined the offer and were about to lose 25 newly hired recruits.", "REJECT"),
    ("They noted his attorney offered to have Pagliano appear at a closed session, but Rep. Jason Chaffetz declined.", "REJECT"),
])
def test_recognising_a_state_and_declining_an_offer_stay_events(text, plover):
    assert _events(text, plover, published=None)


@pytest.mark.parametrize("text, cameo", [
    ("However, over the past few days, the Obama administration has promised a veto.", "130"),
    ("Hamas vowed revenge against Israel.", "130"),
])
def test_a_hostile_act_promised_is_a_threat(text, cameo):
    (threat,) = _events(text, "THREATEN")
    assert threat.cameo == cameo


@pytest.mark.parametrize("text", [
    "The police had invited only Melaye and Murray-Bruce to appear before the Federal Capital Territory Command.",
    "Police invited the senator for questioning on Monday.",
])
def test_a_summons_is_no_invitation(text):
    assert not _events(text, "AGREE", published=None)


def test_a_party_named_with_another_country_is_that_countrys():
    _, analysis = analyse_text("Zviad Dzidziguri of the Georgian Conservative Party said the rallies would demand "
                               "President Saakashvili's resignation.")
    assert "conservative-party-uk" not in {m.entity_id for m in analysis.entity_mentions}
    _, analysis = analyse_text("The British Conservative Party criticized Labour.")
    assert "conservative-party-uk" in {m.entity_id for m in analysis.entity_mentions}


def test_a_task_force_that_arrests_is_police():
    (arrest,) = _events("Avoyelles task force arrests 14.", "COERCE", published=None)
    assert arrest.source.code.endswith("COP")
