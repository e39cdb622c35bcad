"""The extractor's steps in order: paragraphs, marks, names, local attribution, then the speakers
that carry from one quote to the next.

Every step is linear in the text: the marks and names are found by single passes over it (the
marks by `str.find`, the names by one regex), each quote looks at a bounded window of words
around it, and only the paragraphs that quote anything are visited after the marks.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from model.extract.attribution import attribute_paragraph
from model.extract.frames import Phrase, find_cue, np_backward, np_forward, tokens
from model.extract.lexicon import (
    CUE_VERBS,
    FEMALE_ROLES,
    MALE_ROLES,
    NAMING_WORDS,
    PERSON_ROLES,
    PRONOUNS,
    ROLE_NOUNS,
)
from model.extract.marks import Span, spans_by_paragraph
from model.extract.names import NameIndex
from model.extract.paragraphs import paragraph_bounds
from model.extract.speaker_words import BODIES, DOCUMENTS, could_speak
from model.extract.types import FoundQuote

if TYPE_CHECKING:
    from model.extract.attribution import Local as Found

_ROLE_ALIASES = {"sen": "senator", "rep": "representative", "gov": "governor", "gen": "general",
                 "congressman": "representative", "congresswoman": "representative",
                 "lawmaker": "representative"}
_WORDS = re.compile(r"[^\W_][\w'’\-]*")
_SMALL = frozenset({"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with",
                    "by", "from", "is", "vs", "de", "la", "y", "&", "but", "as", "into", "than",
                    "over", "up", "out", "off", "via", "per", "nor", "so", "yet"})
# Matches when a span holds at least eight words (as _WORDS finds them), reading no further.
_EIGHT_WORDS = re.compile(r"[\W_]*+(?:[^\W_][\w'’\-]*+[\W_]*+){7}[^\W_]")
_ARTICLES = frozenset({"the", "a", "an", "as", "its", "his", "her", "their"})
_HEAD_LABEL = re.compile(r"([A-Z][\w'’\-]*(?: [A-Z][\w'’\-.]*){0,3}):\s")

_NEAR_PARAGRAPHS = 2
Speaker = tuple[str | None, tuple[str, ...], str | None]  # (name, aliases, cue)


def _resolve(ph: Phrase | None, names: NameIndex, speaker: str | None = None) -> Speaker:
    if ph is None:
        return None, (), None
    if ph.kind == "name":
        name, aliases = names.resolve(list(ph.words), ph.start)
        return name, aliases, ph.cue
    if ph.kind == "pronoun":
        g = PRONOUNS.get(ph.words[0])
        if g in ("m", "f"):
            person = names.antecedent(ph.start, g, speaker=speaker)
            if person is not None:
                return person.name, tuple(person.forms), ph.cue
        elif ph.words[0] in ("they", "it") and _speaks_next(
            names.text, ph.start + len(ph.words[0])
        ):
            body = names.recent_body(ph.start)  # "the Security Council … they said"
            if body is not None:
                return body.name, tuple(body.forms), ph.cue
        return None, (), ph.cue
    words = list(ph.words)
    if all(w[:1].isupper() for w in words):
        # "the IMF", "the Associated Press": a body's name after its article.
        name, aliases = names.resolve(words, ph.start)
        return name, aliases, ph.cue
    head = _head_noun(words)
    if head in DOCUMENTS or head in BODIES:
        # "the IMF report said", "a Homeland Security memo": the body that wrote it speaks.
        run = _capitalised_run(words)
        if run:
            name, aliases = names.resolve(run, ph.start)
            return name, aliases, ph.cue
        if ph.definite:
            # "the report says", "the agency suggested": the body the story is about.
            body = names.recent_body(ph.start, reach=_BODY_REACH)
            if body is not None:
                return body.name, tuple(body.forms), ph.cue
    if head in PERSON_ROLES and (ph.definite or len(words) == 1):
        # "the president", "the former secretary of state": someone the article has named.
        person = names.antecedent(ph.start, None, role=head, speaker=speaker)
        if person is None and ph.definite and len(words) == 1:
            earlier = _earlier_description(names, head, ph.start)
            if earlier is not None:
                return earlier, (), ph.cue  # "a Pentagon spokesman … the spokesman said"
        if person is None and ph.definite:
            gender = "f" if head in FEMALE_ROLES else "m" if head in MALE_ROLES else None
            person = names.antecedent(ph.start, gender, speaker=speaker)
        if person is not None:
            return person.name, tuple(person.forms), ph.cue
    if ph.definite and len(words) == 1 and head in ROLE_NOUNS and head not in DOCUMENTS:
        # "a State Department official warned … the official told reporters": the unnamed
        # source introduced earlier, as a surname stands for the full name.
        earlier = _earlier_description(names, head, ph.start)
        if earlier is not None:
            return earlier, (), ph.cue
    if not could_speak(words):
        return None, (), ph.cue  # "its final report", "radar data": no one the text names
    return " ".join(_undecorated(words)), (), ph.cue


# Rank and praise say nothing about who a source is: "a senior State Department official"
# and "a top State Department official" are the same description.
_DECORATIONS = frozenset({"senior", "top", "high-ranking", "high-level", "ranking", "key"})
_EARLIER_REACH = 1500


def _undecorated(words: list[str]) -> list[str]:
    k = 0
    while k < len(words) - 1 and words[k].lower() in _DECORATIONS:
        k += 1
    return words[k:]


@lru_cache(maxsize=256)
def _whole_word(word: str) -> re.Pattern[str]:
    """The pattern of `word` as a whole word, compiled once per word (the role nouns repeat)."""
    return re.compile(rf"\b{re.escape(word)}\b")


def _earlier_description(names: NameIndex, head: str, at: int) -> str | None:
    """The nearest description before `at` that ends in `head` and says more than it does
    ("State Department official" for a later "the official"), outside quotes."""
    text = names.text
    lo = max(0, at - _EARLIER_REACH)
    hits = [m.start() for m in _whole_word(head).finditer(text[lo:at])]
    for pos in reversed(hits):
        start = lo + pos
        if names.inside_quote(start):
            continue
        end = start + len(head)
        toks = tokens(text, max(0, start - 120), end)
        ph = np_backward(toks, len(toks), "")
        if ph is None or ph.kind != "description" or len(ph.words) < 2:
            continue
        words = _undecorated(list(ph.words))
        if len(words) >= 2 and _head_noun(words) == head:
            return " ".join(words)
    return None


_BODY_REACH = 1500


def _capitalised_run(words: list[str]) -> list[str]:
    """The first run of capitalised words (an organisation's name) in a description."""
    run: list[str] = []
    for w in words:
        if w[:1].isupper():
            run.append(w.removesuffix("'s").removesuffix("’s"))
        elif run:
            break
    return run


_NEXT_WORD = re.compile(r"\s+(?:\w+ly\s+|also\s+|later\s+)?(\w+)")


def _speaks_next(text: str, pos: int) -> bool:
    """ "it said", "they also argued": the pronoun is the subject of a speech verb (not the "it"
    of "it goes without saying")."""
    m = _NEXT_WORD.match(text, pos)
    return m is not None and m.group(1).lower() in CUE_VERBS


def _head_noun(words: list[str]) -> str:
    """The head of a description: the word before its first preposition, else its last word."""
    for k, w in enumerate(words):
        if k > 0 and w.lower() in ("of", "for", "at", "with", "from", "in", "on", "and", "who"):
            head = words[k - 1].lower()
            break
    else:
        head = words[-1].lower()
    head = head.rstrip(".")
    return _ROLE_ALIASES.get(head, head)


# Words that always introduce a name, whatever its case; "called" and the nouns of
# NAMING_WORDS only when the name is capitalised ("lawmakers called it “fraud”" is speech).
_STRONG_NAMING = frozenset({
    "so-called", "dubbed", "nicknamed", "titled", "entitled", "named", "billed", "known",
    "headlined", "hashtag", "slogan",
})


def _is_title_like(text: str, span: Span, ps: int) -> bool:
    """A short capitalised name of a thing (a show, a book, a nickname), not someone's words."""
    start, end = span.start, span.end
    if _EIGHT_WORDS.match(text, start, end):
        return False  # too long for a name (most quotes: rejected without reading them)
    words = _WORDS.findall(text, start, end)
    if not words:
        return False
    capital = words[0][0].isupper()
    if len(words) <= 4:
        before = _WORDS.findall(text, max(ps, start - 40), start)
        while before and before[-1].lower() in _ARTICLES:
            before.pop()
        last = before[-1].lower() if before else ""
        if last and (last in _STRONG_NAMING or (last in NAMING_WORDS and capital)):
            return True  # the so-called “Buffett rule”, a show called “Politicking.”
    ending = text[start:end].rstrip()[-1:]
    if not capital or ending in "!?":
        return False
    caps = sum(1 for w in words if w[0].isupper())
    content = sum(1 for w in words if w.lower() not in _SMALL)
    if ending == ".":
        # American style puts the full stop inside the marks, titles too ("World War Z."); a
        # quoted sentence capitalises its first word and names only, so three capitalised
        # words, the first no pronoun ("We're America."), say title.
        first = words[0].lower().replace("’", "'").split("'")[0]
        if first in PRONOUNS or ". " in text[start:end]:
            return False  # "We're America.", "The Donald. Big Daddy.": sentences
        return content >= 3 and caps >= content
    return content > 0 and caps >= content


# "call" introduces words ("called the scheme “fraud”") or a name ("call themselves the
# “Night Owls”"): with it, a capitalised title-like span is a name.
_NAMING_CUES = frozenset({"call", "calls", "called", "calling"})


def _after_strong_naming(text: str, span: Span, ps: int) -> bool:
    """ "so-called “pass through” income": a name for a thing whatever cue stands nearby."""
    before = _WORDS.findall(text, max(ps, span.start - 20), span.start)
    return bool(before) and before[-1].lower() in _STRONG_NAMING


def _is_headline(text: str, ps: int, pe: int) -> bool:
    """A headline capitalises every word: there a capitalised quote is still a quote."""
    end = min(pe, ps + 400)
    # Prose is told apart before its words are read by the regex: each lower-case, purely
    # alphabetic chunk between spaces is one lower-case content word, and a window of n
    # characters holds at most (n + 1) // 2 words, so `enough` such chunks (more than a tenth
    # of the most words there can be) rule a headline out.
    enough = (end - ps + 1) // 2 // 10 + 1
    for chunk in text[ps:end].split():
        if chunk.islower() and chunk.isalpha() and chunk not in _SMALL:
            enough -= 1
            if not enough:
                return False
    para_words = _WORDS.findall(text, ps, end)
    para_content = [w for w in para_words if w.lower() not in _SMALL]
    lower = sum(1 for w in para_content if not w[0].isupper())
    return len(para_content) >= 2 and lower <= len(para_content) // 10


def _only_quotes(text: str, spans: list[Span], ps: int, pe: int) -> bool:
    """True when nothing but quoted words (and punctuation) fill the paragraph."""
    pos = ps
    for s in spans:
        if _WORDS.search(text, pos, max(pos, s.start - 1)):
            return False
        pos = s.end + 1
    return _WORDS.search(text, pos, pe) is None


def _intro_speaker(text: str, ps: int, pe: int, names: NameIndex) -> Speaker:
    """The speaker of a paragraph that ends by introducing the next: "X said:"."""
    if not text[ps:pe].rstrip().endswith(":"):
        return None, (), None
    toks = tokens(text, max(ps, pe - 300), pe)
    c = find_cue(toks, 0, len(toks), last=True)
    if c < 0:
        return None, (), None
    ph = np_forward(toks, c + 2, "according to") if toks[c].low == "according" else \
        np_backward(toks, c, toks[c].word)
    return _resolve(ph, names)


def _carried(text: str, spans: list[Span], ps: int, pe: int, names: NameIndex,
             previous: Speaker | None, prev_para: tuple[int, int] | None) -> Speaker | None:
    """The speaker a paragraph inherits when its own words name none."""
    if _only_quotes(text, spans, ps, pe):
        # A quote-only paragraph continues the quote before it, or the "X said:" before it.
        if previous is not None and previous[0]:
            return previous
        if prev_para is not None:
            intro = _intro_speaker(text, *prev_para, names)
            if intro[0] is not None:
                return intro
    m = _HEAD_LABEL.match(text, ps, spans[0].start)
    if m is not None:
        person = names.person_named(m.group(1).split()[-1])
        if person is not None:
            return person.name, tuple(person.forms), None
    return None


def extract_quotes(text: str) -> list[FoundQuote]:
    bounds = paragraph_bounds(text)
    paras = spans_by_paragraph(text, bounds)
    if not paras:
        return []  # no quotes: the article's names answer nothing, so they are not read
    quoted = [(s.start, s.end) for _i, _ps, _pe, spans in paras for s in spans]
    heads = [(ps, pe) for ps, pe in bounds[:3] if _is_headline(text, ps, pe)]
    names = NameIndex(text, quoted, heads)
    out: list[FoundQuote] = []
    add = out.append
    make = tuple.__new__  # a FoundQuote without the generated __new__'s Python frame
    last: Speaker = (None, (), None)
    last_para = -2
    for idx, ps, pe, spans in paras:
        found = attribute_paragraph(text, spans, ps, pe, (ps, pe) in heads)
        # Each quote's own speaker (or none; the last one named carries to the next), and
        # whether it is words at all rather than the name of a thing.
        speakers: list[Speaker] = []
        keep: list[bool] = []
        for (ph, label, _subject), span in zip(found, spans, strict=True):
            if label is not None:
                person = names.person_named(label)
                if person is not None:
                    sp: Speaker = (person.name, tuple(person.forms), None)
                else:
                    sp = (label.title(), (), None)
            else:
                sp = _resolve(ph, names, last[0])
                if sp[0]:
                    last = sp
            speakers.append(sp)
            keep.append(not ((sp[0] is None or _after_strong_naming(text, span, ps)
                              or (sp[2] or "").lower() in _NAMING_CUES)
                             and _is_title_like(text, span, ps)))
        if False in keep and ((ps, pe) in heads if idx < 3 else _is_headline(text, ps, pe)):
            keep = [True] * len(spans)
        if any(sp[0] is None and k for sp, k in zip(speakers, keep, strict=True)):
            _lend_speakers(text, spans, ps, pe, idx, names, found, speakers, keep,
                           last, last_para, bounds[idx - 1] if idx else None)
        for sp, span, k in zip(speakers, spans, keep, strict=True):
            if k:
                start, end = span.start, span.end
                add(make(FoundQuote, (start, end, text[start:end], sp[0], sp[2], idx, sp[1])))
                if sp[0]:
                    last, last_para = sp, idx
    return out


def _lend_speakers(text: str, spans: list[Span], ps: int, pe: int, idx: int, names: NameIndex,
                   found: list[Found], speakers: list[Speaker], keep: list[bool],
                   last: Speaker, last_para: int, prev_para: tuple[int, int] | None) -> None:
    """Give the quotes of a paragraph that name no speaker the nearest one's, in place.

    Only paragraphs with such a quote come here: most attribute every quote themselves."""
    # Quotes of one paragraph without their own attribution share the nearest one's.
    following: list[Speaker | None] = [None] * len(speakers)
    ahead: Speaker | None = None
    for n in range(len(speakers) - 1, -1, -1):
        following[n] = ahead
        if speakers[n][0]:
            ahead = speakers[n]
    carried: Speaker | None = None
    carry_done = False
    before: Speaker | None = None
    for n, sp in enumerate(speakers):
        if sp[0] is not None or not keep[n]:
            if sp[0] is not None:
                before = sp
            continue
        donor = None
        read_subject = found[n].subject
        subject = read_subject() if read_subject is not None else None
        if subject is not None and (
            subject.kind != "name" or names.plausible_name(subject.words)
        ):
            donor = _resolve(subject, names, last[0])
            if donor[0] is None:
                donor = None
        donor = donor or before or following[n]
        if donor is None:
            if not carry_done:
                carry_done = True
                carried = _carried(text, spans, ps, pe, names,
                                   last if last_para == idx - 1 else None, prev_para)
            donor = carried
        if donor is None and last[0] and idx - last_para <= _NEAR_PARAGRAPHS:
            # A partial quote in a passage about the person just quoted is theirs more
            # often than not: the story is still reporting what they said.
            donor = last
        if donor is not None:
            speakers[n] = before = donor
