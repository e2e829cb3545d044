"""What marks an RT (rt.com) page: data, not code."""

from presswire.rules import Signal

MONTHS_ABBR = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"

SIGNALS = (
    Signal(r"^icon bookmark-bicon bookmarkicon", 0.9, "RT icon-font line", target="head"),
    Signal(
        rf"^ ?\d{{1,2}} {MONTHS_ABBR}, \d{{4}} \d{{2}}:\d{{2}}$",
        0.5,
        "RT date line '13 Nov, 2020 11:53'",
        target="head",
    ),
    Signal(r"^Also on rt\.com ", 0.85, "'Also on rt.com' related link"),
    Signal(r"^Think your friends would be interested\? Share this story!$", 0.8, "RT share footer"),
    Signal(r"^If you like this story, share it with a friend!$", 0.8, "RT share footer"),
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
