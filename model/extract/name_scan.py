"""How one capitalised run of an article reads as names, worked out once per spelling.

`NameIndex` meets the same runs again and again ("Trump", "Donald Trump", "U.S.", "Republican")
within an article and across articles. Everything about a run that depends only on its letters
(where it splits, which words are titles, its lower-case keys, whether it looks like a body) is
computed here once and memoised, so that reading an article is left with the work that depends
on what the article has already named.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

from model.extract.lexicon import NOT_NAMES, TITLES
from model.extract.name_forms import (
    PARTICLES,
    SUFFIXES,
    clean_token,
    is_org_like,
    keeps_dot,
    names_an_office,
    only_numbers,
    only_office,
    split_title,
    title_gender,
)

# A capitalised word (with inner apostrophes and hyphens: O'Brien, Holtz-Eakin) or an initial.
_CAP = re.compile(
    r"(?<![\w'’])(?:(?:[A-Z]\.){2,}|(?:[A-Z]|[ÀÁÂÄÅÇÉÈÊËÍÎÏÑÓÔÖØÚÜÝŁŚŻŽ])[\w'’\-]*\.?)"
)
_BODY_HEADS = frozenset({
    "department", "ministry", "office", "institute", "university", "college", "school",
    "association", "foundation", "bank", "fund", "union", "commission", "board", "court",
    "bureau", "council", "committee", "federation", "league", "society", "alliance",
    "coalition", "center", "centre", "academy", "church", "chamber", "party", "republic",
    "kingdom", "corporation", "agency", "authority", "organization", "organisation",
    "confederation", "congress", "house", "appeals", "museum", "order",
})
# Abbreviated titles stand for the role nouns a later "the senator" uses.
_ROLE_OF_TITLE = {
    "sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
    "pres": "president", "sec": "secretary", "amb": "ambassador", "del": "delegate",
    "lt": "lieutenant", "col": "colonel", "capt": "captain", "prof": "professor",
}


class Form(NamedTuple):
    """A name as one run writes it, with the keys `NameIndex._add` looks it up by."""

    form: str  # the words as written, titles included: "Sen. Ted Cruz"
    name: str  # the name without titles or suffixes: "Ted Cruz"
    full: str  # `name` in lower case, the key of the full names
    first: str  # its first word in lower case
    last: str  # its last word in lower case
    word: str  # its first word as written
    single: bool  # one word ("Cruz")
    titled: bool
    org: bool  # looks like a body and no office title says it is a person
    gender: str | None  # the titles' gender (Mr., Mrs.)
    lone: bool  # one untitled word, not an acronym: a person known by one name, if one speaks
    ends_s: bool  # ends in s ("Democrats"): a plural opening a sentence, not a person
    acronym: bool  # one word in capitals: IMF, NTSB
    roles: tuple[tuple[str, str | None], ...]  # (role noun, gender) of each title


# Words that, after "Brian M.", start a new sentence rather than end the name.
_FUNCTIONS = """
a an the he she it i we you they his her its our my their your this that these those and but
or if in on at of for to by from with as so when where while what which who why how there
then not no yes after before since until because although though however meanwhile also
"""
_FUNCTION_WORDS = frozenset(_FUNCTIONS.split())


# Verbs a headline capitalises right after its subject ("Hillary Clinton Goes After …",
# "Chris Christie Calls …"): the name ends before them. None of them is a name's word.
_VERBS = """
goes sees says calls slams blasts rips urges warns wants makes takes hammers backs vows gets
tells asks defends attacks explains responds admits denies claims accuses praises mocks
questions demands rejects unveils announces endorses pledges insists reveals speaks talks
"""
_HEADLINE_VERBS = frozenset(_VERBS.split())


def _is_initial(tok: str) -> bool:
    return len(tok) == 2 and tok[1] == "." and tok[0].isupper()


@lru_cache(maxsize=1 << 15)
def split_words(run: str) -> tuple[tuple[int, int, tuple[str, ...]], ...]:
    """A capitalised run cut where a name cannot go on: after a possessive or a sentence's
    full stop, before a capitalised function word ("Railing Against Trump"). A pure function of
    the run's words, so the runs an article repeats ("Donald Trump") are cut once."""
    runs: list[tuple[int, int, tuple[str, ...]]] = []
    cur: list[str] = []
    cs = ce = -1
    ended = False
    for m in _CAP.finditer(run):
        s, e = m.span()
        tok = m.group()
        dot = tok.endswith(".") and not keeps_dot(tok)
        if dot:
            tok = tok[:-1]
            e -= 1
        if cur and not ended:
            particle = run[ce:s].strip()
            if particle in PARTICLES:
                cur.append(particle)  # "Bill de Blasio": the particle is part of the name
        if cur:
            low = tok.rstrip(".").lower()
            # An initial ("Margaret A. Orwell") goes on, though "A" alone would not.
            stop = low in _HEADLINE_VERBS or (low in NOT_NAMES and low not in TITLES and not (
                len(low) == 1 and tok.endswith(".")
            ) and not (
                # "Brian M. Good": after a given name and an initial comes the surname, even
                # one that is also a common word; only a function word opens a new sentence.
                len(cur) >= 2 and _is_initial(cur[-1]) and low not in _FUNCTION_WORDS
            ))
            if not stop and not ended and (
                not cur[-1].endswith(("'s", "’s", "s'", "s’"))
                or low in _BODY_HEADS  # "Kurdish Worker’s Party", "St. Mary's Hospital"
            ):
                cur.append(tok)
                ce = e
                ended = dot
                continue
            runs.append((cs, ce, tuple(cur)))
        cur, cs, ce = [tok], s, e
        ended = dot
    if cur:
        runs.append((cs, ce, tuple(cur)))
    return tuple(runs)


@lru_cache(maxsize=1 << 15)
def form_of(tokens: tuple[str, ...]) -> Form | None:
    """What `NameIndex._add` needs of a run's cleaned words, or None when they name nobody
    whatever the article says (no name left after the titles, a lone function word)."""
    titles, name = split_title(list(tokens))
    while len(name) > 1 and name[-1].rstrip(".").lower() in SUFFIXES:
        name = name[:-1]
    if not name or only_numbers(name) or only_office(titles, name):
        return None
    word = name[0]
    single = len(name) == 1
    if single and not titles and word.rstrip(".").lower() in NOT_NAMES:
        return None
    roles = []
    for t in titles:
        low = t.rstrip(".").lower()
        roles.append((_ROLE_OF_TITLE.get(low, low), TITLES.get(low)))
    full = " ".join(name)
    return Form(  # positional: the fields in their declared order, quicker than keywords
        " ".join(tokens), full, full.lower(), word.lower(), name[-1].lower(), word, single,
        bool(titles), is_org_like(name) and not names_an_office(titles), title_gender(titles),
        single and not titles and not word.isupper(), word.endswith("s"),
        single and word.isupper(), tuple(roles),
    )


# (the mention ends one character earlier: a sentence's full stop, its lower-case key, the
# word cleaned for `form_of`, which is asked only once the word turns out to be read)
WordRead = tuple[bool, str, tuple[str]]


@lru_cache(maxsize=1 << 15)
def word_read(tok: str) -> WordRead | None:
    """A lone capitalised word as `NameIndex` may read it, or None for one it never reads (a
    function word, a weekday)."""
    dot = tok.endswith(".") and not keeps_dot(tok)
    if dot:
        tok = tok[:-1]
    clean = clean_token(tok)
    low = clean.lower()
    if not clean or (low in NOT_NAMES and low not in TITLES):
        return None
    return dot, low, (clean,)


@lru_cache(maxsize=1 << 15)
def run_read(tokens: tuple[str, ...]) -> tuple[int, Form] | None:
    """A run of several words as `NameIndex` reads it: (how far the name starts into the run,
    past a sentence-initial function word or weekday, and its Form), or None."""
    shift = 0
    while tokens and tokens[0].rstrip(".").lower() in NOT_NAMES and (
        tokens[0].rstrip(".").lower() not in TITLES
    ) and not (
        # "New York Times", "New Zealand Herald": "New" opens a body's name, not a sentence.
        tokens[0] == "New" and len(tokens) > 2 and is_org_like(list(tokens[1:]))
    ):
        shift += len(tokens[0]) + 1
        tokens = tokens[1:]
    if not tokens:
        return None
    cleaned = tuple(clean_token(t) for t in tokens)
    if not cleaned[-1]:
        return None
    form = form_of(cleaned)
    return None if form is None else (shift, form)


# One piece of a run in body text: (start, end) within the run, and either a WordRead (a lone
# word, read only if known or followed by a speech verb) or (shift, Form) (a name read at once).
Piece = tuple[int, int, bool, WordRead | tuple[int, Form]]


class RunPlan(NamedTuple):
    """How a capitalised run of body text reads, once per spelling of the run."""

    body: bool  # its last word heads a body's name that an "of" complement may continue
    low: str | None  # for a lone word: the key it is checked against before anything else
    word: WordRead | None  # for a lone word: how it reads
    pieces: tuple[Piece, ...]  # for several words: the pieces it splits into


def run_plan(run: str) -> RunPlan:
    """How `NameIndex` reads a capitalised run of body text: the same for every occurrence of
    the same spelling, so worked out once, in the caller's table (headlines, nicknames and
    bodies' "of" complements are read apart, as they depend on the text around the run)."""
    body = run[run.rfind(" ") + 1:].lower() in _BODY_HEADS
    if " " not in run:
        low = run.lower()
        if low.endswith(("'s", "’s")):
            low = low[:-2]
        return RunPlan(body, low.rstrip(".'’"), word_read(run), ())
    pieces: list[Piece] = []
    for a, b, raw in split_words(run):
        if len(raw) == 1:
            read = word_read(raw[0])
            if read is not None:
                pieces.append((a, b, True, read))
        else:
            found = run_read(raw)
            if found is not None:
                pieces.append((a, b, False, found))
    return RunPlan(body, None, None, tuple(pieces))


@lru_cache(maxsize=1 << 14)
def name_ends(name: str) -> tuple[str, str]:
    """A full name's first and last word in lower case, which a fuller form must share."""
    parts = name.split()
    return parts[0].lower(), parts[-1].lower()


class Written(NamedTuple):
    """A name as a cue's subject writes it, the keys `NameIndex.resolve` looks it up by."""

    name: tuple[str, ...]  # without titles or suffixes
    key: str  # `name` in lower case
    acronym: bool  # one word in capitals: IMF
    gender: str | None  # the titles' gender
    org_like: bool  # `is_org_like(name)`


@lru_cache(maxsize=1 << 14)
def written(tokens: tuple[str, ...]) -> Written | None:
    """What `NameIndex.resolve` needs of a name as written, or None when titles are all of it:
    the same subjects ("Trump", "Mr. Obama") come back quote after quote."""
    cleaned = [clean_token(t) for t in tokens]
    if cleaned and cleaned[-1].endswith(".") and not keeps_dot(cleaned[-1]):
        cleaned[-1] = cleaned[-1][:-1]  # "says Charpentier.": the sentence's full stop
    titles, name = split_title(cleaned)
    if not name or only_office(titles, name):
        return None
    while len(name) > 1 and name[-1].rstrip(".").lower() in SUFFIXES:
        name = name[:-1]
    return Written(
        tuple(name), " ".join(name).lower(), len(name) == 1 and name[0].isupper(),
        title_gender(titles), is_org_like(name),
    )


@lru_cache(maxsize=1 << 14)
def written_key(tokens: tuple[str, ...]) -> tuple[str, bool]:
    """(lower-case name without titles, whether it is one word): what `NameIndex.knows` asks."""
    _titles, name = split_title([clean_token(t) for t in tokens])
    return " ".join(name).lower(), len(name) == 1
