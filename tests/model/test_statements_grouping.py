"""Grouping quotes into statements on made-up reports: what groups, what must not, and when."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import insert, select, update

from model.ingest import OutletResolver, content_hash
from model.schema import Article, Quote, QuoteStatement, Speaker, StatementKey
from model.speakers import SpeakerResolver
from model.statements import (
    ALTERED,
    DISPUTED,
    TRUNCATED,
    count_statements,
    group_in_steps,
    group_new_quotes,
    list_statements,
    quotes_for_cell,
    regroup_all,
    speaker_outlet_counts,
    statement_detail,
    statement_of_quote,
    ungrouped_quote_ids,
)
from model.statements import grouping as grouping_module
from model.statements.text import Wording


def report(
    session, outlet: str, quotes: list[tuple[str, str | None]], published: dt.datetime | None = None
) -> list[int]:  # type: ignore[no-untyped-def]
    """Stores an article by `outlet` quoting each (words, speaker); returns the quote ids."""
    parts, spans = [], []
    pos = 0
    for words, speaker in quotes:
        lead = f"{speaker or 'Someone'} said: “"
        spans.append((pos + len(lead), pos + len(lead) + len(words), words, speaker))
        part = f"{lead}{words}”\n\n"
        parts.append(part)
        pos += len(part)
    text = "".join(parts)
    article_id = session.execute(
        insert(Article)
        .values(
            outlet_id=OutletResolver(session).resolve(outlet), title=f"{outlet} report",
            text=text, published=published, content_hash=content_hash(text + outlet),
        )
        .returning(Article.id)
    ).scalar_one()
    speakers = SpeakerResolver(session)
    ids = []
    for start, end, words, speaker in spans:
        assert text[start:end] == words
        ids.append(
            session.execute(
                insert(Quote)
                .values(
                    article_id=article_id, start=start, end=end, text=words,
                    speaker_id=speakers.resolve(speaker), paragraph=0, origin="auto",
                    deleted=False, speaker_edited=False,
                )
                .returning(Quote.id)
            ).scalar_one()
        )
    return ids


def same_statement(session, a: int, b: int) -> bool:  # type: ignore[no-untyped-def]
    sa, sb = statement_of_quote(session, a), statement_of_quote(session, b)
    assert sa is not None and sb is not None
    return sa == sb


def flags_of(session, quote_id: int) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    d = statement_detail(session, statement_of_quote(session, quote_id))
    return next(v.flags for v in d.versions if v.quote_id == quote_id)


LONG = "We will not accept any deal that leaves the sanctions in place for another year"


def test_identical_once_marks_case_and_spaces_are_folded(store):
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [("It’s a very GOOD deal,   for everyone.", "Ann Lee")])
        (b,) = report(s, "Beta", [("it's a very good deal for everyone", "Ann Lee")])
        group_new_quotes(s, [a, b])
        assert same_statement(s, a, b)
        assert flags_of(s, a) == () and flags_of(s, b) == ()
        (st,) = list_statements(s, min_outlets=2)
        assert st.outlets == ("Alpha", "Beta") and st.speaker == "Ann Lee"


def test_a_fragment_joins_the_full_quote_of_the_same_speaker(store):
    with store.sessions.begin() as s:
        (full,) = report(s, "Alpha", [("I would be very disappointed if I saw testing", "Tom")])
        (frag,) = report(s, "Beta", [("very disappointed", "Tom")])
        (other,) = report(s, "Gamma", [("very disappointed", "Kim")])
        (thin,) = report(s, "Delta", [("disappointed", "Tom")])
        group_new_quotes(s, [full, frag, other, thin])
        assert same_statement(s, full, frag)
        assert flags_of(s, frag) == (TRUNCATED,)
        assert not same_statement(s, full, other)  # a short fragment needs the same speaker
        assert not same_statement(s, full, thin)  # one content word says too little


def test_near_copies_group_and_are_flagged_altered(store):
    changed = LONG.replace("another year", "another decade")
    dropped = "We will not accept any deal that leaves the sanctions in place"
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [(LONG, "Mia Park")])
        (b,) = report(s, "Beta", [(changed, "Mia Park")])
        (c,) = report(s, "Gamma", [(LONG.replace("any deal", "a deal"), "Mia Park")])
        (d,) = report(s, "Delta", [(dropped, "Mia Park")])
        group_new_quotes(s, [a, b, c, d])
        assert same_statement(s, a, b) and same_statement(s, a, c) and same_statement(s, a, d)
        assert ALTERED in flags_of(s, b) and ALTERED in flags_of(s, c)
        assert flags_of(s, d) == (TRUNCATED,)
        detail = statement_detail(s, statement_of_quote(s, b))
        version = next(v for v in detail.versions if v.quote_id == b)
        assert [(op.base.strip(), op.text.strip()) for op in version.ops if op.kind == "changed"] \
            == [("year", "decade")]


def test_long_wording_under_two_speakers_is_one_disputed_statement(store):
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [(LONG, "Press Secretary")])
        (b,) = report(s, "Beta", [(LONG, "The President")])
        group_new_quotes(s, [a, b])
        assert same_statement(s, a, b)
        detail = statement_detail(s, statement_of_quote(s, a))
        assert detail.disputed
        assert set(detail.speakers) == {"Press Secretary", "The President"}
        assert all(DISPUTED in v.flags for v in detail.versions)


def test_short_common_phrase_groups_only_under_one_speaker(store):
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [("No collusion!", "Trump")])
        (b,) = report(s, "Beta", [("no collusion", "Mueller")])
        (c,) = report(s, "Gamma", [("No collusion.", "Trump")])
        (d,) = report(s, "Delta", [("no collusion", None)])
        group_new_quotes(s, [a, b, c, d])
        assert same_statement(s, a, c)
        assert not same_statement(s, a, b)
        assert not same_statement(s, a, d)


def test_unrelated_quotes_sharing_common_words_stay_apart(store):
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [("North Korea is preparing a rocket launch at Sohae", "X")])
        (b,) = report(s, "Beta", [("North Korea is a threat we take very seriously today", "X")])
        group_new_quotes(s, [a, b])
        assert not same_statement(s, a, b)


def test_an_import_joins_existing_statements_and_updates_their_counts(store):
    with store.sessions.begin() as s:
        first = report(s, "Alpha", [(LONG, "Mia Park")]) + report(s, "Beta", [(LONG, "Mia Park")])
        group_new_quotes(s, first)
    with store.sessions.begin() as s:
        later = report(s, "Gamma", [("leaves the sanctions in place", "Mia Park")])
        assert ungrouped_quote_ids(s) == later
        group_new_quotes(s, later)
        assert ungrouped_quote_ids(s) == []
        (st,) = list_statements(s, min_outlets=2)
        assert st.outlet_count == 3 and st.quote_count == 3
        assert st.text == LONG


def test_a_repeat_in_the_same_article_counts_its_outlet_once(store):
    with store.sessions.begin() as s:
        a, a_again = report(
            s, "Alpha", [(LONG, "Mia Park"), ("any deal that leaves the sanctions", "Mia Park")]
        )
        (b,) = report(s, "Beta", [(LONG, "Mia Park")])
        group_new_quotes(s, [a, a_again, b])
        assert same_statement(s, a, a_again) and same_statement(s, a, b)
        (st,) = list_statements(s, min_outlets=2)
        assert st.outlet_count == 2 and st.quote_count == 3


def test_deleted_quotes_leave_their_statement(store):
    with store.sessions.begin() as s:
        ids = [report(s, name, [(LONG, "Mia Park")])[0] for name in ("Alpha", "Beta", "Gamma")]
        group_new_quotes(s, ids)
        s.execute(update(Quote).where(Quote.id == ids[2]).values(deleted=True))
        group_new_quotes(s, [ids[2]])
        (st,) = list_statements(s, min_outlets=2)
        assert st.outlets == ("Alpha", "Beta")
        assert statement_of_quote(s, ids[2]) is None
        regroup_all(s)
        assert statement_of_quote(s, ids[2]) is None
        assert list_statements(s, min_outlets=2)[0].outlet_count == 2


def test_regrouping_gives_the_same_statements(store):
    with store.sessions.begin() as s:
        ids = report(s, "Alpha", [(LONG, "A"), ("very disappointed indeed", "B")])
        ids += report(
            s, "Beta", [(LONG.upper(), "A"), ("I am very disappointed indeed today", "B")]
        )
        group_new_quotes(s, ids)
        before = {q: statement_of_quote(s, q) for q in ids}
        regroup_all(s)
        after = {q: statement_of_quote(s, q) for q in ids}
        pairs = lambda m: {(x, y) for x in ids for y in ids if m[x] == m[y]}  # noqa: E731
        assert pairs(before) == pairs(after)


def test_grouping_compares_candidates_not_all_pairs(store, monkeypatch):
    calls = []
    real = grouping_module.match_score

    def counting(*args):  # type: ignore[no-untyped-def]
        calls.append(1)
        return real(*args)

    monkeypatch.setattr(grouping_module, "match_score", counting)
    with store.sessions.begin() as s:
        ids = []
        for i in range(150):
            words = f"Topic {i} matters because budget item {i * 7} rose by {i * 3} percent"
            ids += report(s, f"Outlet {i % 5}", [(words, f"Speaker {i}")])
        group_new_quotes(s, ids)
    pairs = len(ids) * (len(ids) - 1) // 2
    assert len(calls) <= grouping_module.CANDIDATES * len(ids) < pairs / 5


def test_list_filters_by_outlets_and_speaker_and_orders_outlets_by_date(store):
    with store.sessions.begin() as s:
        ids = report(s, "Late", [(LONG, "Mia Park")], dt.datetime(2020, 5, 2))
        ids += report(s, "Undated", [(LONG, "Mia Park")])
        ids += report(s, "Early", [(LONG, "Mia Park")], dt.datetime(2020, 5, 1))
        ids += report(s, "Early", [("Nothing else to say about the whole budget", "Bo Yu")])
        group_new_quotes(s, ids)
        park = s.scalar(select(Speaker.id).where(Speaker.name == "Mia Park"))
        yu = s.scalar(select(Speaker.id).where(Speaker.name == "Bo Yu"))
        assert count_statements(s, min_outlets=1) == 2
        assert count_statements(s, min_outlets=3) == 1
        assert [st.speaker for st in list_statements(s, min_outlets=1)] == ["Mia Park", "Bo Yu"]
        assert list_statements(s, min_outlets=1, speaker_id=yu)[0].outlet_count == 1
        (st,) = list_statements(s, min_outlets=2, speaker_id=park)
        assert st.outlets == ("Early", "Late", "Undated")
        assert statement_detail(s, st.id).outlets == ("Early", "Late", "Undated")


def test_heat_map_counts_live_quotes_per_speaker_and_outlet(store):
    with store.sessions.begin() as s:
        a = report(s, "Alpha", [("one thing", "Ann"), ("two things", "Ann"), ("three", "Bo")])
        b = report(s, "Beta", [("four things", "Ann")])
        s.execute(update(Quote).where(Quote.id == a[1]).values(deleted=True))
        grid = speaker_outlet_counts(s)
        names = dict(grid.speakers)
        ann = next(k for k, v in names.items() if v == "Ann")
        bo = next(k for k, v in names.items() if v == "Bo")
        outlets = {name: oid for oid, name in grid.outlets}
        assert grid.speakers[0][1] == "Ann"
        assert grid.count(ann, outlets["Alpha"]) == 1
        assert grid.count(ann, outlets["Beta"]) == 1
        assert grid.count(bo, outlets["Beta"]) == 0
        assert grid.maximum == 1
        assert quotes_for_cell(s, ann, outlets["Alpha"]) == [a[0]]
        assert quotes_for_cell(s, ann, outlets["Beta"]) == b


def test_shorter_forms_of_a_name_agree_and_the_fuller_name_is_credited(store):
    long = "would be inconsistent with the commitments that the North Koreans have made"
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [("Let me just say, in our judgment, this " + long, "official")])
        (b,) = report(s, "Beta", [(long, "State Department official")])
        (c,) = report(s, "Gamma", [("I would be very disappointed if I saw testing", "Trump")])
        (d,) = report(s, "Delta", [("very disappointed", "Donald Trump")])
        group_new_quotes(s, [a, b, c, d])
        assert same_statement(s, a, b) and same_statement(s, c, d)
        detail = statement_detail(s, statement_of_quote(s, a))
        assert not detail.disputed
        assert detail.speaker == "State Department official"
        assert all(DISPUTED not in v.flags for v in detail.versions)


def test_overlapping_slices_of_one_statement_group_under_one_speaker(store):
    a_words = ("I think the evidence points to a satellite launch, and not just the evidence at "
               "Sanumdong")
    b_words = "not just the evidence at Sanumdong, but also the evidence from Sohae launch site"
    c_words = "not just the evidence at Sanumdong: the weather was fine for flying all week"
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [(a_words, "Jeffrey Lewis")])
        (b,) = report(s, "Beta", [(b_words, "Lewis")])
        (c,) = report(s, "Gamma", [(c_words, "Joel Wit")])
        group_new_quotes(s, [a, b, c])
        assert same_statement(s, a, b)
        assert not same_statement(s, a, c)  # another speaker: a six-word overlap is too little
        assert ALTERED not in flags_of(s, a) and ALTERED not in flags_of(s, b)


def test_spelled_out_contractions_are_the_same_words(store):
    with store.sessions.begin() as s:
        (a,) = report(s, "Alpha", [("We’ve got to do everything possible to improve it", "Ann")])
        (b,) = report(s, "Beta", [("We have got to do everything possible to improve it.", "Ann")])
        (c,) = report(
            s, "Gamma", [("We don't have to do everything possible to improve it", "Ann")]
        )
        group_new_quotes(s, [a, b, c])
        assert same_statement(s, a, b) and same_statement(s, a, c)
        assert flags_of(s, a) == () and flags_of(s, b) == ()
        assert ALTERED in flags_of(s, c)


def test_grouping_in_steps_commits_each_step_and_can_stop_between_them(store):
    with store.sessions.begin() as s:
        ids = [report(s, name, [(LONG, "Mia Park")])[0] for name in ("A", "B", "C", "D")]
        ids += report(s, "E", [("leaves the sanctions in place", "Mia Park")])
    seen: list[tuple[int, int]] = []

    def stop_after_first(done: int, total: int) -> bool:
        seen.append((done, total))
        return False

    assert group_in_steps(store.sessions, progress=stop_after_first, step=2) == 2
    assert seen == [(2, 5)]
    with store.sessions() as s:
        assert len(ungrouped_quote_ids(s)) == 3
    assert group_in_steps(store.sessions, step=2) == 3
    with store.sessions() as s:
        assert ungrouped_quote_ids(s) == []
        (st,) = list_statements(s, min_outlets=2)
        assert st.outlet_count == 5
    assert group_in_steps(store.sessions, everything=True, step=2) == 5
    with store.sessions() as s:
        assert [x.outlet_count for x in list_statements(s, min_outlets=1)] == [5]


# The blocking index a run keeps in memory must end up in the store exactly, and a later
# import must still find statements through it, common keys or not.

FULL = "The harbour expansion will cost taxpayers nothing and create four thousand jobs"


def stored_keys(session) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    rows = session.execute(select(StatementKey.key, StatementKey.statement_id))
    return {(k, sid) for k, sid in rows}


def expected_keys(session) -> set[tuple[int, int]]:  # type: ignore[no-untyped-def]
    """Every live quote's keys, filed under its statement."""
    rows = session.execute(
        select(Quote.text, QuoteStatement.statement_id).join(
            QuoteStatement, QuoteStatement.quote_id == Quote.id
        )
    )
    return {(k, sid) for text, sid in rows for k in Wording.of(text).keys()}  # noqa: SIM118


def test_a_full_regroup_stores_every_key_of_every_statement_once(store):
    with store.sessions.begin() as s:
        ids = report(s, "Alpha", [(FULL, "Ann Lee"), ("create four thousand jobs", "Ann Lee")])
        ids += report(s, "Beta", [(FULL.replace("nothing", "little"), "Ann Lee")])
        group_new_quotes(s, ids)
        regroup_all(s)
    with store.sessions() as s:
        assert stored_keys(s) == expected_keys(s)
        assert same_statement(s, ids[0], ids[1]) and same_statement(s, ids[0], ids[2])


def test_an_import_finds_statements_past_keys_too_common_to_look_up(store, monkeypatch):
    monkeypatch.setattr(grouping_module, "POSTING_CAP", 2)
    with store.sessions.begin() as s:
        # "tax cuts" is in four statements: past the cap, an import must not rely on it.
        common = [
            report(s, f"Outlet {i}", [(f"tax cuts {word} matter greatly to families", f"P{i}")])[0]
            for i, word in enumerate(["never", "always", "sometimes", "rarely"])
        ]
        regroup_all(s)
    with store.sessions.begin() as s:
        (again,) = report(s, "Late", [("tax cuts always matter greatly to families", "P1")])
        (frag,) = report(s, "Later", [("always matter greatly", "P1")])
        group_new_quotes(s, [again, frag])
        assert same_statement(s, again, common[1]) and same_statement(s, frag, common[1])
        assert not same_statement(s, again, common[0])
        assert stored_keys(s) == expected_keys(s)
