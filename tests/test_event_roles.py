"""Events: who stands in an event's roles, and words around it that make it no event.

Sentences are from wire and local news; each assertion failed before the rule it checks.
"""

from __future__ import annotations

import pytest

from newsdesk.events import PatternError
from newsdesk.events.ontology import load_patterns
from newsdesk.pipeline import analyse_text
from newsdesk.records import UNREAL


def _events(text: str, plover: str | None = None) -> list:
    _, analysis = analyse_text(text)
    return [e for e in analysis.events if plover is None or e.plover == plover]


def _code(actor) -> str | None:
    return actor.code if actor else None


@pytest.mark.parametrize(
    "text, plover, target",
    [
        # the one a threat is conditional on
        ("The Azerbaijani parliament threatened on Monday to break relations with Russia unless the Kremlin closed its radar base.", "THREATEN", "RUS"),
        # a time is never a target ("demanded on Tuesday")
        ("The PRC on Tuesday demanded that the US cancel plans to sell anti-tank weapons to Taiwan.", "REQUEST", "USA"),
        # the recipient of the act the verb governs
        ("Libya has offered to hand over to Great Britain two of its nationals suspected of blowing up a plane.", "AGREE", "GBR"),
        # a country named as the object
        ("Gambian President Dawda Jawara will visit Mauritania to mediate in a border dispute.", "AGREE", "MRT"),
        # a country named where the shots are aimed
        ("Israel fired rockets into Lebanon on Sunday.", "ASSAULT", "LBN"),
        ("Russia fired missiles at Ukraine overnight.", "ASSAULT", "UKR"),
        # the one a program the object is part of is for, and the one a purpose is aimed at
        ("The United States suspended part of a military aid program for Bosnia, the New York Times reported.", "SANCTION", "BIH"),
        ("Britain mobilized army reservists for a possible war against Iraq on Tuesday.", "MOBILIZE", "IRQ"),
        # the state asked for refuge
        ("Three Syrian soldiers sought asylum in Turkey.", "REQUEST", "TUR"),
    ],
)
def test_targets_beyond_the_direct_object(text, plover, target):
    (event, *_) = _events(text, plover)
    assert _code(event.target) == target


def test_the_possessor_of_an_arrest_is_the_one_arrested():
    (arrest,) = _events("The fire at the house on Dublin Road led to Henry's arrest.", "COERCE")
    assert arrest.source is None and arrest.target.span.text == "Henry"


def test_a_passive_killing_takes_its_author_from_the_cause():
    killed = next(e for e in _events("75 civilians were killed last week as a result of Sri Lankan government army shelling.", "ASSAULT")
                  if e.predicate.text == "killed")
    assert _code(killed.source) == "LKAMIL" and killed.target.span.text == "civilians"


def test_an_agent_takes_the_country_named_with_it():
    (blocked,) = _events("Rebels in the Ivory Coast on Tuesday blocked transport into Abidjan.", "PROTEST")
    assert _code(blocked.source) == "CIVREB"


def test_the_accused_is_the_doer_of_the_act_charged():
    killing = next(e for e in _events("Jackson County prosecutors charged an Independence teenager on Monday with killing Welch.")
                   if e.predicate.text == "killing")
    assert killing.source.span.text == "teenager" and killing.target.span.text == "Welch"


@pytest.mark.parametrize(
    "text",
    [
        "Keenan declined to comment on the items seized in the case.",  # no one is rejected
        "Asked why he didn't use Shreveport's program as a model, McCoy answered that he did not know.",  # a question
        "An 80-year-old woman was killed this morning when a neighbor accidentally hit her while backing out of a driveway.",
        "Kevin Johnson, 34, was struck while walking near Red Bank Road, the deputy coroner said.",  # a pedestrian hit
        "Most districts are changing policies that will allow them to fire veteran teachers if they need to.",  # dismissal
        "DuPage Sheriff John Zaruba is warning residents about two recent scams.",  # advice
        "The two companies are demonstrating a belief in the bright future of their location.",
        "When a friend lost her job, Ms. Underwood invited her to stay with her, rent free.",  # private life
        "Since President Barack Obama signed the Act, the list has been narrowed down.",  # a law, no agreement between parties
        "Clinton kept her options open concerning future talks with Syria and Iran.",  # no one is said to talk
        "The attorney general's office released an e-mail from a mother.",  # no one is freed
        "“We must help each other,” Mayor Jane Clayton said.",  # a demand of no one else
        # a source's terms with the reporter: no one is asked anything
        "According to a local official who asked not to be named, more than 300 families have fled the villages toward Sévaré.",
        "A senior Pakistani security official, who requested anonymity, said the talks had stalled.",
        # a warning of weather or a fire informs; it threatens no one
        "The Kenya Meteorological Department warned that heavy rains would continue for another week.",
        "The officers entered the building to start warning residents of the fire and assist them in evacuating.",
    ],
)
def test_words_that_report_no_event(text):
    assert [e for e in _events(text) if e.modality not in UNREAL] == []


def test_the_act_an_offence_escapes_is_not_done():
    events = _events("Hellinghausen was charged with evading detention with a vehicle.")
    assert [e.predicate.text for e in events] == ["charged"]  # the charge, not a detention by him


def test_a_sports_report_codes_no_event():
    report = ("Zamalek ended a six-game run without a win by beating Enppi 1-0 in the league. The coach praised his "
              "goalkeeper after the match, and the striker scored again as the club moved up the table this season. "
              "Zamalek still had better possession but rarely threatened the keeper.")
    assert _events(report) == []


def test_fired_shots_are_an_attack_and_fired_teachers_are_not():
    (shots,) = _events("Israeli soldiers fired shots at the protesters.", "ASSAULT")
    assert shots.cameo == "193"
    assert _events("The board fired the superintendent.", "ASSAULT") == []


@pytest.mark.parametrize(
    "text, word, modality",
    [
        ("If Iran attacks Israel, the United States will respond.", "attacks", "hypothetical"),
        ("Several years ago, Keenan thought about releasing to the public the GBI's investigative file.", "releasing", "hypothetical"),
        ("The Pakistani government refused to blame India for the attack.", "blame", "negated"),
        ("Israel obtained a promise that Washington would not act without consulting Israeli officials.", "consulting", "negated"),
        ("The Lebanese authorities will arrest and detain the gunmen who attacked the convoy.", "detain", "intend"),
        ("The Lebanese authorities will arrest and detain anyone who is caught.", "arrest", "habitual"),  # a policy (LGL)
        ("He said county officials often appeal to Congress for projects they believe are important.", "appeal", "habitual"),  # LGL
        ("Virginia joins 23 other states that offer drivers the plate.", "offer", "habitual"),  # LGL
        ("Israeli soldiers routinely beat up Palestinian detainees on the West Bank.", "beat", "done"),  # PLOVER: reported abuse
        ("Investigators are looking into whether the gunman targeted the nursing home.", "targeted", "hypothetical"),  # LGL
        ("Police said the gunman may have targeted the facility because his wife worked there.", "targeted", "hypothetical"),  # LGL
        ("The reward for information leading to the arrest of a suspect has been raised.", "arrest", "hypothetical"),
        ("She did not know why he would shoot people at the nursing home.", "shoot", "hypothetical"),
        # what should have been done was not
        ("Israel should have attacked Iran years ago, the senator said.", "attacked", "hypothetical"),
        # an act prevented
        ("The officer was injured while trying to stop the woman from preventing the arrest of her son.", "arrest", "negated"),
        ("Troops stopped the rebels from attacking the town.", "attacking", "negated"),
        # a "for … to" clause proposes
        ("The UN made recommendations for Canada to help Haiti.", "help", "hypothetical"),
    ],
)
def test_modality_of_supposed_refused_and_planned_acts(text, word, modality):
    _, analysis = analyse_text(text)
    assert [e.modality for e in analysis.events if e.predicate.text == word][:1] == [modality]


def test_a_pattern_object_code_must_be_in_the_ontology(tmp_path):
    bad = tmp_path / "verbs.yaml"
    bad.write_text("verbs:\n  shun: {code: '120', objects: {envoy: '999'}}\n", encoding="utf-8")
    with pytest.raises(PatternError, match="999"):
        load_patterns((str(bad),))
    good = tmp_path / "good.yaml"
    good.write_text("verbs:\n  shun: {code: '120', objects: {envoy: '039', '*': none}}\n", encoding="utf-8")
    assert load_patterns((str(good),)).verbs["shun"]["objects"]["envoy"] == "039"


def test_investigating_a_death_accuses_no_one():
    # LGL: the dead man is the victim of what is investigated, not its suspect
    assert _events("Ozark police cordoned off the dealership to investigate the death of Rufus Church.", "ACCUSE") == []
    assert _events("The FBI opened an investigation into the shooting of Michael Smith.", "ACCUSE") == []
    (probe,) = _events("Police are investigating the mayor for corruption.", "ACCUSE")
    assert probe.target.span.text == "the mayor" or probe.target.span.text == "mayor"


def test_an_institution_named_before_an_agent_gives_its_sector():
    (arrest,) = _events("A police task force arrested 12 people in Springfield.", "COERCE")
    assert arrest.source.code == "USACOP"  # police are of the place they act in
    (arrest,) = _events("Sheriff's deputies arrested the suspect on Monday.", "COERCE")
    assert arrest.source.code == "---COP"


@pytest.mark.parametrize(
    "text, plover, source",
    [
        # a group is what its modifier names
        ("Opposition groups in Zimbabwe are demanding that President Mugabe abandon his policy of land confiscations.", "REQUEST", "ZWEOPP"),
        # workers and unions are labour, not the general public
        ("Some 500,000 workers of the Serbian Workers' Union protested in Belgrade against the new employment bill.", "PROTEST", "SRBLAB"),
    ],
)
def test_sector_of_a_group_or_labour(text, plover, source):
    (event, *_) = _events(text, plover)
    assert _code(event.source) == source


def test_a_measure_is_read_through_to_what_it_measures():
    (event,) = _events("The United Nations provided 25,000 tons of food aid to refugees in Liberia.")
    assert (event.plover, event.cameo, _code(event.source), _code(event.target)) == ("AID", "070", "IGOUNO", "---REF")


@pytest.mark.parametrize(
    "text, plover, target",
    [
        # a material act with no one named befalls the place: a town's people, a country
        ("Turkish authorities have imposed a curfew in the town of Cizre after a demonstration over fraud allegations.", "COERCE", "TURCVL"),
        ("Syria says it is willing to withdraw its troops from Lebanon.", "AGREE", "LBN"),  # the troops are its own
        # a protest is aimed at the state, even in a town
        ("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, Belgrade radio said.", "PROTEST", "SRB"),
        ("Thousands of Afghans protested in the city of Kandahar on Friday.", "PROTEST", "AFG"),
    ],
)
def test_a_place_stands_in_for_an_unnamed_target(text, plover, target):
    (event, *_) = _events(text, plover)
    assert _code(event.target) == target


def test_a_place_that_only_describes_is_no_target():
    (event,) = _events("Afghan rebels kidnapped 16 advisers from a Kabul bazaar.", "ASSAULT")
    assert event.target is None  # "a Kabul bazaar" says where, it is not what was done to


@pytest.mark.parametrize(
    "text, source",
    [
        ("Pakistan, a key U.S. ally, has refused to deploy peacekeepers in Iraq.", "PAK"),  # a refusal of cooperation
        ("Syria says it will not accept any more refugees if war starts in Iraq.", "SYR"),  # a negated acceptance
    ],
)
def test_refusing_cooperation_is_a_rejection(text, source):
    (event, *_) = _events(text, "REJECT")
    assert (event.modality, _code(event.source)) == ("done", source)


def test_an_institution_acting_on_its_own_state_acts_toward_no_one():
    (event,) = _events("Serbian President Vojislav Kostunica promised to democratize Serbia and establish the rule of law.", "AGREE")
    assert (_code(event.source), event.target) == ("SRBGOV", None)


def test_an_intention_held_over_someone_is_a_threat():
    text = "Nigeria announced that it will withdraw its peacekeeping force from Chad unless the president arranges a ceasefire."
    (event, *_) = _events(text)
    assert (event.plover, _code(event.source), _code(event.target)) == ("THREATEN", "NGA", "TCD")


@pytest.mark.parametrize(
    "text, plover, source, target",
    [
        # leaders the news names without their country
        ("President Yoweri Museveni has threatened to ban opposition candidates from the elections.", "THREATEN", "UGAGOV", None),
        ("President Bush has threatened further action against Russia.", "THREATEN", "USAGOV", "RUS"),
        # a modifier names the sector of a generic head ("rebel leaders")
        ("Afghan rebel leaders said on Wednesday they would meet U.N. mediator Diego Cordovez.", "AGREE", "AFGREB", "IGOUNO"),
        # nationals counted or described are people, not their state
        ("Israeli soldiers arrested more than 100 Palestinians on Saturday in the Hebron area.", "COERCE", "ISRMIL", "PSECVL"),
        ("Tens of thousands of university students throughout Indonesia staged mass demonstrations on Saturday.", "PROTEST", "IDNEDU", None),
        ("Israeli soldiers routinely beat up Palestinian detainees on the occupied West Bank.", "ASSAULT", "ISRMIL", "PSECVL"),
        # an unnamed bomber is an unidentified armed force, of the place it struck
        ("A roadside bombing in the Iraqi city of Mosul on Sunday killed one U.S. soldier.", "ASSAULT", "IRQUAF", "USAMIL"),
        # … but an attack a state owns is its forces
        ("Recent US Predator attacks have killed at least eight top al-Qaeda leaders since last July.", "ASSAULT", "USAMIL", "IMGMUSAQD"),
        # … a town the model tags NORP and the gazetteer spells "Sāmarrā’"
        ("A minefield explosion near the town of Samarra killed two Iraqi youths on Sunday.", "ASSAULT", "IRQUAF", "IRQCVL"),
        # the institution before a person's title is the sector ("opposition leader")
        ("The interior minister allowed opposition leader Maulana Fazl-ur-Rehman to hold a rally.", "CONCEDE", "---GOV", "---OPP"),
    ],
)
def test_actors_coded_from_leaders_sectors_and_counted_people(text, plover, source, target):
    (event, *_) = _events(text, plover)
    assert (_code(event.source), _code(event.target)) == (source, target)


def test_plover_scoring_reads_the_primary_sector_of_gold_and_ours():
    from newsdesk.evaluate.plover import _actor_right
    from newsdesk.records import EventActor, TextSpan

    def actor(code):
        return EventActor(None, "x", code, TextSpan(0, 1, "x"))

    assert _actor_right(actor("IRQCVL"), [{"code": "IRQ", "sector": "CVLkur"}])  # an ethnic tag adds to the sector
    assert _actor_right(actor("ISRMIL"), [{"code": "ISR", "sector": "***"}])  # no sector given
    assert _actor_right(actor("IGOUNOSEC"), [{"code": "IGO", "sector": "GOV"}])  # an organisation's tag is no sector
    assert not _actor_right(actor("IRQMIL"), [{"code": "IRQ", "sector": "CVLkur"}])


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        ("The United Nations urged Israel to release the prisoners.", "1053", "IGOUNO", "ISR"),
        ("Hamas demanded that Israel release the prisoners.", "1053", "PSEINSHMS", "ISR"),
        ("Russia called on Ukraine to withdraw its troops.", "1056", "RUS", "UKR"),
        # an order to another party is a demand of it
        ("The court ordered the Pakistani government to release the prisoners.", "1053", "---JUD", "PAKGOV"),
        # what one is told one must do, and not the aim of it; a participle the parse made the subject
        ("The Red Cross operating in Iraq said US forces must ensure security to allow food supplies to reach the needy.", "100", "NGOHLHRCR", "USAMIL"),
    ],
)
def test_a_demanded_act_is_a_request_not_an_act_done(text, cameo, source, target):
    events = [e for e in _events(text) if e.modality not in UNREAL]
    assert [(e.plover, e.cameo, _code(e.source), _code(e.target)) for e in events] == [("REQUEST", cameo, source, target)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # an order to one's own forces is the act, by the one who commands them
        ("President Putin ordered the army to attack Ukraine.", [("ASSAULT", "RUSGOV", "UKR")]),
        # an order that something be done to someone: the one who orders does it
        ("The Pakistani prime minister ordered all political activists to be freed immediately.", [("RETREAT", "PAKGOV", "PAKOPP")]),
        ("The Pakistani prime minister ordered the opposition activists to be freed.", [("RETREAT", "PAKGOV", "PAKOPP")]),
        # the one forced does the act
        ("Syrian troops forced the rebels to withdraw from the town.", [("RETREAT", "---REB", None)]),
        # an act one is persuaded, asked or allowed to do is not reported done
        ("Officials tried to persuade Israel to release the inmates.", []),
        ("The motion asks the court to delay the execution to allow his lawyers to appeal.", []),
        # an order to no one known is no event; the sentence is the judge's
        ("The judge sentenced her and also ordered him to attend classes.", [("COERCE", "---JUD", None)]),
    ],
)
def test_who_acts_under_an_order_or_a_persuasion(text, expected):
    events = [e for e in _events(text) if e.modality not in UNREAL]
    assert [(e.plover, _code(e.source), _code(e.target)) for e in events] == expected


@pytest.mark.parametrize(
    "text, word, source",
    [
        ("Russia denied that its forces attacked the convoy.", "attacked", "RUSMIL"),  # "its forces": the state that denies
        ("The army rejected reports that its troops killed civilians.", "killed", "---MIL"),
    ],
)
def test_a_denied_act_is_reported_not_asserted(text, word, source):
    _, analysis = analyse_text(text)
    (event,) = [e for e in analysis.events if e.predicate.text == word]
    assert (event.modality, _code(event.source)) == ("denied", source) and event.modality in UNREAL


def test_its_forces_are_the_forces_of_the_subject_above():
    (event,) = _events("Israel said its troops killed three militants in Gaza.", "ASSAULT")
    assert _code(event.source) == "ISRMIL"
    # the subject names its state in a modifier
    (event,) = _events("Russia's defence ministry said its forces had struck military-industrial facilities in Ukraine.", "ASSAULT")
    assert (_code(event.source), _code(event.target)) == ("RUSMIL", "UKR")


def _roles(event) -> tuple:
    def who(actor):
        return (actor.span.text, actor.name) if actor else None

    return who(event.source), who(event.target)


@pytest.mark.parametrize(
    "text, word, roles",
    [
        # a pronoun takes the person named before it, and keeps its own span
        ("Police arrested John Smith, 34, of Springfield on Tuesday. He was charged with murder.", "charged",
         (None, ("He", "John Smith"))),
        # a surname the model does not tag again is still that person
        ("Christopher Vasquez, 17, was questioned by detectives. Vasquez later led them to the knife. He is charged with murder.",
         "charged", (None, ("He", "Christopher Vasquez"))),
        # an object pronoun is never its own verb's subject
        ("Tom Jones argued with a neighbour on Monday. Bill Smith shot him twice.", "shot",
         (("Bill Smith", "Bill Smith"), ("him", "Tom Jones"))),
        # "Ms." gives the gender; "her" is not who shot her, even across "and"
        ("Ms. Sears told police that Ray Miller appeared from the bushes and shot her in the leg.", "shot",
         (("Ray Miller", "Ray Miller"), ("her", "Sears"))),
        # "I" in a direct quote is the one quoted
        ("“I shot Lisha Gravely in the restaurant,” Desmond Clark said.", "shot",
         (("I", "Desmond Clark"), ("Lisha Gravely", "Lisha Gravely"))),
    ],
)
def test_a_pronoun_in_a_role_stands_for_the_person_named_before(text, word, roles):
    (event,) = [e for e in _events(text) if e.predicate.text == word]
    assert _roles(event) == roles
    resolved = [a for a in (event.source, event.target) if a and a.span.text in ("He", "him", "her", "I")]
    assert all(a.antecedent is not None and a.antecedent.text in text for a in resolved)


@pytest.mark.parametrize(
    "text, word, roles",
    [
        # a person described and never named: the description that introduced her
        ("A 24-year-old woman was found with a gun at the school on Monday. Police later arrested her.", "arrested",
         (("Police", "Police"), ("her", "woman"))),
        # "the woman" points back to "a woman"
        ("A firefighter stopped a woman from stealing a fire truck on Sunday. The firefighter detained the 24-year-old woman. "
         "Police later arrested her.", "arrested", (("Police", "Police"), ("her", "woman"))),
        # "as a nurse" says what Smith is: no one else
        ("Mary Smith left the hospital on Monday. She worked there as a nurse, and it was there that she shot her husband.", "shot",
         (("she", "Mary Smith"), ("husband", "husband"))),
    ],
)
def test_a_pronoun_stands_for_the_person_described_before(text, word, roles):
    (event,) = [e for e in _events(text) if e.predicate.text == word]
    assert _roles(event) == roles
    assert _code(event.target) == "---CVL"


def test_an_unknown_person_nearer_than_anyone_described_blocks_the_guess():
    """ "the officer" is someone the text does not name; "him" is not the man of the sentence before."""
    text = ("A man was seen near the store on Monday. "
            "Ray Bell ran through two parking lots before turning on the officer and striking him in the face.")
    assert not [e for e in _events(text) if e.target and e.target.antecedent]


def test_a_she_told_of_settles_who_a_later_he_is():
    text = ("Keith Baskerville, 30, was found at his home in September. "
            "Judge Mary O'Brien said Baskerville's treatment had been delayed because she ordered him sent to a hospital, "
            "though because of the crimes he is charged with, he must go elsewhere.")
    (charged,) = [e for e in _events(text) if e.predicate.text == "charged"]
    assert charged.target.name == "Keith Baskerville"


@pytest.mark.parametrize(
    "text",
    [
        "He was charged with murder on Tuesday.",  # no one named before
        "It also offers physical benefits, Heather Heinz said.",  # a person is not "it"
    ],
)
def test_a_pronoun_with_nothing_to_stand_for_stays_unresolved(text):
    assert not [e for e in _events(text) if e.source or e.target]


@pytest.mark.parametrize(
    "text, plover, target",
    [
        ("The officer shot the driver of the car.", "ASSAULT", "---CVL"),  # people of private life are civilians
        ("A major drug dealer was arrested after a drug bust on the airport highway.", "COERCE", "---CRM"),
        ("Three escaped inmates were captured in the Sandhills.", "COERCE", "---CRM"),
    ],
)
def test_people_of_crime_news_are_civilians_or_criminals(text, plover, target):
    (event,) = _events(text, plover)
    assert _code(event.target) == target


def test_a_criminal_is_no_party_of_public_life():
    assert not _events("The suspect asked the clerk for money.", "REQUEST")


@pytest.mark.parametrize(
    "text",
    [
        "Russia agreed with China that the sanctions were unfair.",
        "Dodge agrees with the need for major deficit spending.",
    ],
)
def test_sharing_a_view_is_no_agreement(text):
    assert [e for e in _events(text) if e.plover == "AGREE"] == []


def test_agreeing_to_act_or_on_terms_is_an_agreement():
    (on_terms,) = _events("Israel agreed with Egypt on a ceasefire.", "AGREE")
    assert (on_terms.source.entity_id, on_terms.target.entity_id) == ("israel", "egypt")
    assert _events("Russia agreed that both countries should cooperate against terrorism.", "AGREE")


def test_former_names_of_countries_are_their_actors():
    (aid,) = _events("The United States provided military aid to Macedonia.", "AID")
    assert aid.target.entity_id == "north-macedonia" and aid.target.code == "MKD"
    assert [e.source.entity_id for e in _events("Swaziland and Zaire signed a trade agreement.")] == ["eswatini", "democratic-republic-of-the-congo"]


@pytest.mark.parametrize(
    "text, patient",
    [
        # a passive verb sharing its partner's subject
        ("Carter disappeared but was arrested this month in Alabama after a monthslong search.", "Carter"),
        ("Several people who had been inside the home surrendered to police by 7 p.m. and were detained.", "people"),
        # a bare participle with a subject, in a headline that is not the sentence's root
        ("Headington: Mum jailed for fake passport.", "Mum"),
        ("Juvenile arrested in Oxford bar had mother's blessing.", "Juvenile"),
    ],
)
def test_the_subject_of_a_passive_is_the_one_it_befalls(text, patient):
    (arrest,) = _events(text, "COERCE")
    assert arrest.source is None and arrest.target.span.text == patient


def test_a_dateline_taken_for_a_subject_stands_in_no_role():
    text = "MIDDLETOWN — A man charged with murder in a recent Indiana homicide has been captured by Middletown police."
    capture = next(e for e in _events(text, "COERCE") if e.predicate.text == "captured")
    assert capture.target.span.text == "man" and _code(capture.source) == "USACOP"


def test_a_subject_the_parse_joins_to_the_phrase_in_front_is_still_the_subject():
    text = ("With the signing of a Memorandum of Understanding (MOU) on Cessation of Hostilities, the Sudanese government "
            "and SPLM/A have agreed to allow unimpeded humanitarian access to all areas.")
    (agreed,) = _events(text, "AGREE")
    assert _code(agreed.source) == "SDNGOV"


def test_an_uncoded_actor_acting_toward_no_one_is_no_event():
    assert not _events("The Edgar County Community Foundation agreed to hold the funds for the project.")
    # a coded actor is still news on its own
    assert [e.plover for e in _events("Pakistan agreed to hold the talks in Islamabad.")] == ["AGREE"]


def test_everyday_help_is_no_aid():
    assert not _events("The county government helped local businesses reopen.", "AID")
    (aid,) = _events("The United States helped Egypt rebuild its army.", "AID")
    assert _code(aid.source) == "USA" and _code(aid.target) == "EGY"


def test_the_one_whose_help_is_asked_for_is_asked():
    (appeal,) = _events("The Athens Police Department is asking for the public's help in finding those responsible.", "REQUEST")
    assert appeal.target.span.text == "public"


def test_declining_comment_rejects_no_one():
    assert not _events("Russia declined comment on the report.")


@pytest.mark.parametrize(
    "text, target",
    [
        ("Helicopter gunships fired on the militant positions.", "---REB"),
        ("The Macedonian army prepared to resume shelling Albanian rebel-held territory.", "ALBREB"),
        ("Gunmen on motorbikes attacked an army post near Mopti in central Mali before dawn on Sunday.", "---MIL"),  # not Mopti's people
    ],
)
def test_the_holder_of_positions_attacked_is_the_target(text, target):
    (attack,) = _events(text, "ASSAULT")
    assert _code(attack.target) == target


def test_the_noun_a_reduced_passive_describes_is_its_object():
    # "money released" is no release of people; "hostages released" still is
    assert not _events("The money recently released by the U.S. Department of Health and Human Services to Ohio "
                       "public health agencies was made available by the American Recovery and Reinvestment Act.", "RETREAT")
    (release,) = _events("Two Turkish hostages released by the rebels on Monday arrived in Ankara.", "RETREAT")
    assert _code(release.source) == "---REB" and _code(release.target) == "TURCVL"


def test_parties_named_together_in_an_act_between_parties_are_each_other_s_counterpart():
    signed = _events("Washington and Manila signed a mutual defence treaty in 1951.", "SUPPORT")
    assert sorted((_code(e.source), _code(e.target)) for e in signed) == [("PHLGOV", "USAGOV"), ("USAGOV", "PHLGOV")]
    # one party and a named other side stay one event
    (talks,) = _events("Armenia held talks with Azerbaijan in Geneva on Thursday.", "CONSULT")
    assert (_code(talks.source), _code(talks.target)) == ("ARM", "AZE")
    # an intent to cooperate, too
    cooperate = _events("Reuters reported that senior US State Department official Daniel Fried and the deputy Russian foreign "
                        "minister had spoken and agreed to cooperate on keeping the violence from growing.", "AGREE")
    assert sorted((_code(e.source), _code(e.target)) for e in cooperate) == [("RUSGOV", "USAGOV"), ("USAGOV", "RUSGOV")]


def test_reaching_an_agreement_is_one_and_failing_to_is_a_rejection():
    reached = _events("Israel and Egypt reached an agreement on Sunday.", "SUPPORT")
    assert sorted((_code(e.source), _code(e.target), e.cameo) for e in reached) == [("EGY", "ISR", "057"), ("ISR", "EGY", "057")]
    assert _events("Palestinians and Israelis failed to reach agreement on the fate of offices in east Jerusalem Sunday.", "REJECT")
    assert not _events("The convoy reached the border on Monday.")


def test_workers_stopping_work_strike_and_patrols_ordered_are_a_show_of_force():
    (strike,) = _events("Some 500,000 workers affiliated with the Serbian Workers' Union stopped work on Monday.", "PROTEST")
    assert strike.cameo == "143" and _code(strike.source).endswith("LAB")
    (patrols,) = _events("The government has ordered patrols by police and paramilitary soldiers after violent protests.", "MOBILIZE")
    assert _code(patrols.source) == "---GOV"
    # the place the agent is of gives its country
    (sindh,) = _events("The government of Sindh province has ordered patrols by police after violent protests.", "MOBILIZE")
    assert _code(sindh.source) == "PAKGOV"
    # a town gives no country to private people: their private life stays no event
    assert not _events("A Tulsa woman invited her neighbour to dinner.")
    assert not _events("Ministers volunteer their time to ride on patrol with officers.", "MOBILIZE")


@pytest.mark.parametrize(
    "text, role, code",
    [
        # who held an office of state and no longer does is of the elites
        ("An Argentine judge has ordered former president Carlos Menem to appear October 16 for questioning.", "target", "ARGELI"),
        ("Former Pakistani Prime Minister Nawaz Sharif was arrested on Monday.", "target", "PAKELI"),
        ("Ex-president Charles Taylor was arrested.", "target", "---ELI"),
        ("Police arrested former officials of the ministry.", "target", "---ELI"),
        # a former soldier is still named for the army; a president in office governs
        ("Police arrested former soldiers on Monday.", "target", "---MIL"),
        ("Pakistani Prime Minister Nawaz Sharif was arrested on Monday.", "target", "PAKGOV"),
    ],
)
def test_former_officials_are_elites(text, role, code):
    (event,) = _events(text)
    assert _code(getattr(event, role)) == code


def test_a_relative_pronoun_stands_for_its_noun_in_every_clause_it_heads():
    # "who" is the subject of "failed"; "began shooting" is joined to it, and the four men do the shooting
    text = ("In the Dagestani capital, Makhachkala, police fatally shot four men Friday who failed to stop their car at a "
            "checkpoint and began shooting at officers, city police spokesman Shamil Guseinov said.")
    shootings = {(e.predicate.text, e.source.span.text, e.target.span.text) for e in _events(text, "ASSAULT")}
    assert shootings == {("shot", "police", "men"), ("shooting", "men", "officers")}
    (simple,) = [e for e in _events("Police shot four men who began shooting at officers.") if e.predicate.text == "shooting"]
    assert simple.source.span.text == "men"


def test_a_pronoun_in_a_report_the_reporter_follows_is_not_the_reporter():
    text = ("Police arrested Terry Lee Jolly on Wednesday. He was formally arrested later Thursday after an interview "
            "with detectives, Wheat said.")
    arrests = [e for e in _events(text, "COERCE") if e.predicate.text == "arrested" and e.target and e.target.span.text == "He"]
    assert [e.target.entity_id for e in arrests] == ["person:terry-lee-jolly"]
    # the reporter before the pronoun is still its antecedent
    (support,) = _events("Hungary has said it will support the Serbian government.")
    assert _code(support.source) == "HUN"


def test_the_subject_of_a_passive_the_parse_labels_active_suffers_it():
    text = "Ms. Sears and Mr. Bowers are now both charged with murder in the brutal beating of Katherine Parsons."
    assert {e.target.span.text for e in _events(text, "COERCE")} == {"Sears", "Bowers"}


def test_a_dateline_is_no_actor():
    _, analysis = analyse_text("CLINTON — A town couple — neighbors of First Selectman William Fritz — was charged with "
                               "selling narcotics.")
    assert "person:clinton" not in {e.entity_id for e in analysis.entities}
    assert not [e for e in analysis.events if e.target is not None and e.target.span.text == "CLINTON"]


def test_a_country_s_name_read_as_a_state_of_another_country_is_that_country():
    text = ("ATLANTA - A former assisted suicide network leader is defending his group's practice. Goodwin and the others "
            "were charged with violating Georgia's assisted suicide law, officials in Atlanta and Arizona said.")
    (violation,) = _events(text, "REJECT")
    assert _code(violation.target) == "USA" and violation.target.entity_id is None
    # "a Georgia man" in that article is a man of the state; where Georgia is the country, of the country
    (arrest,) = [e for e in _events(text + " A Georgia man was arrested by police on Monday.", "COERCE") if e.predicate.text == "arrested"]
    assert _code(arrest.target) == "USACVL"
    (arrest,) = _events("Georgia and Russia fought a war. A Georgia man was arrested by Russian police.", "COERCE")
    assert _code(arrest.target) == "GEOCVL"


def test_others_wounded_are_of_the_kind_killed():
    text = "A gunman entered his church in Fort Worth and killed seven people and wounded several others."
    (wounding,) = [e for e in _events(text, "ASSAULT") if e.predicate.text == "wounded"]
    assert (wounding.target.span.text, _code(wounding.target)) == ("others", "---CVL")


def test_an_attack_launched_on_a_day_still_falls_on_its_target():
    # "yesterday" between noun and "on": the parse hangs "on" on the light verb
    (attack,) = _events("The separatists launched an attack yesterday on the Georgian-controlled villages.", "ASSAULT")
    assert _code(attack.target) == "GEOCVL"
    # after a peaceful act, "on" names the topic
    assert [_code(e.target) for e in _events("Japan held talks on Iran with China.", "CONSULT")] == ["CHN"]
    assert [_code(e.target) for e in _events("Japan held talks yesterday on Iran with China.", "CONSULT")] == ["CHN"]


def test_deputies_are_a_sheriff_s_where_a_sheriff_is_named():
    text = "Deputies arrest Pointe Coupee teen on weapon count. Sheriff Beauregard Torres said the boy was booked."
    (arrest,) = _events(text, "COERCE")
    assert _code(arrest.source) == "---COP"
    (vote,) = _events("Deputies criticized the president on Monday.", "ACCUSE")
    assert _code(vote.source) == "---LEG"


def test_a_later_role_that_names_a_sector_replaces_a_bare_rank():
    text = ("We called in Sgt. David Collins to assist. Collins, a trained crisis negotiator, spoke to the suspect. "
            "Collins continued negotiation with the suspect.")
    (talks,) = _events(text, "CONSULT")
    assert talks.source.entity_id == "person:david-collins" and _code(talks.source) == "---GOV"


@pytest.mark.parametrize(
    "text, role, code",
    [
        # an employer's officials take its sector, not the government's
        ("Dan Adkins, vice president of Hartman & Tyner Inc., said he met with Gov. Joe Manchin on Thursday.", "source", "---BUS"),
        ("United Bank President Julie Gurtis met with Gov. Joe Manchin on Thursday.", "source", "---BUS"),
        ("Company officials met with Gov. Joe Manchin on Thursday.", "source", "---BUS"),
        ("The plan has been condemned by religious leaders.", "source", "---REL"),
        ("Church leaders condemned the mayor.", "source", "---REL"),
        ("School officials criticized the mayor.", "source", "---EDU"),
        # an agency is the state's unless it is a news agency
        ("The mayor criticized the federal agency for the delays.", "target", "---GOV"),
        ("The Czechoslovak news agency Ceteka criticized the government.", "source", "CSKMED"),
        # a public office keeps its sector
        ("Vice President Dan Adkins met with Gov. Joe Manchin on Thursday.", "source", "---GOV"),
    ],
)
def test_an_employers_officials_are_of_its_sector(text, role, code):
    (event,) = _events(text)
    assert _code(getattr(event, role)) == code


def test_an_employers_staff_are_private_people():
    # a church's employee is no cleric: her lawsuit is private life
    assert not _events("Former church employee Mona Brewer sued Earl Paulk.")


@pytest.mark.parametrize(
    "text, target",
    [
        # the authority a protest's purpose or grievance names is whom it presses
        ("Tens of thousands of university students throughout Indonesia staged mass demonstrations Saturday to demand "
         "political reforms by President Suharto's government.", "IDNGOV"),
        ("Young Algerians blocked roads leading to the city centre on Sunday to press their demands for greater freedom "
         "from President Bouteflika's government.", "DZAGOV"),
        ("A group of Chechen refugees are continuing a hunger strike in protest of the Russian government's refusal.", "RUSGOV"),
        # a state's landowners and its army are two parties
        ("Algerian landowners began a hunger strike outside Parliament to demand the return of property seized by "
         "Algerian government forces.", "DZAMIL"),
    ],
)
def test_a_protest_presses_the_authority_its_purpose_names(text, target):
    (protest,) = _events(text, "PROTEST")
    assert _code(protest.target) == target


def test_a_protest_whose_purpose_names_no_authority_has_no_target():
    (protest,) = _events("Hundreds of students marched on Saturday to demand cheaper tuition.", "PROTEST")
    assert protest.target is None


def test_a_part_of_a_country_named_with_it_is_that_country():
    (retaken,) = _events("Vietnamese-led forces have retaken a strategic village in Western Cambodia after fierce fighting.")
    assert _code(retaken.target) == "KHM"
    (arrest,) = _events("Police in Northern Ireland arrested two men.")  # the United Kingdom's, not Ireland's
    assert _code(arrest.source) == "GBRCOP"


def test_a_verbal_act_for_a_purpose_is_addressed_to_the_object_of_the_act_it_serves():
    text = ("On Tuesday, Nigerian junior foreign minister Dubem Oniya summoned Niger's ambassador Brah Mohamane "
            "to complain of inaction over the gangs.")
    (complaint,) = _events(text, "ACCUSE")
    assert (_code(complaint.source), _code(complaint.target)) == ("NGAGOV", "NERGOV")


def test_a_curfew_instituted_or_declared_befalls_the_town():
    (threat,) = _events("President Abdelaziz Bouteflicka threatened to institute a curfew in Algiers in response to recent unrest.")
    assert (threat.plover, _code(threat.target)) == ("THREATEN", "DZACVL")
    (declared,) = _events("The army declared a curfew in Cizre.")
    assert (declared.cameo, _code(declared.target)) == ("1723", "TURCVL")


def test_an_ethnic_group_is_a_people_of_the_country_it_lives_in():
    (protest,) = _events("Up to 100 ethnic Albanians demonstrated on Tuesday in Serbia, Belgrade radio said.", "PROTEST")
    assert _code(protest.source) == "SRBCVL"
    (nation,) = _events("Albanians demonstrated in Serbia.", "PROTEST")  # no "ethnic": the nation
    assert _code(nation.source) == "ALB"


def test_forces_withdrawing_from_a_town_of_their_own_state_yield_to_no_one():
    (home,) = _events("Bosnian Serbs said on Tuesday their forces had completed their withdrawal from the besieged Bosnian town of Gorazde.")
    assert _code(home.source) == "BIHMIL" and home.target is None
    (abroad,) = _events("Israel withdrew its troops from Lebanon.")
    assert _code(abroad.target) == "LBN"


def test_an_agent_affiliated_with_a_national_body_is_of_its_country():
    (strike,) = _events("Some 500,000 workers affiliated with the Serbian Workers' Union stopped work on Monday.", "PROTEST")
    assert _code(strike.source) == "SRBLAB"


def test_the_one_refused_something_is_the_target_of_the_refusal():
    (refusal,) = _events("Benin was still refusing admittance to Ghanaians, by far the biggest group involved, Benin police said.", "REJECT")
    assert (_code(refusal.source), _code(refusal.target)) == ("BEN", "GHACVL")  # people of Ghana, not its state


def test_rebels_dealing_peaceably_with_a_government_are_its_own():
    (accepted,) = _events("The Mozambique government on Thursday accepted demands from Shona rebels that it initiate political reforms.")
    assert (_code(accepted.source), _code(accepted.target)) == ("MOZGOV", "MOZREB")
    (killed,) = _events("Israeli troops killed militants in Gaza.", "ASSAULT")  # an enemy's country is not its attacker's
    assert not _code(killed.target).startswith("ISR")


def test_joint_exercises_are_cooperation_between_the_parties_that_hold_them():
    games = _events("French and Egyptian warships on Monday launched 10 days of war games in the Mediterranean Sea, "
                    "the French embassy said Monday.", "COOPERATE")
    assert sorted((_code(e.source), _code(e.target)) for e in games) == [("EGYMIL", "FRAMIL"), ("FRAMIL", "EGYMIL")]
    (joint,) = _events("India held joint exercises with France.", "COOPERATE")
    assert (_code(joint.source), _code(joint.target)) == ("IND", "FRA")
    assert not _events("Russia held military exercises near the Ukrainian border.", "COOPERATE")  # one party: no cooperation


@pytest.mark.parametrize(
    "text",
    [
        "The state agency cooperated fully with the audit, French said.",  # cooperation with no one named
        "Governor Kasich visits supporters in Hartford on Sunday.",  # a visit to no one coded
        "Governor Kasich invited everyone to the opening of the bridge.",  # an invitation to no party
    ],
)
def test_an_act_between_parties_with_no_other_party_is_no_event(text):
    assert not [e for e in _events(text) if e.cameo.startswith(("031", "036", "042", "06"))]


@pytest.mark.parametrize(
    "text, plover, role, codes",
    [
        # nationalities coordinated before one agent noun each stand with it
        ("Security forces in Guinea have tortured scores of Sierra Leonean and Liberian refugees, whom authorities blame "
         "for a border conflict.", "ASSAULT", "target", ["LBRREF", "SLEREF"]),
        ("American and British troops attacked Iraqi positions near Basra.", "ASSAULT", "source", ["GBRMIL", "USAMIL"]),
        # a noun is the name it is called by, not its owner's
        ("Osama bin Laden's al-Qaeda terror network has threatened to deliver devastating blows to the United States and Israel.",
         "THREATEN", "source", ["IMGMUSAQD"]),
        # nationals named by their institution
        ("President Yoweri Museveni has threatened to ban Ugandan opposition candidates from participating in the upcoming elections.",
         "THREATEN", "target", ["UGAOPP"]),
        ("Israeli army bulldozers demolished Palestinian homes and civilian buildings in southern Gaza on Sunday.", "COERCE", "source", ["ISRMIL"]),
        # peoples of a state named by their nation
        ("Bosnian Serbs demanded a truce with Croat forces in central Bosnia.", "REQUEST", "target", ["HRVMIL"]),
        ("Bosnian Serbs demanded a truce with Croat forces in central Bosnia.", "REQUEST", "source", ["BIHCVL"]),
        # a camp attacked is its people
        ("A temporary camp for Congolese refugees was attacked by Burundian militiamen armed with machetes.", "ASSAULT", "target", ["CODREF"]),
    ],
)
def test_who_a_group_of_nationals_is(text, plover, role, codes):
    events = [e for e in _events(text, plover) if e.predicate.text not in ("blame",)]
    assert sorted({_code(getattr(e, role)) for e in events}) == codes


def test_a_capitals_bid_is_its_governments():
    (declined,) = _events("Egypt proposed a conference, even though the Sudanese government declined Cairo's bid on the pretext "
                          "that it might lead to the internationalisation of the issue.", "REJECT")
    assert (_code(declined.source), declined.target.span.text, _code(declined.target)) == ("SDNGOV", "Cairo", "EGYGOV")


def test_the_author_of_an_act_named_by_his_or_her_is_its_target():
    (demand,) = _events("The opposition has stepped up pressure on President Mikheil Saakashvili and plans a series of protests "
                        "beginning on April 9 to demand his resignation.", "REQUEST")
    assert demand.target.span.text == "his" and demand.target.antecedent.text == "Mikheil Saakashvili"
    # an act the possessor suffers names the one who holds him, not him
    release = _events("Rebels seized the engineer Peter Moore in May. Britain demanded his release.", "REQUEST")
    assert all(e.target is None or e.target.span.text != "his" for e in release)


def test_an_office_holder_with_no_country_takes_the_one_state_the_story_names():
    (resign,) = _events("Vice-President Moody Awori has declined to resign despite growing pressure by the Kenya Anti-Corruption "
                        "Commision after he was implicated in a major scandal.", "REJECT")
    assert _code(resign.source) == "KENGOV"
    release = _events("The Fijian rebels said they will release Prime Minister Mahendra Chaudhry and more than 30 members of his "
                      "government, whom they had taken hostage two weeks ago, on the weekend.", "AGREE")
    assert "FJIGOV" in {_code(e.target) for e in release}
    # two states named: the title alone does not say whose minister he is
    meetings = _events("Prime Minister Mahendra Chaudhry met Australian and Indian envoys in Suva on Monday.", "CONSULT")
    assert {_code(e.target) for e in meetings} == {"AUSGOV", "INDGOV"} and {_code(e.source) for e in meetings} == {"---GOV"}


def test_a_call_for_someone_to_act_is_a_demand_of_them():
    (called,) = _events("The United States called for Israel to withdraw from Lebanon.")
    assert (called.plover, called.cameo, _code(called.source), _code(called.target)) == ("REQUEST", "1056", "USA", "ISR")


def test_a_point_conceded_in_words_and_a_question_asked_are_no_events():
    assert _events("The mayor conceded that the hotel might not be finished in time.") == []
    assert _events("The rebels conceded defeat.", "CONCEDE")  # a concession made


def test_a_question_is_no_request_wherever_the_parse_hangs_it():
    from .conftest import EVAL

    lgl = EVAL / "geo" / "lgl.xml"
    if not lgl.exists():
        pytest.skip("../shared/eval is not beside this checkout")
    import xml.etree.ElementTree as ET

    text = next(a.findtext("text") for a in ET.parse(lgl).getroot().iter("article") if a.get("docid") == "38575331")
    start = text.index("asked the kids if anyone had any classes")  # a teacher: the parse hangs the "if" clause on "raised"
    _, analysis = analyse_text(text)
    assert [e for e in analysis.events if e.predicate.start == start] == []


def test_the_one_found_shot_was_shot_by_no_one_named():
    (shot,) = _events("Ozark police cordoned off Ozark Dodge on Monday to investigate the death of Rufus Church, who was found "
                      "fatally shot at his business.", "ASSAULT")
    assert shot.source is None and shot.target.span.text == "Rufus Church"  # not the police, who investigate
    (found,) = _events("On June 1, 2007, Melton Lewis Paris, 51, was found shot to death inside his residence.", "ASSAULT")
    assert found.source is None and found.target.span.text == "Melton Lewis Paris"


def test_a_missionary_is_of_religion_and_of_the_country_he_comes_from():
    (arrest,) = _events("A Christian missionary from Calgary was arrested in Lebanon for collaborating with Israel, according to "
                        "the Canadian Press.", "COERCE")
    assert _code(arrest.target) == "CANREL"


def test_force_used_to_an_end_names_its_target_there():
    fire = next(e for e in _events("Egyptian police opened fire to disperse Moslem fundamentalist demonstrators on Monday night.")
                if e.predicate.text == "fire")
    assert fire.target.span.text == "demonstrators"
    (fire,) = [e for e in _events("Soldiers opened fire to protect the villagers.") if e.predicate.text == "fire"]
    assert fire.target is None  # an end that is for someone names no target


def test_the_fighting_beside_a_death_is_what_caused_it_and_a_bare_number_is_of_its_partners_kind():
    killed, wounded = [e for e in _events("Two Palestinians were killed and three were wounded early Saturday morning as Palestinian "
                                          "fighters from rival families battled in the Mieh Mieh refugee camp.", "ASSAULT")
                       if e.predicate.text in ("killed", "wounded")]
    assert (_code(killed.source), _code(killed.target)) == ("PSEREB", "PSECVL")
    assert (_code(wounded.source), wounded.target.span.text, _code(wounded.target)) == ("PSEREB", "three", "PSECVL")
    (killed,) = [e for e in _events("Three policemen were killed when gunmen opened fire on their patrol.") if e.predicate.text == "killed"]
    assert _code(killed.source) == "---REB"


def test_a_name_the_parse_hung_on_a_day_is_the_one_met():
    (met,) = _events("Iraq's national security advisor met with Syrian President Bashar Assad Tuesday to discuss efforts to "
                     "counter Islamic State militants, Reuters reports.", "CONSULT")
    assert (_code(met.source), _code(met.target)) == ("IRQGOV", "SYRGOV")


def test_a_list_of_states_read_as_an_apposition_is_a_list():
    met = _events("The US, Russia, and Switzerland met yesterday", "CONSULT")
    assert {(_code(e.source), _code(e.target)) for e in met} >= {("USA", "RUS"), ("RUS", "CHE"), ("CHE", "USA")}


def test_the_other_party_to_an_agreement_stands_after_with():
    signed = _events("France, Germany and Britain signed the treaty with Iran.", "SUPPORT")
    assert {(_code(e.source), _code(e.target)) for e in signed} == {("FRA", "IRN"), ("DEU", "IRN"), ("GBR", "IRN")}


def test_what_a_relative_clause_did_to_its_noun():
    events = _events("The justice might examine a deal that Benazir Bhutto struck with Musharraf to grant her immunity.")
    assert [e.plover for e in events if e.predicate.text == "struck"] == ["SUPPORT"]  # a deal struck, no blow


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        ("Syrian rebels engaged Filipino peacekeepers in a firefight in Golan Heights on Saturday.", "190", "SYRREB", "PHLMIL"),
        ("Georgian demonstrators launched missiles at the Georgian government.", "195", "GEOCVL", "GEOGOV"),
        ("Russia is conducting military exercises in Alaska", "150", "RUS", "USA"),  # one side: a show of force, where it is held
        ("China and Russia held joint naval exercises.", "062", "CHN", "RUS"),  # two: military cooperation
    ],
)
def test_fighting_and_force_in_other_words(text, cameo, source, target):
    assert any((e.cameo, _code(e.source), _code(e.target)) == (cameo, source, target) for e in _events(text))


def test_no_event_in_the_same_words_used_otherwise():
    assert not _events("The company launched a new product.")
    assert not _events("The county hospital held an emergency exercise on Tuesday.")  # no military one
    assert not _events("Both sides engaged in talks about the budget.", "ASSAULT")


def test_who_did_an_act_named_as_a_noun_stands_after_by():
    killed = next(e for e in _events("The Syrian Observatory for Human Rights said eight people were killed in an air strike by government "
                                     "forces in a separate, rebel-held part of the city.", "ASSAULT") if e.predicate.text == "killed")
    assert (_code(killed.source), killed.target.span.text) == ("---MIL", "people")
    (patrols,) = _events("The government of Sindh province has ordered patrols by police and paramilitary soldiers.", "MOBILIZE")
    assert _code(patrols.source) == "PAKGOV"  # an order carries the act: the one who orders it


def test_a_protest_staged_in_a_capital_is_addressed_to_its_state():
    protests = _events("US and British activists staged a dramatic protest in Beijing on Wednesday, scaling a pole and unfurling "
                       "giant 'Free Tibet' banners close to the stadium.", "PROTEST")
    assert {(_code(e.source), _code(e.target)) for e in protests} == {("USAOPP", "CHN"), ("GBROPP", "CHN")}


def test_the_one_engaged_in_fighting_fights():
    fighting = _events("He further went on saying that the Washington has been engaged in fighting the Taliban-led insurgency.", "ASSAULT")
    assert [(_code(e.source), _code(e.target)) for e in fighting] == [("USAGOV", "AFGINSTAL")]
    detain = next(e for e in _events("A Lexington man was charged with assault and resisting arrest after fighting with store employees "
                                     "and city police attempting to detain him for shoplifting.", "COERCE") if e.predicate.text == "detain")
    assert detain.source is None or detain.source.span.text != "man"  # the police detain him, not the man himself


def test_an_act_refused_for_the_future_is_a_rejection_and_one_not_done_is_not():
    (refused,) = _events("Israel will not withdraw from the West Bank, the prime minister said.", "REJECT")
    assert (_code(refused.source), _code(refused.target), refused.target.span.text) == ("ISR", "PSE", "West Bank")  # no bank
    assert not _events("The army did not withdraw from the town.", "REJECT")


def test_where_troops_are_sent_is_the_target_not_the_troops():
    (sent,) = _events("The United States sent troops to Syria.", "MOBILIZE")
    assert (_code(sent.source), _code(sent.target)) == ("USA", "SYR")


def test_advice_to_the_public_is_no_demand():
    assert not _events("The Minnesota Department of Transportation and the Minnesota State Patrol urges motorists to drive with "
                       "caution as flooding continues to affect area highways.", "REQUEST")
    assert not _events("Experts urge people under attack to run as fast as possible.", "REQUEST")
    (urged,) = _events("The United States urged Israel to halt the settlements.", "REQUEST")  # an actor asked stays asked
    assert _code(urged.target) == "ISR"


def test_officials_in_the_plural_are_no_one_speaker_named_before():
    (accused,) = _events('"I\'ve always been ready to bear responsibility for my actions," Mayor Mikhail Savchenko said, Interfax reported. '
                         "Senior United Russia officials had accused the governor of violating election law.", "ACCUSE")
    assert _code(accused.source) == "RUSPTYUNR"  # the party's officials, not the mayor quoted before


@pytest.mark.parametrize(
    "text, cameo, source, target",
    [
        # LGL local news: charging, convicting and sentencing are legal action against the one named
        ("An Alexandria grand jury indicted 31-year-old Rodney Eric Smith on charges of first-degree murder.", "173", "jury", "Rodney Eric Smith"),
        ("Wanda Y. Martin, 39, was convicted in federal court of wire fraud.", "173", None, "Wanda Y. Martin"),
        ("Los Angeles Superior Court Judge David Horwitz sentenced each man to two years probation.", "172", "David Horwitz", "man"),
        # who bears what is imposed stands after "on", even when a day stands between
        ("A federal judge imposed the sentence Friday on 48-year-old Andres Leonel Pimstein.", "172", "judge", "Andres Leonel Pimstein"),
    ],
)
def test_legal_action_against_a_person(text, cameo, source, target):
    (event,) = _events(text, "COERCE")
    assert event.cameo == cameo
    assert (source is None and event.source is None) or source in event.source.span.text
    assert target in event.target.span.text


def test_a_sentencing_yet_to_come_is_not_done_nor_done_by_the_accused():
    (done,) = _events("Former State Sen. Vincent J. Fumo was sentenced on Monday.", "COERCE")
    assert done.modality == "done" and done.source is None and "Fumo" in done.target.span.text
    events = _events("Former State Sen. Vincent J. Fumo is to be sentenced at 10 a.m. July 13.")
    assert not [e for e in events if e.modality == "done"]
    assert not [e for e in events if e.source and "Fumo" in e.source.span.text]


def test_a_passive_agent_hung_on_a_place_is_still_the_agent():
    (sentenced,) = _events("Gary Wilson, 54, was sentenced to two years in a state jail facility Friday at the "
                           "Anderson County Courthouse by State District Judge Deborah Oakes Evans.", "COERCE")
    assert sentenced.source.name == "Deborah Oakes" and _code(sentenced.source) == "---JUD"
    assert sentenced.target.span.text == "Gary Wilson"


def test_a_role_of_a_namesake_town_is_not_of_the_country():
    # LGL, a Palestine, Texas, paper: every "Palestine" in it is the town
    text = ("A 36-year-old Palestine man was arrested Wednesday at an Anderson County residence. "
            "Palestine police officer Gary Rayford said the man fled a traffic stop.")
    (arrest,) = _events(text, "COERCE")
    assert _code(arrest.target) == "USACVL"
    _, analysis = analyse_text("Palestine Independent School District coordinator Craig Harris will present a conference. "
                               "A Palestine man was arrested by Harris on Friday.")
    (arrest,) = [e for e in analysis.events if e.plover == "COERCE"]
    assert _code(arrest.source).startswith("USA") and _code(arrest.target) == "USACVL"


def test_force_an_act_is_for_is_not_reported_done():
    # real news (LGL): the missiles are to be installed to destroy the bases, not destroying them
    text = ("President Dmitry Medvedev announced that short-range Russian missiles would be installed in Kaliningrad, "
            "a Russian enclave on the Polish border, to destroy those American bases on short notice.")
    assert not [e for e in _events(text, "ASSAULT") if e.modality not in UNREAL]
    (attack,) = _events("Russia deployed troops to the border to attack Ukraine.", "ASSAULT")
    assert attack.modality == "hypothetical"
    # an act of cooperation done to an end is done with it, and so is force used to an end
    assert _events("Uzbekistan opened the Friendship Bridge to allow the delivery of grain to Afghanistan.", "RETREAT")
    (disperse, *_) = [e for e in _events("Police fired tear gas to disperse the protesters.", "ASSAULT") if e.cameo == "175"]
    assert disperse.modality == "done"


def test_a_he_goes_on_with_the_he_before_it_when_nobody_is_named_between():
    text = ("Governor Yuri Yevdokimov, a United Russia member, had served in Murmansk since 1996. "
            "In an interview on Thursday, he denied speculation that he would step down. "
            "But on Saturday, he said he thought that it would be best for the country if he quit. "
            "\"I've always been ready to bear responsibility for my actions,\" he said, Interfax reported. "
            "Senior United Russia officials had accused him of violating election law.")
    (accused,) = _events(text, "ACCUSE")
    assert accused.target.span.text == "him" and accused.target.antecedent.text.endswith("Yevdokimov")
    # what he denied he would do is no event of his
    assert not [e for e in _events(text) if e.predicate.text == "step" and e.modality not in UNREAL]


def test_the_subject_suffers_a_passive_gerund():
    (indicted,) = _events("Smith was already in jail after being indicted by a grand jury in November.", "COERCE")
    assert indicted.target.span.text == "Smith" and _code(indicted.source) == "---JUD"


def test_a_passive_done_by_no_actor_is_no_event():
    assert not _events("A soldier was injured by an electric shock in the shower.", "ASSAULT")
    (struck,) = _events("The mother said she was struck from behind by an unknown assailant.", "ASSAULT")
    assert _code(struck.source) == "---CRM"


def test_blocking_a_car_is_no_protest_and_blocking_a_road_is():
    assert not _events("The homeowner used his own car to block the thief's car in the driveway.", "PROTEST")
    assert _events("Farmers blocked the main road into the capital on Monday.", "PROTEST")


def test_he_after_a_group_that_reports_is_not_the_group():
    (struck,) = _events("A Richmond man was charged Sunday after police say he struck a patrol officer with his fist.", "ASSAULT")
    assert _code(struck.source) != "USACOP" and (struck.source is None or struck.source.span.text == "he")


def test_a_medium_something_was_done_on_is_no_target():
    (offer,) = _events("The mayor offered support for the candidate on local television.", "AGREE")
    assert _code(offer.source) == "---GOV" and offer.target is None


def test_praise_from_private_life_is_no_support():
    assert not _events("Restaurant owner Bill Sohovich praised United Bank president Julie Gurtis for her help with the loan.", "SUPPORT")
    assert not _events("McMillon raised $2,447 to support research programs of the American Diabetes Association.", "SUPPORT")
    (praise,) = _events("Russian President Vladimir Putin praised German Chancellor Angela Merkel on Tuesday.", "SUPPORT")
    assert _code(praise.source) == "RUSGOV"


def test_only_an_authority_imposes_an_administrative_sanction():
    assert not _events("Many businesses downtown have placed signs banning skating on their property.", "COERCE")
    assert not _events("Peabody Energy plans for workers to spend the next two months shutting the mine down.", "COERCE")
    (ban,) = _events("The Russian government banned the opposition party on Monday.", "COERCE")
    assert _code(ban.source) == "RUSGOV"


def test_a_resignation_is_news_when_an_office_holder_resigns():
    assert not _events("A Fairfax teacher resigned over the e-mails on Friday.", "CONCEDE")
    (resigned,) = _events("Russian Prime Minister Dmitry Medvedev resigned on Wednesday.", "CONCEDE")
    assert _code(resigned.source) == "RUSGOV"


def test_an_act_one_is_not_willing_to_do_is_negated():
    (talks,) = _events("The Syrian government is not willing to negotiate with the rebels.")
    assert talks.modality == "negated"
    (offer,) = _events("The Syrian government is willing to negotiate with the rebels.")
    assert offer.modality == "intend"
