"""What marks a PressTV (presstv.ir) page: data, not code."""

from presswire.rules import Signal

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
    Signal(r"(?:^|[/.])presstv\.(?:ir|com|co\.uk|tv)(?:[/:]|$)", 0.5, "presstv URL", target="url"),
    Signal(
        r"""<meta[^<>]{0,80}content=["']Press ?TV["']""",
        0.7,
        "og:site_name 'PressTV'",
        target="markup",
    ),
)
