"""Who the article names, and which full name a surname, titled form or pronoun stands for.

News writing introduces a person once in full (President Donald Trump, Jeffrey Lewis) and then
uses the surname, a titled form or a pronoun. `NameIndex` reads every capitalised run of the
article once, keeps the full names in order of appearance, guesses each one's gender from titles
and the pronouns that follow it (once a question needs it), and answers "who is Lewis / Mr.
Trump / he, here?".
"""

from __future__ import annotations

import bisect
import re
from functools import partial

from model.extract.antecedents import AntecedentRules
from model.extract.lexicon import CUE_VERBS, FEMALE_ROLES, MALE_ROLES, NOT_NAMES, TITLES
from model.extract.name_forms import (
    Mention,
    Person,
    clean_token,
    names_an_office,
    prefer_surname,
)
from model.extract.name_scan import (
    Form,
    RunPlan,
    form_of,
    name_ends,
    run_plan,
    run_read,
    split_words,
    word_read,
    written,
    written_key,
)

_WORDPAT = r"(?:(?:[A-Z]\.){2,}|(?:[A-Z]|[ÀÁÂÄÅÇÉÈÊËÍÎÏÑÓÔÖØÚÜÝŁŚŻŽ])[\w'’\-]*\.?)"
_JOIN = r"(?:de|van|von|der|den|bin|al|da|di|du|del|la|le|ter|ten|el|ibn|dos|das)"
_UPPER = "A-ZÀÁÂÄÅÇÉÈÊËÍÎÏÑÓÔÖØÚÜÝŁŚŻŽ"
# (?<![\w'’]){_WORDPAT}, written to open on a character set (the engine skips to the next
# capital instead of trying the look-behind at every character: three times faster).
_FIRST_WORD = (
    rf"[{_UPPER}](?<![\w'’][{_UPPER}])(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’\-]*\.?)"
)
# _WORDPAT, likewise opening on its capital once instead of once per alternative.
_NEXT_WORD = rf"[{_UPPER}](?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’\-]*\.?)"
# _JOIN as a tree of first letters, so that the run's end (" said") fails at once.
_JOIN_TREE = r"(?:d(?:e[lnr]?|[aiu]|[oa]s)|v[ao]n|bin|al|l[ae]|te[rn]|el|ibn)"
_RUN = re.compile(rf"{_FIRST_WORD}(?: (?:{_JOIN_TREE} )?{_NEXT_WORD})*")
# A nickname in quotation marks between a given name and the surname: Robert C. "Bobby" Scott.
_NICKNAME = re.compile(rf" [\"“‘]([A-Z][\w\-]+)[\"”’] ({_WORDPAT}(?: {_WORDPAT})*)")
# "Association of Flight Attendants", "Court of Appeals for the Sixth Circuit": a body's name
# goes on through "of"/"for" after the noun that heads it.
_OF_TAIL = re.compile(rf"(?: (?:of|for|on)(?: the)? {_WORDPAT}(?: {_WORDPAT})*){{1,2}}")
_CONNECTORS = frozenset({"of", "for", "on", "the"})
_TAIL_OPENERS = (" of ", " for ", " on ")
_OPEN_MARKS = frozenset('"“‘')
# NOT_NAMES as they are written opening a sentence ("The"), for a check without lower().
_PLAIN_NOT_NAMES = frozenset(w.capitalize() for w in NOT_NAMES if w not in TITLES)
_CUE_AFTER = re.compile(
    r"(?:’s|'s)?,?[ \u00a0]"
    r"(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|recalled|recalls)\b"
)
# "Obama said", "Sen. X (R-Ga.) said", "X also noted": a speech verb right after the mention.
_VERB_AFTER = re.compile(
    r"(?:'s|’s)?,?(?: \([^()\n]{1,40}\))?[ \u00a0]"
    r"(?:[a-z]+ly |has |had |is |was |also |later |then )?([a-z]+)"
)
_CUE_BEFORE = re.compile(r"(\w+)(?: [A-Z][\w.&\-]*['’]s)?\W*$")
_CUE_BEFORE_AT_WORD = re.compile(r"(?<!\w)" + _CUE_BEFORE.pattern)
# The word before a mention, past a possessive modifier ("noted NBC's Dante Chinni").
_WORD_BEFORE = re.compile(r"(\w+)(?:[ \u00a0][A-Z][\w.&\-]*['’]s)?\W*$")
_WORD_BEFORE_AT_WORD = re.compile(r"(?<!\w)" + _WORD_BEFORE.pattern)
_WORD_AFTER = re.compile(r"(?:'s|’s)?,?[ \u00a0]([a-z]+)")
_NOT_BEFORE_SUBJECT = frozenset({
    "of", "for", "to", "with", "under", "against", "about", "by", "from", "on", "at", "in",
    "than", "like", "as", "between", "among", "toward", "towards", "into", "over", "and", "or",
})
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|across|outside|inside|throughout)(?: the)? $"
)
_NOT_VERB = frozenset({
    "of", "for", "to", "with", "and", "or", "the", "a", "an", "in", "on", "at", "by", "from",
    "who", "which", "that", "whose", "as", "but",
})
# The gender a role word before a name gives it ("widow Terry Strada").
_ROLE_GENDER = {**dict.fromkeys(MALE_ROLES, "m"), **dict.fromkeys(FEMALE_ROLES, "f")}
_ROLE_TAILS = frozenset(w[-3:] for w in _ROLE_GENDER)
_LOWER = "abcdefghijklmnopqrstuvwxyz"
# How `_CUE_AFTER` can follow a plain space: the first two letters of its verbs.
_CUE_STARTS = frozenset({"sa", "to", "te", "ad", "wr", "as", "re"})
# How the text before a place must end for `_PLACE_BEFORE` to have a chance.
_PLACE_ENDS = (
    "in ", "at ", "near ", "across ", "outside ", "inside ", "throughout ", "the ", " \n",
)


def _cue_after(text: str, e: int) -> bool:
    """Whether a speech verb follows offset `e` (`_CUE_AFTER`): a name followed by a space and
    a word no such verb begins like, the common case, is turned away without the regex."""
    if text[e:e + 1] == " " and text[e + 1:e + 3] not in _CUE_STARTS:
        return False
    return _CUE_AFTER.match(text, e) is not None


def _last_word(
    pattern: re.Pattern[str], at_word: re.Pattern[str], text: str, lo: int, hi: int
) -> re.Match[str] | None:
    """`pattern.search(text, lo, hi)` for the patterns that find the last word before a
    mention ("(\\w+)…$"), without trying them from the middle of every word: a match that
    starts after a word character would also start one character earlier, so the first match
    starts either at `lo` or after a non-word character, where `at_word` (the pattern behind
    a look-behind for that) is tried."""
    m = pattern.match(text, lo, hi)
    return m if m is not None else at_word.search(text, lo + 1, hi)


def _role_gender_before(text: str, s: int) -> str | None:
    """The gender a role word right before offset `s` gives a name ("9/11 widow Terry Strada",
    "his brother Tom"): the whole lower-case word that ends with a space within the 16
    characters before `s`, found by one rstrip instead of a regex retried at every offset."""
    c = text[s - 1:s]
    if c == " ":
        if text[max(0, s - 4):s - 1] not in _ROLE_TAILS:
            return None  # the usual case: the word before ends unlike any role word
        q = s - 1
    elif c == "\n" and text[s - 2:s - 1] == " ":
        q = s - 2  # `$` also matches before a final line break
    else:
        return None
    lo = max(0, s - 16)
    window = text[lo:q]
    stem = window.rstrip(_LOWER)
    g = _ROLE_GENDER.get(window[len(stem):])
    if g is None:
        return None
    r = lo + len(stem)  # a whole word: none where the window cuts one
    if r > 0 and (text[r - 1].isalnum() or text[r - 1] == "_"):
        return None
    return g


# Mention(s, e, person, form) without the Python-level __new__ of a NamedTuple.
_mention = partial(tuple.__new__, Mention)
# How each spelling of a capitalised run reads (`name_scan.run_plan`), or `_NOT_A_NAME` for the
# sentence openers never read: one dictionary look-up per run once a spelling has been seen.
_PLANS: dict[str, RunPlan] = {}
_NOT_A_NAME = RunPlan(False, None, None, ())


def _plan(word: str) -> RunPlan:
    if len(_PLANS) >= 1 << 16:
        _PLANS.clear()  # a bound on memory over a long import; the plans are quick to redo
    plan = _PLANS[word] = _NOT_A_NAME if word in _PLAIN_NOT_NAMES else run_plan(word)
    return plan


class NameIndex(AntecedentRules):
    """Names in one article, in text order, with the rules that resolve short forms."""

    def __init__(
        self, text: str, quoted: list[tuple[int, int]],
        headlines: list[tuple[int, int]] | None = None,
    ) -> None:
        self.text = text
        self._headlines = headlines or []
        self.mentions: list[Mention] = []
        self._starts: list[int] = []
        self._by_full: dict[str, Person] = {}
        self._by_part: dict[str, list[Person]] = {}
        self._quoted = quoted
        self._acronym_map: dict[str, Person] | None = None
        self._mention_in_quote: list[bool] | None = None  # see `_quoted_mentions`
        # Genders are guessed when a question first needs them (`_need_genders`): a third of
        # the articles with quotes never ask about a pronoun.
        self._genders_guessed = False
        # Writes to `_by_full` so far, and how many the acronym map last saw: an acronym met
        # while reading rebuilds the map only when a name has come since.
        self._full_writes = 0
        self._acronym_writes = -1
        # Pronouns near each other ask about the same mentions: each answer is worked out once.
        self._speaks_memo: dict[tuple[int, int], bool] = {}
        self._opens_memo: dict[tuple[int, int, bool], bool] = {}
        self._read()

    # -- reading the article -------------------------------------------------------------
    def _split_run(self, rs: int, re_: int) -> list[tuple[int, int, list[str]]]:
        """A capitalised run cut where a name cannot go on (see `name_scan.split_words`)."""
        return [(rs + a, rs + b, list(toks)) for a, b, toks in split_words(self.text[rs:re_])]

    def _read(self) -> None:
        text = self.text
        heads = self._headlines
        h = 0
        by_part, by_full = self._by_part, self._by_full
        plans = _PLANS
        cue_after = _cue_after
        cue_match = _CUE_AFTER.match
        cue_starts = _CUE_STARTS
        add = self._add
        skip = -1
        for m in _RUN.finditer(text):
            word = m.group()
            plan = plans.get(word)
            if plan is None:
                plan = _plan(word)
            if plan is _NOT_A_NAME:
                continue  # "The", "But", "Monday": the commonest capitalised words, at once
            s, e = m.span()
            if s < skip:
                continue  # the nickname and surname of a name already read whole
            if heads:
                while h < len(heads) and heads[h][1] < s:
                    h += 1
                if h < len(heads) and heads[h][0] <= s < heads[h][1]:
                    self._read_headline(s, e, word)
                    continue
            if text[e + 1:e + 2] in _OPEN_MARKS and text[e:e + 1] == " ":
                nick = _NICKNAME.match(text, e)
                if nick is not None and self._read_nicknamed(s, e, nick):
                    skip = nick.end()
                    continue
            body, low, read, pieces = plan
            if body and text.startswith(_TAIL_OPENERS, e):
                tail = _OF_TAIL.match(text, e)
                if tail is not None and self._read_body(s, e, tail):
                    skip = tail.end()
                    continue
            if read is not None:
                # Most lone capitalised words open sentences or name places: one that nobody
                # bears and that no speech verb follows is dropped before any closer look
                # (`_cue_after`, its commonest miss written out).
                if low in by_part or low in by_full or (
                    (text[e:e + 1] != " " or text[e + 1:e + 3] in cue_starts)
                    and cue_match(text, e)
                ):
                    dot, low, key = read
                    if dot:
                        e -= 1
                    if low in by_part or low in by_full or cue_after(text, e):
                        form = form_of(key)
                        if form is not None:
                            add(s, e, form)
                continue
            for a, b, lone, found in pieces:
                if lone:
                    dot, low, key = found  # type: ignore[misc]
                    e = s + b - dot
                    if low in by_part or low in by_full or cue_after(text, e):
                        form = form_of(key)  # type: ignore[arg-type]
                        if form is not None:
                            add(s + a, e, form)
                else:
                    add(s + a + found[0], s + b, found[1])  # type: ignore[arg-type]

    def _read_headline(self, s: int, e: int, word: str) -> None:
        """A headline capitalises every word: read its words one by one, so that "Gold Star
        Mom Corners Obama" only yields names already known."""
        if " " not in word:
            low = word.lower()
            if low.endswith(("'s", "’s")):
                low = low[:-2]
            low = low.rstrip(".'’")
            if low in self._by_part or low in self._by_full or _cue_after(self.text, e):
                self._read_word(s, e, word, True)
            return
        for rs, r_e, raw in self._split_run(s, e):
            if len(raw) == 1:
                self._read_word(rs, r_e, raw[0], True)
                continue
            pos = rs
            for tok in raw:
                self._read_word(pos, pos + len(tok), tok, True)
                pos += len(tok) + 1

    def _read_body(self, s: int, e: int, tail: re.Match[str]) -> bool:
        """A body's name with its "of" complement, read as one name; not when the complement
        runs on into a person ("Bank of England Governor Mark Carney")."""
        words = tail.group().split()
        if names_an_office(words) or any(
            w.rstrip(".").lower() in NOT_NAMES and w not in _CONNECTORS for w in words
        ):
            return False
        pieces = self._split_run(s, e)
        for ps, pe, raw in pieces[:-1]:
            if len(raw) == 1:
                self._read_word(ps, pe, raw[0], False)
            else:
                self._read_run(ps, pe, raw)
        rs, _re, head = pieces[-1]
        self._read_run(rs, tail.end(), head + [w.rstrip(".,") for w in words])
        return True

    def _read_nicknamed(self, s: int, e: int, nick: re.Match[str]) -> bool:
        """Robert C. "Bobby" Scott: one person, whose full name leaves the nickname out and
        whose "Bobby Scott" later in the story is the same person."""
        pieces = self._split_run(s, e)
        last = self._split_run(nick.start(2), nick.end(2))[0]
        rs, _re, given = pieces[-1]
        end = given[-1].rstrip(".")
        if (len(end) > 1 and end.lower() in NOT_NAMES) or last[2][0].lower() in NOT_NAMES:
            return False  # "said “Peggy” Orwell", "The “Peggy” Act": no given name before it
        for ps, pe, raw in pieces[:-1]:
            if len(raw) == 1:
                self._read_word(ps, pe, raw[0], False)
            else:
                self._read_run(ps, pe, raw)
        before = len(self.mentions)
        self._read_run(rs, last[1], given + last[2])
        if len(self.mentions) == before:
            return True
        person = self.mentions[-1].person
        surname = clean_token(last[2][-1])
        alias = f"{nick.group(1)} {surname}"
        if alias.lower() not in self._by_full:
            self._by_full[alias.lower()] = person
            self._full_writes += 1
        self._by_part.setdefault(nick.group(1).lower(), []).append(person)
        if alias not in person.forms:
            person.forms.append(alias)
        return True

    def _read_word(self, s: int, e: int, tok: str, in_head: bool) -> None:
        """A lone capitalised word: most are sentence openers and places, so only a known
        name, or a new one that a speech verb follows ("Melanie said"), is kept."""
        read = word_read(tok)
        if read is None:
            return
        dot, low, key = read
        if dot:
            e -= 1
        known = low in self._by_part or (low in self._by_full and not in_head)
        if known or (not in_head and _cue_after(self.text, e)):
            form = form_of(key)
            if form is not None:
                self._add(s, e, form)

    def _read_run(self, s: int, e: int, tokens: list[str]) -> None:
        found = run_read(tuple(tokens))
        if found is not None:
            self._add(s + found[0], e, found[1])

    def _add(self, s: int, e: int, f: Form) -> None:
        """One mention of a name: the person it adds or stands for, with what its titles and
        the words before it say about them."""
        text = self.text
        by_part, by_full = self._by_part, self._by_full
        form, name, full, first, last, word, single, titled, org, gender, lone, ends_s, _, roles = f
        if lone and first not in by_part and _cue_after(text, e) and not (
            ends_s and self._opens_sentence(s, e)
        ):
            # "Melanie said": a person known by one name
            person = Person(word, s)
            by_full[first] = person
            self._full_writes += 1
            by_part.setdefault(first, []).append(person)
            self.mentions.append(_mention((s, e, person, word)))
            self._starts.append(s)
            return
        if not titled and full not in by_full and last not in by_part and (
            self._after_place_word(s)
        ):
            return  # "in New Jersey", "at Seton Hall": a place, not a speaker
        # "Former DNC" (a headline's modifier before an acronym) is still a body; "Sen. SMITH"
        # (a transcript's capitals after an office) is a person.
        if org and single and first in by_part:
            org = False  # a surname in capitals, as transcripts print speakers
        if org or gender is not None:
            person = self._find(f, org)
        elif single:  # `_find` written out for its commonest case: a surname, a lone name
            person = by_full.get(full)
            if person is None:
                cands = by_part.get(full)
                if cands:
                    person = cands[0] if len(cands) == 1 else prefer_surname(cands, full)
        else:
            person = by_full.get(full) or self._find(f, org)
        if person is None:
            if single and not titled and not org:
                return  # a lone capitalised word of unknown kind (a place, a month, a brand)
            person = Person(name, s, is_org=org)
            by_full[full] = person
            self._full_writes += 1
            if not org:
                by_part.setdefault(last, []).append(person)
                by_part.setdefault(first, []).append(person)
        if form != person.name and form not in person.forms:
            person.forms.append(form)
        c = text[s - 1:s]
        if (c == " " and s > 3 and text[s - 4:s - 1] in _ROLE_TAILS) or c == "\n":
            g = _role_gender_before(text, s)  # a role word may stand before the name
            if g is not None:
                votes = person.votes
                votes[g] = votes.get(g, 0) + 3
        for r, g in roles:
            person.roles.add(r)
            if g:
                votes = person.votes
                votes[g] = votes.get(g, 0) + 3
        self.mentions.append(_mention((s, e, person, form)))
        self._starts.append(s)

    def _find(self, f: Form, org: bool) -> Person | None:
        """The person already named whom a new mention stands for (`_lookup` for a Form)."""
        by_part, by_full = self._by_part, self._by_full
        full = f.full
        if org and f.acronym and full not in by_full:
            if self._acronym_writes != self._full_writes:
                self._acronym_map = None  # bodies named since the last look count too
                self._acronym_writes = self._full_writes
            expanded = self._acronyms().get(f.word)
            if expanded is not None:
                return expanded  # IMF, once the International Monetary Fund is named
        if f.single:
            if f.gender is not None and full in by_part:
                return prefer_surname(by_part[full], full, f.gender)  # Mr. Obama, Mrs. Obama
            if full in by_full:
                return by_full[full]
            if org:
                return None
            cands = by_part.get(full)
            return prefer_surname(cands, full) if cands else None
        if full in by_full:
            return by_full[full]
        if org:
            return None
        # "Donald J. Trump" after "Donald Trump": same first and last name.
        last, first = f.last, f.first
        for p in by_part.get(last, ()):
            if name_ends(p.name) == (first, last):
                return p
        return None

    def _lookup(self, name: list[str], org: bool, gender: str | None = None) -> Person | None:
        full = " ".join(name).lower()
        if org and len(name) == 1 and name[0].isupper() and full not in self._by_full:
            self._acronym_map = None  # bodies named since the last look count too
            expanded = self._acronyms().get(name[0])
            if expanded is not None:
                return expanded  # IMF, once the International Monetary Fund is named
        if len(name) == 1 and gender is not None and full in self._by_part:
            return prefer_surname(self._by_part[full], full, gender)  # Mr. Obama, Mrs. Obama
        if full in self._by_full:
            return self._by_full[full]
        if org:
            return None
        if len(name) == 1:
            cands = self._by_part.get(full)
            if cands:
                return prefer_surname(cands, full)
            return None
        # "Donald J. Trump" after "Donald Trump": same first and last name.
        for p in self._by_part.get(name[-1].lower(), ()):
            parts = p.name.split()
            if parts[-1].lower() == name[-1].lower() and parts[0].lower() == name[0].lower():
                return p
        return None

    def _possessive(self, e: int) -> bool:
        """Obama's, Tribe's: an owner, seldom the one a later "he" stands for."""
        t = self.text
        return t[e - 2:e] in ("'s", "’s") or t[e:e + 2] in ("'s", "’s") or t[e:e + 1] in "'’"

    def _speaks(self, s: int, e: int) -> bool:
        known = self._speaks_memo.get((s, e))
        if known is None:
            known = self._speaks_memo[(s, e)] = self._speaks_now(s, e)
        return known

    def _speaks_now(self, s: int, e: int) -> bool:
        m = _VERB_AFTER.match(self.text, e)
        if m is not None and m.group(1) in CUE_VERBS:
            return True
        # Inverted: "said Mr. Obama.", "said Smith, a lawyer", "noted NBC's Dante Chinni".
        # Only after a quote or a comma: "Matthews said Pence's performance …" has its subject
        # before the verb, and Pence did not speak.
        m = _last_word(_CUE_BEFORE, _CUE_BEFORE_AT_WORD, self.text, max(0, s - 30), s)
        if m is None or m.group(1) not in CUE_VERBS:
            return False
        k = m.start(1) - 1
        while k >= 0 and self.text[k] in " \u00a0":
            k -= 1
        return k < 0 or self.text[k] in ",”\"’'\n—–("

    def _after_place_word(self, s: int) -> bool:
        if not self.text.endswith(_PLACE_ENDS, max(0, s - 16), s):
            return False  # no place word before it: the regex would search for nothing
        m = _PLACE_BEFORE.search(self.text, max(0, s - 16), s)
        return m is not None

    def _opens_sentence(self, s: int, e: int, person: bool = False) -> bool:
        known = self._opens_memo.get((s, e, person))
        if known is None:
            known = self._opens_memo[(s, e, person)] = self._opens_now(s, e, person)
        return known

    def _opens_now(self, s: int, e: int, person: bool) -> bool:
        """Whether a mention stands where subjects do: opening its sentence, or before a verb
        ("Ham went on", "Ham also noted"), and not after a preposition ("under Obama")."""
        text = self.text
        k = s - 1
        while k >= 0 and text[k] == " ":
            k -= 1
        if k < 0 or text[k] in "\n.!?”\"’":
            return True
        m = _last_word(_WORD_BEFORE, _WORD_BEFORE_AT_WORD, text, max(0, k - 14), k + 1)
        if m is not None and m.group(1).lower() in CUE_VERBS:
            return True  # "noted Dante Chinni": the subject of an inverted cue
        if m is not None and m.group(1).lower() in _NOT_BEFORE_SUBJECT:
            return False
        if person and m is not None and m.group(1).lower() in ("the", "a", "an"):
            return False  # "accused the Saudi government": a modifier, not a person subject
        if m is not None and m.group(1) == "The" and m.start(1) == k - 2 and (
            m.start(1) == 0 or (text[m.start(1) - 1] in "\n "
            and (m.start(1) < 2 or text[m.start(1) - 2] in "\n.!?”\""))
        ):
            return True  # "The United Nations Security Council on Friday made …"
        m = _WORD_AFTER.match(text, e)
        return m is not None and m.group(1) not in _NOT_VERB

    def _subject_before(self, k: int, at: int) -> Mention:
        """The mention a pronoun at `at` votes for: the nearest one, unless it stands as an
        object and the sentence's subject is named just before ("Strada accused the Saudi
        government …, and she")."""
        ment = self.mentions[k]
        if self._opens_sentence(ment.start, ment.end, person=True):
            return ment
        text = self.text
        j = k - 1
        while j >= 0 and k - j <= 3:
            cand = self.mentions[j]
            if at - cand.end > 200 or any(c in text[cand.end:ment.start] for c in ".!?\n"):
                break
            if not cand.person.is_org and self._opens_sentence(cand.start, cand.end, True):
                return cand
            j -= 1
        return ment

    def resolve(self, tokens: list[str], at: int) -> tuple[str, tuple[str, ...]]:
        """Full name and other forms for a name as written at offset `at`."""
        w = written(tuple(tokens))
        if w is None:
            return " ".join(tokens), ()
        name, key = w.name, w.key
        if w.acronym and key not in self._by_part:
            expanded = self._acronyms().get(name[0])
            if expanded is not None:
                return expanded.name, (name[0],)
        gender = w.gender
        person = self._by_full.get(key) if gender is None or len(name) > 1 else None
        if person is None and len(name) == 1:
            cands = self._by_part.get(key)
            if cands:
                if gender is not None and len(cands) > 1:
                    self._need_genders()  # Mr. or Mrs. Obama: which one fits the title
                person = prefer_surname(cands, key, gender)
                if len(cands) > 1:
                    # Namesakes (Jeh and Gary Johnson): the one just named in full.
                    person = self._named_in_full_near(cands, at) or person
        if person is None and len(name) > 1:
            person = self._lookup(list(name), False)
        if person is None and len(name) > 1 and not w.org_like:
            # "Obama Sees" (a headline's words run on): the one known name part inside.
            known = {id(p): p for t in name for p in self._by_part.get(t.lower(), ())
                     if p.name.split()[-1].lower() == t.lower()}
            if len(known) == 1:
                person = next(iter(known.values()))
        if person is None:
            return " ".join(name), ()
        return person.name, tuple(f for f in person.forms if f != person.name)

    def _acronyms(self) -> dict[str, Person]:
        """IMF for the International Monetary Fund: initials of the bodies named in full."""
        if self._acronym_map is None:
            self._acronym_map = {}
            for p in self._by_full.values():
                words = [w for w in p.name.split() if w[0].isupper()]
                if len(words) >= 2:
                    self._acronym_map.setdefault("".join(w[0] for w in words), p)
        return self._acronym_map

    def plausible_name(self, tokens: tuple[str, ...]) -> bool:
        """False for a lone capitalised word that is really a verb or common noun opening a
        sentence ("Bemoaning the …", "Calls men …"): one the index does not know, that ends in
        -ing or that the article also writes in lower case."""
        if len(tokens) > 1 or self.knows(tokens):
            return True
        word = clean_token(tokens[0])
        if word.isupper():
            return True  # an acronym: NPR, IMF
        low = word.lower()
        if low.endswith("ing"):
            return False
        if low not in self.text:
            return True  # not even inside another word: no need for the regex
        return re.search(rf"\b{re.escape(low)}\b", self.text) is None

    def knows(self, tokens: tuple[str, ...]) -> bool:
        """True when the name (as written) belongs to someone the index holds."""
        key, single = written_key(tuple(tokens))
        return key in self._by_full or (single and key in self._by_part)

    def _named_in_full_near(self, cands: list[Person], at: int, reach: int = 300) -> Person | None:
        k = bisect.bisect_left(self._starts, at) - 1
        while k >= 0 and at - self.mentions[k].start <= reach:
            ment = self.mentions[k]
            if ment.person in cands and " " in ment.form and (
                self._opens_sentence(ment.start, ment.end, person=True)
                or self._speaks(ment.start, ment.end)
            ):
                # Only a namesake introduced as a subject takes over the bare surname; one
                # mentioned in passing ("accused Rafael Cruz, who …") leaves it to the main one.
                return ment.person
            k -= 1
        return None

    def person_named(self, word: str) -> Person | None:
        """The person a transcript label (WALLACE:) or lone surname stands for."""
        key = word.lower()
        cands = self._by_part.get(key)
        if cands:
            return prefer_surname(cands, key)
        return self._by_full.get(key)

    def inside_quote(self, pos: int) -> bool:
        """Whether `pos` lies within quoted words (which introduce nobody)."""
        return self._inside_quote(pos)

    def _inside_quote(self, pos: int) -> bool:
        q = self._quoted
        i = bisect.bisect_right(q, (pos, 1 << 62)) - 1
        return i >= 0 and q[i][0] <= pos < q[i][1]
