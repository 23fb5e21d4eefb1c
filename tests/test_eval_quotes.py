from newsdesk.evaluate.quotes import match

TEXT = "Trump said the debate was rigged and the moderator was biased. PENCE: Well, look."


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def test_matching_is_the_largest_one_to_one_pairing():
    wide = _span(TEXT, "the debate was rigged and the moderator was biased")
    narrow = _span(TEXT, "the moderator was biased")
    gold = [_span(TEXT, "the moderator was biased"), _span(TEXT, "the debate was rigged")]
    # A greedy pass gives the first gold span to the wide prediction and leaves the second unmatched.
    assert match(TEXT, [wide, narrow], gold, "overlap") == 2
    assert match(TEXT, [wide], gold, "overlap") == 1


def test_a_punctuation_cue_matches_only_exactly():
    colon = _span(TEXT, ":")
    assert match(TEXT, [colon], [colon], "overlap") == 1
    assert match(TEXT, [_span(TEXT, "PENCE: Well")], [colon], "overlap") == 0
