import pytest

from newsdesk.extract.dateline import byline_line, normalise_place, split_dateline


@pytest.mark.parametrize(
    "paragraph, place, byline, agency, rest",
    [
        ("AT Monitoring Desk-KABUL: A Special Representative said", "Kabul", "AT Monitoring Desk", None, "A Special"),
        ("KABUL (Reuters) - Taliban officials said", "Kabul", None, "Reuters", "Taliban"),
        ("WASHINGTON, Dec 23 (AP) — The White House said", "Washington", None, "AP", "The White"),
        ("KABUL, Afghanistan — Officials said on Monday", "Kabul", None, None, "Officials"),
        ("PORT-AU-PRINCE, Haiti — More than 5,000 people", "Port-au-Prince", None, None, "More than"),
        ("MOPTI, Mali (Sahel Observer) — Gunmen on motorbikes", "Mopti", None, "Sahel Observer", "Gunmen"),
        ("NAIROBI, April 14 (EAL) - Floods along the Tana", "Nairobi", None, "EAL", "Floods"),
        ("AT Kabul: Ministry of information officials", "Kabul", "AT", None, "Ministry"),
        ("Frontier Times Report-PESHAWAR: Pakistani forces", "Peshawar", "Frontier Times Report", None, "Pakistani"),
        ("COX'S BAZAR, Bangladesh — A fire swept", "Cox's Bazar", None, None, "A fire"),
    ],
)
def test_dateline_forms(paragraph, place, byline, agency, rest):
    dateline, body = split_dateline(paragraph)
    assert dateline is not None
    assert (dateline.place, dateline.byline, dateline.agency) == (place, byline, agency)
    assert body.startswith(rest)


@pytest.mark.parametrize(
    "paragraph",
    [
        "The UN said on Monday that aid had arrived.",
        "US - a country of contrasts",  # too short to be a place in caps
        "UPDATE: this story has been corrected",
        "Kabul is the capital of Afghanistan.",
        "KABUL — and then the rest in lower case",
    ],
)
def test_not_a_dateline(paragraph):
    dateline, body = split_dateline(paragraph)
    assert dateline is None and body == paragraph


def test_byline_line():
    assert byline_line("By Staff Reporter") == "Staff Reporter"
    assert byline_line("By Jane Doe and John Roe") == "Jane Doe and John Roe"
    assert byline_line("By the end of the year, prices rose.") is None


def test_normalise_place():
    assert normalise_place("DAR ES SALAAM") == "Dar es Salaam"
    assert normalise_place("Kabul") == "Kabul"
