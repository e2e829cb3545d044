"""What a PressTV (presstv.ir) page looks like: data, not code."""

import re

from presswire.rules import LineTable, Signal

SIGNALS = (
    Signal(
        r"^Press TV[’']s website can also be accessed at the following alternate addresses:$",
        0.9,
        "PressTV alternate-addresses footer",
    ),
    Signal(r"^Press TV News Roku$", 0.7, "'Press TV News Roku' footer"),
    Signal(r"^www\.presstv\.(?:ir|com|co\.uk|tv)$", 0.6, "presstv address line"),
    Signal(r"^News[^\S\n]{1,5}/[^\S\n]{1,5}\S", 0.5, "breadcrumb 'News / ...'", target="head"),
    Signal(r"^Press TV, Tehran$", 0.5, "byline 'Press TV, Tehran'"),
    Signal(
        r"^Press TV[’']s news headlines\b",
        0.6,
        "headline 'Press TV's news headlines'",
        target="head",
    ),
    Signal(r"(?:^|[/.])presstv\.(?:ir|com|co\.uk|tv)(?:[/:]|$)", 0.5, "presstv URL", target="url"),
    Signal(
        r"""<meta[^<>]{0,80}content=["']Press ?TV["']""",
        0.7,
        "og:site_name 'PressTV'",
        target="markup",
    ),
)

# ---------------------------------------------------------------- the text dump
BREADCRUMB = re.compile(r"News\s*/\s*(?P<path>\S.*)")
"""'News / Foreign Policy / Russia': the first level after 'News' is the section."""
BREADCRUMB_SEPARATOR = re.compile(r"\s*/\s*")
HEADER_LINES = 80
"""How far into the page the breadcrumb is looked for (menus may come first)."""
BYLINE_PLACE = re.compile(r"Press TV, (?P<place>[A-Z][\w .'-]{1,40})")
"""The second line of a byline block: 'Press TV, Tehran' under the author's name."""
FOOTER = LineTable(
    exact=("SHARE THIS ARTICLE", "Press TV News Roku"),
    patterns=(r"Press TV[’']s website can also be accessed at the following alternate addresses:",),
)
"""The first of these ends the article."""
URL_DATE = re.compile(r"/Detail/(?P<year>\d{4})/(?P<month>\d{2})/(?P<day>\d{2})/")
"""PressTV's article URLs carry the publication date: /Detail/2020/11/24/639963/slug."""
