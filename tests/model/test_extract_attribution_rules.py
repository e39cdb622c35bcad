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


def test_a_name_whose_clause_the_quote_continues_is_not_the_speaker() -> None:
    text = (
        "Governor Paul Hendry gave his last address on Tuesday. State Sen. Lena Marsh "
        "(R-Hopewell), for example, said Hendry “has dedicated his efforts to the families "
        "who live here.”"
    )
    assert speakers(text)[-1] == "Lena Marsh"


def test_an_inverted_credit_before_a_full_quote_still_names_the_speaker() -> None:
    text = "The council met at noon. Then, said Lena Marsh, “We will vote on Friday.”"
    assert speakers(text) == ["Lena Marsh"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("The mayor was told by Anna Berg that “the bridge is not safe.”", "Anna Berg"),
        ("Mrs Keller was advised by senior officials to wait until the plan was “workable”.",
         "officials"),
    ],
)
def test_the_agent_of_a_passive_speech_verb_speaks(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_a_passive_without_an_agent_does_not_credit_its_subject() -> None:
    text = "The mayor was told that the bridge was “not safe”, according to Anna Berg."
    assert speakers(text) == ["Anna Berg"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Kestrel Books released a separate statement saying, “We are proud of our authors.”",
         "Kestrel Books"),
        ("According to a statement released by Kestrel Books, “the talks were useful.”",
         "Kestrel Books"),
    ],
)
def test_a_statement_speaks_for_whoever_put_it_out(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


def test_the_next_sentences_credit_does_not_cover_a_quote_that_ends_its_own() -> None:
    text = (
        "Anna Berg runs the depot. “We will close in May.” The plant employs 300 people, "
        "an official said."
    )
    assert speakers(text) == ["Anna Berg"]


def test_according_to_the_statement_credits_the_owner_named_before_the_quote() -> None:
    text = (
        "The ruling meshes with the Harbor Board’s view there is “no room for delay,” "
        "according to the statement after its meeting."
    )
    assert speakers(text) == ["Harbor Board"]
