"""Speakers: who "he", "she", a surname or a title stands for, on news text.

Each case is the shape of a real passage of US political news (PolNeAR) where the resolver went
wrong; ``tests/gold/speakers.jsonl`` holds 116 such mentions judged by hand, scored by
``newsdesk eval quotes``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsdesk.attribution import extract_quotes
from newsdesk.nlp import load_model

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"


def _speakers(text: str) -> list[tuple[str, str | None]]:
    doc = next(load_model().parse([text]))
    starts = [0] + [i + 2 for i in range(len(text)) if text.startswith("\n\n", i)]
    return [(q.speaker.text, q.speaker_name) for q in extract_quotes(doc, starts) if q.speaker is not None]


def test_she_is_not_the_man_who_spoke_last():
    text = ("“He can’t simply dispense with facts he doesn’t find convenient,” said David Gorski, a professor of surgery.\n\n"
            "Democratic Sen. Claire McCaskill scolded him: “The scientific community is almost monolithic against you,” she said.")
    assert ("she", "Claire McCaskill") in _speakers(text)


def test_she_goes_on_with_the_woman_the_sentence_before_is_about():
    text = ("“We don’t have the exact legislation written down,” Mr. Miller said.\n\n"
            "Angela Merkel, the chancellor and a mother of none, spoke to the assembly last week. "
            "She said the plan would be ready by March.")
    assert _speakers(text)[-1] == ("She", "Angela Merkel")


def test_mr_obama_is_not_michelle_obama():
    text = ("Michelle Obama has campaigned in Ohio this week, and she will visit Florida next.\n\n"
            "\"My name may not be on the ballot, but our progress is on the ballot,\" Mr. Obama said.")
    assert _speakers(text)[-1][1] != "Michelle Obama"


def test_a_dateline_is_not_the_speaker():
    text = "WASHINGTON -- President Obama, dedicating the new museum on Saturday, said it would tell the story of the nation."
    assert _speakers(text) == [("WASHINGTON -- President Obama", "Obama")]


def test_a_name_keeps_neither_its_title_nor_a_nickname():
    text = ("Sens. Jeff Merkley said the bank had failed its customers.\n\n"
            "“You say you accept responsibility,” Merkley said.")
    assert _speakers(text)[-1] == ("Merkley", "Jeff Merkley")


@pytest.mark.slow
def test_resolved_speakers_on_judged_news():
    folder = EVAL / "quotes" / "polnear-dev"
    if not folder.is_dir():
        pytest.skip("../shared/eval is not beside this checkout")
    from newsdesk.evaluate.quotes import evaluate_quotes

    scores = evaluate_quotes(folder, speaker_gold=Path(__file__).parent / "gold" / "speakers.jsonl")
    development, held_out = scores.speakers["development"], scores.speakers["held_out"]
    assert development.judged == 115 and development.found >= 110 and held_out.judged >= 60
    assert development.accuracy >= 0.9  # measured 0.974 (112 of 115); 0.913 before the rules this set prompted
    assert held_out.accuracy >= 0.75  # measured 0.825 (52 of 63), the same as before those rules
    assert scores.speech.prf()[2] >= 0.88  # quotes cued by say, tell, add, according to: measured 0.926
