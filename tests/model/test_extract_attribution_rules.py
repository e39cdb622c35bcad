"""Attribution rules for patterns news writing uses everywhere: each test is a short article a
reader would credit without hesitation, and asserts the speaker the extractor gives."""

from __future__ import annotations

import pytest

from model.extract import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


@pytest.mark.parametrize("cue", ["laughed", "laughs", "chuckled", "emails", "emailed", "texted"])
def test_laughing_and_written_replies_are_speech(cue: str) -> None:
    text = (
        "Marta Lindqvist opened her bakery in 2019.\n\n"
        f"“Nobody believed the bread would sell,” she {cue}."
    )
    assert speakers(text) == ["Marta Lindqvist"]


def test_a_laugh_before_the_quote_credits_the_laugher() -> None:
    text = "The chef Marta Lindqvist laughed, “Well, that was true.”"
    assert speakers(text) == ["Marta Lindqvist"]


def test_emails_as_a_noun_is_no_cue() -> None:
    text = (
        "Investigators sorted the emails from her “personal messages” over the summer, "
        "the agency said."
    )
    assert [q.cue for q in extract_quotes(text)] != ["emails"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Across the state there has been “very little private sector investment” in new "
         "plants, said Joseph Seneca, an economist at Rutgers.", "Joseph Seneca"),
        ("Rebuilding the line by 2030 was a “hopelessly unrealistic” prospect, Anna Berg said.",
         "Anna Berg"),
        ("Rebuilding the line by 2030 was a “hopelessly unrealistic” prospect, an official "
         "said.", "official"),
    ],
)
def test_a_credit_closing_the_sentence_covers_a_quote_in_its_middle(
    text: str, speaker: str
) -> None:
    assert speakers(text) == [speaker]


def test_a_clause_after_the_quote_without_a_comma_credit_leaves_the_sentence_speaker() -> None:
    text = "Mayor Ruth Okafor said the deal was “a disaster” for workers, and union leaders agreed."
    assert speakers(text) == ["Ruth Okafor"]
