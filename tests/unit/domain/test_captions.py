"""Caption cues and their WebVTT form."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from domain.captions import CaptionCue, Captions
from domain.errors import InvalidValue
from domain.webvtt import format_timestamp, format_webvtt, parse_timestamp, parse_webvtt

pytestmark = pytest.mark.req("RDS-045")

cue_texts = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(
    lambda t: t.strip() == t and t and "-->" not in t)


@st.composite
def captions(draw: st.DrawFn) -> Captions:
    cues, time, section = [], 0, 0
    for text in draw(st.lists(cue_texts, max_size=12)):
        time += draw(st.integers(0, 5_000))
        length = draw(st.integers(1, 8_000))
        section += draw(st.integers(0, 1))
        cues.append(CaptionCue(time, time + length, text, section))
        time += length
    return Captions(tuple(cues))


@given(captions())
def test_webvtt_round_trips_every_cue(original: Captions) -> None:
    assert parse_webvtt(format_webvtt(original)) == original


def test_the_document_escapes_markup_and_names_sections() -> None:
    document = format_webvtt(Captions((CaptionCue(0, 1500, "3 < 4 & 5 > 2", 0),
                                       CaptionCue(1500, 61_250, "Next part", 2))))
    assert document == ("WEBVTT\n\ns0-1\n00:00:00.000 --> 00:00:01.500\n3 &lt; 4 &amp; 5 &gt; 2\n\n"
                        "s2-2\n00:00:01.500 --> 00:01:01.250\nNext part\n")
    assert parse_webvtt(document).section_starts() == {0: 0, 2: 1500}


def test_foreign_documents_parse_with_notes_and_without_ids() -> None:
    document = "WEBVTT - made elsewhere\r\n\r\nNOTE a comment\r\n\r\n00:01.000 --> 00:02.500 align:start\r\nHello\r\n"
    assert parse_webvtt(document).cues == (CaptionCue(1000, 2500, "Hello", 0),)


@pytest.mark.parametrize("document", ["", "00:00.000 --> 00:01.000\nno header", "WEBVTT\n\n00:0x.000 --> 1\nbad"])
def test_documents_that_are_not_webvtt_are_refused(document: str) -> None:
    with pytest.raises(InvalidValue):
        parse_webvtt(document)


def test_timestamps_have_hours_minutes_seconds_and_millis() -> None:
    assert format_timestamp(3_723_004) == "01:02:03.004"
    assert parse_timestamp("01:02:03.004") == parse_timestamp("62:03.004") == 3_723_004


@pytest.mark.parametrize(("start", "end", "text"), [(5, 5, "x"), (-1, 3, "x"), (0, 3, " "), (0, 3, "a --> b"),
                                                    (0, 3, "one\n\ntwo")])
def test_a_cue_needs_time_and_text(start: int, end: int, text: str) -> None:
    with pytest.raises(InvalidValue):
        CaptionCue(start, end, text, 0)


def test_cues_may_not_overlap_or_go_back() -> None:
    with pytest.raises(InvalidValue):
        Captions((CaptionCue(0, 2000, "a", 0), CaptionCue(1999, 3000, "b", 0)))
    with pytest.raises(InvalidValue):
        Captions((CaptionCue(0, 2000, "a", 1), CaptionCue(2000, 3000, "b", 0)))
    assert Captions((CaptionCue(0, 2000, "a", 0), CaptionCue(2000, 3000, "b", 0))).end_ms == 3000
