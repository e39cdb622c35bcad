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
