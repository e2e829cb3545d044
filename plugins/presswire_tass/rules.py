"""What a TASS (tass.com) page looks like: data, not code."""

import re

from presswire.rules import LineTable, Signal

SIGNALS = (
    Signal(r"[A-Z][a-z]{2,8} \d{1,2}\. /TASS/\.", 0.9, "TASS dateline '... May 30. /TASS/.'"),
    Signal(
        r"^[A-Z][a-z]{2,8} \d{1,2},(?: \d{4},)? \d{1,2}:\d{2} UTC[+-]\d{1,2}$",
        0.6,
        "TASS date line 'May 30, 11:41 UTC+3'",
    ),
    Signal(
        r"^(?:date \d{4}-\d{2}-\d{2} )?Back to Main page$",
        0.4,
        "'Back to Main page' menu",
        target="head",
    ),
    Signal(r"\{\{item\.group_date\}\}", 0.5, "TASS template residue '{{item.group_date}}'"),
    Signal(r"(?:^|[/.])tass\.(?:com|ru)(?:[/:]|$)", 0.5, "tass.com URL", target="url"),
    Signal(
        r"""<meta[^<>]{0,80}content=["']TASS["']""", 0.7, "og:site_name 'TASS'", target="markup"
    ),
)

# ---------------------------------------------------------------- the text dump
SCRAPER_DATE = re.compile(r"date (?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b")
"""The date a scraper stored before the page: it gives the year TASS leaves out."""
SCRAPER_DATE_LINES = 3
"""The scraper's date line is among the first few lines of the dump."""
DATE_LINE = re.compile(
    r"(?P<month>[A-Z][a-z]{2,8}) (?P<day>\d{1,2}),(?: (?P<year>\d{4}),)? "
    r"(?P<hour>\d{1,2}):(?P<minute>\d{2}) UTC(?P<offset>[+-]\d{1,2})"
)
"""'May 30, 11:41 UTC+3' (this year) or 'May 30, 2017, 11:41 UTC+3': the offset is kept."""
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'\- ]*[A-Z.](?: /[^/\n]{1,60}/)?), (?P<date>[A-Z][a-z]{2,8} \d{1,2})"
    r"\. /(?P<agency>TASS)/\.\s*"
)
"""'PSKOV, May 30. /TASS/.' and 'IGORA /Leningrad Region/, December 26. /TASS/.'"""
SECTIONS = frozenset(
    {
        "Russian Politics & Diplomacy",
        "World",
        "Business & Economy",
        "Military & Defense",
        "Science & Space",
        "Society & Culture",
        "Sport",
        "Press Review",
        "Emergencies",
        "Economy",
        "Politics",
        "Culture",
        "Science",
        "Society",
        "Defense",
        "Russia",
        "International Panorama",
        "Non-political",
        "Health",
        "Opinions",
    }
)
"""The section (rubric) printed between the title and the date line."""
MENU = LineTable(
    exact=(
        *SECTIONS,
        "Back to Main page",
        "Select the city",
        "Currency converter",
        "^",
        "News Feed",
        "Sections",
        "All news",
        "News Search Topics",
        "Use filter",
        "You can filter your feed,",
        "by choosing only interesting",
        "sections.",
        "Go to Search",
        "Loading",
        "More news",
        "Top stories",
    ),
    patterns=(r"date \d{4}-\d{2}-\d{2}.*", r"[\u0400-\u04FF ]{1,30}"),
)
"""Navigation lines of the page header (and Cyrillic ad labels)."""
PRE_BODY = LineTable(exact=("Share",), patterns=(r"\d+ pages? in this article",))
"""Widgets between the lead and the body: not captions, not text."""
RELATED_HEADING = LineTable(exact=("Read also", "Read more", "Also read", "See also"))
"""A heading whose following headline-like lines are related articles."""
FOOTER = LineTable(
    exact=(
        "Show more",
        "Persons",
        "Topics",
        "Most read",
        "TOP STORIES",
        "In other media",
        "Infographics",
        "Photo",
        "Share",
    ),
    patterns=(r"\{\{.*\}\}",),
)
"""The first of these after the body ends it."""
TAG_HEADINGS = {"Persons": "persons", "Topics": "topics"}
"""Footer headings whose lines are tags, and the extras key each list goes under."""
CREDIT = re.compile(r"©\s*\S")
