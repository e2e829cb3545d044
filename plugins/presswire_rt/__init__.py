"""The RT (rt.com) outlet plugin."""

from __future__ import annotations

import re

import attrs
from bs4 import BeautifulSoup, Tag

from presswire import DEFAULT_LEXICON, Article, Document, Fingerprint, OutletInfo, hookimpl
from presswire.dates import format_clock
from presswire.html import render_text
from presswire.metadata import page_published
from presswire.rules import (
    MONTHS,
    clean_line,
    content_lines,
    is_headline,
    score_signals,
    split_subheadings,
)
from presswire_rt import rules

name = "rt"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, rules.SIGNALS)


@hookimpl
def presswire_extract_text(document: Document) -> Article:
    return _extract(list(document.content_lines))


@hookimpl
def presswire_extract_html(document: Document, soup: BeautifulSoup) -> Article | None:
    """Read RT's article containers in page order, then apply the text-dump rules to them,
    so the HTML and the dump of one page give the same fields."""
    parts = {name: soup.select_one(selector) for name, selector in rules.HTML_PARTS.items()}
    if parts["heading"] is None or parts["text"] is None:
        return None  # not RT's article layout (AMP, a video page): use the rendered text
    lines: list[str] = []
    for name in rules.HTML_ORDER:
        element = parts[name]
        if isinstance(element, Tag):
            lines.extend(content_lines(render_text(element).split("\n")))
    article = _extract(lines)
    tags = [clean_line(a.get_text()) for a in soup.select(rules.HTML_TAG_LINKS)]
    crumbs = [clean_line(a.get_text()) for a in soup.select(rules.HTML_BREADCRUMB_LINKS)]
    section = crumbs[-1] if len(crumbs) > 1 else None  # the first crumb is 'Home'
    published = article.published
    stated = page_published(document.metadata)  # '2020-11-13T11:53+00:00': with its offset
    if published and stated and stated.startswith(published) and len(stated) > len(published):
        published = stated  # the printed clock, with the offset the metadata give it
    lead, paragraphs = article.lead, article.paragraphs
    if parts["summary"] is None and lead is not None:  # no summary: the text opens the body
        lead, paragraphs = None, (lead, *paragraphs)
    return attrs.evolve(
        article,
        tags=[t for t in tags if t],
        section=section or None,
        published=published,
        lead=lead,
        paragraphs=paragraphs,
    )


def _extract(lines: list[str]) -> Article:
    """The article of a page's clean lines (from :func:`clean_line`), in page order."""
    title: str | None = None
    date_line: re.Match[str] | None = None
    body: list[str] = []
    related: list[str] = []
    captions: list[str] = []
    embeds: list[str] = []
    for line in lines:
        if rules.FOOTER.matches_clean(line):
            break
        if rules.HEADER.matches_clean(line) or rules.BOILERPLATE.matches_clean(line):
            continue
        date_match = rules.DATE_LINE.fullmatch(line)
        if date_match and date_line is None:
            date_line = date_match
            continue
        if title is None:
            title = line
            continue
        if line == title and not body:  # RT dumps print the headline twice
            continue
        if related_match := rules.RELATED.fullmatch(line):
            related.append(related_match["headline"])
        elif rules.TWEET_SIGNATURE.search(line):
            embeds.append(line)
        elif rules.CREDIT.search(line) and is_headline(line, max_words=60):
            captions.append(line)
        else:
            body.append(line)
    paragraphs, subheadings = split_subheadings(body)
    warnings = []
    published = _iso(date_line) if date_line else None
    if date_line is None:
        warnings.append("published: no RT date line ('13 Nov, 2020 11:53') found")
    elif published is None:
        warnings.append(f"published: {date_line.group(0)!r} is not a real date")
    if not paragraphs:
        warnings.append("paragraphs: no body text found")
    return Article(
        outlet="rt",
        title=title,
        published=published,
        lead=paragraphs[0] if paragraphs else None,  # RT's summary stands above the body
        paragraphs=paragraphs[1:],
        subheadings=subheadings,
        captions=captions,
        related=related,
        extras={"rt": {"embeds": embeds}} if embeds else {},
        warnings=warnings,
    )


def _iso(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    return format_clock(
        int(groups["year"]),
        MONTHS[groups["month"].lower()],
        int(groups["day"]),
        int(groups["hour"]),
        int(groups["minute"]),
    )


@hookimpl
def presswire_block_quotes(article: Article) -> list[int]:
    """Paragraphs in the first person, without quote marks, right after a paragraph that
    quotes or reports someone: quotations RT set off as their own paragraph."""
    verbs = DEFAULT_LEXICON.reporting_verbs
    blocks = []
    for index in range(1, len(article.paragraphs)):
        text, previous = article.paragraphs[index], article.paragraphs[index - 1]
        if any(mark in text for mark in rules.QUOTE_MARKS):
            continue
        words = [word.strip(".,;:!?()") for word in text.split()]
        first_person = sum(1 for w in words if w != "US" and w.lower() in rules.FIRST_PERSON)
        if first_person < rules.MIN_FIRST_PERSON:
            continue  # most paragraphs: the paragraph before need not be read
        if any(mark in previous for mark in rules.QUOTE_MARKS) or any(
            word.strip(".,;:!?()").lower() in verbs for word in previous.split()
        ):
            blocks.append(index)
    return blocks


@hookimpl
def presswire_outlet_info() -> OutletInfo:
    return OutletInfo(
        outlet="rt",
        title="RT (rt.com)",
        recognises=[s.evidence for s in rules.SIGNALS],
        fields=[
            "title",
            "published",
            "section",
            "lead",
            "paragraphs",
            "subheadings",
            "captions",
            "related",
            "tags",
            "extras",
        ],
        notes="Time as printed; in HTML with the offset the page's metadata give it. The "
        "summary is the lead, above the body paragraphs. Section and tags from HTML only. "
        "Embedded tweets go to extras.",
    )
