"""What the words right around a mention say about it: a speech verb after it, a role or
partner word before it ("widow Terry Strada", "his wife, Jane", "X's husband").

Each test looks at a few characters beside the mention with string slices before any regex, so
the common case (nothing there) costs a comparison or two.
"""

from __future__ import annotations

import re

from model.extract.lexicon import FEMALE_ROLES, MALE_ROLES

CUE_AFTER = re.compile(
    r"(?:’s|'s)?,?[ \u00a0]"
    r"(?:said|says|told|tells|added|adds|wrote|writes|asked|asks|recalled|recalls)\b"
)

# The gender a role word before a name gives it ("widow Terry Strada").
ROLE_GENDER = {**dict.fromkeys(MALE_ROLES, "m"), **dict.fromkeys(FEMALE_ROLES, "f")}
ROLE_TAILS = frozenset(w[-3:] for w in ROLE_GENDER)
LOWER = "abcdefghijklmnopqrstuvwxyz"

# How `CUE_AFTER` can follow a plain space: the first two letters of its verbs.
CUE_STARTS = frozenset({"sa", "to", "te", "ad", "wr", "as", "re"})


def cue_after(text: str, e: int) -> bool:
    """Whether a speech verb follows offset `e` (`CUE_AFTER`): a name followed by a space and
    a word no such verb begins like, the common case, is turned away without the regex."""
    if text[e:e + 1] == " " and text[e + 1:e + 3] not in CUE_STARTS:
        return False
    return CUE_AFTER.match(text, e) is not None


# "X's husband": the gender of X, the partner of the one the noun names.
PARTNER_OF = {
    "husband": "f", "wife": "m", "boyfriend": "f", "girlfriend": "m", "widow": "m",
    "widower": "f", "fiancé": "f", "fiancée": "m", "fiance": "f", "fiancee": "m",
}
PARTNER_AFTER = re.compile(r" (" + "|".join(PARTNER_OF) + r")\b")
POSSESSIVES = frozenset({"'s", "’s"})


def role_gender_before(text: str, s: int) -> str | None:
    """The gender a role word right before offset `s` gives a name ("9/11 widow Terry Strada",
    "his brother Tom"): the whole lower-case word that ends with a space within the 16
    characters before `s`, found by one rstrip instead of a regex retried at every offset."""
    c = text[s - 1:s]
    if c == " ":
        if text[max(0, s - 4):s - 1] not in ROLE_TAILS:
            return None  # the usual case: the word before ends unlike any role word
        q = s - 1
    elif c == "\n" and text[s - 2:s - 1] == " ":
        q = s - 2  # `$` also matches before a final line break
    else:
        return None
    lo = max(0, s - 16)
    window = text[lo:q]
    stem = window.rstrip(LOWER)
    g = ROLE_GENDER.get(window[len(stem):])
    if g is None:
        return None
    r = lo + len(stem)  # a whole word: none where the window cuts one
    if r > 0 and (text[r - 1].isalnum() or text[r - 1] == "_"):
        return None
    return g

def role_gender_before_comma(text: str, s: int) -> str | None:
    """The gender a role word gives the name set off after it by a comma ("his wife, Jane")."""
    lo = max(0, s - 18)
    window = text[lo:s - 2]
    stem = window.rstrip(LOWER)
    g = ROLE_GENDER.get(window[len(stem):])
    r = lo + len(stem)  # a whole word: none where the window cuts one
    if g is None or (r > 0 and (text[r - 1].isalnum() or text[r - 1] == "_")):
        return None
    return g
