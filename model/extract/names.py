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
from functools import lru_cache

from model.extract.antecedents import AntecedentRules
from model.extract.lexicon import CUE_VERBS
from model.extract.name_forms import (
    Mention,
    Person,
    clean_token,
    fold_name,
    only_numbers,
    prefer_surname,
)
from model.extract.name_reading import NameReading
from model.extract.name_scan import written, written_key

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
_SENTENCE_END = re.compile(r"[.!?\n]")
_INITIAL = re.compile(r"[A-Z]\.")
_WORD_AFTER = re.compile(r"(?:'s|’s)?,?[ \u00a0]([a-z]+)")
_NOT_BEFORE_SUBJECT = frozenset({
    "of", "for", "to", "with", "under", "against", "about", "by", "from", "on", "at", "in",
    "than", "like", "as", "between", "among", "toward", "towards", "into", "over", "and", "or",
})
_NOT_VERB = frozenset({
    "of", "for", "to", "with", "and", "or", "the", "a", "an", "in", "on", "at", "by", "from",
    "who", "which", "that", "whose", "as", "but",
})


@lru_cache(maxsize=1 << 14)
def _counting(tokens: tuple[str, ...]) -> bool:
    """Whether a cue's subject is only counting words ("Six years ago …"): the same subjects
    come back quote after quote."""
    return only_numbers([clean_token(t) for t in tokens])


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


class NameIndex(NameReading, AntecedentRules):
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
        # Names with accents or umlauts under their folded spellings (`NameReading._fold_in`).
        self._folded: dict[str, Person] = {}
        self._opens_memo: dict[tuple[int, int, bool], bool] = {}
        self._antecedent_memo: dict[
            tuple[int, str | None, str | None, str | None], Person | None
        ] = {}
        self._read()

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
        if m is not None:
            before = m.group(1).lower()
            if before in CUE_VERBS:
                return True  # "noted Dante Chinni": the subject of an inverted cue
            if before in _NOT_BEFORE_SUBJECT:
                return False
            if person and before in ("the", "a", "an"):
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
            if at - cand.end > 200 or _SENTENCE_END.search(text, cand.end, ment.start):
                break
            if not cand.person.is_org and self._opens_sentence(cand.start, cand.end, True):
                return cand
            j -= 1
        return ment

    def resolve(self, tokens: list[str], at: int) -> tuple[str | None, tuple[str, ...]]:
        """Full name and other forms for a name as written at offset `at`; no name for
        counting words ("Six years ago …"), which a sentence opens with but nobody is called."""
        key_tokens = tuple(tokens)
        if _counting(key_tokens):
            return None, ()
        w = written(key_tokens)
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
        if person is None and len(name) > 1 and _INITIAL.fullmatch(name[-1]):
            # "Brian M." where a sentence's reading stopped at the initial: Brian M. Good.
            prefix = key + " "
            for p in self._by_part.get(name[0].lower(), ()):
                if p.name.lower().startswith(prefix):
                    person = p
                    break
        if person is None and self._folded and not w.org_like:
            person = self._folded.get(fold_name(key))  # Mueller for Gerhard Müller
        if person is None and len(name) > 1 and not w.org_like:
            # "Obama Sees" (a headline's words run on): the one known name part inside.
            known = {id(p): p for t in name for p in self._by_part.get(t.lower(), ())
                     if p.name.split()[-1].lower() == t.lower()}
            if len(known) == 1:
                person = next(iter(known.values()))
        if person is None and len(name) > 1:
            person = self._ending_with(key)
        if person is None:
            return " ".join(name), ()
        return person.name, tuple(f for f in person.forms if f != person.name)

    def _ending_with(self, key: str) -> Person | None:
        """The one name the article gives in full that ends with these words: "York Times"
        for the New York Times, "Security Council" for the United Nations Security Council,
        "Guajardo Villarreal" for Ildefonso Guajardo Villarreal. None when several do."""
        tail = " " + key
        found = {id(p): p for full, p in self._by_full.items() if full.endswith(tail)}
        return next(iter(found.values())) if len(found) == 1 else None

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
