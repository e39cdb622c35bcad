"""Who said it: cue verbs in the usual patterns, names resolved to their fullest form."""

from __future__ import annotations

import pytest

from model.extract import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


@pytest.mark.parametrize(
    "text",
    [
        "“The bridge is safe,” Anna Kovacs said.",
        "“The bridge is safe,” said Anna Kovacs, the director of the transport agency.",
        "Anna Kovacs said: “The bridge is safe.”",
        "Anna Kovacs told the BBC that “the bridge is safe”.",
        "According to Anna Kovacs, “the bridge is safe.”",
        "Anna Kovacs, who has run the transport agency since 2015 and sits on two boards, "
        "said “the bridge is safe.”",
        "Anna Kovacs warned that the bridge was “not safe for lorries”.",
        "“Is the bridge safe?” asked Anna Kovacs.",
        "“The bridge is safe,” Anna Kovacs, a former engineer, wrote in a letter on Monday.",
    ],
)
def test_cue_patterns_name_the_speaker(text: str) -> None:
    assert speakers(text) == ["Anna Kovacs"]


@pytest.mark.parametrize(
    "cue", ["says", "said", "added", "noted", "insisted", "tweeted", "explained", "argued"]
)
def test_cue_verbs_in_any_tense(cue: str) -> None:
    assert speakers(f"“We will appeal,” Omar Haddad {cue}.") == ["Omar Haddad"]


def test_surnames_and_titled_forms_resolve_to_the_full_name_with_aliases() -> None:
    text = (
        "President Maria Santos opened the summit on Monday.\n\n"
        "“We came to listen,” Santos said.\n\n"
        "“Nothing is agreed yet,” said Mrs. Santos.\n\n"
        "“It was a good start,” President Santos told reporters."
    )
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Maria Santos"] * 3
    assert "Santos" in quotes[0].speaker_aliases
    assert "President Santos" in quotes[2].speaker_aliases


def test_pronouns_resolve_to_the_fitting_person_mentioned_last() -> None:
    text = (
        "Mr. Peter Lund met Ms. Karen Holt at the port.\n\n"
        "“The port will stay open,” she said.\n\n"
        "“We need more ships,” he added."
    )
    assert speakers(text) == ["Karen Holt", "Peter Lund"]


def test_a_quote_only_paragraph_keeps_the_speaker_of_the_quote_before() -> None:
    text = (
        "“We will rebuild,” said Joel Wendt, the mayor.\n\n"
        "“It will take years, but we will do it.”\n\n"
        "The council agreed."
    )
    assert speakers(text) == ["Joel Wendt", "Joel Wendt"]


def test_unnamed_sources_are_kept_as_their_description() -> None:
    text = "“The talks have stalled,” a senior Foreign Ministry official said."
    assert speakers(text) == ["Foreign Ministry official"]  # rank is not part of who they are


def test_organisations_and_publications_speak_too() -> None:
    text = "The Daily Courier reported that the plant was “operating again”."
    assert speakers(text) == ["Daily Courier"]


def test_the_role_noun_stands_for_the_person_holding_it() -> None:
    text = (
        "Governor Lena Brandt visited the flooded town.\n\n"
        "“We will not leave anyone behind,” the governor said."
    )
    assert speakers(text) == ["Lena Brandt"]


def test_transcript_labels_name_the_speaker() -> None:
    text = (
        "Host Dana Reyes interviewed Senator Paul Ekberg on Sunday.\n\n"
        "\"REYES: Will you vote for the bill?\n\n"
        "\"EKBERG: I will, and so will my colleagues.\""
    )
    assert speakers(text) == ["Dana Reyes", "Paul Ekberg"]


def test_scare_quotes_without_a_speaker_stay_unattributed() -> None:
    text = "The “reform” passed without debate in the chamber."
    assert speakers(text) == [None]


def test_they_and_it_stand_for_the_body_named_just_before() -> None:
    text = (
        "The Harbour Council met on Friday and issued a statement.\n\n"
        "“We condemn the closure of the port,” they said."
    )
    assert speakers(text) == ["Harbour Council"]


def test_a_dash_credit_names_the_speaker() -> None:
    text = "“We came for the music and stayed for the people.” ― Marta Ilves"
    assert speakers(text) == ["Marta Ilves"]


def test_british_titles_and_single_marks() -> None:
    text = (
        "Tory MP Sir John Redfern said: 'This is the wrong tax at the wrong time.'\n\n"
        "'We can't go on like this,' he added."
    )
    assert speakers(text) == ["John Redfern", "John Redfern"]


def test_a_cue_that_introduces_the_next_quote_does_not_attribute_the_one_before() -> None:
    text = (
        "Finance Minister Ana Ruiz said growth would \"continue\", while central bank governor "
        "Tomas Berg said inflation was \"a concern\"."
    )
    assert speakers(text) == ["Ana Ruiz", "Tomas Berg"]


def test_a_headline_credit_names_the_speaker_of_its_quote() -> None:
    text = "Port ‘Will Reopen’ Within Weeks, Mayor Ines Kalnina Says\n\nThe port closed in May."
    assert speakers(text) == ["Ines Kalnina"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Ohio-based Harbour Trust's 38 North says, “The pier is being rebuilt.”", "38 North"),
        ("“The pier is being rebuilt,” said 38 North, a monitoring website.", "38 North"),
        ("“We will open a store by the pier,” 7-Eleven said on Monday.", "7-Eleven"),
        ("“Tape sales rose,” 3M said.", "3M"),
        ("In 2017 Harbour Trust said “the pier is being rebuilt.”", "Harbour Trust"),
    ],
)
def test_a_name_may_open_with_a_numeral(text: str, speaker: str) -> None:
    assert speakers(text) == [speaker]


@pytest.mark.parametrize(
    "text",
    ["Two Democrats said “the pier is dead.”", "“The pier is dead,” 12 Republicans said.",
     "38 People said “the pier is dead.”"],
)
def test_a_count_of_people_is_not_a_name(text: str) -> None:
    found = speakers(text)
    assert len(found) == 1 and found[0] not in ("Two Democrats", "38 People")
