"""Word lists the extractor reasons with: speech verbs, titles, pronouns, words that are no names.

They are general English, not fitted to any article: the verbs are the ones style guides and
attribution studies list for reported speech; the titles are the honorifics and offices news
writing puts before names.
"""

from __future__ import annotations

# Speech and writing verbs, by lemma. Inflections are generated below, so "warn" covers warned,
# warns and warning too.
_CUE_LEMMAS = (
    "say", "tell", "add", "note", "write", "warn", "explain", "argue", "ask", "insist", "tweet",
    "state", "declare", "claim", "assert", "announce", "acknowledge", "admit", "agree", "allege",
    "answer", "reply", "respond", "retort", "remark", "comment", "continue", "conclude",
    "confirm", "concede", "contend", "counter", "cry", "demand", "deny", "describe", "emphasize",
    "emphasise", "estimate", "exclaim", "joke", "maintain", "mention", "muse", "observe",
    "point", "predict", "proclaim", "promise", "protest", "recall", "recount", "reiterate",
    "report", "reveal", "scoff", "shout", "stress", "suggest", "testify", "urge", "vow",
    "whisper", "wonder", "yell", "boast", "brag", "caution", "charge", "complain", "quip",
    "scream", "sigh", "snap", "post", "blog", "posit", "opine", "lament", "mock", "mutter",
    "plead", "pledge", "question", "recommend", "remind", "reason", "rule", "thunder", "underline",
    "underscore", "volunteer", "begin", "elaborate", "interject", "fume", "gush", "hint",
    "inform", "instruct", "offer", "pronounce", "chime", "clarify", "confide", "disclose",
    "grumble", "marvel", "murmur", "object", "order", "ponder", "reflect", "rage", "rant",
    "tease", "think", "believe", "caution", "challenge", "assure", "posit", "write", "chant",
    "read",
    "call", "laugh", "chuckle", "email", "e-mail", "text", "blast",
    "advise",
)

# Irregular forms a suffix rule would get wrong.
_IRREGULAR = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "begin": ("begins", "began", "begun", "beginning"),
    "think": ("thinks", "thought", "thinking"),
    "cry": ("cries", "cried", "crying"),
    "deny": ("denies", "denied", "denying"),
    "reply": ("replies", "replied", "replying"),
    "testify": ("testifies", "testified", "testifying"),
    "clarify": ("clarifies", "clarified", "clarifying"),
    "snap": ("snaps", "snapped", "snapping"),
    "quip": ("quips", "quipped", "quipping"),
    "blog": ("blogs", "blogged", "blogging"),
    "brag": ("brags", "bragged", "bragging"),
    "rule": ("rules", "ruled", "ruling"),
    "read": ("reads", "reading"),
}


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma in _IRREGULAR:
        return (lemma, *_IRREGULAR[lemma])
    if lemma.endswith("e"):
        return lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"
    if lemma.endswith(("sh", "ch", "ss", "x")):
        return lemma, lemma + "es", lemma + "ed", lemma + "ing"
    return lemma, lemma + "s", lemma + "ed", lemma + "ing"


CUE_VERBS: frozenset[str] = frozenset(f for lemma in _CUE_LEMMAS for f in _inflect(lemma))

# Cue words that are too common in other senses to count on their own: "point" needs "out",
# "post" and "rule" and "think" and "believe" need a quote right after. They still count when
# they stand directly beside the quote.
WEAK_CUES: frozenset[str] = frozenset(
    f for lemma in ("point", "post", "rule", "think", "believe", "order", "offer", "question",
                    "object", "report", "charge", "continue", "begin", "state", "add",
                    "challenge", "reason", "mock", "describe", "answer", "estimate", "predict",
                    "call", "read", "text", "email", "e-mail")
    for f in _inflect(lemma)
)

PRONOUNS = {
    "he": "m", "she": "f", "they": "p", "i": "s", "we": "p", "him": "m", "her": "f", "it": "n",
}

# Honorifics and offices written before a name; stripped from speaker names. Keys are lower
# case without the final full stop. The value is the gender the title implies, if any.
TITLES: dict[str, str | None] = {
    "mr": "m", "mrs": "f", "ms": "f", "miss": "f", "mister": "m", "sir": "m", "dame": "f",
    "lord": "m", "lady": "f", "madam": "f", "dr": None, "prof": None, "professor": None,
    "president": None, "vice": None, "sen": None, "senator": None, "rep": None,
    "representative": None, "gov": None, "governor": None, "lt": None, "gen": None,
    "general": None, "col": None, "maj": None, "capt": None, "captain": None, "adm": None,
    "admiral": None, "sgt": None, "secretary": None, "minister": None, "premier": None,
    "chancellor": None, "mayor": None, "judge": None, "justice": None, "chief": None,
    "officer": None, "commissioner": None, "ambassador": None, "rev": None, "reverend": None,
    "father": "m", "pope": "m", "king": "m", "queen": "f", "prince": "m", "princess": "f",
    "speaker": None, "leader": None, "chairman": "m", "chairwoman": "f", "chair": None,
    "attorney": None, "former": None, "candidate": None, "nominee": None, "sheriff": None,
    "detective": None, "inspector": None, "councillor": None, "councilman": "m",
    "councilwoman": "f", "congressman": "m", "congresswoman": "f", "assemblyman": "m",
    "assemblywoman": "f", "state": None, "deputy": None, "acting": None, "first": None,
    "prime": None, "foreign": None, "defense": None, "defence": None, "press": None,
    "spokesman": "m", "spokeswoman": "f", "spokesperson": None, "coach": None,
    "democratic": None, "republican": None, "gop": None, "u.s": None, "us": None, "sens": None,
    "reps": None, "presidential": None, "businessman": "m", "businesswoman": "f", "host": None,
    "anchor": None, "director": None, "professor.": None, "pastor": None, "rabbi": None,
    "imam": None, "bishop": None, "cardinal": None, "sister": "f", "brother": "m",
    "mp": None, "mep": None, "msp": None, "del": None, "delegate": None, "lieutenant": None,
    "colonel": None, "sec": None, "treasurer": None, "dean": None, "superintendent": None,
}

# Abbreviations whose full stop does not end a sentence ("Mr. Smith", "Sen. Kaine").
ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "sen", "sens", "rep", "reps", "gov", "gen", "lt", "col",
    "capt", "sgt", "adm", "maj", "rev", "st", "jr", "sr", "hon", "mt", "ft", "no", "vs", "v",
    "inc", "co", "corp", "ltd", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "del",
    "pres", "sec", "amb", "supt", "cmdr", "messrs",
})

# Role nouns that can stand for a person already named ("the president said").
ROLE_NOUNS = frozenset({
    "president", "senator", "governor", "secretary", "minister", "mayor", "candidate",
    "nominee", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "judge",
    "congressman", "congresswoman", "ambassador", "chancellor", "premier", "sheriff", "speaker",
    "director", "leader", "official", "lawmaker", "prosecutor", "commissioner", "businessman",
    "businesswoman", "coach", "pope", "king", "queen", "prince", "host", "author", "actor",
    "actress", "singer", "star", "billionaire", "mogul", "economist", "analyst", "expert",
    "professor", "lawyer", "attorney", "founder", "chief", "executive", "researcher", "scientist",
    "democrat", "republican", "veteran", "activist", "strategist", "adviser", "advisor",
    "aide", "source", "officer", "manager", "pollster", "historian", "editor", "writer",
    "reporter", "journalist", "columnist", "correspondent", "woman", "man", "girl", "boy",
    "mother", "father", "wife", "husband", "son", "daughter", "resident", "witness", "student",
    "teacher", "doctor", "nurse", "worker", "voter", "supporter", "critic", "owner", "member",
    "people", "officials", "sources", "experts", "analysts", "critics", "supporters", "voters",
    "residents", "aides", "advisers", "lawmakers", "researchers", "scientists", "statement",
    "campaign", "administration", "ministry", "department", "agency", "police", "committee",
    "report", "group", "company", "government", "organization", "organisation", "office",
    "newspaper", "outlet", "network", "website", "study", "poll", "survey", "court",
})

# Role nouns that name one person (not a body, a document or a crowd).
PERSON_ROLES: frozenset[str] = frozenset(ROLE_NOUNS - {
    "people", "officials", "sources", "experts", "analysts", "critics", "supporters", "voters",
    "residents", "aides", "advisers", "lawmakers", "researchers", "scientists", "statement",
    "campaign", "administration", "ministry", "department", "agency", "police", "committee",
    "report", "group", "company", "government", "organization", "organisation", "office",
    "newspaper", "outlet", "network", "website", "study", "poll", "survey", "court", "source",
    "official", "member", "worker", "resident", "voter", "supporter", "critic", "witness",
    "student", "expert", "analyst",
}) | {"nominee", "lady", "chief", "mogul", "tycoon", "star", "senator", "representative"}

FEMALE_ROLES = frozenset({
    "spokeswoman", "chairwoman", "congresswoman", "businesswoman", "actress", "queen",
    "woman", "girl", "mother", "wife", "daughter", "princess", "widow", "sister", "aunt",
    "niece", "grandmother", "girlfriend", "granddaughter",
})
MALE_ROLES = frozenset({
    "spokesman", "chairman", "congressman", "businessman", "king", "man", "boy", "father",
    "husband", "son", "prince", "pope", "widower", "brother", "uncle", "nephew",
    "grandfather", "boyfriend", "grandson",
})

# Capitalised words that begin sentences or name times and places, never a speaker on their own.
NOT_NAMES = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
    "i", "you", "his", "her", "their", "our", "my", "your", "but", "and", "or", "so", "yet",
    "if", "when", "while", "as", "at", "in", "on", "of", "for", "to", "from", "by", "with",
    "after", "before", "during", "since", "until", "about", "over", "under", "then", "there",
    "here", "what", "who", "why", "how", "where", "which", "still", "also", "even", "now",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "today", "yesterday", "tomorrow", "meanwhile", "however", "although",
    "though", "because", "instead", "asked", "according", "speaking", "writing", "not", "no",
    "yes", "some", "many", "most", "all", "both", "each", "every", "one", "two", "three", "such",
    "other", "another", "last", "next", "said", "says", "mr", "mrs", "ms", "dr", "is", "was",
    "are", "were", "be", "been", "will", "would", "can", "could", "should", "do", "does", "did",
    "has", "have", "had", "let", "like", "just", "only", "more", "much", "well", "oh", "ok",
    "okay", "please", "thank", "thanks", "look", "dear", "hey", "hello", "good", "great", "new",
    "whether", "unlike", "despite", "among", "against", "between", "through", "into", "out",
    "up", "down", "off", "again", "once", "never", "always", "perhaps", "maybe", "indeed",
    "read", "watch", "see", "photo", "image", "video", "getty", "images",
    "updated", "published", "copyright", "advertisement", "related", "click",
    "follow", "share", "sign", "subscribe", "editor", "note", "via",
    # Sentence openers that are never names.
    "contrary", "regardless", "similarly", "likewise", "additionally", "moreover", "furthermore",
    "nevertheless", "nonetheless", "overall", "finally", "first", "second", "third",
    "ultimately", "notably", "clearly", "obviously", "separately", "earlier", "later",
    "recently", "currently", "previously", "otherwise", "accordingly", "hence",
    "thus", "therefore", "besides", "rather", "sure", "sometimes", "often",
})

# Words inside a capitalised run that make it an organisation, publication or place.
ORG_WORDS = frozenset({
    "department", "ministry", "agency", "office", "house", "center", "centre", "institute",
    "university", "college", "school", "news", "post", "times", "journal", "party", "committee",
    "council", "association", "foundation", "inc", "corp", "corporation", "company", "co",
    "group", "bank", "fund", "union", "network", "press", "service", "services", "commission",
    "board", "court", "police", "army", "navy", "force", "forces", "administration", "campaign",
    "government", "state", "states", "city", "county", "republic", "kingdom", "nations",
    "organization", "organisation", "federation", "league", "club", "team", "media", "tv",
    "radio", "magazine", "herald", "tribune", "telegraph", "guardian", "daily", "weekly",
    "review", "gazette", "observer", "express", "mail", "report", "reports", "institution",
    "senate", "congress", "parliament", "assembly", "cabinet", "pentagon", "bureau", "watch",
    "project", "initiative", "alliance", "coalition", "society", "trust", "hospital", "church",
    "museum", "airlines", "airways", "motors", "industries", "systems", "technologies", "labs",
    "north", "south", "east", "west", "street", "avenue", "square", "island", "islands",
    "river", "mountain", "province", "region", "america", "american", "americans",
    "democrats", "republicans", "twitter", "facebook", "instagram", "youtube", "google",
    "cnn", "nbc", "abc", "cbs", "fox", "npr", "bbc", "msnbc", "politico", "axios", "wikileaks",
    "caucus", "conference", "forum", "movement", "authority", "unit",
    "tribunal", "fbi", "cia", "nsa", "imf", "nato", "un", "eu", "gop", "dnc", "rnc",
    "partners", "capital", "holdings", "lab", "laboratory", "poll",
})

# Words before a quoted span that name it rather than quote it.
NAMING_WORDS = frozenset({
    "called", "dubbed", "named", "titled", "entitled", "nicknamed", "labelled", "labeled",
    "branded", "billed", "styled", "christened", "known", "renamed", "headlined", "slogan",
    "hashtag", "film", "movie", "book", "song", "album", "show", "series", "program",
    "programme", "novel", "play", "poem", "magazine", "newspaper", "column", "episode",
    "documentary", "musical", "podcast", "headline", "article", "op-ed", "essay", "report",
})

# Elided words written with a leading apostrophe: 'em, 'til, 'cause, rock 'n' roll.
ELISIONS = frozenset({"em", "til", "tis", "twas", "cause", "n", "bout", "round", "nuff", "im"})
