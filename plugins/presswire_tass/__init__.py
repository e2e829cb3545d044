"""The TASS (tass.com, English service) outlet plugin."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

from presswire import Article, Dateline, Document, Fingerprint, OutletInfo, hookimpl
from presswire.dates import format_datetime
from presswire.rules import (
    MONTHS,
    drop_repeats,
    infer_year,
    is_headline,
    is_prose,
    score_signals,
    split_subheadings,
)
from presswire_tass import rules

name = "tass"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, rules.SIGNALS)


@hookimpl
def presswire_extract_text(document: Document) -> Article:
    lines = list(document.content_lines)
    warnings: list[str] = []
    scraped = _scraper_date(lines[: rules.SCRAPER_DATE_LINES])

    date_index = next((i for i, line in enumerate(lines) if rules.DATE_LINE.fullmatch(line)), None)
    title = section = published = lead = None
    if date_index is not None:
        match = rules.DATE_LINE.fullmatch(lines[date_index])
        assert match is not None
        published = _published(match, scraped, warnings)
        header = [line for line in lines[:date_index] if not rules.MENU.matches_clean(line)]
        before = lines[max(0, date_index - 2) : date_index]
        if before and before[-1] in rules.SECTIONS:
            section = before[-1]
            header = [
                line for line in lines[: date_index - 1] if not rules.MENU.matches_clean(line)
            ]
        title = header[-1] if header else None
        start = date_index + 1
    else:
        warnings.append("published: no TASS date line ('May 30, 11:41 UTC+3') found")
        start = next((i for i, line in enumerate(lines) if not rules.MENU.matches_clean(line)), 0)
        title = lines[start] if start < len(lines) else None
        start += 1

    # Lead, then captions and widgets, up to the dateline or the first prose paragraph.
    rest = lines[start:]
    body_start = next(
        (i for i, line in enumerate(rest) if rules.DATELINE.match(line)),
        next((i for i, line in enumerate(rest) if is_prose(line) and i > 0), len(rest)),
    )
    pre_body = [line for line in rest[:body_start] if not rules.PRE_BODY.matches_clean(line)]
    if (
        pre_body
        and not rules.CREDIT.search(pre_body[0])
        and not is_headline(pre_body[0], max_words=8)
    ):
        lead = pre_body.pop(0)
    captions = drop_repeats(pre_body)

    body, related, footer = _split_body(rest[body_start:])
    dateline = None
    if body and (match := rules.DATELINE.match(body[0])):
        dateline = Dateline(place=match["place"], date_text=match["date"], agency=match["agency"])
        body[0] = body[0][match.end() :]
        if not body[0]:
            body.pop(0)
    paragraphs, subheadings = split_subheadings(body)
    tags, tag_groups = _tags(footer)
    if not paragraphs:
        warnings.append("paragraphs: no body text found")
    return Article(
        outlet="tass",
        title=title,
        published=published,
        section=section,
        dateline=dateline,
        lead=lead,
        paragraphs=paragraphs,
        subheadings=subheadings,
        captions=captions,
        related=related,
        tags=tags,
        extras={"tass": tag_groups} if tag_groups else {},
        warnings=warnings,
    )


def _scraper_date(first_lines: list[str]) -> date | None:
    for line in first_lines:
        if match := rules.SCRAPER_DATE.match(line):
            try:
                return date(int(match["year"]), int(match["month"]), int(match["day"]))
            except ValueError:
                return None
    return None


def _published(match: re.Match[str], scraped: date | None, warnings: list[str]) -> str | None:
    month = MONTHS.get(match["month"].lower())
    if month is None:
        warnings.append(f"published: unknown month in {match.group(0)!r}")
        return None
    day = int(match["day"])
    year = int(match["year"]) if match["year"] else infer_year(month, day, scraped)
    if year is None:
        warnings.append(f"published: {match.group(0)!r} gives no year and no stored date does")
        return None
    try:
        moment = datetime(year, month, day, int(match["hour"]), int(match["minute"]))
    except ValueError:
        warnings.append(f"published: {match.group(0)!r} is not a real date")
        return None
    offset = timezone(timedelta(hours=int(match["offset"])))
    return format_datetime(moment.replace(tzinfo=offset))


def _split_body(lines: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Body lines, related headlines of 'Read also' blocks, and the footer lines."""
    body: list[str] = []
    related: list[str] = []
    in_related = False
    for index, line in enumerate(lines):
        if rules.FOOTER.matches_clean(line):
            return body, related, lines[index:]
        if rules.RELATED_HEADING.matches_clean(line):
            in_related = True
            continue
        if in_related and is_headline(line):
            related.append(line)
            continue
        in_related = False
        body.append(line)
    return body, related, []


def _tags(footer: list[str]) -> tuple[list[str], dict[str, list[str]]]:
    tags: list[str] = []
    groups: dict[str, list[str]] = {}
    current: str | None = None
    for line in footer:
        if line in rules.TAG_HEADINGS:
            current = rules.TAG_HEADINGS[line]
            groups.setdefault(current, [])
        elif current is not None and rules.FOOTER.matches_clean(line):
            current = None
        elif current is not None:
            groups[current].append(line)
            tags.append(line)
    return tags, groups


@hookimpl
def presswire_outlet_info() -> OutletInfo:
    return OutletInfo(
        outlet="tass",
        title="TASS (tass.com, English)",
        recognises=[s.evidence for s in rules.SIGNALS],
        fields=[
            "title",
            "published",
            "section",
            "dateline",
            "lead",
            "paragraphs",
            "subheadings",
            "captions",
            "related",
            "tags",
            "extras",
        ],
        notes="UTC+3 kept as +03:00. The year comes from the date line or from a scraper's "
        "'date YYYY-MM-DD' line within two days of it; otherwise published is null. The "
        "dateline is removed from the first paragraph. Persons and topics go to extras.",
    )
