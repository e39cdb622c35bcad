"""Throughput of the quote extractor (marks, names and attribution) in MB of text per second.

Runs on the sample story in data/sample, on generated news-like text, and (if present) on the
PolNeAR dev texts of ../shared/eval; then on hostile text (a 10 MB paragraph of unmatched marks
and apostrophes) to show the time stays linear. Plain script: prints its figures.
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from model.extract import extract_quotes  # noqa: E402

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


def main() -> None:
    sets: dict[str, list[str]] = {}
    sets["sample (data/sample)"] = [
        p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "sample").glob("*.txt"))
    ]
    rng = random.Random(7)
    sets["generated news text"] = [generated_article(rng) for _ in range(300)]
    dev = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"
    if dev.exists():
        sets["PolNeAR dev (../shared)"] = [
            json.loads(line)["text"] for line in dev.read_text(encoding="utf-8").splitlines()
        ]
    print(f"{'text':<28} {'articles':>8} {'MB':>7} {'MB/s':>7} {'ms/article':>11}")
    for label, texts in sets.items():
        mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
        rate, per = throughput(texts)
        print(f"{label:<28} {len(texts):>8} {mb:>7.2f} {rate:>7.2f} {per:>11.2f}")
    unit = "He said “we don't ‘stop in the '90s « and the leaders' \"deal 6'2\" "
    hostile = unit * (10_000_000 // len(unit))
    t0 = time.perf_counter()
    found = extract_quotes(hostile)
    took = time.perf_counter() - t0
    print(f"hostile: 10 MB paragraph of unmatched marks in {took:.1f} s "
          f"({len(hostile) / took / 1e6:.2f} MB/s, {len(found)} quotes)")


if __name__ == "__main__":
    main()
