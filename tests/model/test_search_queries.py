"""Searching quotes and articles: words, phrases, prefixes, filters, sorts, bad syntax."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from model.db import open_store
from model.ingest import Ingestor
from model.library import quote_rows
from model.records import ArticleIn
from model.sample import load_sample_if_empty
from model.schema import Article, Quote, Tag, quote_tag
from model.search import SearchQuery, all_ids, match_spans, search, search_articles

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "search" / "articles.json"


@pytest.fixture
def store(tmp_path):
    store = open_store(tmp_path / "s.db")
    load_sample_if_empty(store.sessions)
    with store.sessions.begin() as s:
        ingest = Ingestor(s)
        for art in json.loads(FIXTURE.read_text(encoding="utf-8")):
            art["published"] = dt.datetime.fromisoformat(art["published"])
            ingest.add(ArticleIn(**art))
    return store


def texts(store, query: SearchQuery) -> list[str]:
    with store.sessions() as s:
        return [r.text for r in quote_rows(s, search(s, query).ids)]


def test_plain_words_are_anded_and_case_and_accents_do_not_matter(store):
    found = texts(store, SearchQuery("BRIDGE winter"))
    assert found == ["We will build the bridge before winter, whatever it costs,"]
    assert texts(store, SearchQuery("cafe")) == ["Prices of café food are rising,"]


def test_phrase_and_prefix(store):
    assert texts(store, SearchQuery('"bridge is a"')) == [
        "The bridge is a promise, and promises matter."
    ]
    prefixed = texts(store, SearchQuery("bridg*"))
    assert len(prefixed) == 4
    assert "Bridges rarely come in on budget," in prefixed
    assert texts(store, SearchQuery("bridg")) == []


def test_filters_combine_with_words_and_each_other(store):
    assert texts(store, SearchQuery("bridge", speaker="jane doe", outlet="Coast Times")) == [
        "The budget for the bridge is sound,"
    ]
    by_mary = texts(store, SearchQuery("", speaker="Mary Major"))
    assert sorted(by_mary) == [
        "Bridges rarely come in on budget,", "Winter storms will test the old ferry,"
    ]
    in_2023 = texts(store, SearchQuery("", since=dt.date(2023, 11, 1), until=dt.date(2023, 12, 31)))
    assert sorted(in_2023) == [
        "Service resumes tomorrow morning,", "We got a fair deal for the crews,"
    ]
    # A bound inside a month: March 6 excludes the article of March 5.
    assert texts(store, SearchQuery("bridge", since=dt.date(2024, 3, 6))) == [
        "The budget for the bridge is sound,"
    ]


def test_unknown_filter_names_find_nothing_and_say_why(store):
    with store.sessions() as s:
        result = search(s, SearchQuery("bridge", speaker="Nobody Here"))
    assert result.ids == [] and result.total == 0
    assert "Nobody Here" in result.message


def test_bad_syntax_falls_back_to_plain_words_quietly(store):
    with store.sessions() as s:
        for bad in ('bridge "winter', "bridge AND", "NOT", "bridge OR (", "(winter"):
            result = search(s, SearchQuery(bad))
            assert result.fell_back, bad
            assert "plain words" in result.message
        assert search(s, SearchQuery('bridge "winter')).total == 1
        good = search(s, SearchQuery("ferry OR sandwich"))
    assert not good.fell_back and good.total == 2


def test_deleted_quotes_are_not_found_and_edits_are(store):
    with store.sessions.begin() as s:
        qid = search(s, SearchQuery("sandwich")).ids[0]
        s.execute(update(Quote).where(Quote.id == qid).values(deleted=True))
    with store.sessions.begin() as s:
        assert search(s, SearchQuery("sandwich")).ids == []
        other = search(s, SearchQuery("ferry")).ids[0]
        s.execute(update(Quote).where(Quote.id == other).values(text="A hovercraft instead"))
    with store.sessions() as s:
        assert search(s, SearchQuery("ferry")).ids == []
        assert search(s, SearchQuery("hovercraft")).ids == [other]


def test_tag_filter_follows_tagging(store):
    with store.sessions.begin() as s:
        ids = search(s, SearchQuery("bridge")).ids
        tag_id = s.execute(Tag.__table__.insert().values(name="Infra")).inserted_primary_key[0]
        s.execute(quote_tag.insert(), [{"quote_id": i, "tag_id": tag_id} for i in ids[:2]])
    with store.sessions() as s:
        assert sorted(search(s, SearchQuery("", tag="infra")).ids) == sorted(ids[:2])


def test_sorts_and_paging(store):
    with store.sessions() as s:
        by_date = search(s, SearchQuery("the", sort="date"))
        assert by_date.sort == "date"
        dates = [
            s.scalar(
                select(Article.published).join(Quote, Quote.article_id == Article.id)
                .where(Quote.id == i)
            )
            for i in by_date.ids
        ]
        assert len(set(dates)) > 2
        dated = [d for d in dates if d is not None]
        assert dated == sorted(dated, reverse=True)
        assert dates[: len(dated)] == dated  # undated last
        by_speaker = search(s, SearchQuery("", sort="speaker", outlet="Coast Times"))
        names = [r.speaker for r in quote_rows(s, by_speaker.ids)]
        assert names == sorted(names)
        everything = all_ids(s, SearchQuery("bridge"))
        pages = search(s, SearchQuery("bridge", sort="newest", limit=2)).ids + search(
            s, SearchQuery("bridge", sort="newest", limit=2, offset=2)
        ).ids
        assert pages == sorted(everything, reverse=True)
        ranked = search(s, SearchQuery("bridge budget"))
    assert ranked.sort == "relevance" and ranked.total == 1


def test_blank_query_lists_every_live_quote(store):
    with store.sessions() as s:
        live = s.scalars(select(Quote.id).where(Quote.deleted.is_(False))).all()
        result = search(s, SearchQuery("", limit=5))
    assert result.total == len(live) and result.total_exact
    assert result.ids == sorted(live, reverse=True)[:5]


def test_articles_by_their_text(store):
    with store.sessions() as s:
        found = search_articles(s, SearchQuery("strike"))
        from model.library import article_detail

        titles = [article_detail(s, i).title for i in found.ids]
    assert titles == ["Ferry strike ends"]


def test_articles_by_a_prefix_of_a_word(store):
    """The article index keeps no prefix indexes (migration 0004); prefix* still finds."""
    with store.sessions() as s:
        whole = search_articles(s, SearchQuery("strike")).ids
        assert search_articles(s, SearchQuery("stri*")).ids == whole
        assert whole and set(whole) <= set(search_articles(s, SearchQuery("st*")).ids)


def test_match_spans_mark_words_phrases_and_prefixes():
    text = "The Prime Minister said government, café and governing."
    spans = match_spans(text, '"prime minister" gov* cafe')
    assert [text[a:b] for a, b in spans] == ["Prime Minister", "government", "café", "governing"]
    assert match_spans(text, "") == []
    assert [text[a:b] for a, b in match_spans(text, 'minister "unbalanced')] == ["Minister"]


def test_date_tokens_cover_a_range_exactly_with_few_tokens():
    from model.search.filters import date_tokens

    tokens = date_tokens(dt.date(2023, 12, 30), dt.date(2025, 2, 2))
    assert tokens == ["d20231230", "d20231231", "y2024", "m202501", "d20250201", "d20250202"]
    assert date_tokens(dt.date(2024, 2, 1), dt.date(2024, 2, 29)) == ["m202402"]


def test_search_tags_and_export_never_import_qt():
    import subprocess
    import sys

    code = (
        "import sys, model.search, model.tags, model.notes, model.export, model.cli.search,"
        " model.cli.tag, model.cli.export; print('PySide6' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2])
    assert out.stdout.strip() == "False"
