"""What marks a TASS (tass.com) page: data, not code."""

from presswire.rules import Signal

SIGNALS = (
    Signal(r"[A-Z][a-z]{2,8} \d{1,2}\. /TASS/\.", 0.9, "TASS dateline '... May 30. /TASS/.'"),
    Signal(
        r"^[A-Z][a-z]{2,8} \d{1,2}, \d{1,2}:\d{2} UTC[+-]\d{1,2}$",
        0.6,
        "TASS date line 'May 30, 11:41 UTC+3'",
    ),
    Signal(
        r"^ ?(?:date \d{4}-\d{2}-\d{2} )?Back to Main page$",
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
