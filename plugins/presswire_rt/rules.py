"""What an RT (rt.com) page looks like: data, not code."""

import re

from presswire.rules import LineTable, Signal

MONTHS_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
MONTHS_FULL = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)

SIGNALS = (
    Signal(
        r"^(?:date \d{4}-\d{2}-\d{2} )?icon bookmark-bicon bookmarkicon",
        0.9,
        "RT icon-font line",
        target="head",
    ),
    Signal(
        rf"^\d{{1,2}} {MONTHS_ABBR}, \d{{4}} \d{{2}}:\d{{2}}$",
        0.5,
        "RT date line (as '13 Nov, 2020 11:53')",
        target="head",
    ),
    Signal(r"^Also on rt\.com ", 0.85, "'Also on rt.com' related link"),
    Signal(
        r"^Think your friends would be interested\? Share this story!$",
        0.8,
        "RT share footer 'Think your friends would be interested? ...'",
    ),
    Signal(
        r"^If you like this story, share it with a friend!$",
        0.8,
        "RT share footer 'If you like this story, ...'",
    ),
    Signal(r"(?:^|[/.])rt\.com(?:[/:]|$)", 0.5, "rt.com URL", target="url"),
    Signal(
        r"""<meta[^<>]{0,80}content=["']RT International["']""",
        0.8,
        "og:site_name 'RT International'",
        target="markup",
    ),
    Signal(
        r"""<link[^<>]{0,80}href=["']https?://(?:www\.)?rt\.com/""",
        0.6,
        "canonical link on rt.com",
        target="markup",
    ),
)

# ---------------------------------------------------------------- the text dump
# Header lines a scraper or the site's icon font leaves before the article.
HEADER = LineTable(
    patterns=(
        r"date \d{4}-\d{2}-\d{2}",
        r"(?:date \d{4}-\d{2}-\d{2} )?icon bookmark-bicon .*",
    )
)
DATE_LINE = re.compile(
    rf"(?P<day>\d{{1,2}}) (?P<month>{MONTHS_ABBR}), (?P<year>\d{{4}}) "
    r"(?P<hour>\d{2}):(?P<minute>\d{2})"
)
"""'13 Nov, 2020 11:53': RT prints no time zone, so none is added."""
RELATED = re.compile(r"(?:Also on rt\.com|Read more:?)\s+(?P<headline>\S.*)")
"""Inline related-article links; the headline goes to ``related``."""
FOOTER = LineTable(
    exact=(
        "Think your friends would be interested? Share this story!",
        "If you like this story, share it with a friend!",
        "Like this story? Share it with a friend!",
    )
)
"""The share line that ends the article: nothing after it is article text."""
BOILERPLATE = LineTable(
    exact=("Get short URL", "Trends:", "Follow RT on", "Share", "Comments"),
    patterns=(
        r"Trends: .{1,120}",
        r"Follow RT on .{1,80}",
        r"The statements, views and opinions expressed in this column are solely those of the "
        r"author and do not necessarily represent those of RT\.",
    ),
)
TWEET_SIGNATURE = re.compile(
    rf"—\s*[^—\n]{{1,80}}\(@\w{{1,30}}\)\s+{MONTHS_FULL} \d{{1,2}}, \d{{4}}$"
)
"""The end of an embedded tweet: '— Name (@handle) Month D, YYYY'."""
CREDIT = re.compile(r"©\s*\S")
"""A photo credit marks an image caption."""

# ---------------------------------------------------------------- the HTML page
HTML_PARTS = {
    "date": ".article__date",
    "heading": ".article__heading",
    "cover": ".article__cover",
    "summary": ".article__summary",
    "text": ".article__text",
}
"""RT's article containers (CSS selectors)."""
HTML_ORDER = ("date", "heading", "cover", "summary", "text")
"""The order the containers' text is read in: the order of a dump of the page."""
HTML_TAG_LINKS = ".article__tags-trends a, .tags-trends__link"
HTML_BREADCRUMB_LINKS = ".article__breadcrumbs a"

# ---------------------------------------------------------------- block quotes
# RT sets long quotations off as paragraphs of their own; a dump loses their styling and marks.
FIRST_PERSON = frozenset(
    {
        "we",
        "our",
        "us",
        "ours",
        "i",
        "my",
        "me",
        "mine",
        "i'm",
        "we're",
        "i’m",
        "we’re",
        "we’d",
        "we'd",
        "i’d",
        "i'd",
        "i’ve",
        "we’ve",
    }
)
"""Words of a speaker talking, lower case; 'US' in capitals is the country, not 'us'."""
MIN_FIRST_PERSON = 2
"""A paragraph with at least this many first-person words speaks in the first person."""
QUOTE_MARKS = '“”"«»„'
