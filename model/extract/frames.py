"""Reading the words around a quote: who is the subject of the speech verb beside it.

A quote's attribution sits in its "frames": the words after it up to the end of the sentence
(“Q,” X said. / “Q,” said X, the director of …) and the words before it back to the start of the
sentence (X said: “Q” / X told NPR that “Q” / according to X, “Q”). These functions take a
frame's tokens and return the noun phrase that speaks, or None. They never look further than
their frame, so the cost per quote is bounded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from model.extract.lexicon import (
    CUE_VERBS,
    NOT_NAMES,
    ORG_WORDS,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    WEAK_CUES,
)

# A word ("U.S." initials, or a word with its apostrophes, hyphens and a sentence-final full
# stop), or a punctuation mark that structures a frame. Initials are tried after the word's
# first letter rather than as an alternative of their own, which finds the same tokens as
# (?:[A-Za-z]\.){2,}|[^\W_][\w'’\-]*(?:\.(?=[\s,;:]|$))?|… with a tenth less regex work.
_TOKEN = re.compile(
    r"[^\W_](?:(?<=[A-Za-z])\.[A-Za-z]\.(?:[A-Za-z]\.)*|[\w'’\-]*(?:\.(?=[\s,;:]|$))?)"
    r"|[,;:()]|—|–|--"
)
_MAX_TOKENS = 60

DETERMINERS = frozenset({
    "a", "an", "the", "one", "another", "this", "that", "these", "those", "his", "her", "their",
    "its", "our", "some", "several", "two", "three", "many", "other", "both", "most", "all",
})
_ADVERBIAL = frozenset({
    "further", "soon", "quickly", "openly", "publicly", "privately", "immediately", "once",
    "has", "had", "have", "was", "is", "were", "are", "also", "later", "then", "again",
    "previously", "recently", "earlier", "would", "will", "did", "does", "do", "just",
    "not", "never", "often", "still", "simply", "flatly", "repeatedly", "long", "since",
    "ultimately", "reportedly", "too", "even", "first", "already", "been", "being",
})
_PREPOSITIONS = frozenset({
    "of", "for", "at", "with", "from", "in", "on", "to", "by", "about", "as", "after", "before",
    "like", "than", "into", "during", "over", "under", "without", "while", "when", "where",
    "if", "because", "and", "or", "but",
})
_INTRO = frozenset({
    "though", "although", "despite", "since", "unlike", "asked", "speaking", "later",
    "meanwhile", "earlier", "then", "still", "yet", "instead", "also", "now", "last", "this",
    "on", "at", "during", "after", "before", "following", "ahead",
})
_TIME_WORDS = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week",
    "month", "year", "night", "morning", "evening", "afternoon", "weekend", "today",
})
_SUBORDINATORS = frozenset({"as", "while", "when", "if", "because", "although", "though"})
_STOP_DESC = frozenset({"who", "which", "that", "whose", "whom", "where", "when"})


class Tok(NamedTuple):
    word: str
    start: int
    end: int
    low: str  # lower case, without a final full stop
    cap: bool


@dataclass(frozen=True, slots=True)
class Phrase:
    """A speaking noun phrase: kind is "name", "pronoun" or "description"."""

    kind: str
    words: tuple[str, ...]
    start: int
    cue: str
    # "the former senator", "Obama's strategist": a definite description of someone named
    # elsewhere, unlike "a senior official".
    definite: bool = False


def tokens(text: str, start: int, end: int) -> list[Tok]:
    # One comprehension, each record built with tuple.__new__: the per-token Python work and
    # the regex scan are what this costs. Windows are short (a sentence beside a quote), so
    # cutting the list after the fact is cheaper than feeding the matches through islice.
    make = tuple.__new__
    toks = [
        make(Tok, (w, m.start(), m.end(), w.rstrip(".").lower(), w[0].isupper()))
        for m in _TOKEN.finditer(text, start, end)
        for w in (m.group(),)
    ]
    return toks if len(toks) <= _MAX_TOKENS else toks[:_MAX_TOKENS]


def is_cue(tok: Tok) -> bool:
    return tok.low in CUE_VERBS


def _is_name_word(tok: Tok) -> bool:
    return tok.cap and (tok.low not in NOT_NAMES or tok.low in TITLES)


# "3M", "7-Eleven": a name written with a numeral, one token with a capital after the digits.
_NUMERAL_NAME = re.compile(r"\d+(?:-?[A-Z][\w'’\-]*|[A-Z]+)")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# Plurals that do not end in "s": "38 People said" counts people, it names nobody.
_PLURAL_NOUNS = frozenset({"people", "men", "women", "children", "police", "staff", "folk"})


def _numeral_opens_name(toks: list[Tok], n: int) -> bool:
    """Whether the numeral toks[n] belongs to the capitalised name after it ("38 North",
    "60 Minutes"), rather than counting things ("38 People", "12 Republicans") or dating
    ("in 2017 North Korea")."""
    num, nxt = toks[n].word, toks[n + 1] if n + 1 < len(toks) else None
    if not num.isdigit() or _YEAR.fullmatch(num) or nxt is None or not _is_name_word(nxt):
        return False
    if nxt.low in _PLURAL_NOUNS or (nxt.low.endswith("s") and not nxt.low.endswith("ss")
                                    and nxt.low != "minutes"):
        return False
    before = toks[n - 1] if n > 0 else None
    return before is None or not (
        before.low in _PREPOSITIONS or before.low in _INTRO or before.low in _TIME_WORDS
        or before.word[0].isdigit()
    )


def _name_forward(toks: list[Tok], i: int) -> int:
    """End index of a capitalised run (titles, initials, particles) starting at i."""
    k = i
    while k < len(toks) and (_is_name_word(toks[k]) or (
        k > i and toks[k].low in ("de", "van", "von", "bin", "al", "da", "del", "la")
        and k + 1 < len(toks) and toks[k + 1].cap
    )):
        k += 1
        if toks[k - 1].word.endswith(("'s", "’s")):
            break
    return k


def np_forward(toks: list[Tok], i: int, cue: str, stop: int | None = None) -> Phrase | None:
    """The noun phrase starting at toks[i] (a name, a pronoun or a description)."""
    stop = len(toks) if stop is None else stop
    if i >= stop:
        return None
    t = toks[i]
    if t.low in PRONOUNS:
        return Phrase("pronoun", (t.low,), t.start, cue)
    if _NUMERAL_NAME.fullmatch(t.word):
        return Phrase("name", (t.word,), t.start, cue)  # "said 3M"
    if i + 1 < stop and _numeral_opens_name(toks, i):
        k = min(_name_forward(toks, i + 1), stop)  # "said 38 North, a website"
        return Phrase("name", tuple(x.word for x in toks[i:k]), t.start, cue)
    if t.low == "the" and i + 1 < stop and _is_name_word(toks[i + 1]) and (
        toks[i + 1].low in TITLES or toks[i + 1].word.endswith(".")
    ):
        t = toks[i + 1]  # "said the Rev. Peter Wherry"
        i += 1
    if _is_name_word(t):
        k = _name_forward(toks, i)
        k = min(k, stop)
        words = tuple(x.word for x in toks[i:k])
        if k - i == 1 and (t.low in ROLE_NOUNS or t.low.rstrip("s") in ROLE_NOUNS):
            return _description(toks, i, cue, stop)  # "Officials at the agency said"
        if words and not words[-1].endswith(("'s", "’s")):
            if k < stop and toks[k].word[0].islower() and (
                toks[k].low in ROLE_NOUNS or toks[k].low.rstrip("s") in ROLE_NOUNS
            ):
                # "White House spokesman Josh Earnest" / "State Department officials"
                return _description(toks, i, cue, stop)
            if k - i <= 3 and k < stop and toks[k].word[0].islower():
                # "Democratic presidential nominee Hillary Clinton", "White House press
                # secretary Josh Earnest": a capitalised modifier, lower-case role words, a name.
                j = k
                while j < stop and j - k < 3 and toks[j].word[0].islower() and (
                    toks[j].low not in _PREPOSITIONS and not is_cue(toks[j])
                    and toks[j].low not in _ADVERBIAL and toks[j].low not in _STOP_DESC
                ):
                    j += 1
                if k < j < stop and _is_name_word(toks[j]) and (
                    toks[j - 1].low in _ROLE_BEFORE_NAME or toks[j - 1].low in ROLE_NOUNS
                ):
                    e = _name_forward(toks, j)
                    return Phrase("name", tuple(x.word for x in toks[j:e]), toks[j].start, cue)
            return Phrase("name", words, t.start, cue)
        return _description(toks, i, cue, stop)
    return _description(toks, i, cue, stop)


def _description(toks: list[Tok], i: int, cue: str, stop: int) -> Phrase | None:
    """A descriptive noun phrase: "a senior State Department official", "sources close to X"."""
    k = i
    words: list[str] = []
    while k < stop and len(words) < 10:
        t = toks[k]
        if t.word in ",;:()—–--" or t.low in _STOP_DESC:
            break
        if is_cue(t) and not (words and words[-1].lower() in DETERMINERS) and not (
            _capital_in_sentence(toks, k)
        ):
            break  # "the ruling" is a noun, "officials said" a verb
        if t.low in _ADVERBIAL and words:
            break
        words.append(t.word)
        k += 1
    definite = bool(words) and (
        words[0].lower() in _DEFINITE or words[0].endswith(("'s", "’s"))
    )
    while words and words[0].lower() in DETERMINERS:
        words.pop(0)
    while words and words[-1].lower() in _PREPOSITIONS:
        words.pop()
    if not words:
        return None
    # A name after a role ("spokesman Josh Earnest", "9/11 widow Terry Strada") is the speaker.
    caps = [j for j, w in enumerate(words) if w[0].isupper()]
    if caps and caps[-1] == len(words) - 1:
        run_start = caps[-1]
        while run_start - 1 in caps:
            run_start -= 1
        run = words[run_start:]
        if run_start > 0 and words[run_start - 1][0].islower() and (
            words[run_start - 1].lower() in _ROLE_BEFORE_NAME
            or (len(run) >= 2 and not any(w.lower() in ORG_WORDS for w in run))
        ) and words[run_start - 1].lower() not in _PREPOSITIONS:
            return Phrase("name", tuple(run), toks[i].start, cue)
    return Phrase("description", tuple(words), toks[i].start, cue, definite)


def _capital_in_sentence(toks: list[Tok], k: int) -> bool:
    """A capitalised word inside a sentence is part of a name, not a verb: the "State" of
    "a State Department official said" does not state anything."""
    return toks[k].cap and k > 0 and not toks[k - 1].word.endswith((".", "!", "?"))


_DEFINITE = frozenset({"the", "his", "her", "their", "its", "this", "that"})
_ROLE_BEFORE_NAME = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "secretary", "senator", "president", "leader",
    "director", "minister", "official", "chairman", "chairwoman", "candidate", "nominee",
    "governor", "mayor", "manager", "adviser", "advisor", "aide", "host", "anchor", "chief",
    "economist", "analyst", "expert", "professor", "attorney", "lawyer", "strategist", "author",
    "founder", "executive", "ceo", "commentator", "pollster", "representative", "congressman",
    "congresswoman", "judge", "general", "coach", "activist", "mate", "wife", "husband",
    "daughter", "son", "mother", "father", "rival", "opponent", "challenger", "incumbent",
})


def np_backward(toks: list[Tok], c: int, cue: str) -> Phrase | None:
    """The subject ending just before toks[c] (the cue): "X said", "the official told"."""
    k = c - 1
    while k >= 0:
        w = toks[k]
        if w.low in _ADVERBIAL or (w.low.endswith("ly") and w.word[0].islower() and len(w.low) > 4):
            k -= 1
        elif k >= 1 and toks[k - 1].low in ("in", "on", "last", "this", "since") and (
            w.word[0].isdigit() or w.low in _TIME_WORDS
        ):
            k -= 2  # "who in 2010 said", "X on Friday said"
        else:
            break
    if k < 0:
        return None
    t = toks[k]
    if t.word == ")":
        while k >= 0 and toks[k].word != "(":
            k -= 1  # "Rep. Jason Chaffetz (R-Utah) said": skip the parenthesis
        if k <= 0:
            return None
        return np_backward(toks, k, cue)
    if t.low in ("who", "which") and k >= 2 and toks[k - 1].word == ",":
        # "Stevie Wonder, who joked" / "McConnell, now the majority leader, who said"
        near = np_backward(toks, k - 1, cue)
        if near is not None and near.kind == "name":
            return near
        j = k - 2
        while j >= 0 and toks[j].word != "," and k - j < 12:
            j -= 1
        if j >= 1 and toks[j].word == "," and _is_name_word(toks[j - 1]):
            return np_backward(toks, j, cue)  # the name before the apposition
        return near
    if t.low in ("who", "which") and k >= 1:
        return np_backward(toks, k, cue)  # "the officer who said"
    if is_cue(t) or (t.low.endswith("ed") and t.word[0].islower() and k > 0):
        return np_backward(toks, k, cue)  # "she recalled thinking", "he was quoted saying"
    if t.word in (",", "—", "–", "--", ")"):
        # "One of the experts, Jeffrey Lewis, told": a name set off in apposition speaks,
        # unless the clause opens with a name of its own ("Ann Lee, of Dover, Del., said").
        head = clause_subject(toks, c, cue)
        if head is not None and head.kind != "description":
            return head
        j = k - 1
        while j >= 0 and _is_name_word(toks[j]):
            j -= 1
        if j < k - 1 and (j < 0 or toks[j].word in (",", "—", "–", "--", "(")) and j >= 0:
            return Phrase("name", tuple(x.word for x in toks[j + 1:k]), toks[j + 1].start, cue)
        return clause_subject(toks, c, cue)
    if t.low in PRONOUNS:
        return Phrase("pronoun", (t.low,), t.start, cue)
    if _NUMERAL_NAME.fullmatch(t.word):
        return Phrase("name", (t.word,), t.start, cue)  # "3M said", "7-Eleven says"
    if _is_name_word(t):
        j = k
        while j - 1 >= 0 and (_is_name_word(toks[j - 1]) or toks[j - 1].low in (
            "de", "van", "von", "bin", "al", "da", "del", "la"
        )) and not toks[j - 1].word.endswith(("'s", "’s")):
            j -= 1
        if j - 1 >= 0 and _numeral_opens_name(toks, j - 1):
            j -= 1  # "Stimson Center's 38 North says"
        if j - 1 >= 0 and toks[j - 1].word[0].islower() and toks[j - 1].low not in _PREPOSITIONS \
                and toks[j - 1].low not in DETERMINERS and toks[j - 1].low in _ROLE_BEFORE_NAME:
            pass  # "spokesman Josh Earnest said": the name is the speaker
        return Phrase("name", tuple(x.word for x in toks[j:k + 1]), toks[j].start, cue)
    if t.word[0].islower() and t.low not in _PREPOSITIONS and t.low not in DETERMINERS:
        j = k
        while j - 1 >= 0 and k - j < 14:
            w = toks[j - 1]
            noun_use = j - 2 >= 0 and toks[j - 2].low in ("of", "the", "a", "an")
            if w.word in ",;:()—–--" or w.low in _STOP_DESC or (
                is_cue(w) and not noun_use and not _capital_in_sentence(toks, j - 1)
            ):
                break
            if w.low in DETERMINERS or w.word.endswith(("'s", "’s")):
                j -= 1
                p = j - 1
                if p >= 1 and toks[p].low in _PP_LINKS and k - p < 10 and _noun_like(toks[p - 1]):
                    # "Protesters marching through the streets chanted": the phrase is the
                    # object of a preposition; the subject's head stands before it.
                    j = p
                    continue
                break
            if w.low in _PREPOSITIONS and w.low not in ("of", "for", "at", "with", "from", "and"):
                break
            if w.low in PRONOUNS:
                break
            j -= 1
        words = [x.word for x in toks[j:k + 1]]
        definite = bool(words) and (
            words[0].lower() in _DEFINITE or words[0].endswith(("'s", "’s"))
        )
        while words and words[0].lower() in DETERMINERS | _PREPOSITIONS:
            words.pop(0)
        if words:
            if words[0][0].isupper() and words[0].endswith(("'s", "’s")) and len(words) == 1:
                return Phrase("name", (words[0],), toks[j].start, cue)
            return Phrase("description", tuple(words), toks[j].start, cue, definite)
    return None


_PP_LINKS = frozenset({
    "of", "for", "at", "with", "from", "in", "on", "through", "across", "along", "around",
    "near", "outside", "inside", "behind", "throughout",
})


def _noun_like(t: Tok) -> bool:
    """A word that can head a noun phrase or be a participle after one ("marching")."""
    return t.word[0].isalpha() and t.low not in _ADVERBIAL and not is_cue(t) and (
        t.low not in DETERMINERS and t.low not in PRONOUNS and t.low not in _PREPOSITIONS
    )


def clause_subject(toks: list[Tok], c: int, cue: str) -> Phrase | None:
    """The first noun phrase of the clause holding toks[c]: the subject before an apposition."""
    c = min(c, len(toks))
    start = 0
    for k in range(c - 1, -1, -1):
        if toks[k].word in (";",):
            start = k + 1
            break
    if start < c and toks[start].word.isupper() and len(toks[start].word) > 1:
        # A dateline ("FLINT, Mich., Oct. 4 (UPI) —") ends at its dash.
        for k in range(start + 1, min(c, start + 14)):
            if toks[k].word in ("—", "–", "--"):
                start = k + 1
                break
    if start + 1 < c and toks[start].low in _SUBORDINATORS and (
        _is_name_word(toks[start + 1]) or toks[start + 1].low in PRONOUNS
    ):
        start += 1  # "As Steven Rosenthal, a tax lawyer, put it": the subject follows "as"
    elif start < c and (toks[start].low in _PREPOSITIONS or toks[start].low in _INTRO):
        # A fronted adverbial ("In a statement Tuesday, X said"): the subject follows its comma.
        for k in range(start, c):
            if toks[k].word == ",":
                start = k + 1
                break
    k = start
    while k < c:
        t = toks[k]
        if t.low in PRONOUNS and t.low not in ("him", "her"):
            return Phrase("pronoun", (t.low,), t.start, cue)
        if t.word.isupper() and len(t.word) > 1 and k + 1 < c and toks[k + 1].word in (
            "--", "—", "–", "(", ","
        ):
            k += 1  # a dateline: WASHINGTON -- …
            continue
        if _is_name_word(t) or t.low in DETERMINERS:
            ph = np_forward(toks, k, cue, c)
            if ph is not None and ph.kind == "description":
                named = _apposed_name(toks, k, c)
                if named is not None:
                    return Phrase("name", named, t.start, cue)  # "Another critic, L. Tribe,"
            if (ph is not None and ph.kind != "description") or (
                ph is not None and t.low in DETERMINERS
            ):
                return ph
        if t.word == ",":
            k += 1
            continue
        k += 1
    return None


def _apposed_name(toks: list[Tok], k: int, c: int) -> tuple[str, ...] | None:
    """The name set off by commas right after the description starting at toks[k]."""
    j = k
    while j < c and toks[j].word != "," and j - k < 10:
        j += 1
    if j >= c - 1 or toks[j].word != ",":
        return None
    e = j + 1
    while e < c and _is_name_word(toks[e]):
        e += 1
    if e > j + 1 and (e >= c or toks[e].word in (",", "—", "–", "--", "(")):
        return tuple(x.word for x in toks[j + 1:e])
    return None


def find_cue(toks: list[Tok], start: int, stop: int, *, last: bool) -> int:
    """Index of the first (or last) cue word in toks[start:stop], or -1."""
    rng = range(stop - 1, start - 1, -1) if last else range(start, stop)
    may_cue = _MAY_CUE
    for k in rng:
        t = toks[k]
        if t.low not in may_cue:
            continue  # most words: one set look-up, not three tests
        if t.low == "according" and k + 1 < len(toks) and toks[k + 1].low == "to":
            return k
        if t.low == "put" and k + 1 < len(toks) and toks[k + 1].low == "it":
            return k  # "as X put it"
        if t.low in CUE_VERBS and t.word[0].islower():
            if t.low in WEAK_CUES and not _weak_ok(toks, k):
                continue
            if t.low in _NOUN_CUES and not (k > 0 and (
                    toks[k - 1].cap or toks[k - 1].low in PRONOUNS or toks[k - 1].word == ",")):
                continue  # "emails from her": a noun; "he emails", ", texted Smith": a verb
            if k + 1 < len(toks) and toks[k + 1].low in CUE_VERBS and t.low != toks[k + 1].low \
                    and toks[k + 1].word[0].islower() and t.low in WEAK_CUES:
                continue  # "the IMF report stated": a noun before the verb
            if k > 0 and (toks[k - 1].low in DETERMINERS or toks[k - 1].low in _NOUN_BEFORE
                          or toks[k - 1].word.endswith(("'s", "’s", "-morning", "-night"))):
                continue  # "his comments", "Trump's tweets": a noun, not a verb
            return k
    return -1


# Cue words that are more often nouns: they count only right after their subject or a comma.
_NOUN_CUES = frozenset({"email", "emails", "emailed", "e-mail", "e-mails", "e-mailed", "text",
                        "texts", "texted"})
_NOUN_BEFORE = frozenset({"of", "in", "by", "to", "for", "with", "on", "at", "from", "and", "my",
                          "your"})
# Every word find_cue can return: the speech verbs, "according (to)" and "(as X) put (it)".
MAY_CUE: frozenset[str] = CUE_VERBS | {"according", "put"}
_MAY_CUE = MAY_CUE


def _weak_ok(toks: list[Tok], k: int) -> bool:
    """A weak cue ("point", "add", "continue") counts beside the quote or with its particle."""
    t = toks[k]
    nxt = toks[k + 1].low if k + 1 < len(toks) else ""
    if t.low.startswith("point"):
        return nxt == "out" or nxt == "ed"
    return k == len(toks) - 1 or nxt in (",", ":", "that", "in", "on", "to", "of", ".", "as") or (
        k > 0 and toks[k - 1].word == ","
    ) or k <= 3
