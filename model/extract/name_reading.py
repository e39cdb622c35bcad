"""How `NameIndex` reads an article: every capitalised run, once, in text order.

Split from `names` because reading is a job of its own, and the one that decides the speed of
the whole index: a regex pass finds the runs, `name_scan` says once per spelling how a run
reads, and only what depends on the article so far (who is already named, the words right
before and after) is worked out for each run here.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from model.extract.given_names import given_name_gender
from model.extract.lexicon import NOT_NAMES, TITLES
from model.extract.name_context import (
    CUE_AFTER,
    CUE_STARTS,
    PARTNER_AFTER,
    PARTNER_OF,
    POSSESSIVES,
    ROLE_TAILS,
    cue_after,
    role_gender_before,
    role_gender_before_comma,
)
from model.extract.name_forms import (
    PARTICLES,
    Mention,
    Person,
    clean_token,
    fold_name,
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
)

_WORDPAT = r"(?:(?:[A-Z]\.){2,}|(?:[A-Z]|[ÀÁÂÄÅÇÉÈÊËÍÎÏÑÓÔÖØÚÜÝŁŚŻŽ])[\w'’\-]*\.?)"
_UPPER = "A-ZÀÁÂÄÅÇÉÈÊËÍÎÏÑÓÔÖØÚÜÝŁŚŻŽ"
# (?<![\w'’]){_WORDPAT}, written to open on a character set (the engine skips to the next
# capital instead of trying the look-behind at every character: three times faster).
_FIRST_WORD = (
    rf"[{_UPPER}](?<![\w'’][{_UPPER}])(?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’\-]*\.?)"
)
# _WORDPAT, likewise opening on its capital once instead of once per alternative.
_NEXT_WORD = rf"[{_UPPER}](?:(?<=[A-Z])\.(?:[A-Z]\.)+|[\w'’\-]*\.?)"
# The particles inside a name (de, del, den, der, da, di, du, dos, das, van, von, bin, al, la,
# le, ter, ten, el, ibn) as a tree of first letters, so that a run's end (" said") fails at once.
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
_PLACE_BEFORE = re.compile(
    r"\b(?:in|at|near|across|outside|inside|throughout)(?: the)? $"
)
# A name opening on initials (J.C., J. K.): a person's, never a place's.
_INITIALS = re.compile(r"(?:[A-Z]\.){1,3}$")
# How the text before a place must end for `_PLACE_BEFORE` to have a chance.
_PLACE_ENDS = (
    "in ", "at ", "near ", "across ", "outside ", "inside ", "throughout ", "the ", " \n",
)


def _particle_surname(full: str) -> str:
    """ "de blasio" for "bill de blasio": a surname with its particle, else no key at all."""
    words = full.split()
    if len(words) >= 3 and words[-2] in PARTICLES:
        return " ".join(words[-2:])
    return ""


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


class NameReading:
    """Reading an article's names into a NameIndex (mixed into NameIndex)."""

    if TYPE_CHECKING:
        text: str
        mentions: list[Mention]
        _starts: list[int]
        _headlines: list[tuple[int, int]]
        _by_full: dict[str, Person]
        _by_part: dict[str, list[Person]]
        _acronym_map: dict[str, Person] | None
        _full_writes: int
        _acronym_writes: int
        _folded: dict[str, Person]

        def _acronyms(self) -> dict[str, Person]: ...
        def _opens_sentence(self, s: int, e: int, person: bool = False) -> bool: ...

    def _split_run(self, rs: int, re_: int) -> list[tuple[int, int, list[str]]]:
        """A capitalised run cut where a name cannot go on (see `name_scan.split_words`)."""
        return [(rs + a, rs + b, list(toks)) for a, b, toks in split_words(self.text[rs:re_])]

    def _read(self) -> None:
        text = self.text
        heads = self._headlines
        h = 0
        by_part, by_full = self._by_part, self._by_full
        plans = _PLANS
        speech_after = cue_after
        cue_match = CUE_AFTER.match
        cue_starts = CUE_STARTS
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
                # (`cue_after`, its commonest miss written out).
                if low in by_part or low in by_full or (
                    (text[e:e + 1] != " " or text[e + 1:e + 3] in cue_starts)
                    and cue_match(text, e)
                ):
                    dot, low, key = read
                    if dot:
                        e -= 1
                    if low in by_part or low in by_full or speech_after(text, e):
                        form = form_of(key)
                        if form is not None:
                            add(s, e, form)
                continue
            for a, b, lone, found in pieces:
                if lone:
                    dot, low, key = found  # type: ignore[misc]
                    e = s + b - dot
                    if low in by_part or low in by_full or speech_after(text, e):
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
            if low in self._by_part or low in self._by_full or cue_after(self.text, e):
                self._read_word(s, e, word, True)
            return
        for rs, r_e, raw in self._split_run(s, e):
            if len(raw) == 1:
                self._read_word(rs, r_e, raw[0], True)
                continue
            if (len(raw) == 2 or (len(raw) == 3 and len(raw[1].rstrip(".")) == 1)) and (
                given_name_gender(raw[0]) is not None
            ):
                # "Hillary Clinton Goes After …": a common given name and a surname are a
                # person's full name, in a headline too (its verbs end the run: name_scan).
                self._read_run(rs, r_e, raw)
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
        if known or (not in_head and cue_after(self.text, e)):
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
        if self._folded and not org and full not in by_full and last not in by_part:
            self._link_spelling(f)
        if lone and first not in by_part and cue_after(text, e) and not (
            ends_s and self._opens_sentence(s, e)
        ):
            # "Melanie said": a person known by one name
            person = Person(word, s)
            by_full[first] = person
            self._full_writes += 1
            by_part.setdefault(first, []).append(person)
            if not word.isascii():
                self._fold_in(person)
            self.mentions.append(_mention((s, e, person, word)))
            self._starts.append(s)
            return
        if not titled and full not in by_full and last not in by_part and (
            self._after_place_word(s)
        ) and not _INITIALS.match(word):  # "in J.C. Chandor’s film": initials name a person
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
            lone_one = None if org or single else by_full.get(last)
            if lone_one is None and not org and not single:
                lone_one = by_full.get(_particle_surname(full))  # "De Blasio says …"
            if lone_one is not None and not lone_one.is_org and (
                not lone_one.forms and not lone_one.roles
            ) and full.endswith(" " + lone_one.name.lower()):
                # "Flynn says …" (read as a person known by one name, as a speech verb
                # followed) and then "Michael Flynn": the full name is that person's. Not one
                # the article titled ("President Obama"), whom a namesake does not replace.
                lone_one.forms.append(lone_one.name)
                lone_one.name = name
                by_full[full] = lone_one
                self._full_writes += 1
                by_part.setdefault(first, []).append(lone_one)
                person = lone_one
            else:
                person = Person(name, s, is_org=org)
                by_full[full] = person
                self._full_writes += 1
            if not org and person.first_seen == s:
                by_part.setdefault(last, []).append(person)
                by_part.setdefault(first, []).append(person)
                if not name.isascii():
                    self._fold_in(person)
        if form != person.name and form not in person.forms:
            person.forms.append(form)
        c = text[s - 1:s]
        if (c == " " and s > 3 and text[s - 4:s - 1] in ROLE_TAILS) or c == "\n":
            g = role_gender_before(text, s)  # a role word may stand before the name
            if g is not None:
                votes = person.votes
                votes[g] = votes.get(g, 0) + 3
        elif c == " " and text[s - 2:s - 1] == ",":
            g = role_gender_before_comma(text, s)  # "Robin Avery's husband, Kerry Dunn"
            if g is not None:
                votes = person.votes
                votes[g] = votes.get(g, 0) + 3
        if text[e:e + 2] in POSSESSIVES and not person.is_org:
            m = PARTNER_AFTER.match(text, e + 2)
            if m is not None:  # "Robin Avery's husband": the owner is the partner's partner
                g = PARTNER_OF[m.group(1)]
                votes = person.votes
                votes[g] = votes.get(g, 0) + 3
        for r, g in roles:
            person.roles.add(r)
            if g:
                votes = person.votes
                votes[g] = votes.get(g, 0) + 3
        self.mentions.append(_mention((s, e, person, form)))
        self._starts.append(s)

    def _fold_in(self, person: Person) -> None:
        """Keep a person whose name has accents or umlauts under its folded spellings, for
        the plain spellings the article may use later (Gerhard Müller … Mueller said)."""
        folded = self._folded
        folded.setdefault(fold_name(person.name), person)
        for part in person.name.split():
            folded.setdefault(fold_name(part), person)

    def _link_spelling(self, f: Form) -> None:
        """A name not yet known as written, but known under another spelling of its letters:
        file the new spelling under the person named first, so that every lookup finds them."""
        person = self._folded.get(fold_name(f.full))
        if person is None or person.is_org:
            return
        if f.single:
            self._by_part.setdefault(f.full, []).append(person)
        else:
            self._by_full[f.full] = person
            self._full_writes += 1
            self._by_part.setdefault(f.last, []).append(person)

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
        # "De Blasio" (a sentence capitalises the particle) after "Bill de Blasio", "Mr.
        # Guajardo Villarreal" after "Ildefonso Guajardo Villarreal": the end of a full name.
        # Only titled or opening on a particle: "Ms Khairunisa's father, Haidar Fauzi" is not
        # Khairunisa Haidar Fauzi, as a patronym repeats the father's name.
        if f.titled or first in PARTICLES:
            tail = " " + full
            for p in by_part.get(last, ()):
                if p.name.lower().endswith(tail):
                    return p
        for p in by_part.get(last, ()):
            if name_ends(p.name) == (first, last):
                if f.name.count(" ") > p.name.count(" "):
                    # "Loretta E. Lynch" after "Loretta Lynch": the fullest form the article
                    # gives is the name, as every outlet's reader would recognise it.
                    by_full[full] = p
                    self._full_writes += 1
                    if p.name not in p.forms:
                        p.forms.append(p.name)
                    p.name = f.name
                return p
        return None

    def _after_place_word(self, s: int) -> bool:
        if not self.text.endswith(_PLACE_ENDS, max(0, s - 16), s):
            return False  # no place word before it: the regex would search for nothing
        m = _PLACE_BEFORE.search(self.text, max(0, s - 16), s)
        return m is not None
