"""Which person a pronoun, a role noun or a document stands for, and the genders that decide it.

Split from `names.NameIndex` (which inherits `AntecedentRules`) because resolving "he", "she",
"the official" or "it" is a job of its own: salience weights, gender votes and the topic of a
paragraph, asked of the mentions the index has read.
"""

from __future__ import annotations

import bisect
import re
from typing import TYPE_CHECKING

from model.extract.given_names import first_name_gender
from model.extract.lexicon import FEMALE_ROLES, MALE_ROLES
from model.extract.name_forms import Mention, Person

_PLACE_WORDS = frozenset({
    "city", "county", "state", "states", "island", "islands", "river", "mountain",
    "province", "region", "street", "avenue", "square", "north", "south", "east", "west",
    "america",
})

# Only subject pronouns vote on gender: "her" and "his" as often point at someone else
# ("Donald Trump, her opponent"). A subject pronoun is a whole word he or she in any case, or
# "ſhe" with the long s (which, not being "she" in lower case, counts as "he"). Each pattern
# below opens on two fixed letters, which the regex engine finds by a fast string search, where
# a pattern opening on a character set or a word boundary is tried at every character (four
# times slower over an article). A match ends after the "he"; its first group is set when an s
# before it makes it "she", its second when a long s does.
_PRONOUN_ENDS = tuple(
    re.compile(rf"{h}{e}(?!\w)(?:(?<!\w..)|(?<=(?<!\w)[Ss]..)()|(?<=(?<!\w)ſ..)())")
    for h in "hH" for e in "eE"
)


def subject_pronouns(text: str) -> list[tuple[int, str]]:
    """(offset, "m" or "f") of every subject pronoun in `text`, in text order."""
    found = [
        (m.start(), "m") if m.lastindex is None else (m.start() - 1, "fm"[m.lastindex - 1])
        for pattern in _PRONOUN_ENDS for m in pattern.finditer(text)
    ]
    found.sort()
    return found

_SENTENCE_END = re.compile(r"[.!?\n]")

_SALIENT = 4

# The subject of the sentence right before a paragraph opening on a quote.
_LEAD = 8
# A subordinate clause opening a sentence, up to its pronoun subject.
_OPENING_CLAUSE = re.compile(
    r"(?:^|(?<=[\n.!?] )|(?<=\n)|(?<=[.!?][\"”’] ))(?:Although|Though|While|When|After|Before"
    r"|As|Because|If|Since|Once|Until|Whenever) $"
)
_OPENING_QUOTES = frozenset('“"‘\'')

_SPEAKS = 3

_SAME_PARAGRAPH = 3

_LATEST_SPEAKER = 2

_TOPIC = 6

_NEXT_SUBJECT = {
    "m": re.compile(r"[.!?][\"”’]?\s+He\b"), "f": re.compile(r"[.!?][\"”’]?\s+She\b"),
}

_FITS = 2


class AntecedentRules:
    """Pronoun and role resolution over a NameIndex's mentions (mixed into NameIndex)."""

    if TYPE_CHECKING:
        text: str
        mentions: list[Mention]
        _starts: list[int]
        _by_full: dict[str, Person]
        _mention_in_quote: list[bool] | None
        _quoted: list[tuple[int, int]]
        _speaks_memo: dict[tuple[int, int], bool]
        _opens_memo: dict[tuple[int, int, bool], bool]
        _genders_guessed: bool
        _antecedent_memo: dict[tuple[int, str | None, str | None, str | None], Person | None]

        def _inside_quote(self, pos: int) -> bool: ...
        def _opens_sentence(self, s: int, e: int, person: bool = False) -> bool: ...
        def _possessive(self, e: int) -> bool: ...
        def _speaks(self, s: int, e: int) -> bool: ...
        def _subject_before(self, k: int, at: int) -> Mention: ...

    def _need_genders(self) -> None:
        """Guess the genders now, once: only the questions that weigh genders call this."""
        if not self._genders_guessed:
            self._genders_guessed = True
            self._guess_genders()

    def _guess_genders(self) -> None:
        """A pronoun right after a person's mention votes for that person's gender."""
        starts = self._starts
        text = self.text
        voted = -1
        for at, g in subject_pronouns(text) if starts else ():
            k = bisect.bisect_right(starts, at) - 1
            if k < 0 or k == voted:
                continue  # only the first pronoun after a mention votes
            near = self.mentions[k].end  # cheap tests first: an earlier mention is farther
            if at - near > 120 or text.find("\n", near, at) >= 0 or self._inside_quote(at):
                continue
            ment = self._subject_before(k, at)
            if ment.person.is_org or at - ment.end > 120 or text.find("\n", ment.end, at) >= 0:
                continue
            voted = k
            ment.person.votes[g] = ment.person.votes.get(g, 0) + 1
        for p in self._by_full.values():
            votes = p.votes
            for role in p.roles:
                if role in FEMALE_ROLES:
                    votes["f"] = votes.get("f", 0) + 3
                elif role in MALE_ROLES:
                    votes["m"] = votes.get("m", 0) + 3
            if not p.is_org:
                g = first_name_gender(p.name)
                if g:
                    votes[g] = votes.get(g, 0) + 2
            if votes:
                m_, f_ = votes.get("m", 0), votes.get("f", 0)
                p.gender = "m" if m_ > f_ else "f" if f_ > m_ else None

    # -- answering questions -------------------------------------------------------------
    def antecedent(
        self, at: int, gender: str | None, role: str | None = None, speaker: str | None = None
    ) -> Person | None:
        """The person a pronoun (or "the president") at offset `at` most likely stands for.

        Among the last few fitting people, the one already speaking (the speaker of the quotes
        just before, or the subject of a speech verb) wins, then one whose gender is known to
        fit, then a sentence subject, then simply the latest: "he said" continues with the one
        already speaking more often than it turns to someone merely mentioned in passing.
        """
        key = (at, gender, role, speaker)
        memo = self._antecedent_memo
        if key in memo:
            return memo[key]  # the pipeline asks again about the same pronoun
        self._need_genders()
        found = memo[key] = self._antecedent_now(at, gender, role, speaker)
        return found

    def _antecedent_now(
        self, at: int, gender: str | None, role: str | None, speaker: str | None
    ) -> Person | None:
        """`antecedent` worked out: the scores of the mentions before `at`, latest first,
        stopping as soon as no earlier mention could outscore the best one (the bonuses for
        the pronoun's paragraph, the lead and the latest speaker only shrink going back)."""
        gendered = gender in ("m", "f")
        if gendered:
            ahead = self._subject_ahead(at, gender)  # type: ignore[arg-type]
            if ahead is not None:
                return ahead
        lead = self._lead_before_quote(at) if gendered else -1
        text = self.text
        mentions = self.mentions
        quoted = self._quoted_mentions()
        speaks_at, possessive, opens = self._speaks, self._possessive, self._opens_sentence
        best: Person | None = None
        best_score = -1
        seen: set[str] = set()
        latest_speaker = True
        # The most any mention still to come could score, but for the bonuses that end.
        base = _SPEAKS + (_FITS if gender is not None else 0) + 1
        same_par = True  # no line break yet between the mention and the pronoun
        topic_open = gendered  # the mention is in the pronoun's paragraph or the one before
        stop_seen = -2
        k = bisect.bisect_left(self._starts, at) - 1
        counted = 0
        while k >= 0 and counted < 40:
            ment = mentions[k]
            p = ment.person
            if p.is_org or quoted[k]:
                k -= 1
                continue
            k -= 1
            counted += 1
            if role is not None:
                if role not in p.roles:
                    continue
            elif gendered and p.gender not in (None, gender):
                continue
            name = p.name
            if len(seen) >= _SALIENT and name != speaker:
                continue  # past the last few people only the one speaking still counts
            s, e = ment.start, ment.end
            if same_par:
                same_par = text.find("\n", e, at) < 0
            if topic_open and not same_par:
                stop = text.find("\n", e, at)
                if stop != stop_seen:
                    stop_seen = stop
                    topic_open = "\n" not in text[stop:at].strip()
            fits = gender is not None and p.gender == gender
            # The most this mention can score: below the best, only whether it speaks counts
            # (the first one speaking takes the latest speaker's bonus from those before it).
            if best_score >= _SPEAKS + _FITS * fits + _LATEST_SPEAKER * latest_speaker + _LEAD * (
                s == lead
            ) + 1 + _SAME_PARAGRAPH * same_par + _TOPIC * topic_open:
                if latest_speaker and (name == speaker or speaks_at(s, e)):
                    latest_speaker = False
                seen.add(name)
                if len(seen) > _SALIENT:
                    break
                continue
            # A speech verb's subject ("Obama said", "said Mr. Obama") is likeliest, then a
            # mention where subjects stand, the likelier antecedent of a later pronoun.
            speaks = name == speaker or speaks_at(s, e)
            owner = possessive(e)
            score = _SPEAKS * speaks + _FITS * fits - 2 * owner
            if speaks and latest_speaker:
                # The one who spoke last outranks earlier speakers whose gender merely is
                # better known ("…, noted Dante Chinni. “…,” he wrote.").
                score += _LATEST_SPEAKER
                latest_speaker = False
            if s == lead and not owner:
                score += _LEAD  # the subject of the sentence just before the quote
            if opens(s, e, True):
                # A subject in the pronoun's own paragraph is the topic there.
                score += 1 + _SAME_PARAGRAPH * same_par
                if gendered and topic_open and self._topic_goes_on(
                    e, at, gender  # type: ignore[arg-type]
                ):
                    score += _TOPIC
            if score > best_score:
                best, best_score = p, score
            seen.add(name)
            if len(seen) > _SALIENT:
                break
            if best_score >= base + _LATEST_SPEAKER * latest_speaker + _LEAD * (
                0 <= lead < s
            ) + _SAME_PARAGRAPH * same_par + _TOPIC * topic_open:
                break  # mentions further back score no higher: the answer is fixed
        return best

    def _subject_ahead(self, at: int, gender: str) -> Person | None:
        """ "Although he said it was “wild”, Isaac stopped short of …": a pronoun in a clause
        that opens its sentence stands for the subject of the main clause after the comma."""
        text = self.text
        m = _OPENING_CLAUSE.search(text, max(0, at - 14), at)
        if m is None or m.end() != at:
            return None
        k = bisect.bisect_left(self._starts, at)
        if k >= len(self.mentions):
            return None
        ment = self.mentions[k]
        p = ment.person
        if p.is_org or p.gender not in (None, gender) or ment.start - at > 200:
            return None
        between = text[at:ment.start]
        if _SENTENCE_END.search(between) or not between.rstrip().endswith(","):
            return None  # the name must open the main clause, right after the comma
        return p if self._speaks(ment.start, ment.end) or self._opens_sentence(
            ment.start, ment.end, True) else None

    def _lead_before_quote(self, at: int) -> int:
        """Where the subject of the last sentence before a paragraph that opens with a quote
        starts ("Chandor attributed the friendship to … ¶ “…,” he said."), or -1: news
        writing introduces a quote's speaker in the sentence right before it, and the people
        named later in that sentence are its objects."""
        text = self.text
        ps = text.rfind("\n", 0, at) + 1
        if ps <= 1 or text[ps:ps + 1] not in _OPENING_QUOTES:
            return -1
        prev_end = ps - 1
        while prev_end > 0 and text[prev_end - 1] in "\n ":
            prev_end -= 1
        prev_start = text.rfind("\n", 0, prev_end) + 1
        # The last sentence of that paragraph: after its last full stop followed by a space.
        cut = max(text.rfind(". ", prev_start, prev_end - 1), text.rfind("? ", prev_start,
                  prev_end - 1), text.rfind("! ", prev_start, prev_end - 1))
        sent = cut + 2 if cut >= 0 else prev_start
        k = bisect.bisect_left(self._starts, sent)
        if k >= len(self.mentions):
            return -1
        ment = self.mentions[k]
        if ment.start >= prev_end or ment.person.is_org or text[sent:ment.start].strip():
            return -1  # the sentence does not open on a name
        j = bisect.bisect_left(self._starts, prev_start)
        while j < k:
            other = self.mentions[j]
            j += 1
            if other.person is not ment.person and not other.person.is_org and (
                not self._possessive(other.end)
            ) and self._opens_sentence(other.start, other.end, True):
                return -1  # the paragraph has another subject: no single lead to prefer
        return ment.start

    def recent_body(self, at: int, reach: int = 400) -> Person | None:
        """The organisation named last within `reach` characters: what "they" or "it" said."""
        k = bisect.bisect_left(self._starts, at) - 1
        first: Person | None = None
        quoted = self._quoted_mentions()
        while k >= 0 and at - self.mentions[k].start <= reach:
            ment = self.mentions[k]
            if ment.person.is_org and not quoted[k] and not (
                _PLACE_WORDS.intersection(ment.person.name.lower().split())
            ):  # "New York City" neither writes a report nor says anything itself
                if self._opens_sentence(ment.start, ment.end):
                    return ment.person  # "Although the IMF did not …, it referenced"
                first = first or ment.person
            k -= 1
        return first

    def _quoted_mentions(self) -> list[bool]:
        """Whether each mention lies inside a quote, worked out once for all the questions:
        one walk along the mentions and the quotes together, both in text order (what
        `_inside_quote` finds by bisection for one offset)."""
        quoted = self._mention_in_quote
        if quoted is None or len(quoted) != len(self.mentions):
            quoted = []
            add = quoted.append
            q = self._quoted
            n = len(q)
            i = 0  # how many quotes open at or before the mention
            for pos in self._starts:
                while i < n and q[i][0] <= pos:
                    i += 1
                add(i > 0 and pos < q[i - 1][1])
            self._mention_in_quote = quoted
        return quoted

    def _topic_goes_on(self, end: int, at: int, gender: str) -> bool:
        """ "Trump has record low support … He recently pitched himself …": the next sentence
        of the same paragraph opens with the fitting pronoun, so the subject stays the topic,
        up to the pronoun at `at` in that paragraph or the next."""
        text = self.text
        stop = text.find("\n", end, at)
        if stop < 0:
            stop = at
        elif "\n" in text[stop:at].strip():
            return False  # the topic's paragraph is not the one right before the pronoun's
        return _NEXT_SUBJECT[gender].search(text, end, stop) is not None
