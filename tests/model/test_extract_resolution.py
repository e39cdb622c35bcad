"""Who a short form, pronoun or description stands for: nicknames, bodies named by acronyms."""

from __future__ import annotations

from model.extract import extract_quotes
from model.extract.names import NameIndex


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_a_quoted_nickname_inside_a_name_is_the_same_person() -> None:
    text = (
        'Rep. Margaret A. "Peggy" Orwell opened the hearing on Tuesday.\n\n'
        "Later, Peggy Orwell spoke to reporters about the budget.\n\n"
        '"We will not cut the ferry service," Peggy Orwell said.'
    )
    found = extract_quotes(text)
    assert [q.speaker for q in found if q.text.startswith("We")] == ["Margaret A. Orwell"]
    assert "Peggy Orwell" in found[-1].speaker_aliases


def test_an_acronym_after_a_modifier_is_a_body_but_after_an_office_a_person() -> None:
    text = "Former NTSB staff want the inquiry reopened. Sen. HOLT asked about it."
    index = NameIndex(text, [])
    assert index.person_named("NTSB") is not None and index.person_named("NTSB").is_org
    assert index.person_named("HOLT") is not None and not index.person_named("HOLT").is_org


def test_a_gendered_role_word_before_a_name_sets_the_gender() -> None:
    text = (
        "The protest was led by widow Terry Lund and by Peter Holm.\n\n"
        "“We want answers,” she said."
    )
    assert speakers(text) == ["Terry Lund"]


def test_a_pronoun_after_an_object_votes_for_the_sentence_subject() -> None:
    text = (
        "Robin Vale accused Chris Dunn of delay, and she said the work must stop. "
        "Jo Ortiz stayed home.\n\n"
        "“We want answers,” she said."
    )
    assert speakers(text) == ["Robin Vale"]


def test_a_speaker_with_a_party_label_before_the_verb_is_the_one_speaking() -> None:
    text = (
        "Mark Ode said on Monday that the port would close. "
        "Sen. Paul Vance (D-Ore.) said the bill was flawed.\n\n"
        "“It is not ready,” he said."
    )
    assert speakers(text) == ["Paul Vance"]


def test_a_body_named_with_of_speaks_under_its_whole_name() -> None:
    text = (
        "The Association of Harbour Pilots met on Monday to discuss pay with the Bank of "
        "Norway Governor Kari Lunde and two of her advisers.\n\n"
        "“We will strike,” the association said."
    )
    assert speakers(text) == ["Association of Harbour Pilots"]
    index = NameIndex(text, [])
    assert index.person_named("Lunde") is not None


def test_an_evaluation_of_someones_words_belongs_to_the_evaluator() -> None:
    assert speakers("The Fact Desk said Maria Lopez’s claim was “false.”") == ["Fact Desk"]
    assert speakers("Maria Lopez’s claim that the port was “never safe” stood.") == ["Maria Lopez"]
    text = ("On Monday, Tom Fenn, a senior aide to the mayor, called Ms. Lopez’s remarks "
            "“a wake-up call” for the council.")
    assert speakers(text) == ["Tom Fenn"]


def test_the_latest_speaker_outranks_an_earlier_one_whose_gender_is_better_known() -> None:
    text = (
        "“We will win the county,” said Mark Dale, the party's organiser.\n\n"
        "Turnout is the real question, noted WKRN’s Sandy Quill.\n\n"
        "“Most voters made up their minds months ago,” he wrote."
    )
    assert speakers(text)[-1] == "Sandy Quill"


def test_a_name_after_a_non_breaking_space_still_speaks() -> None:
    text = (
        "Mark Dale said the plan was late. Harbour Director Sandy Quill\u00a0responded "
        "that the plan was on time.\n\n"
        "“We are not late,” he said."
    )
    assert speakers(text) == ["Sandy Quill"]


def test_a_name_after_said_with_its_subject_before_did_not_speak() -> None:
    text = (
        "“The mayor was superb tonight,” Mark Dale said.\n\n"
        "Dale said Mayor Tom Ruiz’s speech should help the party.\n\n"
        "“He was very effective,” he said."
    )
    assert speakers(text)[-1] == "Mark Dale"


def test_a_speaker_in_the_progressive_is_speaking() -> None:
    text = (
        "Anna Berg is describing the plan as reckless. Her rival, Kate Moss, was silent.\n\n"
        "She says the plan is “dangerous for the town.”"
    )
    assert speakers(text)[-1] == "Anna Berg"


def test_the_one_speaking_stays_the_antecedent_past_several_names_mentioned() -> None:
    text = (
        "“The party must be ready,” said Tom Fenn, a former chairman.\n\n"
        "A contest would pit loyalists of Jim Ode against those of Paul Lind, Mark Ruiz "
        "and Bill Sato.\n\n"
        "“This is a different time,” he said."
    )
    assert speakers(text) == ["Tom Fenn", "Tom Fenn"]


def test_a_body_then_lower_case_role_words_then_a_name_names_the_person() -> None:
    text = (
        "“We will look at it,” Harbour Board press officer Kari Lunde said at a briefing "
        "after the vote. “Nothing is decided.”"
    )
    assert speakers(text) == ["Kari Lunde", "Kari Lunde"]


def test_a_namesake_in_passing_leaves_the_bare_surname_to_the_main_figure() -> None:
    text = (
        "Sen. Tom Vale said the bill was unfair, and Vale repeated it on Monday.\n\n"
        "Critics accused Rita Vale, a lobbyist, of writing the bill.\n\n"
        "“I will not back it,” Vale said."
    )
    assert speakers(text) == ["Tom Vale"]


def test_a_namesake_introduced_as_a_subject_takes_the_bare_surname_near_it() -> None:
    text = (
        "Gary Holm, the candidate, spoke in Ohio on Monday.\n\n"
        "Harbour Secretary Jeh Holm said on Friday that the systems were safe. "
        "“There is no single point of failure,” Holm said."
    )
    assert speakers(text) == ["Jeh Holm"]


def test_the_subject_right_after_as_speaks_past_its_apposition() -> None:
    text = (
        "As Tom Fenn, a tax lawyer and fellow at the Harbour Policy Center, recently put it, "
        "“Did the mayor pay what he owed?”"
    )
    assert speakers(text) == ["Tom Fenn"]


def test_a_name_set_before_a_quote_by_a_dash_introduces_it() -> None:
    text = (
        "Many officials have said the same, including the former harbour master Tom Fenn "
        "-- “It is a disgrace to hide the accounts” -- and two council members."
    )
    assert speakers(text) == ["Tom Fenn"]
    text = "The mayor has lately seemed friendly to Mr. Ode -- “a different mayor to me.”"
    assert speakers(text) != ["Ode"]


def test_chanting_is_speech() -> None:
    assert speakers("The crowd chanted “Four more years!” as the mayor arrived.") == ["crowd"]


def test_calling_something_a_phrase_is_speech_but_so_called_names_a_thing() -> None:
    assert speakers("Three senators called the scheme “fraud” on Tuesday.") == ["senators"]
    assert speakers("The mayor has called for taxing so-called “pass through” income.") == []


def test_a_long_sentence_is_not_read_from_the_middle_of_a_word() -> None:
    head = "The researchers reported that "
    filler = "the harbour and " * 30
    # The quote opens so far into the sentence that the 300-character window starts inside
    # "researchers".
    text = head + filler[: 300 + 8 - len(head)] + " was “unsafe” for ships."
    found = speakers(text)
    assert len(found) == 1
    assert found[0] is None or f" {found[0]} " in f" {text} "  # never a piece of a word


def test_it_stands_for_the_body_opening_the_sentence_not_one_in_passing() -> None:
    text = (
        "The Harbour Workers Union on Friday condemned the latest plan of North Ferries Company, "
        "which it called “a clear threat to jobs.”"
    )
    assert speakers(text) == ["Harbour Workers Union"]


def test_a_verb_phrase_after_and_has_no_subject_of_its_own() -> None:
    text = (
        "“Now is the time to act,” said Tom Fenn, who led the board for years, and has backed "
        "Anna Berg since her first race. “I think the plan should be ready by tonight.”"
    )
    assert speakers(text) == ["Tom Fenn", "Tom Fenn"]


def test_a_subject_the_next_sentence_continues_with_a_pronoun_is_the_topic() -> None:
    text = (
        "“This must stop,” added Rep. Paul Vance, the ranking member.\n\n"
        "Mark Dale has little support in the district. He recently told voters that the port "
        "would close anyway.\n\n"
        "“Look at how the harbour is suffering,” he said in August."
    )
    assert speakers(text)[-1] == "Mark Dale"


def test_a_dateline_is_not_the_subject() -> None:
    text = (
        "DOVER, Del., Oct. 4 (UPI) — Former Governor Tom Fenn criticized the harbour plan "
        "as a “crazy system” during a stop in Dover, Del."
    )
    assert speakers(text) == ["Tom Fenn"]


def test_a_description_runs_back_through_its_prepositional_phrase() -> None:
    text = "Protesters marching through the streets chanted “What curfew?” and kept going."
    assert speakers(text) == ["Protesters marching through the streets"]


def test_a_publication_with_its_article_after_a_quote_is_the_speaker() -> None:
    text = "The plan is “a tax break for the few, not the many,” The Courier reported."
    assert speakers(text) == ["Courier"]


def test_an_article_speaks_for_the_publication_not_for_a_place() -> None:
    text = (
        "In 1990 the Daily Courier profiled the mayor of Port Harbour City, and praised her.\n\n"
        "“She has turned the harbour around,” the article read."
    )
    assert speakers(text) == ["Daily Courier"]
