"""HTML helpers: render a page's visible text as a text dump, and read its metadata.

Both walk the tree iteratively (an explicit stack, no recursion), so a page nested ten thousand
levels deep costs what a flat one of the same size costs and cannot overflow the stack.
"""

from __future__ import annotations

import itertools
import json
import re
from collections import deque
from collections.abc import Iterator, Mapping
from typing import Any

import lxml.etree
import lxml.html
from attrs import field, frozen
from bs4 import Tag
from bs4.element import (
    CData,
    Comment,
    Declaration,
    Doctype,
    NavigableString,
    ProcessingInstruction,
)

__all__ = [
    "MAX_ATTRIBUTES",
    "PageMetadata",
    "bound_markup",
    "element_text",
    "page_metadata",
    "parse_tree",
    "render_text",
    "trafilatura_tree",
]

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
    non-empty ``content``; ``jsonld`` holds every JSON-LD object (``@graph`` flattened, and the
    typed objects nested in others after the top-level ones: a WebPage's ``mainEntity``).
    ``headings`` are the texts of the first ``<h1>`` elements, in document order.
    """

    title: str | None = None
    lang: str | None = None
    canonical_url: str | None = None
    meta: Mapping[str, str] = field(factory=dict)
    jsonld: tuple[Mapping[str, Any], ...] = ()
    headings: tuple[str, ...] = ()

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


_TAG_START = re.compile(r"<[A-Za-z!/?]")
_ELEMENT_START = re.compile(r"<[A-Za-z]")
LONG_TAG_CHARS = 8192
"""Only tags longer than this are counted for their attributes (a regex finds them)."""
_LONG_TAG = re.compile(r"<([A-Za-z][\w:.-]{0,40})(\s[^<>]{" + str(LONG_TAG_CHARS) + r",})>")
MAX_ATTRIBUTES = 1000
"""Attributes a tag may keep. An HTML parser checks each new attribute against those before
it (time grows with their square: 100,000 took lxml 19 s), and no real tag has more than a
few dozen; a tag with more loses them all before any parser sees the page."""


CHARACTERS_PER_NODE = 100
"""Beyond a free allowance, a page may have one element or attribute per this many characters
of markup. Parsed, an element costs up to 1.7 KB and an attribute 1.3 KB in the trees the
extraction builds (trafilatura copies the page's tree) and in the article, so memory stays
within some 17 times the page plus the allowance's cost."""


def nodes_allowed(markup: str, max_elements: int) -> int:
    """The most elements and attributes together ``markup`` may have: a quarter of
    ``max_elements`` (25,000 by default, above every page of the benchmarks: the busiest has
    19,200), plus one per :data:`CHARACTERS_PER_NODE` characters."""
    return max_elements // 4 + len(markup) // CHARACTERS_PER_NODE


def bound_markup(markup: str, max_elements: int) -> tuple[str, int]:
    """``markup`` made safe to parse: the attributes of every tag with more than
    :data:`MAX_ATTRIBUTES` removed (the tag itself kept), and their number; raises
    :class:`~presswire.LimitExceededError` for a page of more than ``max_elements`` tags, or
    of more elements and attributes than :func:`nodes_allowed` (markup denser than any news
    page: it costs memory, not text). Linear in the markup's length."""
    from presswire.errors import LimitExceededError

    brackets = markup.count("<")  # a bound of the tags, found at memory speed
    if brackets > max_elements:  # then the tags themselves, up to one more than allowed
        for tags, _ in enumerate(_TAG_START.finditer(markup), start=1):
            if tags > max_elements:
                raise LimitExceededError(
                    f"an HTML page of more than {max_elements:,} tags "
                    "(raise Limits.max_elements to allow more)"
                )
    stripped = 0

    def strip(match: re.Match[str]) -> str:
        nonlocal stripped
        if match.group(2).count("=") <= MAX_ATTRIBUTES:
            return match.group(0)
        stripped += 1
        return f"<{match.group(1)}>"

    if "=" in markup and _LONG_TAG.search(markup):  # the search alone: most pages have none
        markup = _LONG_TAG.sub(strip, markup)
        brackets = markup.count("<")
    allowed = nodes_allowed(markup, max_elements)
    if brackets + markup.count("=") > allowed and _nodes(markup, allowed) > allowed:
        raise LimitExceededError(
            f"an HTML page of more than {allowed:,} elements and attributes in "
            f"{len(markup):,} characters: markup this dense is no article "
            "(raise Limits.max_elements to allow more)"
        )
    return markup, stripped


def _nodes(markup: str, enough: int) -> int:
    """The elements (opening tags) and attributes of ``markup``, counted up to one more than
    ``enough``; each character is read once, however the tags are left open."""
    nodes = position = 0
    while nodes <= enough:
        match = _ELEMENT_START.search(markup, position)
        if match is None:
            break
        end = markup.find(">", match.end())
        position = end if end >= 0 else len(markup)
        nodes += 1 + markup.count("=", match.end(), position)
    return nodes


def trafilatura_tree(markup: str, *, normalised: bool = False) -> Any:
    """The lxml tree trafilatura builds of ``markup`` (its repairs of faulty HTML, its parser
    settings), or ``None`` for a page trafilatura refuses as no HTML. ``normalised``: the
    markup went through :func:`presswire.decoding.normalise_text` (no control characters).

    Given this tree instead of the markup, trafilatura works on a copy of it and extracts the
    same text without parsing the page a second time (a copy costs a third of a parse); the
    metadata read the same tree.
    """
    from trafilatura import load_html  # imported on first use: it is the slowest import we have

    try:
        tree = _plain_parse(markup) if normalised else _REPAIR
        if tree is _REPAIR:
            tree = load_html(markup)
    except Exception:  # a trafilatura bug must not cost the page: lxml's own parse stands in
        return None
    if tree is not None:
        _drop_code(tree)
    return tree


_REPAIR = object()
"""What :func:`_plain_parse` returns for markup trafilatura would repair before parsing."""


def _plain_parse(markup: str) -> Any:
    """The tree ``trafilatura.load_html`` builds of normalised ``markup`` (see
    :func:`trafilatura_tree`), for markup it would not repair, or :data:`_REPAIR`. load_html
    removes the characters XML forbids from the whole page with a regex before parsing, a
    twentieth of presswire's time on an HTML page; normalised markup can hold only two of them
    (U+FFFE, U+FFFF), looked for directly. The other repairs (an XHTML doctype, a
    self-closing ``<html/>``) are told from the page's head. The trees are equal on every
    benchmark page (1,274 of them; 80 are left to load_html)."""
    try:
        from lxml.html import fromstring
        from trafilatura.utils import DOCTYPE_TAG, HTML_PARSER
    except ImportError:  # a trafilatura without them: its own load_html
        return _REPAIR
    if "\ufffe" in markup or "\uffff" in markup:
        return _REPAIR
    first_line_end = markup.find("\n")
    if DOCTYPE_TAG.match(markup, 0, first_line_end if first_line_end >= 0 else len(markup)):
        return _REPAIR
    if any("<html" in line and line.endswith("/>") for line in markup[:4096].splitlines()[:4]):
        return _REPAIR
    try:
        tree = fromstring(markup, parser=HTML_PARSER)
    except ValueError:  # an XML declaration of an encoding: load_html parses the bytes
        return _REPAIR
    if tree is None or len(tree) < 1:
        return _REPAIR
    if "html" not in markup[:50].lower() and len(tree) < 2:
        return None  # load_html's test: no HTML page at all
    return tree


def _drop_code(tree: Any) -> None:
    """Remove the page's scripts and style sheets, JSON-LD kept: trafilatura removes them
    first thing, the metadata come from ``<meta>`` and JSON-LD, and trafilatura copies the
    tree three times or more, so on a page that is mostly code they would cost most of its
    time and memory. (htmldate, asked only when the page states no date, no longer sees
    dates in a script's data.)"""
    for element in list(tree.iter("script", "style")):
        if element.tag == "script" and "ld+json" in (element.get("type") or ""):
            continue
        element.drop_tree()  # its tail, text outside the element, stays


def parse_tree(markup: str) -> Any:
    """Parse ``markup`` with lxml's HTML parser; ``None`` for a page lxml finds no tree in."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
    try:
        return lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def page_metadata(tree: Any) -> PageMetadata:
    """Read title, language, canonical URL, ``<meta>`` tags and JSON-LD from an lxml tree."""
    if tree is None:
        return PageMetadata()
    meta: dict[str, str] = {}
    for tag in tree.iter("meta"):
        content = tag.get("content")
        if not content or not content.strip():
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = tag.get(attribute)
            if key and key.strip():
                meta.setdefault(key.strip().lower(), content.strip())
    title_tag = next(tree.iter("title"), None)
    title = _SPACE_RUN.sub(" ", title_tag.text_content()).strip() if title_tag is not None else ""
    canonical = None
    for link in tree.iter("link"):
        href = (link.get("href") or "").strip()
        if href and "canonical" in (link.get("rel") or "").lower().split():
            canonical = href
            break
    lang = (tree.get("lang") or "").strip() if tree.tag == "html" else ""
    headings = [element_text(h1) for h1 in itertools.islice(tree.iter("h1"), MAX_HEADINGS)]
    return PageMetadata(
        title=title or None,
        lang=lang or None,
        canonical_url=canonical,
        meta=meta,
        jsonld=tuple(_jsonld_objects(tree)),
        headings=tuple(text for text in headings if text),
    )


MAX_HEADINGS = 10
"""``<h1>`` elements read: the headline is among the first."""


def element_text(element: Any) -> str:
    """The element's text, its pieces joined by one space ('Kicker' 'Headline')."""
    return " ".join(" ".join(part.split()) for part in element.itertext() if part.strip())


def _jsonld_objects(tree: Any) -> Iterator[Mapping[str, Any]]:
    for script in tree.iter("script"):
        if "ld+json" not in (script.get("type") or "").lower():
            continue
        try:
            data = json.loads(script.text or "")
        except (ValueError, RecursionError):
            # broken JSON-LD is common, and JSON nested thousands deep exhausts the decoder's
            # stack: neither is an error of the page's text
            continue
        # Lists and @graph members in document order first; typed objects nested under other
        # keys (a WebPage's mainEntity, an author) after them. Each node is visited once.
        pending: deque[tuple[Any, bool]] = deque([(data, False)])
        while pending:
            item, nested = pending.popleft()
            if isinstance(item, list):
                pending.extendleft((value, nested) for value in reversed(item))
            elif isinstance(item, dict):
                graph = item.get("@graph")
                if isinstance(graph, list):
                    pending.extendleft((value, nested) for value in reversed(graph))
                if not nested or "@type" in item:
                    yield item
                pending.extend(
                    (value, True)
                    for key, value in item.items()
                    if key != "@graph" and isinstance(value, (dict, list))
                )
