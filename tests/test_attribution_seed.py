"""Every required quote of the seed, with the right speaker after coreference."""

import pytest

from newsdesk.attribution import extract_quotes
from newsdesk.extract import extract_article
from newsdesk.ingest import iter_documents
from newsdesk.nlp import load_model


@pytest.fixture(scope="module")
def seed_quotes(seed_path):
    (document,) = list(iter_documents([str(seed_path)]))
    article = extract_article(document)
    doc = next(load_model().parse([article.text]))
    return extract_quotes(doc, [p.start for p in article.paragraphs])


def _plain(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'")


def covers(quote, gold_text: str) -> bool:
    """Matching as expected.yaml defines it: >= 80% of the gold characters inside our span."""
    text, gold_text = _plain(quote.content.text), _plain(gold_text)
    if gold_text in text:
        return True
    common = max((len(gold_text[i:]) for i in range(len(gold_text)) if text.startswith(gold_text[i:i + 20])), default=0)
    return common >= 0.8 * len(gold_text)


def test_required_quotes_with_speakers(seed_quotes, expected):
    for gold in expected["quotes"]["required"]:
        found = [q for q in seed_quotes if covers(q, gold["text"])]
        assert found, f"missing quote: {gold['text'][:60]}"
        quote = found[0]
        assert quote.kind == gold["kind"], gold["text"][:40]
        assert quote.speaker_name == gold["speaker"], (gold["text"][:40], quote.chain)
        # our cue is the verb group ("has claimed"); expected.yaml names its verb
        cue = gold["cue"]
        assert (cue in quote.cue.text.split()) if cue else quote.cue is None, (cue, quote.cue)


def test_addressee_and_coreference_chain(seed_quotes):
    told = next(q for q in seed_quotes if q.cue and q.cue.text == "told")
    assert told.addressee.text == "RIA Novosti"
    assert told.speaker.text == "he"
    rules = [link.rule for link in told.chain]
    assert rules[0] == "pronoun → last speaker"
    envoy = next(q for q in seed_quotes if q.speaker and q.speaker.text == "the Russian envoy")
    assert envoy.speaker_name == "Zamir Kabulov" and "role 'envoy'" in envoy.chain[0].rule
    continued = next(q for q in seed_quotes if q.content.text.startswith("Lately IS"))
    assert continued.cue is None and continued.chain[0].rule == "continuation"


def test_denials_are_marked(tmp_path):
    model = load_model()
    doc = next(model.parse(["The Taliban government's spokesman denied that Afghan forces had fired first."]))
    (quote,) = extract_quotes(doc, [0])
    assert quote.stance == "denies" and quote.cue_lemma == "deny"
    assert quote.content.text.startswith("that Afghan forces")


def quotes_of(text: str):
    doc = next(load_model().parse([text]))
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    return extract_quotes(doc, starts)


def test_a_possessor_is_not_the_speaker_and_a_pronoun_follows_the_description():
    first, second = quotes_of(
        "“My reaction, that was outrageous,” Obama's former campaign strategist said in an interview with CNN.\n\n"
        "“It’s something you would be a fool not to prepare for,” he said on Monday."
    )
    assert first.speaker.text == "Obama's former campaign strategist" and first.speaker_name != "Obama"
    assert second.speaker_name == first.speaker_name


def test_a_quote_split_by_its_cue_is_one_quote():
    (quote,) = quotes_of("“One of the reasons China moved,” Mr. Obama said, “is that its concern is political stability.”")
    assert quote.content.text.startswith("One of the reasons") and quote.content.text.endswith("political stability.")
    assert quote.speaker_name == "Obama"


def test_an_aside_reports_its_sentence():
    (quote,) = quotes_of("Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt in 1999.")
    assert quote.cue.text == "said" and quote.speaker_name == "Clarke"
    assert quote.content.text.startswith("Lenox was a juggernaut")


def test_a_cue_is_its_verb_group():
    (quote,) = quotes_of("Clinton supporters have also questioned the health of Donald Trump.")
    assert quote.cue.text == "have also questioned" and quote.cue_lemma == "question"
    assert quote.content.text == "the health of Donald Trump" and quote.speaker.text == "Clinton supporters"
    (quote,) = quotes_of("But Attorney General Eric Schneiderman isn't saying if the foundation violated any laws.")
    assert quote.cue.text == "isn't saying" and quote.stance == "denies"


def test_a_prepositional_cue_and_an_object_with_its_complement():
    (pointed,) = quotes_of("That is when she pointed to reports that Trump insulted the pageant winner.")
    assert pointed.cue.text == "pointed to" and pointed.content.text.startswith("reports that Trump")
    (called,) = quotes_of("The company called the charges unsubstantiated and fabricated.")
    assert called.content.text == "the charges unsubstantiated and fabricated"


def test_a_that_clause_the_parse_read_as_adverbial_is_what_was_said():
    tweeted = next(q for q in quotes_of("Trump tweeted in the early morning hours that Machado was “disgusting” and “a con”.")
                   if q.cue.text == "tweeted")
    assert tweeted.speaker.text == "Trump" and tweeted.content.text.startswith("that Machado was")


def test_a_noun_can_carry_the_attribution():
    (claim,) = quotes_of("Politifact checked Donald Trump's claim that there have been thousands of shootings in Chicago.")
    assert claim.cue.text == "claim" and claim.cue_kind == "speech" and claim.speaker_name == "Donald Trump"
    assert claim.content.text == "that there have been thousands of shootings in Chicago"
    assert quotes_of("The plan to build a wall was dropped in March.") == []  # nobody's plan: a topic


def test_a_quote_goes_on_after_its_cue_in_the_same_paragraph():
    first, second = quotes_of(
        "“This is a disgusting day,” said Rep. G.K. Butterfield. “Donald Trump is a disgusting fraud.”\n\n"
        "“By any definition he is unfit.”"
    )
    assert first.content.text.startswith("This is a disgusting day") and first.content.text.endswith("a disgusting fraud.")
    assert second.cue is None and second.speaker_name == first.speaker_name


def test_a_colon_introduces_the_next_paragraph():
    quote = quotes_of("Caddell continued:\n\n“The health issue overall is very much a partisan issue.”")[-1]
    assert quote.cue.text == "continued" and quote.speaker_name == "Caddell"


@pytest.mark.parametrize(
    "title, content, source",
    [
        ("Alarming signs: Militants fleeing Syria, Iraq for Afghanistan-Moscow", "Alarming signs: Militants fleeing Syria, Iraq for Afghanistan", "Moscow"),
        ("UN: Aid convoys must reach El Fasher now", "Aid convoys must reach El Fasher now", "UN"),
        ("Ceasefire will hold, says army — Reuters", "Ceasefire will hold, says army", "Reuters"),
    ],
)
def test_headline_attribution(title, content, source):
    from newsdesk.attribution.headline import headline_quote

    quote = headline_quote(title, 0)
    assert (quote.content.text, quote.speaker_name, quote.field) == (content, source, "title")
    assert title[quote.content.start:quote.content.end] == content
    assert quote.cue.text in (":", "-", "—") and title[quote.cue.start:quote.cue.end] == quote.cue.text  # the mark that attributes


@pytest.mark.parametrize("title", ["Floods displace 40,000 in Kenya's Garissa county", "Russia-Ukraine talks", "Talks: Day 2"])
def test_not_a_headline_attribution(title):
    from newsdesk.attribution.headline import headline_quote

    assert headline_quote(title, 0) is None


def test_a_transcript_label_is_the_speaker():
    quotes = quotes_of(
        "Republican vice-presidential nominee Mike Pence spoke to Chris Wallace on Sunday.\n\n"
        "\"WALLACE: Let’s start with breaking news on the debate story.\n\n"
        "\"PENCE: Gennifer Flowers will not be attending the debate tomorrow night.\n\n"
        "The Latest: Trump urges supporters to monitor polling places."
    )
    labelled = [q for q in quotes if q.cue is not None and q.cue.text == ":"]
    assert [(q.speaker.text, q.speaker_name) for q in labelled] == [("WALLACE", "Chris Wallace"), ("PENCE", "Mike Pence")]
    assert labelled[1].content.text == "Gennifer Flowers will not be attending the debate tomorrow night."
    assert all(q.cue_kind == "speech" for q in labelled)


def test_a_quote_signed_with_a_dash():
    quotes = quotes_of(
        "“He can’t even answer a question without scaring people first.” ― Esther Tapia\u00a0\n"
        "“Mostly he promotes ignorance and hate.”\u00a0― Karen Bobadilla.\n\n"
        "Getty/Instagram."
    )
    assert [(q.cue.text, q.speaker_name) for q in quotes] == [("―", "Esther Tapia"), ("―", "Karen Bobadilla")]
    assert quotes[1].content.text == "Mostly he promotes ignorance and hate."


def test_a_signature_glued_to_the_closing_mark_and_a_quote_opened_with_a_closing_mark():
    quotes = quotes_of(
        "“Trump must stop portraying Latinos as dangerous gangsters.”― Carla Sanchez.\n\n"
        "”Mr. Trump embodies the lasting legacy of racism in the United States.” ― Sonya Herridge\n"
    )
    assert [(q.cue.text, q.speaker_name) for q in quotes] == [("―", "Carla Sanchez"), ("―", "Sonya Herridge")]
    assert quotes[1].content.text.startswith("Mr. Trump embodies")


def test_the_setting_of_a_statement_belongs_to_its_cue():
    (quote,) = quotes_of("“There is absolutely no chance Hillary Clinton will withdraw,” he said in a phone interview.")
    assert quote.cue.text == "said in a phone interview" and quote.cue_lemma == "say"
    (quote,) = quotes_of("The governor said Thursday that the curfew would be lifted.")
    assert quote.cue.text == "said Thursday"


def test_an_attitude_adjective_attributes_a_belief():
    (sure,) = quotes_of("Many Democrats are afraid that apathy may undercut Mrs. Clinton's large edge.")
    assert sure.cue.text == "are afraid" and sure.cue_kind == "belief" and sure.speaker.text == "Many Democrats"
    assert sure.content.text.startswith("that apathy may undercut")
    (critical,) = quotes_of("Graham has been critical of Trump since the primary.")
    assert critical.cue.text == "has been critical of" and critical.content.text.startswith("Trump")


def test_a_perceived_object_is_not_a_stance():
    assert quotes_of("Nassau County police saw the tweet and removed Stein from the hall.") == []
    assert [q.cue_lemma for q in quotes_of("Mr. Clarke hoped electric utilities would count his credits.")] == ["hope"]


def test_a_belief_inside_someone_elses_statement_is_not_a_quote_of_its_own():
    (quote,) = quotes_of("Clinton said she thinks America is strongest when people work together.")
    assert quote.cue_lemma == "say" and quote.content.text.startswith("she thinks America")
    reported = quotes_of("The senator said Trump had told donors that the wall would be paid for by Mexico.")
    assert [q.cue_lemma for q in reported] == ["say", "tell"]  # speech inside speech names who said it first


def test_the_speaker_of_a_governed_speech_verb_and_a_passive_agent():
    quote = next(q for q in quotes_of("President Barack Obama responded to a Gold Star mother by saying his refusal was deliberate.")
                 if q.cue_lemma == "say")
    assert quote.speaker.text == "President Barack Obama" and quote.content.text == "his refusal was deliberate"
    (quote,) = quotes_of("Sanders went on to say that the debate was about the birther issue.")
    assert quote.cue_lemma == "say" and quote.speaker.text == "Sanders"
    (quote,) = quotes_of("The Democratic presidential nominee has been endorsed by dozens of papers.")
    assert (quote.cue.text, quote.speaker.text, quote.content.text) == (
        "has been endorsed by", "dozens of papers", "The Democratic presidential nominee")
    # without an agent, a passive names no one who takes the stance: the couple charged is not the accuser
    (quote,) = quotes_of("A town couple was charged with multiple counts of selling narcotics.")
    assert quote.speaker is None and quote.content.text == "multiple counts of selling narcotics"


def test_a_short_quote_opening_its_sentence_and_its_continuation():
    quotes = quotes_of("''That's Mexico's vulnerability,'' said Luis Rubio. ''There is nothing more important than that.''")
    (quote,) = [q for q in quotes if q.kind == "direct"]
    assert quote.content.text.startswith("That's Mexico's vulnerability") and quote.content.text.endswith("than that.")
    assert quote.speaker_name == "Luis Rubio" and len(quotes) == 1
    assert quotes_of("Clinton is describing as “unhinged” a Donald Trump tweet.") == []  # a scare quote


def test_content_runs_over_coordinated_infinitives_and_a_reason():
    (wants,) = quotes_of("He wants to triple the size of the AmeriCorps program, grow the Peace Corps and create a new reserve program.")
    assert wants.content.text.endswith("create a new reserve program")
    (said,) = quotes_of("Republicans said that claim smacked of hypocrisy, because Democrats have been at the forefront "
                        "of questioning the decisions.")
    assert said.content.text.endswith("questioning the decisions")


def test_a_fact_checkers_rating_is_a_stance():
    (rated,) = quotes_of("PolitiFact rated 32% of Republican claims as false or pants on fire.")
    assert (rated.cue_lemma, rated.speaker.text, rated.content.text) == ("rate", "PolitiFact", "32% of Republican claims as false or pants on fire")


def test_what_is_said_on_both_sides_of_an_aside_or_according_to():
    (argues,) = quotes_of("If this argument fails to persuade, Mr. Castañeda argues, there are other tools in the toolbox.")
    assert argues.content.text.startswith("If this argument fails") and argues.content.text.endswith("in the toolbox")
    (said,) = quotes_of("The middle fifth paid 8.9 percent, the agency said in a June report, and those in the bottom fifth paid 0.8 percent.")
    assert said.content.text.endswith("paid 0.8 percent")
    according = quotes_of("Scott's relatives watched the police videos on Thursday, according to their attorneys, and said they came away with questions.")[0]
    assert according.kind == "according_to" and according.content.text.endswith("came away with questions")


def test_a_quote_introduced_by_a_reported_clause_is_part_of_it():
    (quote,) = quotes_of('Albright said she has the essential quality for the job: "Steadiness -- an absolute rock steadiness, and mixed with strength."')
    assert quote.kind == "indirect" and quote.content.text.startswith("she has the essential quality")
    assert "rock steadiness" in quote.content.text


def test_a_quote_split_by_its_cue_and_a_participle_is_one_quote():
    (quote,) = [q for q in quotes_of("“Every time you say that,” Tester said, referring to the excuse, “you give ammunition to the people "
                                     "who want to break up the big banks.”") if q.kind == "direct"]
    assert quote.content.text.startswith("Every time") and quote.content.text.endswith("the big banks.")


def test_whom_one_spoke_to_is_no_stance():
    assert quotes_of("Clinton communications director Jennifer Palmieri spoke to reporters on Friday.") == []
    (about,) = quotes_of("Mr. Obama spoke emotionally of his many flights on Marine One across the Mall.")
    assert about.content.text.startswith("his many flights")


def test_a_quote_after_a_reported_sentence_goes_on_with_its_speaker():
    reported, quoted = quotes_of("The administration may be reluctant to act while Kerry negotiates with Russia, Schiff said. "
                                 "“The other factor is whether it would give the appearance of tipping the election.”")
    assert reported.kind == "indirect" and quoted.kind == "direct" and quoted.cue is None
    assert reported.speaker_name == quoted.speaker_name == "Schiff"


def test_speech_quoted_inside_reported_speech_is_part_of_it():
    (quote,) = quotes_of("The Indiana governor said Democrats and the media are to blame for focusing on “he said this, he tweeted that.”")
    assert quote.kind == "indirect" and quote.content.text.startswith("Democrats") and "he tweeted that" in quote.content.text


def test_what_a_poll_shows_is_evidence_and_what_police_saw_is_not():
    (shown,) = quotes_of("Polls show a close contest in the state, where 18 electoral votes are up for grabs.")
    assert (shown.cue_kind, shown.speaker.text, shown.content.text[:16]) == ("evidence", "Polls", "a close contest ")
    assert quotes_of("Police saw the tweet on Monday.") == []  # an object seen is no claim


def test_a_study_or_a_video_of_several_words_shows_evidence():
    (shown,) = quotes_of("Polling averages show Clinton with a lead in the low single digits.")
    assert (shown.cue_kind, shown.speaker.text) == ("evidence", "Polling averages")
    (video,) = quotes_of("Video of the incident shows him with his hands in the air.")
    assert video.cue_kind == "evidence" and video.content.text.startswith("him with his hands")


def test_a_participle_that_says_more_is_a_statement_of_its_own():
    said, added = quotes_of("“We certainly can’t afford to do this anymore,” Trump said, adding later, “NATO is costing us a fortune, "
                            "and we’re spending a lot of money.”")
    assert (said.cue_lemma, added.cue_lemma) == ("say", "add") and said.speaker_name == added.speaker_name == "Trump"
    assert added.content.text.startswith("NATO is costing") and "Trump said" not in said.content.text
    complained, suggested = quotes_of("The GOP nominee complained about his mic the morning after the debate, "
                                      "even suggesting he may have been sabotaged.")
    assert "suggesting" not in complained.content.text
    assert (suggested.cue_lemma, suggested.content.text) == ("suggest", "he may have been sabotaged")


def test_a_block_quote_after_a_cue_and_a_colon():
    (quote,) = quotes_of("Limbaugh added:\n\nAnd from a supposed front-runner, this reeks of some of the greatest fear "
                         "that I have ever seen.\n\nThe debate is on Monday.")
    assert (quote.kind, quote.speaker_name, quote.cue.text) == ("direct", "Limbaugh", "added:")
    assert quote.content.text.endswith("I have ever seen")
    (comment,) = quotes_of("On July 6, 2015, Sanders made the following comment:\n\n“For young people who have graduated "
                           "high school, the unemployment rate is 33 percent.“\n\nNext.")  # a mark that never closes
    assert (comment.cue_kind, comment.speaker_name) == ("speech", "Sanders")
    assert quotes_of("The schedule:\n\nMonday: arrivals and a dinner for the delegations.") == []


def test_a_verb_tagged_as_a_noun_and_a_clause_hung_on_the_addressee():
    (claim,) = quotes_of("But Trump claims that he should be the exception.")
    assert (claim.cue_lemma, claim.speaker_name) == ("claim", "Trump")
    (told,) = quotes_of("In Honolulu last week, he told a meeting of Pacific Island leaders that few people understood "
                        "the stakes of climate change better than residents of their part of the planet.")
    assert told.cue_lemma == "tell" and told.content.text.startswith("that few people understood")


def test_according_to_ends_at_its_comma_when_the_parse_runs_on():
    (quote,) = quotes_of("According to conservative talk radio host Rush Limbaugh, the move reeks of “fear” and desperation.")
    assert quote.speaker_name == "Rush Limbaugh" and quote.content.text.startswith("the move reeks")


def test_according_to_a_source_the_parse_reads_as_a_verb():
    (quote,) = quotes_of("Donald Trump repeatedly demeaned women with sexist language, according to show insiders.")
    assert (quote.kind, quote.speaker.text, quote.content.text) == ("according_to", "show insiders", "Donald Trump repeatedly demeaned women with sexist language")


@pytest.mark.parametrize(
    ("sentence", "cue", "content_start"),
    [
        ("In an interview, Ham made it clear he had major misgivings about the armed forces.", "made it clear", "he had major"),
        ("The administration attempted to make the case to members of both parties that the bill is a bad idea.",
         "to make the case", "that the bill"),
        ("As Steven M. Rosenthal, a tax lawyer, recently put it, the question is whether Trump lowered his taxes.",
         "recently put it", "the question"),
    ],
)
def test_speech_said_with_a_light_verb(sentence, cue, content_start):
    (quote,) = quotes_of(sentence)
    assert (quote.cue.text, quote.cue_kind) == (cue, "speech") and quote.content.text.startswith(content_start)


def test_a_direct_quote_takes_the_cue_it_hangs_on_not_the_nearest():
    quotes = quotes_of('In a statement, Peabody said: "Patriot Coal was highly successful when it became an independent, publicly '
                       'traded company nearly a decade ago," adding that its market capitalization grew.')
    direct = next(q for q in quotes if q.kind == "direct")
    assert (direct.cue.text, direct.speaker.text) == ("said", "Peabody")  # not "adding", which is nearer to the closing mark


def test_a_subject_the_parse_joined_to_the_phrase_in_front_still_speaks():
    quotes = quotes_of('When terrorists are revealed as part of the second front of the radical Islamic terror war, Obama and Clinton '
                       'call them "lone wolves" and describe their actions as crimes rather than acts of terror or even war.')
    assert {(q.cue.text, q.speaker.text) for q in quotes} >= {("call", "Obama and Clinton"), ("describe", "Obama and Clinton")}


def test_a_vote_for_or_against_is_a_stance_and_who_voted_is_the_noun_of_who():
    (vote,) = quotes_of("Scott was one of three members who voted against the Justice for Victims of Trafficking Act.")
    assert vote.kind == "stance" and vote.cue.text == "voted against" and vote.content.text.startswith("the Justice for Victims")
    assert vote.speaker.text == "who" and vote.speaker_name == "three members"
