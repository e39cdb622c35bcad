"""Saved web pages: the article's main text and metadata, taken with trafilatura.

The page is handed to trafilatura as a string, never as a URL, so nothing is fetched: not the
page, not its images or scripts. Menus, comments, share buttons and scripts are left out by the
extractor; the general cleaning rules then remove what it kept of video players and the like.
"""

from __future__ import annotations

import logging
import re
import warnings
from pathlib import Path

from model.importing.cleaning import clean_text
from model.importing.parsed import Parsed
from model.importing.reading import UnreadableFile
from model.importing.textutil import (
    UNKNOWN_OUTLET,
    domain_of,
    element_text,
    parse_date,
    short_title,
)
from model.records import ArticleIn

_MIN_FALLBACK_CHARS = 80
_SITENAME_MAX = 60
_TITLE = re.compile(r"<title[^>]*>(.*?)(?:</title|<)", re.IGNORECASE | re.DOTALL)


def _title_tag(html: str) -> str:
    found = _TITLE.search(html[:20000])
    return found.group(1).strip() if found else ""


def _body_text(html: str) -> str:
    """The visible text of a page without its navigation, for pages trafilatura passes over."""
    import lxml.html
    from lxml import etree

    try:
        root = lxml.html.document_fromstring(html)
    except (etree.ParserError, ValueError, AssertionError):
        return ""
    for junk in root.xpath("//nav|//header|//footer|//aside"):
        junk.drop_tree()
    body = root.find("body")
    return element_text(body if body is not None else root)


def _quiet_trafilatura() -> None:
    # trafilatura logs every page it finds little in at WARNING; the report says it once.
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).setLevel(logging.CRITICAL)


def read_webpage(path: Path, html: str, encoding: str) -> Parsed:
    from trafilatura import bare_extraction

    _quiet_trafilatura()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # dateutil's notes on time zones it cannot name
            doc = bare_extraction(
                html,
                with_metadata=True,
                include_comments=False,
                include_tables=False,
                include_images=False,
                include_links=False,
            )
    except Exception as exc:  # trafilatura raises many kinds on broken markup
        raise UnreadableFile(f"could not read the page's HTML ({type(exc).__name__})") from None
    text = clean_text(doc.text or "") if doc is not None else ""
    if not text.strip():
        # trafilatura ignores short or badly broken pages; their body text is still the article.
        text = clean_text(_body_text(html))
    if len(text.strip()) < _MIN_FALLBACK_CHARS:
        raise UnreadableFile("no article text found in the page")
    url = (doc.url if doc is not None else None) or None
    domain = (doc.hostname if doc is not None else None) or domain_of(url)
    if domain and domain.startswith("www."):
        domain = domain[4:]
    sitename = (doc.sitename or "").strip() if doc is not None else ""
    doc_title = (doc.title if doc is not None else None) or _title_tag(html)
    if len(sitename) > _SITENAME_MAX or sitename == (doc_title or "").strip():
        sitename = ""  # a page's headline taken for its site's name: the domain says more
    outlet = sitename or domain or UNKNOWN_OUTLET
    title = short_title(doc_title or "") or short_title(text.splitlines()[0])
    art = ArticleIn(
        outlet=outlet,
        outlet_domain=domain,
        title=title,
        text=text,
        url=url,
        author=(doc.author or None) if doc is not None else None,
        published=parse_date(doc.date) if doc is not None else None,
        source_file=str(path),
    )
    return Parsed([art], "html", encoding)
