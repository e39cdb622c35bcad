"""Attributing each quote of a paragraph to a speaking noun phrase.

Order of evidence, most local first: a transcript label inside the quote (WALLACE: …); the
words right after the quote (“Q,” X said / said X); the words before it in its sentence
(X said: “Q” / according to X, “Q” / X told NPR that “Q”); then the other quotes of the same
paragraph (“A,” he said. “B.”). What is still unattributed is left to the pipeline, which
carries speakers across quote-only paragraphs.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import NamedTuple

from model.extract.credit_lines import (
    agent_phrase,
    dash_credit,
    document_issuer,
    document_owner,
    headline_credit,
    is_personish,
    possessive_source,
)
from model.extract.frames import (
    DETERMINERS,
    MAY_CUE,
    Phrase,
    Tok,
    clause_subject,
    find_cue,
    np_backward,
    np_forward,
    tokens,
)
from model.extract.lexicon import (
    NOT_NAMES,
    PRONOUNS,
    ROLE_NOUNS,
    TITLES,
    WEAK_CUES,
)
from model.extract.marks import Span
from model.extract.sentence_frames import (
    FRAME_CHARS,
    frame_tokens,
    post_frame,
    pre_frame,
    sentence_start,
    word_start,
)

_LABEL = re.compile(r"\s*(?:\(?[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){0,2}\)?):\s")
_CONJUNCTIONS = frozenset({
    "though", "although", "while", "and", "but", "as", "whereas", "yet", "so", "then",
})
_NOT_SUBJECT = frozenset({
    "to", "for", "of", "in", "on", "at", "by", "with", "from", "and", "but", "or", "as", "that",
    "which", "who", "because", "if", "when", "while", "is", "was", "are", "were", "it", "this",
})


def transcript_label(text: str, span: Span) -> str | None:
    """The speaker label a transcript excerpt opens with (WALLACE: …), if any."""
    m = _LABEL.match(text, span.start, min(span.end, span.start + 40))
    if m is None:
        return None
    label = m.group().strip().rstrip(":").strip("()")
    if label.lower() in NOT_NAMES or len(label) < 2:
        return None
    return label


def _after_quote(text: str, span: Span, toks: list[Tok], to_next: bool = False) -> Phrase | None:
    """“Q,” X said. / “Q,” said X, the director of … / “Q,” X, a long apposition, said."""
    i = 0
    joined = False
    while i < len(toks) and (toks[i].word in (",", "—", "–", "--", ")", ":") or (
        toks[i].low in _CONJUNCTIONS and i + 1 < len(toks) and toks[i + 1].word != ","
    )):
        joined = joined or toks[i].low in _CONJUNCTIONS
        i += 1  # ", though she noted", ", and Smith added"
    if i >= len(toks):
        return None
    ends_sentence = text[span.end - 1:span.end] in (".",) if span.end > span.start else False
    limit = 6 if ends_sentence else 30
    c = find_cue(toks, i, min(len(toks), i + limit), last=False)
    if c < 0:
        return None if ends_sentence else _closing_credit(toks)
    cue = toks[c].word
    if toks[c].low == "according":
        return np_forward(toks, c + 2, "according to")
    if to_next and c + 1 < len(toks) and toks[c + 1].word not in (",", ":", "—", "–", "--") \
            and toks[c + 1].low not in _AFTER_CUE:
        return None  # “A,” while X said inflation was “B”: the cue introduces the next quote
    if (ends_sentence or joined) and not _ends_attribution(toks, c):
        # “Q.” NPR said the photos showed …, or “Q,” but he said that …: a new report.
        return None
    if c == i:
        if joined:
            return None  # "…,” but pledged to remain civil": a second verb, no inversion
        ph = np_forward(toks, c + 1, cue)
        if (ph is not None and ph.kind != "pronoun") or (ph is not None and c + 2 >= len(toks)):
            return ph
        if ph is not None and ph.kind == "pronoun":
            return ph
        return None
    if toks[i].word[0].isupper() and toks[i].low in NOT_NAMES and (
        toks[i].low not in PRONOUNS and toks[i].low not in TITLES
    ) and not (toks[i].low == "the" and i + 1 < c and toks[i + 1].cap):
        return None  # "But …", "And …"; not "The Hill reported", a body with its article
    first = toks[i]
    if not (first.cap or first.low in PRONOUNS or first.low in DETERMINERS or c - i <= 2):
        # "to drive up …, she said": no subject at the frame's start; but "panel Chairman
        # Rep. Jason Chaffetz (R-Utah) said" names one right before the cue.
        near = np_backward(toks, c, cue) if c - i <= 8 and first.low not in _NOT_SUBJECT \
            else None
        return near if near is not None and near.kind == "name" else None
    if first.low in _NOT_SUBJECT:
        return None
    ph = np_forward(toks, i, cue, c)
    if ph is None or (ph.kind == "name" and not _subject_fits(toks, i, ph, c)):
        # "White House press secretary Josh Earnest said": the name right before the cue.
        near = np_backward(toks, c, cue) if c - i <= 12 else None
        return near if near is not None and near.kind == "name" else None
    if ph is None:
        return None
    if ph.kind == "description":
        if len(ph.words) == 1 and ph.words[0].lower() not in ROLE_NOUNS:
            # "the round, bearded businessman laughs": adjectives split by a comma; the
            # noun they describe stands before the cue.
            near = np_backward(toks, c, cue)
            if near is not None and near.kind == "description" and is_personish(near):
                return near
        return ph if c - i <= 12 else None
    return ph


def _subject_fits(toks: list[Tok], i: int, ph: Phrase, c: int) -> bool:
    """The subject must be followed by the cue, an apposition, or adverbs and auxiliaries."""
    k = i + len(ph.words)
    if k >= c:
        return True
    if toks[k].word == "," or toks[k].word in ("—", "–", "--", "("):
        return True
    gap = toks[k:c]
    if gap[0].low in ("of", "from", "at", "with") and len(gap) <= 8 and not any(
        t.word[0].islower() and t.low.endswith("ed") for t in gap
    ):
        return True  # "Mr. Morgan of the Sierra Club said"
    return all(t.low in _AUXILIARY or (t.low.endswith("ly") and t.word[0].islower())
               for t in gap)


_AUXILIARY = frozenset({
    "has", "had", "later", "also", "then", "once", "would", "will", "again", "previously",
    "recently", "earlier", "have", "simply", "told", "was",
})


_AFTER_CUE = frozenset({
    ",", "in", "on", "at", "during", "after", "before", "to", "of", "while", "when", "last",
    "this", "late", "earlier", "later", "recently", "afterward", "afterwards", "then",
    "yesterday", "today", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "with", "from", "via", "by", "—", "–", "--", "(", ";",
})


def _closing_credit(toks: list[Tok]) -> Phrase | None:
    """“…” is held accountable, Warren said: the credit that closes the quote's sentence."""
    # Only a cue among the last four words credits, and find_cue returns the last cue it
    # accepts, so the words before those four need not be looked at.
    c = find_cue(toks, max(0, len(toks) - 4), len(toks), last=True)
    if c < 2 or len(toks) - c > 4:
        return None
    ph = np_backward(toks, c, toks[c].word)
    if ph is None or ph.kind == "description":
        return None
    k = ph.start
    j = next((n for n, t in enumerate(toks) if t.start == k), 0)
    return ph if j > 0 and toks[j - 1].word == "," else None


def _comma_credit(toks: list[Tok]) -> Phrase | None:
    """A credit set off by a comma at the end of the quote's sentence covers a quote in its
    middle: “…” in new plants, said Joseph Seneca, an economist / “…” prospect, an official
    said. The cue must be the only one between the quote and the credit."""
    c = find_cue(toks, 0, len(toks), last=False)
    if c < 2 or toks[c].low == "according":
        return None
    cue = toks[c].word
    low = toks[c].low
    if toks[c - 1].word == "," and c + 1 < len(toks) and (
        toks[c + 1].cap or toks[c + 1].low in DETERMINERS
    ) and toks[c + 1].low not in _AFTER_CUE:
        if low.startswith(("tell", "told", "ask")) or (low in WEAK_CUES and low != "added"):
            return None  # "Scott's niece, state Del. Price": "state" is no verb here
        ph = np_forward(toks, c + 1, cue)
        if ph is None or ph.kind == "pronoun":
            return None
        after = c + 1 + len(ph.words)
        while after < len(toks) and toks[after].start < ph.start:
            after += 1
        if after < len(toks) and toks[after].word not in (",", "—", "–", "--", "(") \
                and toks[after].low not in _AFTER_CUE:
            return None
    else:
        ph = np_backward(toks, c, cue)
        if ph is None:
            return None
        # The phrase's first word ("and union leaders" starts at "and" but reads "union").
        j = next((n for n, t in enumerate(toks) if t.start >= ph.start and t.word == ph.words[0]),
                 0)
        while j > 0 and toks[j - 1].low in DETERMINERS:
            j -= 1  # ", an official said"
        if j == 0 or toks[j - 1].word != "," or not _ends_attribution(toks, c):
            return None
    return ph if ph.kind != "description" or is_personish(ph) else None


def _ends_attribution(toks: list[Tok], c: int) -> bool:
    """After “Q.” a cue only attributes when no new report follows it: "X said." or
    "X said in a statement", not "X said the photos showed …"."""
    rest = toks[c + 1:]
    if len(rest) <= 3:
        return True
    k = 0
    while k < len(rest) and k < 4 and (rest[k].cap or rest[k].low in DETERMINERS):
        k += 1  # the inverted subject or the one told: said Mr. Smith / told the BBC
    return k >= len(rest) or rest[k].low in _AFTER_CUE or rest[k].low in ("reporters",
                                                                           "journalists")


def _before_quote(toks: list[Tok], continues: bool = False) -> Phrase | None:
    """X said: “Q” / X told NPR that “Q” / according to X, “Q” / X said the plan was “Q”.

    The cue nearest the quote wins, unless its subject is a thing ("She says it underscores
    that …"): then the cue before it is tried. `continues`: the quote opens in lower case, so
    it goes on with the clause before it ("X, for example, said Christie “has dedicated …”":
    Christie is the subject of the quoted words, X the speaker).
    """
    owner = possessive_source(toks)
    if owner is not None:
        return owner
    if len(toks) >= 2 and toks[-1].word in ("—", "–", "--") and toks[-2].cap and (
        toks[-2].low not in NOT_NAMES
    ):
        # "including the former candidate Mitt Romney -- “It is disqualifying …”": a name set
        # right before the quote by a dash introduces its words.
        j = len(toks) - 2
        while j - 1 >= 0 and toks[j - 1].cap and toks[j - 1].low not in NOT_NAMES:
            j -= 1
        b = j - 1
        while b >= 0 and toks[b].low in TITLES:
            b -= 1  # "of Mr. Trump --": past the title to the word that governs the name
        if b < 0 or toks[b].low not in _NOT_SUBJECT:
            return Phrase("name", tuple(t.word for t in toks[j:-1]), toks[j].start, "")
    stop = len(toks)
    fallback = None
    for _ in range(3):
        c = find_cue(toks, 0, stop, last=True)
        if c < 0:
            break
        before = toks[c - 1].low if c > 0 else ""
        if before in _PASSIVE:
            if c + 2 < len(toks) and toks[c + 1].low == "by" and toks[c].low != "according":
                # "She was warned by the policy unit that “…”": the agent spoke.
                agent = agent_phrase(np_forward(toks, c + 2, toks[c].word))
                if agent is not None and agent.kind != "pronoun" and is_personish(agent):
                    return agent
            stop = c  # "when terrorists are revealed as …": the subject did not speak
            continue
        ph = _cue_subject(toks, c, continues)
        if ph is not None and ph.kind == "description":
            ph = document_issuer(toks, ph) or ph
        if before in ("who", "that") and c >= 2:
            # "told a young woman who suggested that …": the main clause's speaker first.
            if fallback is None:
                fallback = ph
            stop = c
            continue
        if ph is not None and is_personish(ph):
            return ph
        if fallback is None and ph is not None and ph.words[-1].lower() not in _THINGS:
            fallback = ph
        stop = c
    return fallback


_PASSIVE = frozenset({"is", "are", "was", "were", "been", "be", "being", "get", "got"})
_THINGS = frozenset({"it", "this", "that", "which", "what", "there"})


def _cue_subject(toks: list[Tok], c: int, continues: bool = False) -> Phrase | None:
    t = toks[c]
    if t.low == "according":
        return np_forward(toks, c + 2, "according to")
    cue = t.word
    nxt = c + 1
    # "quoted X as saying": the one quoted is the speaker.
    if t.low == "saying" and c >= 1 and toks[c - 1].low == "as":
        for k in range(c - 2, -1, -1):
            if toks[k].low in ("quoted", "quotes", "quoting", "cited", "cites"):
                ph = np_forward(toks, k + 1, cue, c - 1)
                if ph is not None:
                    return ph
                break
    # Inverted: ", said X:" or at the frame's start "Said X:".
    if (c == 0 or toks[c - 1].word in (",", ":")) and nxt < len(toks) and toks[nxt].cap and (
        toks[nxt].low not in NOT_NAMES or toks[nxt].low in PRONOUNS
    ) and not t.low.startswith(("tell", "told", "ask")):
        ph = np_forward(toks, nxt, cue)
        after = nxt + len(ph.words) if ph is not None else 0
        if ph is not None and ph.kind == "name" and (
            (after >= len(toks) and not continues) or (
                after < len(toks) and toks[after].word in (",", ":", "—", "–"))
        ):
            return ph
    if t.low.endswith("ing") and (c == 0 or toks[c - 1].word == "," or
                                  toks[c - 1].low in ("as", "after", "before", "by", "while",
                                                      "when", "in", "without")):
        return clause_subject(toks, c, cue)
    return np_backward(toks, c, cue)


class Local(NamedTuple):
    """What the words around one quote say: a cue-backed phrase, a transcript label, or only the
    subject of the quote's sentence (weak evidence, used when nothing better is found).

    `subject` is a call that reads that subject, or None when there is no need for one (a
    phrase or label was found): the pipeline calls it only for a quote it has no other donor
    for, so the sentence-start window is tokenised for few quotes."""

    phrase: Phrase | None
    label: str | None
    subject: Callable[[], Phrase | None] | None


def attribute_paragraph(
    text: str, spans: list[Span], ps: int, pe: int, headline: bool = False
) -> list[Local]:
    """For each span of one paragraph: the evidence about its speaker found around it."""
    make = tuple.__new__  # a Local without the generated __new__'s Python frame
    if headline:
        credited = headline_credit(text, ps, pe)
        if credited is not None:
            return [make(Local, (credited, None, None)) for _ in spans]
    found: list[Local] = []
    for n, span in enumerate(spans):
        label = transcript_label(text, span)
        if label is not None:
            found.append(make(Local, (None, label, None)))
            continue
        nxt = spans[n + 1].start if n + 1 < len(spans) else pe
        prev = spans[n - 1].end if n > 0 else ps
        ph = subject = None
        a, b = post_frame(text, span, nxt, pe)
        # Every credit after a quote but the dash line needs a cue word: a frame without one
        # (most frames after a quote that ends its sentence) is not tokenised at all.
        post = tokens(text, a, b) if _may_credit(text, a, b) else None
        if post:
            to_next = b == nxt and n + 1 < len(spans)
            ph = dash_credit(text, a, post) or _after_quote(text, span, post, to_next) or (
                _closing_credit(post)  # “Q” of the plan, Mr. Holtz-Eakin said.
            ) or (None if text[span.end - 1] in ".!?" else _comma_credit(post))
        if ph is not None and ph.cue == "according to" and ph.kind == "description":
            # "…,” according to the statement: the owner the sentence names before the quote.
            ph = document_owner(ph, tokens(text, *pre_frame(text, span, ps, ps))) or ph
        if ph is None:
            a, b = pre_frame(text, span, prev, ps)
            pre = tokens(text, a, b)
            if pre:
                ph = _before_quote(pre, _continues(text, span))
            elif a > prev and n == 0:
                # The quote opens a sentence right after "…, Schiff said." in its paragraph.
                lo = word_start(text, max(prev, a - 120), prev, a)
                ph = _closing_credit(tokens(text, lo, a))
            if ph is None:
                # Read only if the pipeline finds no other donor for the quote: most never are.
                subject = partial(_sentence_subject, text, span, prev, ps, a, b, pre)
        found.append(make(Local, (ph, None, subject)))
    return found


def _sentence_subject(text: str, span: Span, prev: int, ps: int, a: int, b: int,
                      pre: list[Tok]) -> Phrase | None:
    """The subject of the quote's sentence, whose pre-quote frame is text[a:b] (tokens
    `pre`): weak evidence, asked for only when nothing else names the speaker."""
    # The frame back to the sentence's start, across earlier quotes (the same frame as the
    # pre-quote one for the paragraph's first quote).
    near = pre if prev <= ps else frame_tokens(text, *pre_frame(text, span, ps, ps), a, b, pre)
    subject = _nearest_clause_subject(near)
    if subject is None and not pre and a > prev:
        # "X identified … as a reason. “Q”": the previous sentence's subject.
        subject = _nearest_clause_subject(tokens(text, sentence_start(
            text, max(prev, ps, a - FRAME_CHARS), a - 2), a))
    return subject


def _may_credit(text: str, a: int, b: int) -> bool:
    """Whether text[a:b] holds a cue word or opens with a dash: one C-level scan of its
    lower-cased words and a set test, instead of a token record per word."""
    k = a
    while k < b and text[k] in " \u00a0\t":
        k += 1
    if k < b and text[k] in "―—–-":
        return True
    return not MAY_CUE.isdisjoint(_WORD.findall(text[a:b].lower()))


# The words of a frame as tokens() cuts them (without a final full stop).
_WORD = re.compile(r"[^\W_][\w'’\-]*")


def _continues(text: str, span: Span) -> bool:
    """The quote opens in lower case: it goes on with the sentence's clause before it."""
    k = span.start
    while k < span.end and not text[k].isalnum():
        k += 1
    return k < span.end and text[k].islower()


_CLAUSE_OPENERS = frozenset({
    "and", "but", "as", "while", "when", "because", "although", "though", "after", "before",
    "since", "whereas", "so", "until", "if",
})


def _nearest_clause_subject(toks: list[Tok]) -> Phrase | None:
    """The subject of the clause holding the quote: "…, and as Trump went on about “…”"
    names Trump, not whoever opened the sentence. Only names and pronouns count."""
    for k in range(len(toks) - 1, 0, -1):
        if toks[k].low in _CLAUSE_OPENERS and toks[k - 1].word in (",", ";", "and", "but", "(") \
                and k + 1 < len(toks) and (toks[k + 1].cap or toks[k + 1].low in PRONOUNS
                                           or toks[k + 1].low in DETERMINERS):
            # Only a clause with a subject of its own: in "…, and has backed Clinton since …"
            # the verb comes first and Clinton is its object.
            ph = clause_subject(toks[k + 1:], 10_000, "")
            if ph is not None and _named(ph):
                return ph
    ph = clause_subject(toks, 10_000, "")
    return ph if ph is not None and _named(ph) else None


def _named(ph: Phrase) -> bool:
    """A name, a pronoun, or a body written with its article ("The Daily Beast")."""
    return ph.kind != "description" or all(w[:1].isupper() for w in ph.words)

