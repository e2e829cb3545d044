"""What marks a Sputnik International page, as data: signals, menu lines, patterns."""

from __future__ import annotations

import re

from presswire.rules import LineTable, Signal

SIGNALS = (
    Signal(
        r"^- Sputnik International, \d{4}$",
        0.9,
        "masthead line '- Sputnik International, 1920'",
        target="head",
    ),
    Signal(r"^[A-Z][A-Z .'’-]+ \(Sputnik\) [-–—] ", 0.6, "dateline 'MOSCOW (Sputnik) - '"),
    Signal(
        r" - Sputnik International, \d{4}, \d{2}\.\d{2}\.\d{4}$",
        0.5,
        "caption ending '- Sputnik International, 1920, DD.MM.YYYY'",
    ),
    Signal(r"sputnikglobe\.com|sputniknews\.com", 0.3, "Sputnik URL", target="url"),
)

MASTHEAD = re.compile(r"^- Sputnik International, \d{4}$")
DATE_LINE = re.compile(r"^(\d{1,2}):(\d{2}) GMT (\d{2})\.(\d{2})\.(\d{4})$")
CAPTION = re.compile(r"^(.+?) - Sputnik International, \d{4}, \d{2}\.\d{2}\.\d{4}$")
PHOTO_CREDIT = re.compile(r"^© (?:Sputnik|AP|AFP|Reuters)\b.*$")
DATELINE = re.compile(r"^([A-Z][A-Z .'’-]+) \((Sputnik)\) [-–—] ")

# The site's section menu, printed at the top of every dump; the one right above the title is
# the article's section.
SECTIONS = frozenset(
    {
        "World",
        "Africa",
        "Americas",
        "Asia",
        "Europe",
        "Middle East",
        "Russia",
        "Military",
        "Economy",
        "Science & Tech",
        "Analysis",
        "Multimedia",
        "Podcasts",
    }
)
# Lines that end the article body.
FOOTER = LineTable(
    exact={"Sputnik International", "Follow Sputnik on Telegram", "Related", "Newsfeed"},
)
# Lines dropped wherever they are.
BOILERPLATE = LineTable(
    exact={"Subscribe", "To participate in the discussion", "log in or register", "0"},
)
