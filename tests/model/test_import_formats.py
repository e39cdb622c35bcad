"""Each format reader, through parse_file: what a user would see stored from each kind of file."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from model.importing.pipeline import ImportOptions, parse_file
from model.importing.reading import UnreadableFile

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"
OPTIONS = ImportOptions()


def copy(name: str, dest: Path, new_name: str | None = None) -> Path:
    target = dest / (new_name or Path(name).name)
    shutil.copyfile(FIXTURES / name, target)
    return target


def test_plain_text_title_is_the_first_line_and_the_whole_cleaned_file_is_the_text(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("\n  Mayor resigns  \n\n“I am done,” the mayor said.\nShare this article\n",
                    encoding="utf-8")
    [art] = parse_file(path, OPTIONS).articles
    assert art.title == "Mayor resigns"
    assert art.text == "Mayor resigns  \n\n“I am done,” the mayor said.\n"
    assert art.outlet == "Unknown outlet"
    assert art.source_file == str(path)


def test_saved_page_gives_main_text_and_metadata_without_page_furniture(tmp_path):
    page = copy("html/foxnews.com2.html", tmp_path)
    parsed = parse_file(page, OPTIONS)
    [art] = parsed.articles
    expected = (FIXTURES / "expected" / "foxnews.com2.txt").read_text(encoding="utf-8")
    first_paragraph = expected.split("\n\n")[0].strip()
    assert art.text.startswith(first_paragraph)
    assert art.title.startswith("Teen desperate for a baby kills woman")
    assert art.outlet == "Fox News Latino"
    assert art.outlet_domain == "foxnews.com"
    assert art.url is not None and art.url.startswith("http://latino.foxnews.com/")
    assert art.published == dt.datetime(2014, 12, 23)
    for furniture in ("function(", "Share on Facebook", "Comments", "var "):
        assert furniture not in art.text, furniture
    assert parsed.format == "html"


def test_page_in_arabic_keeps_its_text(tmp_path):
    [art] = parse_file(copy("html/arabic_article.html", tmp_path), OPTIONS).articles
    expected = (FIXTURES / "expected" / "arabic_article.txt").read_text(encoding="utf-8")
    assert expected.split()[0] in art.text
    assert art.outlet == "CNNArabic"


def test_broken_html_still_gives_what_can_be_read(tmp_path):
    path = tmp_path / "broken.html"
    path.write_text(
        "<html><head><title>Council votes</title><body><div><p>The council voted on Tuesday "
        "to close "
        "the old bridge, and residents said they were dismayed by the decision. “We were never "
        "asked,” said Ann Fox, who has lived beside the bridge for forty years.<p>Work starts "
        "in May.<div><script>track()</scr",
        encoding="utf-8",
    )
    [art] = parse_file(path, OPTIONS).articles
    assert "“We were never asked,” said Ann Fox" in art.text
    assert "track()" not in art.text
    assert art.title == "Council votes"


def test_page_without_article_text_is_refused_with_a_reason(tmp_path):
    path = tmp_path / "menu.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav></body></html>", encoding="utf-8")
    with pytest.raises(UnreadableFile, match="no article text"):
        parse_file(path, OPTIONS)


def test_atom_feed_gives_one_article_per_entry_under_the_feed_title(tmp_path):
    parsed = parse_file(copy("feeds/rbren__heise.atom", tmp_path), OPTIONS)
    assert len(parsed.articles) == 15
    assert {a.outlet for a in parsed.articles} == {"heise developer neueste Meldungen"}
    first = parsed.articles[0]
    assert first.title.startswith("Java-Anwendungsserver: Red Hat gibt WildFly 10 frei")
    assert first.url is not None and first.url.startswith("http://www.heise.de/developer/")
    assert "<" not in first.text and first.text.strip()
    assert parsed.warnings == []


def test_feed_that_is_not_well_formed_is_read_as_far_as_possible_and_says_so(tmp_path):
    parsed = parse_file(copy("feeds/rbren__uolNoticias.rss", tmp_path), OPTIONS)
    assert len(parsed.articles) >= 5
    assert parsed.articles[0].outlet == "UOL Noticias"
    assert any("not well-formed" in w for w in parsed.warnings)


def test_feed_saved_as_txt_is_recognised_by_its_content(tmp_path):
    path = copy("feeds/feedjira__HuffPostCanada.xml", tmp_path, "saved.txt")
    parsed = parse_file(path, OPTIONS)
    assert parsed.format == "feed"
    assert len(parsed.articles) == 2


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rss version="2.0"><channel><title>Laughs</title>
<item><title>Laugh</title><description>&lol9;</description></item></channel></rss>
"""


def test_billion_laughs_feed_is_refused_without_expanding(tmp_path):
    path = tmp_path / "laughs.rss"
    path.write_text(BILLION_LAUGHS, encoding="utf-8")
    with pytest.raises(UnreadableFile, match="refused: the XML declares entities"):
        parse_file(path, OPTIONS)


def test_external_entity_feed_is_refused_and_the_file_it_names_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PASSWORD", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://{secret}">]>\n'
        "<rss version='2.0'><channel><title>T</title><item><title>A</title>"
        "<description>Leak: &xxe;</description></item></channel></rss>",
        encoding="utf-8",
    )
    with pytest.raises(UnreadableFile, match="refused") as err:
        parse_file(path, OPTIONS)
    assert "TOP-SECRET" not in str(err.value)


def test_jsonl_dump_accepts_common_field_names(tmp_path):
    records = [
        {"Headline": "Strike ends", "body": "“It is over,” the union said.\nShare this article",
         "publisher": "Daily Planet", "link": "https://www.dailyplanet.com/strike",
         "pubDate": "Tue, 10 Jun 2003 04:00:00 GMT", "byline": "Lois Lane"},
        {"title": "No text here"},
        {"content": "<p>Second <b>story</b>.</p><p>“Yes,” he said.</p>",
         "url": "https://www.example.org/second"},
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\nnot json\n", encoding="utf-8")
    parsed = parse_file(path, OPTIONS)
    first, second = parsed.articles
    assert (first.title, first.outlet, first.url, first.author) == (
        "Strike ends", "Daily Planet", "https://www.dailyplanet.com/strike", "Lois Lane")
    assert first.published == dt.datetime(2003, 6, 10, 4, 0)
    assert first.text == "“It is over,” the union said."
    assert second.text == "Second story.\n“Yes,” he said."
    assert second.outlet == "example.org"
    assert any("1 records without text" in w for w in parsed.warnings)
    assert any("not JSON objects" in w for w in parsed.warnings)


def test_csv_dump_with_quoted_multi_line_text(tmp_path):
    path = tmp_path / "dump.csv"
    path.write_text(
        'headline,content,source,url,published,author\n'
        '"Rates rise","Line one.\nLine two, with “a quote,” she said.",Reuters,'
        'https://reuters.com/a,2020-01-02,Jane Doe\n',
        encoding="utf-8",
    )
    [art] = parse_file(path, OPTIONS).articles
    assert art.text == "Line one.\nLine two, with “a quote,” she said."
    assert (art.title, art.outlet, art.published) == (
        "Rates rise", "Reuters", dt.datetime(2020, 1, 2))


def test_multi_news_file_splits_on_five_bars(tmp_path):
    path = tmp_path / "test.src"
    path.write_text(
        "First story title NEWLINE_CHAR NEWLINE_CHAR “One,” said A. ||||| Second story "
        "NEWLINE_CHAR body two. |||||\nThird story of another set NEWLINE_CHAR body three.\n",
        encoding="utf-8",
    )
    parsed = parse_file(path, OPTIONS)
    assert [a.title for a in parsed.articles] == [
        "First story title", "Second story", "Third story of another set"]
    assert parsed.articles[0].text == "First story title\n\n“One,” said A."


def test_text_in_another_encoding_is_decoded_and_the_encoding_recorded(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes("Café crème\n\n“Très bien,” a déclaré le ministre à l'été.\n".encode("cp1252"))
    parsed = parse_file(path, OPTIONS)
    assert parsed.articles[0].title == "Café crème"
    assert parsed.encoding == "cp1252"
    assert parsed.warnings[0].startswith("not UTF-8; read as")


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"  \n\n", "empty file"),
        ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "binary file (a PNG image)"),
        ("blob.dat", b"abc\x00\x01\x02" * 50, "binary file"),
        ("big.txt", b"x" * 2_000_001, "over the limit of 2 MB"),
    ],
)
def test_bad_files_are_refused_with_a_reason(tmp_path, name, content, reason):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_file(path, ImportOptions(max_bytes=2_000_000))


def test_missing_file_is_refused_with_a_reason(tmp_path):
    with pytest.raises(UnreadableFile, match="no such file"):
        parse_file(tmp_path / "gone.txt", OPTIONS)


def test_pages_and_feeds_are_read_without_touching_the_network(tmp_path, monkeypatch):
    import socket

    def refuse(*_args, **_kwargs):
        raise AssertionError("the importer tried to reach the network")

    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    page = copy("html/foxnews.com2.html", tmp_path, "saved_page")  # no extension: sniffed
    assert parse_file(page, OPTIONS).format == "html"
    feed = copy("feeds/rbren__heise.atom", tmp_path)
    assert len(parse_file(feed, OPTIONS).articles) == 15


def test_single_pretty_printed_json_record_is_one_article(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"headline": "Solo", "article": "“Alone,” he said."}, indent=2),
                    encoding="utf-8")
    [art] = parse_file(path, OPTIONS).articles
    assert (art.title, art.text) == ("Solo", "“Alone,” he said.")
