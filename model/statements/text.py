"""Words of a quote as the matcher compares them: folded case, marks and punctuation.

Outlets reprint the same words with curly or straight marks, "U.S." or "US", a comma more or
less; comparing folded tokens makes those differences vanish before any fuzzy matching, so the
fuzzy scores only see real changes of wording.
"""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

# A word: letters/digits, with inner apostrophes (that's, we'll) and inner dots (U.S.) kept.
_WORD = re.compile(r"[^\W_]+(?:['’.][^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})

# Function words: a fragment must carry words beyond these to be distinctive. "very", "no" and
# "not" are kept out of this list on purpose: "very disappointed" is a telling fragment.
_STOPWORD_TEXT = """a an the and or but if then so as of at by for from in into on onto to
    with without
    about over under up down out off than too also just
    i me my mine we us our ours you your yours he him his she her hers it its they them their
    theirs this that these those there here who whom whose which what when where why how
    is am are was were be been being do does did done have has had having will would shall
    should can could may might must 's 're 've 'd 'll
    it's that's there's i'm i've i'd i'll we're we've we'd we'll you're you've he's she's
    they're they've isn't aren't wasn't weren't don't doesn't didn't won't can't"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


# Contractions are spelled out, so "we've got" and "we have got" are the same words.
_SPELLED = {
    "won't": ("will", "not"), "can't": ("can", "not"), "cannot": ("can", "not"),
    "shan't": ("shall", "not"), "ain't": ("is", "not"),
}
_SUFFIXES = (("n't", "not"), ("'ve", "have"), ("'re", "are"), ("'ll", "will"), ("'m", "am"),
             ("'d", "would"))


def _spell_out(token: str) -> tuple[str, ...]:
    spelled = _SPELLED.get(token)
    if spelled is not None:
        return spelled
    for suffix, full in _SUFFIXES:
        if token.endswith(suffix) and len(token) > len(suffix):
            return token[: -len(suffix)], full
    return (token,)


def fold(text: str) -> str:
    if text.isascii():  # NFKC leaves ASCII alone and casefold is lower: a third of the cost
        return (text.replace("`", "'") if "`" in text else text).lower()
    return unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()


def fold_word(word: str) -> tuple[str, ...]:
    """One printed word as the tokens it stands for (we've -> we, have), folded."""
    token = fold(word).replace(".", "")
    return _spell_out(token) if "'" in token or token == "cannot" else (token,)


def words(text: str) -> list[str]:
    """The folded words of `text`, punctuation dropped (the whole text folded at once: fast)."""
    folded = fold(text)
    found = _WORD.findall(folded)
    if "." not in folded and "'" not in folded and "cannot" not in folded:
        return found
    out: list[str] = []
    for w in found:
        if "." in w:
            w = w.replace(".", "")
        if "'" in w or w == "cannot":
            out.extend(_spell_out(w))
        else:
            out.append(w)
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """Where each printed word of `text` sits, to show differences on the original."""
    return [m.span() for m in _WORD.finditer(text)]


def content_words(tokens: Sequence[str]) -> list[str]:
    return [t for t in tokens if t not in STOPWORDS]


def stable_hash(text: str) -> int:
    """A signed 64-bit hash that is the same in every process (Python's hash() is salted).

    Two checksums side by side: ten times cheaper than a cryptographic digest, and a rare
    collision only proposes one more candidate, which the matcher then rejects.
    """
    data = text.encode("utf-8")
    value = (zlib.crc32(data) << 32) | zlib.adler32(data)
    return value - (1 << 64) if value >= 1 << 63 else value


class _HashMemo(dict[str, int]):
    """Hashes of word pairs seen lately: reprinted quotes repeat their pairs, and common pairs
    recur everywhere, so most pairs of a run are hashed once (bounded: cleared when full)."""

    def __missing__(self, pair: str) -> int:
        value = self[pair] = stable_hash(pair)
        return value


_PAIR_HASHES = _HashMemo()


@dataclass(frozen=True, slots=True)
class Wording:
    """A quote's text prepared for matching.

    A grouping run keeps tens of thousands of these (its statements' wordings): the words are
    interned, so each is stored once however many quotes use it, and the content words' set is
    built only when asked (a stored frozenset was half of a wording's ~3.5 KB).
    """

    tokens: tuple[str, ...]
    content: tuple[str, ...]
    norm: str

    @classmethod
    def of(cls, text: str) -> Wording:
        tokens = tuple(map(sys.intern, words(text)))
        content = tuple(content_words(tokens))
        return cls(tokens, content, " ".join(tokens))

    @property
    def content_set(self) -> frozenset[str]:
        return frozenset(self.content)

    def exact_key(self) -> int:
        return stable_hash("=" + self.norm)

    def keys(self) -> set[int]:
        """Blocking keys: the whole wording, and each pair of consecutive content words.

        A fragment's content words are a consecutive run of the full quote's content words, so
        any fragment of two content words or more shares a pair with the quote it came from, and
        a near copy with one word changed still shares most pairs.
        """
        out = {self.exact_key()} if self.tokens else set()
        if len(_PAIR_HASHES) > 100_000:  # ~14 MB; common pairs come back at once
            _PAIR_HASHES.clear()
        # All in C but for the pairs not hashed yet (a quote has ~20; this runs a million times).
        out.update(map(_PAIR_HASHES.__getitem__, map(" ".join, itertools.pairwise(self.content))))
        return out
