"""The plain-text plugin: ZeroHedge-style dumps of body text, one paragraph per line."""

from __future__ import annotations

import itertools
import re

import attrs

from presswire import Article, Document, Fingerprint, OutletInfo, hookimpl
from presswire.dates import format_clock
from presswire.generic import read_html
from presswire.rules import combine_weights, count_prose, is_headline, score_signals
from presswire_plaintext import rules
from presswire_plaintext.rules import ZEROHEDGE_SIGNALS

name = "plaintext"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint | None:
    """Score the share of lines that are prose, scaled down by blank-line paragraph breaks
    (a dump with blank lines between paragraphs comes from a page with a layout)."""
    if document.source_format != "text":
        return _html_fingerprint(document)
    lines = document.clean_lines
    content = document.content_lines
    if not content:
        return Fingerprint(score=0.0, evidence=("no text",))
    prose_share = count_prose(content) / len(content)
    breaks = sum(1 for a, b in itertools.pairwise(lines) if a and not b)
    single_break_share = 1.0 - breaks / max(1, len(content) - 1)
    structure = round(prose_share * max(0.0, single_break_share), 4)
    evidence = [
        f"{prose_share:.0%} of lines are prose",
        f"{single_break_share:.0%} of paragraph breaks are single newlines",
    ]
    markers = score_signals(document, ZEROHEDGE_SIGNALS)  # evidence shows what matched
    evidence.extend(markers.evidence)
    # noisy-or composes: the markers' combined score weighs as their weights one by one
    score = combine_weights([structure, markers.score]) if markers.evidence else structure
    return Fingerprint(score=min(1.0, score), evidence=tuple(evidence))


def _html_fingerprint(document: Document) -> Fingerprint | None:
    """An HTML page is this plugin's only when it is ZeroHedge's: plain text has no markup."""
    markers = score_signals(document, rules.ZEROHEDGE_HTML_SIGNALS)
    return markers if markers.evidence else None


@hookimpl
def presswire_extract_html(document: Document) -> Article:
    """A ZeroHedge page in HTML: what the generic reader finds, with ZeroHedge's conventions
    applied as in its text dumps (the outlet; 'Authored by NAME via OUTLET,' opening the body
    names the author and the outlet it was syndicated from)."""
    article = read_html(document)
    authors, paragraphs = list(article.authors), list(article.paragraphs)
    extras: dict[str, str] = {}
    if paragraphs and (match := rules.AUTHORED_BY.fullmatch(paragraphs[0])):
        authors, extras["via"] = [match["author"]], match["via"]
        paragraphs = paragraphs[1:]
    return attrs.evolve(
        article,
        outlet="zerohedge",
        authors=authors,
        paragraphs=paragraphs,
        extras={"zerohedge": extras} if extras else {},
    )


@hookimpl
def presswire_extract_text(document: Document) -> Article:
    """Every line is a paragraph; ZeroHedge's header lines, when present, become fields."""
    lines = list(document.content_lines)
    authors: list[str] = []
    published = title = None
    extras: dict[str, str] = {}
    header_end = 0
    for index, line in enumerate(lines[: rules.HEADER_LINES]):
        if line == rules.HOUSE_BYLINE:
            authors.append(line)
            header_end = index + 1
        elif match := rules.DATE_LINE.fullmatch(line):
            published = _iso(match)
            header_end = index + 1
    if header_end and is_headline(lines[0]) and lines[0] != rules.HOUSE_BYLINE:
        title = lines[0]  # a headline above ZeroHedge's byline or date line
    body = lines[header_end:]
    if body and (match := rules.AUTHORED_BY.fullmatch(body[0])):
        authors = [match["author"]]
        extras["via"] = match["via"]
        body = body[1:]
    is_zerohedge = bool(header_end or extras)
    warnings = []
    if title is None:
        warnings.append("title: plain text carries no title")
    if published is None:
        warnings.append("published: plain text carries no date")
    return Article(
        outlet="zerohedge" if is_zerohedge else None,
        title=title,
        published=published,
        authors=authors,
        paragraphs=body,
        extras={"zerohedge": extras} if extras else {},
        warnings=warnings,
    )


def _iso(match: re.Match[str]) -> str | None:
    return format_clock(
        int(match["year"]),
        int(match["month"]),
        int(match["day"]),
        int(match["hour"]),
        int(match["minute"]),
    )


@hookimpl
def presswire_outlet_info() -> OutletInfo:
    return OutletInfo(
        outlet="zerohedge",
        title="Plain text, one paragraph per line (ZeroHedge style)",
        recognises=[
            "most lines are prose and paragraphs are separated by single newlines",
            *(s.evidence for s in ZEROHEDGE_SIGNALS),
            *(s.evidence for s in rules.ZEROHEDGE_HTML_SIGNALS if s.target == "markup"),
        ],
        fields=["outlet", "title", "published", "authors", "paragraphs", "extras"],
        notes="outlet is 'zerohedge' only when ZeroHedge's own markers are present, else "
        "null; title and published only from those markers. HTML: ZeroHedge's pages only, "
        "read as generic pages are, with 'Authored by NAME via OUTLET' applied.",
    )
