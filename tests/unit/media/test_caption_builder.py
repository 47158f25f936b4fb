"""Caption cues from synthesiser events (made up here, so every rule is pinned down without audio)."""

import itertools
import re

import pytest

from infrastructure.media.caption_builder import MAX_CUE_CHARS, SpokenText, build_captions
from infrastructure.media.espeak_engine import EVENT_END, EVENT_WORD, SpeechEvent

pytestmark = pytest.mark.req("RDS-045")

WORD_MS = 300


def events_for(text: str) -> list[SpeechEvent]:
    """One word event every 300 ms, as eSpeak NG reports them, and an end event after the last word."""
    found = [SpeechEvent(EVENT_WORD, m.start(), len(m.group()), n * WORD_MS)
             for n, m in enumerate(re.finditer(r"[\w'.]+", text))]
    return [*found, SpeechEvent(EVENT_END, len(text), 0, len(found) * WORD_MS)]


def captions_for(*sections: str) -> list[tuple[int, int, str, int]]:
    spoken = SpokenText.join(sections)
    events = events_for(spoken.text)
    cues = build_captions(spoken, events, len(events) * WORD_MS + 500).cues
    return [(c.start_ms, c.end_ms, c.text, c.section) for c in cues]


def test_a_cue_per_sentence_and_section_starting_with_its_first_word() -> None:
    assert captions_for("Plants make food.", "They use light! Do they sleep?") == [
        (0, 900, "Plants make food.", 0), (900, 1800, "They use light!", 1), (1800, 2700, "Do they sleep?", 1)]


def test_abbreviations_do_not_end_a_sentence() -> None:
    assert [c[2] for c in captions_for("Dr. Lee grows beans, e.g. in pots.")] == [
        "Dr. Lee grows beans, e.g. in pots."]


def test_long_sentences_are_cut_into_balanced_two_line_cues() -> None:
    sentence = ("Water rises from lakes and oceans as invisible vapour, cools high in the sky into tiny droplets, "
                "gathers into grey clouds, and falls back to the ground as rain or snow.")
    cues = captions_for(sentence)
    texts = [c[2] for c in cues]
    assert " ".join(t.replace("\n", " ") for t in texts) == sentence
    assert len(cues) == 2 and all(len(t) <= MAX_CUE_CHARS + 14 and t.count("\n") <= 1 for t in texts)
    assert texts[0].endswith(",")  # cut after a clause
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(cues))


def test_a_number_spoken_in_parts_stays_one_word() -> None:
    spoken = SpokenText.join(["It is 3.5 kg."])
    events = [SpeechEvent(EVENT_WORD, 0, 2, 0), SpeechEvent(EVENT_WORD, 3, 2, 200),
              SpeechEvent(EVENT_WORD, 6, 3, 400), SpeechEvent(EVENT_WORD, 7, 3, 600),
              SpeechEvent(EVENT_WORD, 10, 2, 800), SpeechEvent(EVENT_END, 13, 0, 1100)]
    assert [(c.start_ms, c.end_ms, c.text) for c in build_captions(spoken, events, 1500).cues] == [
        (0, 1100, "It is 3.5 kg.")]


def test_cues_stay_inside_the_audio_and_never_hold_an_arrow() -> None:
    spoken = SpokenText.join(["Heat --> vapour. Cold rain."])
    events = events_for(spoken.text)
    cues = build_captions(spoken, events, 1_000).cues
    assert "-->" not in "".join(c.text for c in cues)
    assert cues[-1].end_ms <= 1_000 and all(c.start_ms < 1_000 for c in cues)
