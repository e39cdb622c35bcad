"""Quotation marks of every house style, and the apostrophes and inch marks that are not quotes."""

from __future__ import annotations

import pytest

from model.extract import extract_quotes


def texts(text: str) -> list[str]:
    quotes = extract_quotes(text)
    for q in quotes:
        assert text[q.start:q.end] == q.text
    return [q.text for q in quotes]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She said “we will win” today.", ["we will win"]),
        ('She said "we will win" today.', ["we will win"]),
        ("She said ‘we will win’ today.", ["we will win"]),
        ("She said 'we will win' today.", ["we will win"]),
        ("Elle a dit « nous gagnerons » hier.", [" nous gagnerons "]),
        ("She said ''we will win'' today.", ["we will win"]),
        ("She said ``we will win'' today.", ["we will win"]),
        ("She said ”we will win” today.", ["we will win"]),
        ("She said “we will win\" today.", ["we will win"]),
    ],
)
def test_every_house_style_of_marks(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_single_marks_nested_in_double_stay_inside_the_outer_quote() -> None:
    text = "“He told me ‘no way’ and left,” she said."
    assert texts(text) == ["He told me ‘no way’ and left,"]


def test_double_marks_nested_in_single_ones_british_style() -> None:
    text = "'He called it \"nonsense\" at once,' she said."
    assert texts(text) == ['He called it "nonsense" at once,']


def test_sentences_run_together_without_a_space() -> None:
    text = 'He agreed."It is done," he said."We move on."'
    assert texts(text) == ["It is done,", "We move on."]


@pytest.mark.parametrize(
    "text",
    [
        "They don't know what Kim's aides want.",
        "It was the leaders' meeting of the year, held in the '90s.",
        "He played rock 'n' roll all night.",
        "The centre is 6'2\" tall and weighs a lot.",
        "Kids' shows and 'em all, 'til dawn.",
    ],
)
def test_apostrophes_and_inches_are_not_marks(text: str) -> None:
    assert texts(text) == []


def test_a_single_quote_closing_after_an_s_is_not_taken_for_a_possessive() -> None:
    assert texts("Minister faces revolt over 'disastrous' tax plan") == ["disastrous"]
    assert texts("'The members' vote stands,' she said.") == ["The members' vote stands,"]


def test_apostrophes_inside_a_single_quoted_quote() -> None:
    text = "'We don't accept the leaders' plan,' the minister said."
    assert texts(text) == ["We don't accept the leaders' plan,"]


def test_a_quote_never_crosses_a_paragraph_and_unclosed_runs_to_its_end() -> None:
    text = "“First part of it\n\nShe left the room."
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["First part of it"]
    assert quotes[0].paragraph == 0


def test_quote_reopened_over_paragraphs_is_one_quote_per_paragraph_same_speaker() -> None:
    text = (
        "Maria Lopez, the mayor, said: “We will rebuild the bridge.\n\n"
        "“It will take two years.\n"
        "“And it will be paid for.”\n\n"
        "The council meets on Monday."
    )
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "We will rebuild the bridge.", "It will take two years.", "And it will be paid for.",
    ]
    assert [q.paragraph for q in quotes] == [0, 1, 2]
    assert {q.speaker for q in quotes} == {"Maria Lopez"}


def test_a_quote_split_by_its_attribution_is_two_quotes_with_one_speaker() -> None:
    text = "“We are ready,” Tom Berg said. “We have been ready for weeks.”"
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["We are ready,", "We have been ready for weeks."]
    assert [q.speaker for q in quotes] == ["Tom Berg", "Tom Berg"]


@pytest.mark.parametrize(
    "text",
    [
        "She appeared on “Meet the Voters” last Sunday.",
        "The ship, dubbed “Sea Hawk,” left port on Monday.",
        "His fans call themselves the “Night Owls” online.",
        "The novel, titled “a quiet winter”, sold well.",
        "He wants to tax so-called ''pass through'' income.",
        "It became known as the “Harbour rule” after its author.",
        "The zombies of “World War Z.” set the pace for a decade of films.",
    ],
)
def test_titles_nicknames_and_names_of_things_are_not_quotes(text: str) -> None:
    assert texts(text) == []


def test_short_capitalised_sentences_in_marks_are_still_quotes() -> None:
    text = ("“We're America.” The crowd cheered. “The Donald. Big Daddy.” Then “Mostly "
            "False.” was the verdict.")
    assert texts(text) == ["We're America.", "The Donald. Big Daddy.", "Mostly False."]


def test_partial_and_scare_quotes_are_quotes() -> None:
    text = "The agency said the site was 'rapidly rebuilding' and called it a “real threat”."
    assert texts(text) == ["rapidly rebuilding", "real threat"]


def test_a_lower_case_word_after_called_is_speech_not_a_name() -> None:
    assert texts("What several lawmakers called “fraud” went on for years.") == ["fraud"]


def test_hostile_text_of_unmatched_marks_and_apostrophes_finishes() -> None:
    """10 MB in one paragraph: a backtracking regex or a quadratic loop would never finish."""
    unit = "He said “we don't ‘stop in the '90s « and the leaders' \"deal 6'2\" "
    text = unit * (10_000_000 // len(unit))
    quotes = extract_quotes(text)
    assert len(quotes) <= 2
    assert all(text[q.start:q.end] == q.text for q in quotes)


def test_random_fragments_never_crash_and_spans_stay_inside_one_paragraph() -> None:
    """Word salad of marks, cues, titles and names: offsets always index the text given."""
    import random

    rng = random.Random(3)
    words = ["said", "Mr.", "Smith", "Ann", "he", "she", "“", "”", '"', "'", ",", ".", "the",
             "according", "to", "told", "who", "Rev.", "(", ")", "—", "―", "IMF", "\n", "''"]
    for _ in range(400):
        text = " ".join(rng.choice(words) for _ in range(rng.randrange(1, 50)))
        for q in extract_quotes(text):
            assert 0 <= q.start < q.end <= len(text)
            assert text[q.start:q.end] == q.text and "\n" not in q.text


def test_a_closing_mark_glued_to_the_next_word_still_closes() -> None:
    text = "Ann Lee said it was “a small, odd story, ”and then she left the room in silence."
    assert [q.text for q in extract_quotes(text)] == ["a small, odd story, "]
