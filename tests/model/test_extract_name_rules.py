"""General rules of the name index, each on a short article written for it: which words name
nobody, which spellings are one person, and the form a speaker is given."""

from __future__ import annotations

from model.extract import extract_quotes


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


# -- words that name nobody -------------------------------------------------------------------

def test_a_number_opening_a_sentence_is_not_a_speaker() -> None:
    text = (
        "Six years ago Bishop Alan Reyes set out to curb “a certain reckless spirit” in the "
        "diocese.\n\nEleven days later the council met again.\n"
    )
    assert speakers(text) == [None]


def test_a_title_with_its_office_is_not_a_person() -> None:
    # "Chief Whip" is an office: the "he" after it is the man named before.
    text = (
        "Harold Quinby, who ran the treasury until the spring, is said to regret the tax. "
        "Before leaving to become Chief Whip he told colleagues the reform would end “the slow "
        "ruin of our high streets”.\n"
    )
    assert speakers(text) == ["Harold Quinby"]


def test_an_honorific_before_a_surname_that_is_also_an_office_still_names_a_person() -> None:
    text = (
        "Larry King runs the ferry company.\n\n“We will sail on Monday,” Mr. King said.\n"
    )
    assert speakers(text) == ["Larry King"]


def test_a_possessive_inside_a_party_name_does_not_cut_it_into_a_person() -> None:
    text = (
        "Omar Dastan founded the movement decades ago and now writes from prison.\n\n"
        "The ruling party is an affiliate of the Kurdish Worker’s Party (PKK). The Kurdish "
        "struggle, he explains, was always about “freeing the villages”.\n"
    )
    assert speakers(text) == ["Omar Dastan"]


# -- one person, two spellings ----------------------------------------------------------------

def test_a_plain_spelling_of_an_umlaut_surname_is_the_person_named_before() -> None:
    text = (
        "Cardinal Gerhard Müller led the review of the order's schools.\n\n"
        "“The review is closed,” Mueller said on Tuesday.\n\n"
        "“We have nothing more to add,” Mr. Mueller said.\n"
    )
    assert speakers(text) == ["Gerhard Müller", "Gerhard Müller"]


def test_an_unaccented_spelling_is_the_person_named_with_accents() -> None:
    text = (
        "The striker José Ramírez scored twice in the second half.\n\n"
        "“I only wanted to help the team,” Ramirez said after the match.\n"
    )
    assert speakers(text) == ["José Ramírez"]


def test_unaccented_names_are_not_merged_by_folding() -> None:
    # Folding links a plain spelling to an accented one; two plain names stay two people.
    text = (
        "Joel Barker and Jol Barker run rival bakeries.\n\n"
        "“Our bread is better,” Jol Barker said.\n"
    )
    assert speakers(text) == ["Jol Barker"]


# -- the form a speaker is given --------------------------------------------------------------

def test_a_job_word_before_a_name_is_not_part_of_the_speaker() -> None:
    text = (
        "Harlow Foods posted record profits on Monday.\n\n"
        "“It was a very good year,” CEO Dana Whitfield said.\n\n"
        "“We will hire more bakers,” Investigator Paul Ostrowski wrote in the report.\n"
    )
    assert speakers(text) == ["Dana Whitfield", "Paul Ostrowski"]


def test_a_company_and_job_before_a_name_are_not_part_of_the_speaker() -> None:
    text = "“Prices will rise,” Harlow Foods CEO John Meckler said on Monday.\n"
    assert speakers(text) == ["John Meckler"]


def test_a_description_before_a_given_name_is_not_part_of_the_speaker() -> None:
    text = (
        "Longtime Hill Staffer Karen Obst says “the bill is dead” and wants a new one.\n\n"
        "“Nobody will vote for it,” Obst said.\n"
    )
    assert speakers(text) == ["Karen Obst", "Karen Obst"]


def test_a_given_name_after_a_title_and_given_name_stays_in_the_name() -> None:
    text = "“The mine will reopen,” Gov. Earl Ray Tomblin said.\n"
    assert speakers(text) == ["Earl Ray Tomblin"]


def test_a_surname_ending_a_sentence_loses_the_full_stop() -> None:
    text = (
        "The prize went to the chemist Anna Koval on Friday.\n\n"
        "“It is a team effort,” says Koval. “I only signed the papers.”\n"
    )
    assert speakers(text) == ["Anna Koval", "Anna Koval"]


def test_a_surname_that_is_a_common_word_after_an_initial_stays_in_the_name() -> None:
    text = (
        "Thomas R. May said the delayed flight was “the worst of his life.”\n\n"
        "“Never again,” May said.\n"
    )
    assert speakers(text) == ["Thomas R. May", "Thomas R. May"]


def test_a_function_word_after_an_initial_still_opens_a_sentence() -> None:
    text = "“We met Laura K. He was not there,” Paul Ostrowski said.\n"
    assert speakers(text) == ["Paul Ostrowski"]


def test_a_name_opening_on_initials_after_in_is_a_person_not_a_place() -> None:
    text = (
        "Critics praised the ending in J.K. Marlow’s new film about the harbour strike.\n\n"
        "“I rewrote it twelve times,” Marlow said.\n"
    )
    assert speakers(text) == ["J.K. Marlow"]


# -- which person a pronoun stands for --------------------------------------------------------

def test_he_said_after_a_quote_is_the_subject_of_the_sentence_before() -> None:
    text = (
        "Alan Reyes coaches the rowing crew at Hillcrest.\n\n"
        "“We trained all winter,” Tom Baxter said.\n\n"
        "Jane Ortiz, the captain, said the crew was “ready for anything.”\n\n"
        "Reyes credited the crew’s long friendship with Tom Baxter for the win.\n\n"
        "“They have known each other since school,” he said.\n"
    )
    assert speakers(text)[-1] == "Alan Reyes"


def test_a_pronoun_in_an_opening_clause_is_the_subject_after_the_comma() -> None:
    text = (
        "“We trained all winter,” Tom Baxter said.\n\n"
        "Although he said the river was “brutal” in January, Alan Reyes kept the crew out "
        "every morning.\n"
    )
    assert speakers(text) == ["Tom Baxter", "Alan Reyes"]


def test_a_partner_noun_after_a_possessive_gives_the_owner_a_gender() -> None:
    # "Kerry Dunn's wife": Kerry Dunn is a man, so the later "she" is Robin Avery.
    text = (
        "“The club failed us,” Kerry Dunn said.\n\n"
        "Kerry Dunn's wife was hurt in the fight. Robin Avery, a neighbour, saw it all.\n\n"
        "“Any one of us could have been a victim,” she said.\n"
    )
    assert speakers(text) == ["Kerry Dunn", "Robin Avery"]


def test_a_partner_noun_before_a_comma_gives_the_name_after_it_a_gender() -> None:
    # "Robin Avery's husband, Kerry Dunn": Kerry Dunn is a man, Robin Avery a woman.
    text = (
        "“The club failed us,” Kerry Dunn said.\n\n"
        "Robin Avery's husband, Kerry Dunn, was hurt in the fight. Robin Avery saw it all.\n\n"
        "“Any one of us could have been a victim,” she said.\n"
    )
    assert speakers(text) == ["Kerry Dunn", "Robin Avery"]


def test_the_fullest_form_of_a_name_is_the_speaker() -> None:
    text = (
        "“The harbour will stay open,” Mara Quist said on Monday.\n\n"
        "Mara T. Quist, who has run the port authority since 2019, spoke after the vote.\n"
    )
    assert speakers(text) == ["Mara T. Quist"]


def test_a_surname_read_alone_first_takes_the_full_name_given_later() -> None:
    text = (
        "Vance says the port is “ready for winter”.\n\n"
        "Retired Adm. Helen Vance, who led the harbour review, spoke on Monday.\n\n"
        "“We checked every crane,” Vance said.\n"
    )
    assert speakers(text) == ["Helen Vance", "Helen Vance"]


def test_a_titled_surname_is_not_taken_over_by_a_relative_named_later() -> None:
    text = (
        "“The port is ready,” Mr. Vance said.\n\n"
        "His daughter Helen Vance runs the ferry office.\n"
    )
    assert speakers(text) == ["Vance"]


def test_a_lower_case_particle_stays_in_the_name() -> None:
    text = (
        "De Kuyper says the dike is “safe for now”.\n\n"
        "Mayor Anna de Kuyper visited the dike on Monday.\n\n"
        "“We will raise it a metre,” Erik van Sebille, a hydrologist, told reporters.\n"
    )
    assert speakers(text) == ["Anna de Kuyper", "Erik van Sebille"]


def test_a_party_word_before_a_name_is_not_part_of_the_speaker() -> None:
    text = "“Taxes must fall,” Libertarian Gary Holm says in a new advertisement.\n"
    assert speakers(text) == ["Gary Holm"]


def test_a_full_name_in_the_headline_names_the_surname_speaker() -> None:
    text = (
        "Karen Holt Slams Council Over Bridge Delay\n\n"
        "The council has put off the repairs for a third year.\n\n"
        "“This is a disgrace,” Holt said on Monday.\n"
    )
    assert speakers(text) == ["Karen Holt"]


def test_a_body_named_after_new_keeps_new() -> None:
    text = (
        "Ferry fares will rise in March.\n\nThe New Zealand Herald reports:\n\n"
        "\"Fares on the harbour ferries will rise by a fifth from March, the operator said "
        "on Monday.\"\n"
    )
    assert speakers(text) == ["New Zealand Herald"]


def test_a_titled_compound_surname_is_the_person_named_in_full() -> None:
    text = (
        "Trade minister Rodrigo Ibarra Montoya met his counterparts on Friday.\n\n"
        "“We will not sign a bad deal,” Mr. Ibarra Montoya told reporters.\n"
    )
    assert speakers(text) == ["Rodrigo Ibarra Montoya"]


def test_a_relative_with_the_same_name_ending_is_another_person() -> None:
    text = (
        "The crew included the trainee Khairunisa Haidar Fauzi.\n\n"
        "“She loved to fly,” Haidar Fauzi, her father, said.\n"
    )
    assert speakers(text) == ["Haidar Fauzi"]


def test_her_boyfriend_before_a_name_makes_him_no_she() -> None:
    text = (
        "“The club failed us,” Jordan Pike said.\n\n"
        "Robin Avery, who was with her boyfriend Jordan Pike, saw the fight but she was not "
        "hurt.\n\n“Any one of us could have been a victim,” she said.\n"
    )
    assert speakers(text) == ["Jordan Pike", "Robin Avery"]
