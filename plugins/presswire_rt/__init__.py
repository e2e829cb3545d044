"""The RT (rt.com) outlet plugin."""

from __future__ import annotations

import re

from presswire import Article, Document, Fingerprint, hookimpl
from presswire.rules import MONTHS, content_lines, is_headline, score_signals, split_subheadings
from presswire_rt import rules

name = "rt"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, rules.SIGNALS)


@hookimpl
def presswire_extract_text(document: Document) -> Article:
    title: str | None = None
    published: str | None = None
    body: list[str] = []
    related: list[str] = []
    captions: list[str] = []
    embeds: list[str] = []
    for line in content_lines(document.lines):
        if rules.FOOTER.matches(line):
            break
        if rules.HEADER.matches(line) or rules.BOILERPLATE.matches(line):
            continue
        date_match = rules.DATE_LINE.fullmatch(line)
        if date_match and published is None:
            published = _iso(date_match)
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
    if published is None:
        warnings.append("published: no RT date line ('13 Nov, 2020 11:53') found")
    if not paragraphs:
        warnings.append("paragraphs: no body text found")
    return Article(
        outlet="rt",
        title=title,
        published=published,
        lead=paragraphs[0] if paragraphs else None,  # RT's summary opens the body
        paragraphs=paragraphs,
        subheadings=subheadings,
        captions=captions,
        related=related,
        extras={"rt": {"embeds": embeds}} if embeds else {},
        warnings=warnings,
    )


def _iso(match: re.Match[str]) -> str:
    groups = match.groupdict()
    month = MONTHS[groups["month"].lower()]
    return (
        f"{groups['year']}-{month:02d}-{int(groups['day']):02d}T{groups['hour']}:{groups['minute']}"
    )
