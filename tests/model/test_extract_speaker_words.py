"""A quote with no attribution of its own may borrow its sentence's subject, but only when that
subject can speak: a person, a group, a body or a document, never any words before a verb."""

from __future__ import annotations

from model.extract import extract_quotes
from model.extract.speaker_words import could_speak


def _speakers(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in extract_quotes(text)]


def test_a_scare_quote_after_a_phrase_that_names_no_one_has_no_speaker():
    text = ("Museum Reopens\n\nThe museum's final report on its “modernist” wing was published "
            "on Monday.")
    assert _speakers(text) == [("modernist", None)]


def test_a_crowd_described_by_what_it_does_still_speaks():
    text = ("Curfew Ignored\n\nProtesters marching through the streets chanted “What curfew?” "
            "and kept going until 2 a.m.")
    [(quote, speaker)] = _speakers(text)
    assert quote == "What curfew?"
    assert speaker is not None and speaker.startswith("Protesters")


def test_an_unnamed_member_of_a_body_keeps_the_description():
    text = ("Rally Held\n\n“We're not against the police,” a member of the Residents League told "
            "the crowd.")
    assert _speakers(text) == [("We're not against the police,", "member of the Residents League")]


def test_a_writing_speaks_for_its_authors():
    text = ("Exam Reform\n\nIn one briefing note the minister was warned that “this exam nobody "
            "will fail”.")
    [(_quote, speaker)] = _speakers(text)
    assert speaker is not None and "briefing" in speaker


def test_phrases_that_name_no_one():
    for words in (["final"], ["radar", "data"], ["me", "as", "he", "looked", "around"],
                  ["what", "Reddit", "might"], ["sales", "force", "had", "been", "involved"],
                  ["town", "with", "the", "nearest", "airstrip"]):
        assert not could_speak(words), words
    for words in (["announcer"], ["my", "mother"], ["ad’s", "narrator"], ["same", "official"],
                  ["surrogates"], ["Democratic", "source", "on", "the", "panel"],
                  ["study"], ["followers"]):
        assert could_speak(words), words
