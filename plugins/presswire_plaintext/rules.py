"""What marks ZeroHedge-style plain text: body paragraphs one per line, nothing else."""

from presswire.rules import Signal

MIN_PROSE_WORDS = 8
"""A line with fewer words is a title, a label or a menu item, not a body paragraph."""
SENTENCE_ENDINGS = (".", "!", "?", "…", '"', "”", "’", "'", "»", ")")

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
    Signal(r"(?:^|[/.])zerohedge\.com(?:[/:]|$)", 0.3, "zerohedge.com URL", target="url"),
)
