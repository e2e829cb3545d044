"""What ZeroHedge-style plain text looks like: body paragraphs one per line, nothing else."""

import re

from presswire.rules import Signal

ZEROHEDGE_URL = Signal(
    r"(?:^|[/.])zerohedge\.com(?:[/:]|$)", 0.3, "zerohedge.com URL", target="url"
)
"""The URL hint: evidence, never enough alone."""

# ZeroHedge's own markers: they make the outlet 'zerohedge' rather than unknown.
ZEROHEDGE_SIGNALS = (
    Signal(r"^Tyler Durden$", 0.3, "ZeroHedge byline 'Tyler Durden'"),
    Signal(
        r"^Authored by [^\n]{3,120} via [^\n]{2,120}",
        0.3,
        "'Authored by NAME via OUTLET'",
        target="head",
    ),
    Signal(
        r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2}/\d{2}/\d{4} - \d{2}:\d{2}$",
        0.3,
        "ZeroHedge date line 'Mon, 03/25/2024 - 17:20'",
        target="head",
    ),
    ZEROHEDGE_URL,
)

ZEROHEDGE_HTML_SIGNALS = (
    Signal(
        r"""<meta[^<>]{0,80}content=["']ZeroHedge["']""",
        0.7,
        "og:site_name 'ZeroHedge'",
        target="markup",
    ),
    ZEROHEDGE_URL,
)
"""A ZeroHedge page in HTML: its site name in the metadata (the URL alone is only a hint)."""

HOUSE_BYLINE = "Tyler Durden"
"""ZeroHedge's collective pen name, printed on its own line above the article."""
AUTHORED_BY = re.compile(r"Authored by (?P<author>.{2,120}?) via (?P<via>.{2,120}?),?")
"""The first body line of a syndicated piece: 'Authored by NAME via OUTLET,'."""
DATE_LINE = re.compile(
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?P<month>\d{2})/(?P<day>\d{2})/(?P<year>\d{4}) - "
    r"(?P<hour>\d{2}):(?P<minute>\d{2})"
)
"""'Mon, 03/25/2024 - 17:20': US month-first order, no time zone printed."""
HEADER_LINES = 4
"""ZeroHedge's title, byline and date line come within the first few lines."""
