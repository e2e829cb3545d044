"""HTML helpers: render a page's visible text as a text dump, and read its metadata.

Both walk the tree iteratively (an explicit stack, no recursion), so a page nested ten thousand
levels deep costs what a flat one of the same size costs and cannot overflow the stack.
"""

from __future__ import annotations

import json
import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

from attrs import field, frozen
from bs4 import BeautifulSoup, Tag
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
)

__all__ = ["PageMetadata", "page_metadata", "render_text"]

# Elements whose text is never visible on the page.
INVISIBLE_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "head",
        "title",
        "meta",
        "link",
        "svg",
        "iframe",
        "object",
        "embed",
        "canvas",
        "button",
        "select",
        "option",
        "input",
        "textarea",
    }
)
# Elements that start a paragraph of their own (a blank line around them in the dump).
PARAGRAPH_TAGS = frozenset(
    {
        "p",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "figcaption",
        "pre",
        "table",
        "ul",
        "ol",
        "dl",
        "article",
        "section",
        "header",
        "footer",
        "aside",
        "main",
        "hr",
    }
)
# Elements that start a line of their own.
LINE_TAGS = frozenset(
    {
        "div",
        "li",
        "dt",
        "dd",
        "tr",
        "nav",
        "form",
        "fieldset",
        "address",
        "caption",
        "details",
        "summary",
        "body",
        "html",
        "picture",
        "video",
        "audio",
    }
)
_SKIPPED_STRINGS = (Comment, Declaration, Doctype, CData, ProcessingInstruction)
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_BLANK_LINES = re.compile(r"\n{3,}")


def render_text(root: Tag) -> str:
    """Return the visible text of ``root`` laid out the way a scraper's text dump is.

    Paragraph-level elements are separated by a blank line, other block elements by a line
    break, ``<br>`` breaks the line; runs of white space inside a line become one space.
    """
    parts: list[str] = []
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            parts.append(node)  # a break marker pushed below
            continue
        if isinstance(node, NavigableString):
            if not isinstance(node, _SKIPPED_STRINGS):
                parts.append(_SPACE_RUN.sub(" ", str(node)))
            continue
        if not isinstance(node, Tag):
            continue
        name = node.name.lower() if node.name else ""
        if name in INVISIBLE_TAGS:
            continue
        if name == "br":
            parts.append("\n")
            continue
        separator = "\n\n" if name in PARAGRAPH_TAGS else "\n" if name in LINE_TAGS else ""
        if separator:
            parts.append(separator)
            stack.append(separator)
        stack.extend(reversed(node.contents))
    return _tidy("".join(parts))


def _tidy(text: str) -> str:
    lines = [line.strip(" ") for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


@frozen
class PageMetadata:
    """What an HTML page says about itself in its ``<head>`` and structured data.

    ``meta`` maps each ``<meta>`` ``name``/``property``/``itemprop`` (lower case) to the first
    non-empty ``content``; ``jsonld`` holds every JSON-LD object (``@graph`` flattened).
    """

    title: str | None = None
    lang: str | None = None
    canonical_url: str | None = None
    meta: Mapping[str, str] = field(factory=dict)
    jsonld: tuple[Mapping[str, Any], ...] = ()

    def first(self, *names: str) -> str | None:
        """The first of ``names`` present in ``meta``: ``first("og:title", "twitter:title")``."""
        for name in names:
            value = self.meta.get(name)
            if value:
                return value
        return None

    def jsonld_values(self, key: str) -> Iterator[Any]:
        """Every value of ``key`` in the JSON-LD objects, in document order."""
        for item in self.jsonld:
            if key in item:
                yield item[key]


def page_metadata(soup: BeautifulSoup) -> PageMetadata:
    """Read title, language, canonical URL, ``<meta>`` tags and JSON-LD from a parsed page."""
    meta: dict[str, str] = {}
    for tag in soup.find_all("meta"):
        content = tag.get("content")
        if not isinstance(content, str) or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = tag.get(attribute)
            if isinstance(key, str) and key.strip():
                meta.setdefault(key.strip().lower(), content.strip())
    title_tag = soup.find("title")
    title = _SPACE_RUN.sub(" ", title_tag.get_text()).strip() if title_tag else None
    canonical = None
    for link in soup.find_all("link", href=True):
        rel: Any = link.get("rel") or []
        if "canonical" in (rel if isinstance(rel, list) else [rel]):
            href = link.get("href")
            canonical = href.strip() if isinstance(href, str) and href.strip() else None
            break
    html_tag = soup.find("html")
    lang = html_tag.get("lang") if isinstance(html_tag, Tag) else None
    return PageMetadata(
        title=title or None,
        lang=lang.strip() or None if isinstance(lang, str) else None,
        canonical_url=canonical,
        meta=meta,
        jsonld=tuple(_jsonld_objects(soup)),
    )


def _jsonld_objects(soup: BeautifulSoup) -> Iterator[Mapping[str, Any]]:
    for script in soup.find_all("script", type=re.compile(r"ld\+json", re.I)):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue  # broken JSON-LD is common; it is not an error of the page's text
        pending: deque[Any] = deque([data])  # breadth-first keeps document order, stays linear
        while pending:
            item = pending.popleft()
            if isinstance(item, list):
                pending.extendleft(reversed(item))
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extendleft(reversed(graph))
                yield item
