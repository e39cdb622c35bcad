"""Word-level differences between one outlet's version and the statement's fullest wording.

Words are compared folded (model.statements.text), so a curly mark, a comma or a capital never
counts as a change; the ops carry the words as printed, with their punctuation, for display.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from model.statements.text import fold_word, word_spans

EQUAL, LEFT_OUT, ADDED, CHANGED = "equal", "left out", "added", "changed"

TRUNCATED = "truncated"
ALTERED = "altered wording"
DISPUTED = "speaker disputed"
FLAGS = (TRUNCATED, ALTERED, DISPUTED)


@dataclass(frozen=True, slots=True)
class DiffOp:
    """A run of words: `base` as in the fullest wording, `text` as in this version."""

    kind: str
    base: str
    text: str


@dataclass(frozen=True, slots=True)
class VersionDiff:
    ops: tuple[DiffOp, ...]
    cut_start: bool
    cut_end: bool
    altered: bool


def _chunks(text: str) -> tuple[list[str], list[str]]:
    """Folded tokens, and for each the printed word with the punctuation and space after it.

    A contraction stands for two tokens (we've -> we, have): the first carries the printed
    word, the second nothing, so "we've" against "we have" compares equal and prints once.
    """
    spans = word_spans(text)
    folded: list[str] = []
    shown: list[str] = []
    for i, (s, e) in enumerate(spans):
        start = 0 if i == 0 else s
        end = spans[i + 1][0] if i + 1 < len(spans) else len(text)
        tokens = fold_word(text[s:e])
        folded.extend(tokens)
        shown.extend([text[start:end]] + [""] * (len(tokens) - 1))
    return folded, shown


def diff_words(base: str, version: str) -> VersionDiff:
    """How `version` departs from `base`: left out, added or changed words; cut at either end."""
    b_words, b_shown = _chunks(base)
    v_words, v_shown = _chunks(version)
    matcher = difflib.SequenceMatcher(None, b_words, v_words, autojunk=False)
    kinds = {"equal": EQUAL, "delete": LEFT_OUT, "insert": ADDED, "replace": CHANGED}
    ops = [
        DiffOp(kinds[tag], "".join(b_shown[i1:i2]), "".join(v_shown[j1:j2]))
        for tag, i1, i2, j1, j2 in matcher.get_opcodes()
    ]
    cut_start = len(ops) > 1 and ops[0].kind == LEFT_OUT
    cut_end = len(ops) > 1 and ops[-1].kind == LEFT_OUT
    # Words beyond either end of the fullest wording extend it (an outlet quoting an
    # overlapping slice); only departures between the ends alter the wording.
    edge = (LEFT_OUT, ADDED)
    first = 1 if len(ops) > 1 and ops[0].kind in edge else 0
    last = len(ops) - 1 if len(ops) > 1 and ops[-1].kind in edge else len(ops)
    altered = any(op.kind != EQUAL for op in ops[first:last])
    return VersionDiff(tuple(ops), cut_start, cut_end, altered)
