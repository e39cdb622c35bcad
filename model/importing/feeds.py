"""RSS and Atom feeds: one article per entry, read with feedparser behind a defusedxml check.

A feed is XML from strangers, so before feedparser sees it, defusedxml refuses documents that
declare entities (the "billion laughs" expansion) or refer to external ones (which would read
local files or reach the network). Nothing is expanded and nothing is fetched. Feeds that are
merely not well-formed are still read as far as feedparser can (its "bozo" mode), and the
report says so.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from pathlib import Path

from model.importing.cleaning import clean_text
from model.importing.parsed import Parsed
from model.importing.reading import UnreadableFile, refuse_binary
from model.importing.textutil import (
    UNKNOWN_OUTLET,
    domain_of,
    html_to_text,
    parse_date,
    short_title,
)
from model.records import ArticleIn

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def refuse_dangerous_xml(data: bytes) -> str | None:
    """Raises UnreadableFile for entity declarations or external references; returns a note
    when the XML is not well-formed (feedparser may still read it), else None."""
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException, EntitiesForbidden, ExternalReferenceForbidden
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except EntitiesForbidden:
        raise UnreadableFile(
            "refused: the XML declares entities (an entity-expansion attack?); nothing expanded"
        ) from None
    except ExternalReferenceForbidden:
        raise UnreadableFile(
            "refused: the XML refers to an external entity; nothing was fetched"
        ) from None
    except DefusedXmlException as exc:
        raise UnreadableFile(f"refused: unsafe XML ({type(exc).__name__})") from None
    except ParseError as exc:
        # A document broken before its DTD would slip past the parser: look for declarations.
        if _ENTITY_DECL.search(data):
            raise UnreadableFile(
                "refused: the XML declares entities (an entity-expansion attack?); "
                "nothing expanded"
            ) from None
        return f"feed is not well-formed XML ({exc}); read what could be read"
    return None


def _entry_text(entry: dict) -> str:  # type: ignore[type-arg]
    """The entry's full content when the feed carries it, else its summary."""
    candidates = [c for c in entry.get("content") or [] if c.get("value")]
    if candidates:
        best = max(candidates, key=lambda c: len(c["value"]))
        value, kind = best["value"], best.get("type", "text/html")
    else:
        detail = entry.get("summary_detail") or {}
        value, kind = entry.get("summary") or "", detail.get("type", "text/html")
    text = html_to_text(value) if "html" in kind or "<" in value else value.strip()
    return clean_text(text)


def _entry_date(entry: dict) -> dt.datetime | None:  # type: ignore[type-arg]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # feedparser's updated/published
        for key in ("published_parsed", "updated_parsed", "created_parsed"):
            parsed = entry.get(key)
            if parsed:
                return dt.datetime(*parsed[:6])
    return parse_date(entry.get("published") or entry.get("updated"))


def read_feed(path: Path, data: bytes) -> Parsed:
    import feedparser

    refuse_binary(data)
    warnings = []
    note = refuse_dangerous_xml(data)
    # A stream, never a string: feedparser fetches strings that look like URLs.
    feed = feedparser.parse(io.BytesIO(data), resolve_relative_uris=False, sanitize_html=True)
    if feed.get("bozo") and note is None:
        note = f"feed is not well-formed ({feed.get('bozo_exception')}); read what could be read"
    if note:
        warnings.append(note)
    info = feed.get("feed", {})
    domain = domain_of(info.get("link"))
    outlet = html_to_text(info.get("title") or "") or domain or UNKNOWN_OUTLET
    articles = []
    skipped = 0
    for entry in feed.get("entries", []):
        text = _entry_text(entry)
        title = short_title(html_to_text(entry.get("title") or ""))
        if not text.strip():
            skipped += 1
            continue
        articles.append(
            ArticleIn(
                outlet=outlet,
                outlet_domain=domain or domain_of(entry.get("link")),
                title=title or short_title(text.splitlines()[0]),
                text=text,
                url=entry.get("link") or None,
                author=entry.get("author") or None,
                published=_entry_date(entry),
                source_file=str(path),
            )
        )
    if skipped:
        warnings.append(f"{skipped} entries had no text and were left out")
    if not articles:
        raise UnreadableFile(
            "no entries with text in the feed" + (f" ({note})" if note else "")
        )
    return Parsed(articles, "feed", feed.get("encoding"), warnings)
