"""Import speed: plain-text articles with quote extraction, and saved web pages, per second.

    .venv/bin/python benchmarks/bench_import.py [--articles 2000] [--pages 60]

Generates the articles into a temporary folder (distinct texts, ~5,000 characters, several
quotes each), imports them into a fresh store with the same pipeline the command and the window
use, and prints articles per second. Saved web pages are timed separately, using the pages in
tests/fixtures/import/html made distinct by a numbered paragraph.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from model.db import open_store  # noqa: E402
from model.extract import extract_quotes  # noqa: E402
from model.importing import import_paths  # noqa: E402

_PROSE = (
    "the government said officials would review plans for new missile launch sites after talks "
    "between leaders collapsed in the capital on Thursday while analysts warned that satellite "
    "images showed cranes trucks and rail cars near the facility where engineers assemble rockets "
    "and the ministry declined to comment on reports that construction had resumed"
)
WORDS = _PROSE.split(" ")
NAMES = ("Jeffrey Lewis", "Melissa Hanham", "Mike Pompeo", "Victor Cha", "Jenny Town",
         "Joseph Bermudez", "Ankit Panda", "Sue Mi Terry")


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(12, 28))
    return " ".join(words).capitalize() + "."


def article(rng: random.Random, number: int) -> str:
    lines = [f"Article {number}: {sentence(rng)[:-1]}", ""]
    size = len(lines[0])
    while size < 5000:
        if rng.random() < 0.3:
            line = f"“{sentence(rng)}” {rng.choice(NAMES)} said on day {number}."
        else:
            line = " ".join(sentence(rng) for _ in range(rng.randint(2, 4)))
        lines.append(line)
        size += len(line) + 1
    return "\n".join(lines) + "\n"


def bench_text(folder: Path, count: int) -> None:
    rng = random.Random(4)
    src = folder / "text"
    src.mkdir()
    for i in range(count):
        (src / f"{i:05d}.txt").write_text(article(rng, i), encoding="utf-8")
    chars = sum(p.stat().st_size for p in src.iterdir())
    store = open_store(folder / "text.db")
    start, cpu = time.perf_counter(), time.process_time()
    report = import_paths(store, [src])
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    assert report.articles == count, report.summary()
    print(f"plain text: {count} articles (~{chars // count} chars each), {report.quotes} quotes, "
          f"full-text index on: {took:.2f} s wall, {cpu:.2f} s CPU: "
          f"{count / took:,.0f} articles/s ({count / cpu:,.0f} per CPU second)")
    texts = [p.read_text(encoding="utf-8") for p in sorted(src.iterdir())]
    extract_cpu = time.process_time()
    for text in texts:
        extract_quotes(text)
    extract_cpu = time.process_time() - extract_cpu
    rest = cpu - extract_cpu
    print(f"  quote extraction alone: {1000 * extract_cpu / count:.2f} ms CPU an article; "
          f"everything else (read, clean, store, index, commit): {1000 * rest / count:.2f} ms "
          f"= {count / rest:,.0f} articles/s")
    start = time.perf_counter()
    again = import_paths(store, [src])
    took = time.perf_counter() - start
    print(f"plain text again (all duplicates): {again.duplicates} in {took:.2f} s: "
          f"{count / took:,.0f} files/s")
    store.close()


def bench_pages(folder: Path, count: int) -> None:
    fixtures = ROOT / "tests" / "fixtures" / "import"
    pages = sorted((fixtures / "html").glob("*.htm*"))
    if not pages:
        print("saved web pages: no pages in tests/fixtures/import/html")
        return
    src = folder / "html"
    src.mkdir()
    for i in range(count):
        page = pages[i % len(pages)]
        html = page.read_text(encoding="utf-8", errors="replace")
        # Distinct copies: a number in the article's first sentence and in every URL, so none
        # is skipped as a duplicate and each page is extracted and stored.
        expected = (fixtures / "expected" / f"{page.stem}.txt").read_text(encoding="utf-8")
        opening = expected.strip()[:24]
        html = html.replace(opening, f"Copy {i}: {opening}", 1)
        html = html.replace(".com/", f".com/copy{i}/")
        (src / f"{i:04d}_{page.name}").write_text(html, encoding="utf-8")
    store = open_store(folder / "html.db")
    start, cpu = time.perf_counter(), time.process_time()
    report = import_paths(store, [src])
    took, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"saved web pages: {count} pages ({len(pages)} sources, 30-55 KB each), "
          f"{report.articles} stored, {report.duplicates} duplicates, {len(report.failed)} "
          f"failed: {took:.2f} s wall, {cpu:.2f} s CPU: {count / took:,.1f} pages/s "
          f"({1000 * cpu / count:.0f} ms CPU a page)")
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=60)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_text(Path(tmp), args.articles)
        bench_pages(Path(tmp), args.pages)


if __name__ == "__main__":
    main()
