"""Throughput of the quote extractor (marks, names and attribution) in MB of text per second.

The headline figures are real news text: the sample story in data/sample and (if present) the
PolNeAR dev texts of ../shared/eval, or their copies in build/dev. Generated news-like text
follows as the quote-dense worst case (a quote every ~100 characters, far denser than real
articles, so the attribution rules run far more often). Then hostile text (a 10 MB paragraph of
unmatched marks and apostrophes) shows the time stays linear. For each set it also prints where
an article's time goes: paragraphs and quotation marks, reading the article's names
(NameIndex), the attribution rules around each quote, and the rest (resolving speakers,
carrying them between quotes, the title and headline checks). Plain script: prints its figures.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections.abc import Callable
from contextlib import suppress
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model.extract import extract_quotes, pipeline  # noqa: E402

_NAMES = ["Anna Kovacs", "Omar Haddad", "Peter Lund", "Karen Holt", "Joel Wendt", "Lena Brandt"]
_CUES = ["said", "told reporters", "added", "wrote", "argued", "warned"]


def generated_article(rng: random.Random, paragraphs: int = 14) -> str:
    """A news-like article: introductions, quotes in the usual patterns, reported speech."""
    out = ["Officials Weigh New Plan for the Harbour."]
    for _ in range(paragraphs):
        name = rng.choice(_NAMES)
        surname = name.split()[1]
        cue = rng.choice(_CUES)
        kind = rng.randrange(5)
        if kind == 0:
            out.append(f"“We are not there yet, and we will not rush it,” {name} {cue} on Monday.")
        elif kind == 1:
            out.append(f"{name}, who has led the agency since 2015, {cue}: “The plan is sound. "
                       "It will take two years, and it will be paid for.”")
        elif kind == 2:
            out.append(f"“It's the leaders' call,” {surname} said. “We don't decide it.”")
        elif kind == 3:
            out.append(f"According to {name}, the harbour plan is “a bold idea” that the council "
                       "has debated for years without reaching any decision on its cost.")
        else:
            out.append("The council meets again next week, when members are expected to vote on "
                       "the budget and the timetable for the works in the old port district.")
    return "\n\n".join(out)


def throughput(texts: list[str], repeat: int = 3) -> tuple[float, float]:
    """(MB/s, ms per article) over `texts`, best of `repeat` runs."""
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for t in texts:
            extract_quotes(t)
        best = min(best, time.perf_counter() - t0)
    return size / best / 1e6, best * 1000 / len(texts)


# What the pipeline asks the NameIndex once it is built (who is "he", "Lewis", "the senator").
_QUERIES = ("resolve", "person_named", "plausible_name", "antecedent", "recent_body",
            "inside_quote")


def _timed(fn: Callable[..., Any], spent: list[float]) -> Callable[..., Any]:
    """`fn`, adding the time it takes to spent[0] (only the outermost of nested calls)."""
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if spent[1]:
            return fn(*args, **kwargs)
        spent[1] = 1.0
        t0 = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0
            spent[1] = 0.0
    return wrapper


def split(texts: list[str], repeat: int = 3) -> tuple[float, ...]:
    """(paragraphs + marks, names, name queries, attribution, rest) in ms per article, timed
    inside the same runs of extract_quotes (the fastest of `repeat`) by wrapping the steps
    the pipeline calls."""
    steps = ("paragraph_bounds", "spans_by_paragraph", "NameIndex", "attribute_paragraph")
    real = {name: getattr(pipeline, name) for name in steps}
    best: tuple[float, ...] = ()
    for _ in range(repeat):
        spent = {name: [0.0, 0.0] for name in (*steps, "queries")}
        for name in steps:
            setattr(pipeline, name, _timed(real[name], spent[name]))
        timed_index = pipeline.NameIndex

        def index(*args: Any, timed_index: Callable[..., Any] = timed_index,
                  in_queries: list[float] = spent["queries"]) -> Any:
            names = timed_index(*args)
            for query in _QUERIES:
                method = getattr(names, query, None)
                with suppress(AttributeError):  # renamed or slotted: counted in the rest
                    if method is not None:
                        setattr(names, query, _timed(method, in_queries))
            return names

        pipeline.NameIndex = index  # type: ignore[misc]
        try:
            t0 = time.perf_counter()
            for t in texts:
                extract_quotes(t)
            total = time.perf_counter() - t0
        finally:
            for name in steps:
                setattr(pipeline, name, real[name])
        marks = spent["paragraph_bounds"][0] + spent["spans_by_paragraph"][0]
        parts = [marks, spent["NameIndex"][0], spent["queries"][0],
                 spent["attribute_paragraph"][0]]
        parts = [total, *parts, total - sum(parts)]
        if not best or total < best[0]:
            best = tuple(parts)
    return tuple(x * 1000 / len(texts) for x in best[1:])


def main() -> None:
    sets: dict[str, list[str]] = {}
    sets["sample (data/sample)"] = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "sample").glob("*.txt"))
    ]
    dev = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"
    dev_texts = sorted((ROOT / "build" / "dev").glob("*.txt"))  # written by ../shared/eval/texts.py
    if dev.exists():
        sets["PolNeAR dev (../shared)"] = [
            json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()
        ]
    elif dev_texts:
        sets["PolNeAR dev (build/dev)"] = [p.read_text(encoding="utf-8") for p in dev_texts]
    rng = random.Random(7)
    sets["generated, quote-dense"] = [generated_article(rng) for _ in range(300)]
    print(f"{'text':<28} {'articles':>8} {'MB':>7} {'MB/s':>7} {'ms/article':>11}")
    rows = []
    for label, texts in sets.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        rate, per = throughput(texts)
        rows.append((label, split(texts)))
        print(f"{label:<28} {len(texts):>8} {mb:>7.2f} {rate:>7.2f} {per:>11.2f}")
    print("(real news text first; the generated text, a quote every ~100 characters, is the "
          "quote-dense worst case)")
    print(f"\nwhere an article's time goes, ms/article:\n{'text':<28} {'marks':>7} {'names':>7} "
          f"{'queries':>7} {'attrib.':>7} {'rest':>7}")
    for label, parts in rows:
        print(f"{label:<28} " + " ".join(f"{x:>7.3f}" for x in parts))
    print("(marks: paragraphs and quotation marks; names: reading the article's names; "
          "queries: asking them who a name, pronoun or role stands for; attrib.: the rules "
          "around each quote; rest: the pipeline's own work, carrying speakers, title checks)")
    unit = "He said “we don't ‘stop in the '90s « and the leaders' \"deal 6'2\" "
    hostile = unit * (10_000_000 // len(unit))
    t0 = time.perf_counter()
    found = extract_quotes(hostile)
    took = time.perf_counter() - t0
    print(f"hostile: 10 MB paragraph of unmatched marks in {took:.1f} s "
          f"({len(hostile) / took / 1e6:.2f} MB/s, {len(found)} quotes)")


if __name__ == "__main__":
    main()
