"""Small text helpers the format readers share: titles, dates, outlets from URLs, HTML to text."""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from urllib.parse import urlsplit

UNKNOWN_OUTLET = "Unknown outlet"
_TITLE_MAX = 200
_SPACE = re.compile(r"\s+")
# The characters str.splitlines() breaks at.
_LINE_BREAK = re.compile("[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def first_line_title(text: str) -> str:
    """The first non-empty line, shortened at a word if a file has no separate title line."""
    # Found without splitting the whole article into lines, which cost more than the rest.
    body = text.lstrip()
    end = _LINE_BREAK.search(body)
    return short_title(body[: end.start()] if end else body)


def short_title(title: str) -> str:
    # str.split() folds the same white space as the regex \s+, at a fraction of the cost.
    title = " ".join(title.split())
    if len(title) <= _TITLE_MAX:
        return title
    cut = title.rfind(" ", 0, _TITLE_MAX)
    return title[: cut if cut > 40 else _TITLE_MAX].rstrip(" ,;:") + "…"


def domain_of(url: str | None) -> str | None:
    """"https://www.nytimes.com/2019/…" → "nytimes.com": the readable name of a site."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    host = host.lower()
    return host[4:] if host.startswith("www.") else host


_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d.%m.%Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y",
                 "%d %b %Y", "%m/%d/%Y")


def parse_date(value: object) -> dt.datetime | None:
    """A naive UTC datetime from the common ways dumps and feeds write dates; None if unsure."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return _naive_utc(value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        seconds = value / 1000 if value > 10_000_000_000 else value
        try:
            return dt.datetime.fromtimestamp(seconds, dt.UTC).replace(tzinfo=None)
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return _naive_utc(dt.datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        pass
    try:
        return _naive_utc(email.utils.parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
    return None


def _naive_utc(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


_BLOCK_TAGS = frozenset({
    "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr",
    "table", "section", "article", "header", "footer", "figcaption", "pre", "hr", "dd", "dt",
})


def html_to_text(fragment: str) -> str:
    """Readable text from an HTML fragment (a feed entry's content): one line per block.

    Parsed with lxml, which never fetches the images or scripts the fragment refers to.
    """
    if "<" not in fragment and "&" not in fragment:
        return fragment.strip()
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError, AssertionError):
        return _SPACE.sub(" ", re.sub(r"<[^>]*>", " ", fragment)).strip()
    return element_text(root)


def element_text(root: object) -> str:
    """The text of an lxml element without scripts and styles, a line per block element."""
    from lxml import etree

    assert isinstance(root, etree._Element)
    for bad in root.xpath(".//script|.//style|.//noscript|.//iframe|.//form"):
        bad.drop_tree()
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        block = tag.lower() in _BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                parts.append(child.tail)
        if block:
            parts.append("\n")

    walk(root)
    lines = (_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
