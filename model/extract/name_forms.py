"""What a name is and how news text writes it: people and bodies, titles, initials, namesakes.

The rules here look at one name at a time; `model.extract.names.NameIndex` applies them to a
whole article.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

from model.extract.given_names import given_name_gender
from model.extract.lexicon import ORG_WORDS, TITLES

SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# The lower-case particles inside a surname (Bill de Blasio, Ludwig van Beethoven), as the
# capitalised-run regex of `name_reading` joins them.
PARTICLES = frozenset({
    "de", "del", "den", "der", "da", "di", "du", "dos", "das", "van", "von", "bin", "al", "la",
    "le", "ter", "ten", "el", "ibn",
})


@dataclass(slots=True)
class Person:
    """One named speaker candidate: the fullest form seen and every other form used."""

    name: str
    first_seen: int
    is_org: bool = False
    gender: str | None = None
    votes: dict[str, int] = field(default_factory=dict)
    forms: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)


class Mention(NamedTuple):
    """One place the article names a person: a tuple, as an article has hundreds of them."""

    start: int
    end: int
    person: Person
    form: str


def clean_token(tok: str) -> str:
    if tok.endswith(("'s", "’s")):
        return tok[:-2]
    return tok.rstrip("'’")


def split_title(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(titles, name) of a capitalised run: President Donald Trump -> President, Donald Trump."""
    # "Homeland Security Secretary Jeh Johnson", "New Jersey Gov. Chris Christie": what comes
    # before an office is the body or place it belongs to; the person follows the office.
    last = -1
    for i in range(len(tokens) - 2, 0, -1):
        low = tokens[i].rstrip(".").lower()
        if low in _OFFICES or (
            # "Macmillan CEO John Sargent": a job word too, before a full name of a person.
            low in JOB_WORDS and i <= len(tokens) - 3 and not is_org_like(tokens[i + 1:])
        ):
            last = i
            break
    if last > 0:
        tokens = tokens[last:]
    k = 0
    while k < len(tokens) - 1 and tokens[k].rstrip(".").lower() in TITLES:
        k += 1
    if k == 0 and len(tokens) >= 3 and tokens[0].rstrip(".").lower() in JOB_WORDS and (
        not is_org_like(tokens[1:])
    ):
        k = 1  # "CEO Jamie Dimon", "Investigator Robert Cornett": a job, then the person
    if k:
        # "Veteran Wall Streeter Charlotte Beyer": a title or job before a description; the
        # person's name starts at the common given name that a surname follows.
        # Not past a given name ("Gov. Earl Ray Tomblin") nor a lone word that may be one
        # ("Sen. Dwight David Eisenhower"): only past a description of two words or more, or
        # of job words ("Veteran Reporter Jane Doe").
        for i in range(k, len(tokens) - 1):
            if given_name_gender(tokens[i]) is not None:
                skipped = tokens[k:i]
                if skipped and not is_org_like(tokens[i:]) and (len(skipped) >= 2 or all(
                    t.rstrip(".").lower() in JOB_WORDS for t in skipped
                )):
                    k = i
                break
    return tokens[:k], tokens[k:]


# Job words that news writing puts before a name like a title ("CEO Jamie Dimon",
# "Investigator Robert Cornett"): a speaker is one person under every outlet's wording, so the
# job is no part of the name.
_JOBS = """
ceo cfo coo cto executive investigator analyst economist strategist veteran longtime author
novelist writer columnist journalist reporter correspondent commentator actor actress singer
rapper comedian producer filmmaker founder co-founder cofounder chef designer architect artist
photographer lawyer prosecutor agent trooper sergeant corporal firefighter historian scientist
researcher biologist physicist chemist astronomer astronaut investor billionaire entrepreneur
activist manager pollster consultant blogger playwright physician surgeon advocate official
adviser advisor aide ombudsman organizer coordinator specialist expert democrat libertarian tory
"""
JOB_WORDS = frozenset(_JOBS.split())


# Titles that can follow an affiliation inside one capitalised run.
_OFFICES = frozenset({
    "mr", "mrs", "ms", "dr", "sen", "senator", "rep", "representative", "gov", "governor",
    "gen", "general", "col", "lt", "capt", "adm", "sgt", "maj", "president", "secretary",
    "minister", "mayor", "chairman", "chairwoman", "spokesman", "spokeswoman", "director",
    "judge", "justice", "ambassador", "commissioner", "chief", "rev", "prof", "professor",
    "attorney", "sheriff", "councilman", "councilwoman", "congressman", "congresswoman",
    "speaker", "leader", "chancellor", "premier", "prince", "king", "queen", "sir", "dame",
    "lord", "lady", "mp", "mep", "msp", "treasurer", "dean", "superintendent",
})


# Counting words read as names when they open a sentence ("Six years ago Pope Benedict …"):
# a number or an ordinal never names a speaker on its own.
_NUMBERS = """
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred hundreds thousand thousands million millions billion billions dozen dozens half
several few both first second third fourth fifth sixth seventh eighth ninth tenth eleventh
twelfth twentieth hundredth
"""
NUMBER_WORDS = frozenset(_NUMBERS.split())
# Nouns that complete an office after a title word ("Chief Whip", "Attorney General", "Prime
# Minister"): what is left once the title is split off is the office, not a surname.
_OFFICE_NOUNS = frozenset({
    "whip", "executive", "officer", "constable", "counsel", "clerk", "minister", "secretary",
    "general", "inspector", "commissioner", "director", "editor", "spokesman", "spokeswoman",
    "spokesperson", "treasurer", "chancellor", "president", "governor", "mayor", "prosecutor",
    "administrator", "superintendent", "deputy", "whips", "ministers",
})
# Honorifics stand before surnames, some of which are also offices (Mr. King, Dr. Dean).
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "mister"})


def only_numbers(name: list[str] | tuple[str, ...]) -> bool:
    """ "Six", "Twenty Six": counting words, not a name."""
    return all(t.rstrip(".").lower() in NUMBER_WORDS for t in name)


def only_office(titles: list[str], name: list[str] | tuple[str, ...]) -> bool:
    """ "Chief Whip", "Prime Minister": a title and the office it qualifies, nobody's name."""
    if not titles or len(name) != 1 or titles[-1].rstrip(".").lower() in _HONORIFICS:
        return False
    return name[0].rstrip(".").lower() in _OFFICE_NOUNS


# Letters NFKD does not take apart, written as English text writes them.
_PLAIN_LETTERS = str.maketrans({"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe"})


@lru_cache(maxsize=1 << 12)
def fold_name(name: str) -> str:
    """A name's spelling with accents and the German umlaut spellings folded away: Müller,
    Mueller and Muller, José and Jose, Öcalan and Ocalan all fold alike, as outlets (and
    one article's own paragraphs) spell foreign names both ways."""
    low = unicodedata.normalize("NFKD", name.lower().translate(_PLAIN_LETTERS))
    plain = "".join(c for c in low if not unicodedata.combining(c))
    return plain.replace("ue", "u").replace("oe", "o").replace("ae", "a")


def is_org_like(tokens: list[str]) -> bool:
    if any(t.rstrip(".").lower() in ORG_WORDS for t in tokens):
        return True
    # NPR, MIDWAY ATOLL: acronyms and datelines, unless a surname (checked by the caller).
    return all(len(t) >= 2 and t.isupper() for t in tokens)



def names_an_office(titles: list[str]) -> bool:
    """Whether a title before a name is an office or honorific (Sen., Mr., Governor), which only
    a person holds, rather than a modifier ("Former", "Interim") that bodies take too."""
    return any(t.rstrip(".").lower() in _OFFICES for t in titles)


def title_gender(titles: list[str]) -> str | None:
    for t in titles:
        g = TITLES.get(t.rstrip(".").lower())
        if g:
            return g
    return None


def gender_of(p: Person) -> str | None:
    if p.gender:
        return p.gender
    m_, f_ = p.votes.get("m", 0), p.votes.get("f", 0)
    return "m" if m_ > f_ else "f" if f_ > m_ else None


def prefer_surname(cands: list[Person], key: str, gender: str | None = None) -> Person:
    """Among people sharing a name part, one whose surname it is; the first introduced wins, as
    an article names its main figure first and relatives or namesakes later. A title's gender
    (Mr. Obama, Mrs. Obama) rules out the others."""
    if len(cands) == 1:
        return cands[0]  # the usual case: whatever the rules below prefer, it is this one
    if gender is not None:
        fitting = [p for p in cands if gender_of(p) in (None, gender)]
        cands = fitting or cands
    by_last = [p for p in cands if p.name.split()[-1].lower() == key]
    return (by_last or cands)[0]


def keeps_dot(tok: str) -> bool:
    core = tok[:-1]
    if "." in core:
        return True  # U.S., D.C.
    return len(core) == 1 or core.lower() in TITLES or core.lower() in SUFFIXES
