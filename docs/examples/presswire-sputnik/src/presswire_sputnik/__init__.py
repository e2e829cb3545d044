"""presswire plugin for Sputnik International (sputnikglobe.com) text dumps.

The docs' example of a complete outlet plugin: a fingerprint from a table of signals, text-dump
extraction from tables of lines and patterns (``rules.py``), and an outlet description. It
imports only presswire's public API.
"""

from __future__ import annotations

from presswire import Article, Dateline, Document, Fingerprint, OutletInfo, hookimpl
from presswire.rules import is_headline, is_prose, score_signals
from presswire_sputnik import rules

__version__ = "0.1.0"


@hookimpl
def presswire_fingerprint(document: Document) -> Fingerprint:
    return score_signals(document, rules.SIGNALS)


@hookimpl
def presswire_extract_text(document: Document) -> Article | None:
    lines = [line for line in document.content_lines if not rules.BOILERPLATE.matches(line)]
    if not lines or not rules.MASTHEAD.match(lines[0]):
        return None  # not a Sputnik dump after all: let the next candidate try
    title_at = _title_index(lines)
    if title_at is None:
        return None
    title = lines[title_at]
    section = lines[title_at - 1] if lines[title_at - 1] in rules.SECTIONS else None
    body_end = next(
        (i for i in range(title_at + 1, len(lines)) if rules.FOOTER.matches(lines[i])), len(lines)
    )
    published = None
    captions, credits, paragraphs = [], [], []
    for line in lines[title_at + 1 : body_end]:
        if published is None and (date := rules.DATE_LINE.match(line)):
            hour, minute, day, month, year = date.groups()
            published = f"{year}-{month}-{day}T{int(hour):02d}:{minute}:00+00:00"
        elif caption := rules.CAPTION.match(line):
            captions.append(caption.group(1))
        elif rules.PHOTO_CREDIT.match(line):
            credits.append(line)
        elif is_prose(line):
            paragraphs.append(line)
    related = _related(lines[body_end:])
    warnings = [] if published else ["published: no 'HH:MM GMT DD.MM.YYYY' line"]
    dateline = None
    if paragraphs and (opening := rules.DATELINE.match(paragraphs[0])):
        dateline = Dateline(place=opening.group(1), agency=opening.group(2))
        paragraphs[0] = paragraphs[0][opening.end() :]
    return Article(
        outlet="sputnik",
        title=title,
        published=published,
        section=section,
        dateline=dateline,
        paragraphs=paragraphs,
        captions=captions,
        related=related,
        extras={"sputnik": {"photo_credits": credits}} if credits else {},
        warnings=warnings,
    )


def _title_index(lines: list[str]) -> int | None:
    """The title: the first line after the menu that reads as a headline."""
    for index, line in enumerate(lines[1:], start=1):
        if line not in rules.SECTIONS and is_headline(line):
            return index
    return None


def _related(footer: list[str]) -> list[str]:
    """The headlines listed under 'Related', up to the next footer line."""
    if "Related" not in footer:
        return []
    headlines = []
    for line in footer[footer.index("Related") + 1 :]:
        if rules.FOOTER.matches(line):
            break
        headlines.append(line)
    return headlines


@hookimpl
def presswire_outlet_info() -> OutletInfo:
    return OutletInfo(
        outlet="sputnik",
        title="Sputnik International (sputnikglobe.com)",
        recognises=tuple(signal.evidence for signal in rules.SIGNALS),
        fields=(
            "title",
            "published",
            "section",
            "dateline",
            "paragraphs",
            "captions",
            "related",
            "extras",
        ),
        notes="Time in GMT as printed. Photo credits go to extras.",
    )
