"""Credits that name a speaker without a plain "X said" beside the quote: the owner of
reported words (Trump's claim that “…”), the issuer of a document (Amazon released a statement
saying “…”), the agent of a passive (was told by X that “…”), a headline's closing "…, X Says"
and the dash line of quote round-ups (“…” ― Name). Split from attribution.py so that each
module holds one kind of evidence.
"""

from __future__ import annotations

import re

from model.extract.frames import DETERMINERS, Phrase, Tok, np_backward, np_forward
from model.extract.lexicon import NOT_NAMES, ROLE_NOUNS, TITLES


def agent_phrase(ph: Phrase | None) -> Phrase | None:
    """The agent of "advised by the policy unit to postpone …", without the infinitive or
    clause a description runs on into."""
    if ph is None or ph.kind != "description":
        return ph
    cut = next((n for n, w in enumerate(ph.words) if w.lower() in ("to", "that", "about")),
               len(ph.words))
    if cut == 0:
        return None
    return Phrase(ph.kind, ph.words[:cut], ph.start, ph.cue, ph.definite)


_DOCUMENTS = frozenset({
    "statement", "release", "letter", "memo", "note", "post", "tweet", "email", "e-mail",
    "message", "announcement",
})
_ISSUING = frozenset({
    "released", "issued", "out", "sent", "posted", "published", "circulated", "distributed",
    "emailed", "tweeted", "wrote", "releases", "issues", "sends", "posts", "publishes",
})


def document_issuer(toks: list[Tok], ph: Phrase) -> Phrase | None:
    """A document speaks for whoever put it out: "Amazon released a separate statement
    saying, “…”" and "a statement released by the ministry" credit Amazon and the ministry."""
    words = [w.lower() for w in ph.words]
    if not words or (words[0] not in _DOCUMENTS and words[-1] not in _DOCUMENTS):
        return None
    if len(words) >= 3 and words[0] in _DOCUMENTS and words[1] in _ISSUING and words[2] == "by":
        j = next((n for n, t in enumerate(toks) if t.start >= ph.start and t.low == "by"), -1)
        agent = agent_phrase(np_forward(toks, j + 1, ph.cue)) if j >= 0 else None
        return agent if agent is not None and agent.kind != "pronoun" else None
    if words[-1] not in _DOCUMENTS:
        return None
    j = next((n for n, t in enumerate(toks) if t.start >= ph.start), -1)
    while j > 0 and toks[j - 1].low in DETERMINERS:
        j -= 1
    if j < 2 or toks[j - 1].low not in _ISSUING:
        return None
    v = j - 2 if toks[j - 1].low == "out" and toks[j - 2].low == "put" else j - 1
    if v <= 0:
        return None
    issuer = np_backward(toks, v, ph.cue)
    if issuer is None or issuer.kind == "pronoun" or not is_personish(issuer):
        return None
    return issuer


def is_personish(ph: Phrase) -> bool:
    """Names, pronouns and descriptions of people can speak; "protests" and "it" cannot."""
    if ph.kind != "description":
        return True
    head = ph.words[-1].lower().rstrip(".")
    return head in ROLE_NOUNS or head.rstrip("s") in ROLE_NOUNS or ph.words[0][0].isupper()


_SPEECH_NOUNS = frozenset({
    "claim", "claims", "remark", "remarks", "comment", "comments", "words", "statement",
    "assertion", "promise", "pledge", "warning", "description", "tweet", "tweets", "speech",
    "message", "vow", "boast", "insistence", "suggestion", "argument", "answer", "response",
    "reply", "charge", "accusation", "criticism", "prediction", "slogan", "catchphrase",
    "characterization", "declaration", "plea", "quip", "retort", "assessment", "view",
    "contention", "testimony", "admission", "denial", "call", "demand", "question", "letter",
})


def possessive_source(toks: list[Tok]) -> Phrase | None:
    """Trump's claim that there were “…” / Obama's words, “…”: the owner of the words."""
    for k in range(len(toks) - 1, max(-1, len(toks) - 9), -1):
        t = toks[k]
        if t.low not in _SPEECH_NOUNS:
            continue  # the test below needs it; look at nothing else for other words
        after = toks[k + 1:]
        direct = after[0].low in ("that", "of", ":", ",") if after else True
        if not direct and len(after) <= 3:
            # "Trump's statement was “true”": the quote judges the words, it does not give them.
            direct = not any(a.low in _COPULAS for a in after)
        if t.low in _SPEECH_NOUNS and direct and k > 0 and toks[k - 1].cap and (
            toks[k - 1].word.endswith(("'s", "’s"))
        ):
            j = k - 1
            while j - 1 >= 0 and toks[j - 1].cap and toks[j - 1].low not in NOT_NAMES:
                j -= 1
            b = j - 1
            while b >= 0 and toks[b].low in TITLES:
                b -= 1  # "called Mr. Obama's remarks"
            if b >= 0 and toks[b].low in _EVALUATING:
                return None  # "called Obama's remarks “a wake-up call”": the caller speaks
            words = [x.word for x in toks[j:k]]
            words[-1] = words[-1][:-2]
            return Phrase("name", tuple(words), toks[j].start, t.word)
    return None


_COPULAS = frozenset({"is", "was", "are", "were", "be", "been", "as", "seems", "seemed"})
_EVALUATING = frozenset({
    "called", "calls", "call", "calling", "rated", "rates", "rate", "rating", "deemed",
    "deems", "judged", "judges", "labeled", "labelled", "labels", "branded", "brands",
    "dubbed", "dubs",
})
_HEADLINE_CREDIT = re.compile(
    r",\s+((?:[A-Z][\w'’.\-]*\s+){0,3}[A-Z][\w'’.\-]*)\s+(?:Says|Said|Tells|Told|Warns|Claims|"
    r"Insists|Argues|Writes|Admits|Vows)\b"
)


def headline_credit(text: str, ps: int, pe: int) -> Phrase | None:
    """A headline capitalises every word, so its cue is capitalised too: "…, Lindsey Graham
    Says" at its end credits every quote in it."""
    found = None
    for m in _HEADLINE_CREDIT.finditer(text, ps, pe):
        found = m
    if found is None:
        return None
    cue = text[found.end(1):found.end()].strip()
    return Phrase("name", tuple(found.group(1).split()), found.start(1), cue)


def dash_credit(text: str, a: int, toks: list[Tok]) -> Phrase | None:
    """“Q” ― Name: the credit line of quote collections and social-media round-ups."""
    k = a
    while k < len(text) and text[k] in " \u00a0\t":
        k += 1
    if k >= len(text) or text[k] not in "―—–-" or not toks or not toks[0].cap:
        return None
    ph = np_forward(toks, 0, "")
    return ph if ph is not None and ph.kind == "name" else None


def document_owner(ph: Phrase, before: list[Tok]) -> Phrase | None:
    """"according to the statement" names a document; whose it is the sentence says before the
    quote: "the Federal Open Market Committee's view there is “…,” according to the statement"
    credits the committee. `before`: the tokens of the quote's sentence before it."""
    if ph.kind != "description" or not ph.definite:
        return None
    if ph.words[0].lower() not in _DOCUMENTS and ph.words[-1].lower() not in _DOCUMENTS:
        return None
    for k in range(len(before) - 1, 0, -1):
        t = before[k]
        if t.low not in _SPEECH_NOUNS and t.low not in _DOCUMENTS:
            continue
        p = before[k - 1]
        if not (p.cap and p.word.endswith(("'s", "’s"))):
            continue
        j = k - 1
        while j - 1 >= 0 and before[j - 1].cap and before[j - 1].low not in NOT_NAMES:
            j -= 1
        words = [x.word for x in before[j:k]]
        words[-1] = words[-1][:-2]
        return Phrase("name", tuple(words), before[j].start, ph.cue)
    return None
