"""The sample story's statements, as the issue promises them, from hand-checked quote spans.

The quotes are inserted from tests/fixtures/statements/sample-quotes.json (spans and speakers
checked by hand), not extracted, so these tests hold whatever the extractor does.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import insert, select

from model.db import open_store
from model.ingest import OutletResolver, content_hash
from model.sample import sample_articles
from model.schema import Article, Quote
from model.speakers import SpeakerResolver
from model.statements import (
    ALTERED,
    TRUNCATED,
    StatementDetail,
    list_statements,
    regroup_all,
    statement_detail,
    statement_of_quote,
)

FIXTURE = Path(__file__).parents[1] / "fixtures" / "statements" / "sample-quotes.json"
ROOT = Path(__file__).parents[2]


def load_sample_quotes(session) -> None:  # type: ignore[no-untyped-def]
    quotes = json.loads(FIXTURE.read_text(encoding="utf-8"))["quotes"]
    outlets, speakers = OutletResolver(session), SpeakerResolver(session)
    articles: dict[str, tuple[int, str]] = {}
    for art in sample_articles():
        article_id = session.execute(
            insert(Article)
            .values(
                outlet_id=outlets.resolve(art.outlet), title=art.title, text=art.text,
                published=art.published, content_hash=content_hash(art.text),
            )
            .returning(Article.id)
        ).scalar_one()
        articles[Path(art.source_file or "").name] = (article_id, art.text)
    rows = []
    for q in quotes:
        article_id, text = articles[q["file"]]
        assert text[q["start"] : q["end"]] == q["text"]
        rows.append(
            {
                "article_id": article_id, "start": q["start"], "end": q["end"],
                "text": q["text"], "speaker_id": speakers.resolve(q["speaker"]),
                "paragraph": 0, "origin": "auto", "deleted": False, "speaker_edited": False,
            }
        )
    session.execute(insert(Quote), rows)


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("statements") / "sample.db"
    store = open_store(path)
    with store.sessions.begin() as s:
        load_sample_quotes(s)
        regroup_all(s)
    yield store
    store.close()


def find(store, words: str) -> StatementDetail:  # type: ignore[no-untyped-def]
    """The one statement carried by 2+ outlets whose fullest wording holds `words`."""
    with store.sessions() as s:
        found = [
            statement_detail(s, st.id)
            for st in list_statements(s, min_outlets=2)
            if words in st.text
        ]
    assert len(found) == 1, [d.fullest for d in found if d]
    assert found[0] is not None
    return found[0]


def versions_by_outlet(detail: StatementDetail) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for v in detail.versions:
        out.setdefault(v.outlet, []).append(v.text)
    return out


def test_trump_disappointed_in_full_by_three_and_as_a_fragment_by_the_post(sample_db):
    d = find(sample_db, "very disappointed if I saw testing")
    assert d.speaker == "Donald Trump"
    by_outlet = versions_by_outlet(d)
    for outlet in ("HuffPost UK", "Inquisitr", "Newsweek"):
        assert any("I would be very disappointed if I saw testing" in t for t in by_outlet[outlet])
    assert by_outlet["The Washington Post"] == ["very disappointed"]
    post = next(v for v in d.versions if v.outlet == "The Washington Post")
    assert TRUNCATED in post.flags and ALTERED not in post.flags
    # The only outlet with a date comes first.
    assert d.outlets[0] == "HuffPost UK"


def test_huffpost_paraphrase_very_disappointing_stays_apart(sample_db):
    with sample_db.sessions() as s:
        texts = [st.text for st in list_statements(s, min_outlets=1)]
    assert "very disappointing" in texts


def test_lewis_put_it_together_by_three_with_the_daily_mail_altered(sample_db):
    d = find(sample_db, "in the process of building a rocket")
    assert d.speaker == "Jeffrey Lewis"
    assert set(d.outlets) == {"Inquisitr", "Newsweek", "Daily Mail"}
    flags = {v.outlet: v.flags for v in d.versions}
    assert ALTERED in flags["Daily Mail"]
    assert flags["Inquisitr"] == () and flags["Newsweek"] == ()
    mail = next(v for v in d.versions if v.outlet == "Daily Mail")
    assert [op.text.strip() for op in mail.ops if op.kind == "added"] == ["that"]


def test_lewis_foreign_policy_by_two(sample_db):
    d = find(sample_db, "far too obsessed")
    assert d.speaker == "Jeffrey Lewis"
    assert set(d.outlets) == {"Inquisitr", "Daily Mail"}
    assert all(v.flags == () for v in d.versions)


def test_state_department_by_two_with_one_truncated(sample_db):
    d = find(sample_db, "inconsistent with the commitments")
    assert d.speaker == "State Department official"
    assert set(d.outlets) == {"Daily Mail", "The Washington Post"}
    truncated = [v.outlet for v in d.versions if TRUNCATED in v.flags]
    assert truncated == ["The Washington Post"]
    post = next(v for v in d.versions if v.outlet == "The Washington Post")
    assert post.cut_start and not post.cut_end


def test_show_in_other_outlets_finds_the_statement_of_a_quote(sample_db):
    d = find(sample_db, "far too obsessed")
    with sample_db.sessions() as s:
        for v in d.versions:
            assert statement_of_quote(s, v.quote_id) == d.id


def test_compare_command_prints_the_statements_as_jsonl(tmp_path):
    db = tmp_path / "c.db"
    store = open_store(db)
    with store.sessions.begin() as s:
        load_sample_quotes(s)  # not grouped: the command must group first
    store.close()
    out = subprocess.run(
        [sys.executable, "main.py", "compare", "--db", str(db), "--jsonl", "--min-outlets", "3"],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert all(len({q["outlet"] for q in r["quotes"]}) >= 3 for r in records)
    lewis = next(r for r in records if "building a rocket" in r["statement"])
    assert lewis["speaker"] == "Jeffrey Lewis"
    mail = next(q for q in lewis["quotes"] if q["outlet"] == "Daily Mail")
    assert mail["flags"] == [ALTERED]
    assert "put that all that together" in mail["text"]
    with open_store(db).sessions() as s:
        assert s.scalar(select(Quote.text).where(Quote.id == mail["quote_id"])) == mail["text"]


def test_compare_command_readable_form_names_outlets_and_flags(tmp_path):
    db = tmp_path / "r.db"
    store = open_store(db)
    with store.sessions.begin() as s:
        load_sample_quotes(s)
    store.close()
    out = subprocess.run(
        [sys.executable, "main.py", "compare", "--db", str(db)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    ).stdout
    assert "State Department official" in out
    assert "[truncated]" in out and "The Washington Post" in out


def test_compare_names_a_file_that_is_not_a_store(tmp_path):
    bogus = tmp_path / "notes.txt"
    bogus.write_text("not a database", encoding="utf-8")
    out = subprocess.run(
        [sys.executable, "main.py", "compare", "--db", str(bogus)],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert out.returncode == 1
    assert out.stderr.strip() == f"{bogus}: cannot open the store: file is not a database"
    assert bogus.read_text(encoding="utf-8") == "not a database"


def test_statements_model_never_imports_qt():
    code = "import sys, model.statements, model.cli.compare; print('PySide6' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "False"
