"""The PressTV (presstv.ir) outlet plugin."""

from __future__ import annotations

from datetime import date

from presswire import Article, Document, Fingerprint, OutletInfo, hookimpl
from presswire.rules import is_prose, score_signals, split_subheadings
from presswire_presstv import rules

name = "presstv"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, rules.SIGNALS)


@hookimpl
def presswire_extract_text(document: Document) -> Article:
    lines = list(document.content_lines)
    for index, line in enumerate(lines):
        if rules.FOOTER.matches_clean(line):
            lines = lines[:index]
            break
    warnings: list[str] = []
    section = None
    breadcrumb: list[str] = []
    for index, line in enumerate(lines[: rules.HEADER_LINES]):
        if match := rules.BREADCRUMB.fullmatch(line):
            breadcrumb = ["News", *rules.BREADCRUMB_SEPARATOR.split(match["path"])]
            section = breadcrumb[1]
            lines = lines[index + 1 :]  # what comes before the breadcrumb is the site's menu
            break
    title = lines[0] if lines else None
    lines = lines[2:] if lines[1:2] == [title] else lines[1:]  # a title printed twice

    # Between the title and the first prose line: image captions and the byline block.
    first_prose = next((i for i, line in enumerate(lines) if is_prose(line)), len(lines))
    captions: list[str] = []
    authors: list[str] = []
    place = None
    header = lines[:first_prose]
    for index, line in enumerate(header):
        following = header[index + 1] if index + 1 < len(header) else ""
        if place_match := rules.BYLINE_PLACE.fullmatch(following):
            authors.append(line)
            place = place_match["place"]
        elif rules.BYLINE_PLACE.fullmatch(line):
            continue
        else:
            captions.append(line)
    paragraphs, subheadings = split_subheadings(lines[first_prose:])

    published = _published_from_url(document.url)
    if published is None:
        warnings.append("published: the text gives no date; pass the /Detail/YYYY/MM/DD/ URL")
    if not paragraphs:
        warnings.append("paragraphs: no body text found")
    extras: dict[str, object] = {}
    if breadcrumb:
        extras["breadcrumb"] = breadcrumb
    if place:
        extras["byline_place"] = place
    return Article(
        outlet="presstv",
        title=title,
        published=published,
        section=section,
        authors=authors,
        paragraphs=paragraphs,
        subheadings=subheadings,
        captions=captions,
        extras={"presstv": extras} if extras else {},
        warnings=warnings,
    )


def _published_from_url(url: str | None) -> str | None:
    match = rules.URL_DATE.search(url or "")
    if match is None:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"])).isoformat()
    except ValueError:
        return None


@hookimpl
def presswire_outlet_info() -> OutletInfo:
    return OutletInfo(
        outlet="presstv",
        title="PressTV (presstv.ir)",
        recognises=[s.evidence for s in rules.SIGNALS],
        fields=[
            "title",
            "published",
            "section",
            "authors",
            "paragraphs",
            "subheadings",
            "captions",
            "extras",
        ],
        notes="The text carries no date: published comes from a /Detail/YYYY/MM/DD/ URL "
        "given as url=, else null. The breadcrumb goes to extras.",
    )
