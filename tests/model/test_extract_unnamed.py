"""Unnamed sources keep their organisation in the description, and "the official" later in the
story is the source introduced before it."""

from __future__ import annotations

from model.extract import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


def test_organisation_words_stay_in_the_description_and_rank_goes() -> None:
    text = (
        "Talks stalled on Monday.\n\n"
        'A top Treasury Department official said the plan "cannot pass as written."\n'
    )
    assert speakers(text) == ["Treasury Department official"]


def test_capitalised_state_is_a_name_not_a_verb() -> None:
    text = 'Later, a senior State Department aide said the deal "was never on the table."\n'
    assert speakers(text) == ["State Department aide"]


def test_the_official_refers_back_to_the_description_before_it() -> None:
    text = (
        "A Pentagon official warned that the budget would be cut.\n\n"
        "\u201cWe will have to close bases,\u201d the official told reporters.\n"
    )
    assert speakers(text) == ["Pentagon official"]


def test_the_nearest_description_with_that_noun_wins() -> None:
    text = (
        "A Pentagon spokesman declined to comment. A Navy spokesman said ships were ready.\n\n"
        "\u201cWe sail at dawn,\u201d the spokesman said.\n"
    )
    assert speakers(text) == ["Navy spokesman"]


def test_without_an_earlier_description_the_noun_alone_is_kept() -> None:
    text = "\u201cWe sail at dawn,\u201d the official said.\n"
    assert speakers(text) == ["official"]
