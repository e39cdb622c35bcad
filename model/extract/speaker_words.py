"""Whether a description read off the words before a speech verb can name who spoke.

The frame readers take the noun phrase before "said" as its subject, and usually it is one
("a State Department official", "the ad's narrator", "protesters"). But when a quote has no
attribution of its own it borrows its sentence's subject, and then the phrase can be any words
("its final report", "what Reddit might call", "radar data"): users would see "final" as a
speaker. A description is kept only when one of its leading words names a person, a group, a
body or a document, by the lexicon or by the shape of agent nouns (-er, -or, -ist, -ian …).
"""

from __future__ import annotations

from model.extract.lexicon import ROLE_NOUNS

DOCUMENTS = frozenset({
    "report", "statement", "study", "memo", "letter", "release", "survey", "poll", "ruling",
    "complaint", "analysis", "document", "filing", "lawsuit", "order", "decision", "review",
    "website", "site", "account", "editorial", "opinion", "brief", "audit", "investigation",
    "assessment", "guidance", "article", "story", "piece", "column", "book", "ad",
    "advertisement", "clip", "video", "post", "essay", "platform", "resolution", "bylaws",
})

BODIES = frozenset({
    "agency", "group", "organization", "organisation", "committee", "company", "network",
    "newspaper", "paper", "magazine", "council", "court", "panel", "board", "union", "firm",
    "department", "ministry", "office", "bank", "fund", "institute", "center", "centre",
    "association", "federation", "alliance", "coalition", "society", "league", "foundation",
    "commission", "bureau", "authority", "party", "university", "school", "college",
})

# People and groups not in the lexicon's roles and without an agent ending (plurals are
# matched through their singular).
_PEOPLE = frozenset({
    "friend", "guy", "surrogate", "relative", "family", "crowd", "neighbour", "neighbor",
    "parent", "child", "children", "kid", "colleague", "partner", "boss", "staff", "staffer",
    "team", "audience", "client", "victim", "widow", "person", "men", "women", "folks", "fan",
    "couple", "cousin", "brother", "sister", "uncle", "aunt", "grandmother", "grandfather",
    "voice", "caller", "protester", "demonstrator", "crew", "pilot", "agent", "diplomat",
    "envoy", "delegate", "jury", "head", "insider", "observer", "consultant", "representative",
    "citizen", "public", "nation", "country", "state", "city", "airline", "carrier", "church",
    "military", "army", "navy", "regime", "bishop", "priest", "monk", "nun",
})
# Writings that speak for their authors ("the briefing note warned"), beyond DOCUMENTS.
_WRITINGS = frozenset({
    "briefing", "note", "email", "tweet", "message", "speech", "interview", "transcript",
    "draft", "testimony", "manifesto", "petition", "notice", "bulletin", "communique",
    "summary", "headline", "caption", "sign", "banner", "slogan", "label", "warning", "forecast",
})
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "ive", "ary", "man",
                  "woman", "men", "women", "people", "person")
# Words that end the part of a phrase that can hold its head: a verb, a clause, a preposition.
_STOPS = frozenset({
    "of", "for", "at", "with", "from", "in", "on", "and", "or", "who", "which", "that", "what",
    "as", "by", "to", "into", "through", "about", "after", "before", "had", "has", "have",
    "was", "were", "is", "are", "be", "been", "would", "will", "might", "may", "could", "can",
    "should", "did", "does", "do", "now", "then", "me", "him", "her", "them", "us", "it",
    "someone", "something", "he", "she", "they", "we", "i", "you",
})


def _names_someone(word: str) -> bool:
    low = word.lower().rstrip(".").removesuffix("’s").removesuffix("'s")
    one = low[:-1] if low.endswith("s") else low
    for form in (low, one):
        if form in ROLE_NOUNS or form in DOCUMENTS or form in BODIES or form in _PEOPLE \
                or form in _WRITINGS:
            return True
    return len(one) > 4 and one.endswith(_AGENT_ENDINGS)


def could_speak(words: list[str]) -> bool:
    """True when a leading word (before any verb, clause or preposition) is a name or names a
    person, group, body or document: "Protesters marching …", "the ad's narrator", "a member
    of …"; not "final", "radar data", "me as he looked around"."""
    for k, w in enumerate(words):
        low = w.lower()
        if k and low in _STOPS:
            break
        if low in _STOPS:
            return False  # "what Reddit might", "me as he looked around"
        if w[:1].isupper() or _names_someone(w):
            return True
    return False
