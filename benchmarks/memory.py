"""Peak memory of ``presswire.parse`` on hostile and large pages, against the promise in
docs/corpus.md: a page costs at most 20 times its size plus 48 MB above a warmed-up process.

Each page is built here in memory (the shapes of issue 24's reproducers and a few more: tags
left open, nesting, attributes, millions of lines, a flood of quotations, pages of text at
the size limits) or read from the largest real pages of ``../shared/benchmarks/articles``,
when present. Each is parsed in a fresh interpreter that first parses a small page of each
kind (imports and first-use caches are not the page's), resets its peak (Linux
``/proc/self/clear_refs``) and reports ``VmHWM``. Prints, per page: its size, the growth of
the peak, the growth as a multiple of the size, and the growth as a ratio to the promise
(``<= 1.00`` holds). A page refused with a documented error counts as held: it was refused
before it cost anything.

    python benchmarks/memory.py [--only NAME ...]

Linux only (it reads ``/proc``); exits 1 if any page breaks the promise.
"""

from __future__ import annotations

import argparse
import gzip
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

TIMES_THE_PAGE = 20
ALLOWANCE_MB = 48
SHARED = Path(__file__).resolve().parents[2] / "shared" / "benchmarks" / "articles"

PROSE = (
    "Moscow is concerned as no serious breakthrough number {} has been seen, Russian Deputy "
    "Foreign Minister Sergey Ryabkov said on Tuesday. "
    "\u201cWe are concerned about this,\u201d he said."
)


def _html(body: str) -> bytes:
    return f"<html><head><title>T</title></head><body>{body}</body></html>".encode()


def _paragraphs(count: int, template: str = "{}") -> str:
    return "".join(template.format(PROSE.format(i)) for i in range(count))


PAGES: dict[str, Callable[[], bytes]] = {
    # markup
    "100k attributes on one tag": lambda: _html(
        "<p " + " ".join(f'a{i}="x"' for i in range(100_000)) + ">hi</p>"
    ),
    "99k unclosed <p>": lambda: _html("<p>x" * 99_000),
    "26k unclosed <p> (at the allowance)": lambda: _html("<p>x" * 26_000),
    "260 tags of 99 attributes": lambda: _html(
        ("<p " + " ".join(f"a{i}=x" for i in range(99)) + ">hi") * 260
    ),
    "60 tags of 900 attributes": lambda: _html(
        ("<p " + " ".join(f'a{i}="x"' for i in range(900)) + ">hi</p>") * 60
    ),
    "10k nested <div>": lambda: _html("<div>" * 10_000 + "x" + "</div>" * 10_000),
    "99k nested <div>": lambda: _html("<div>" * 99_000 + "x" + "</div>" * 99_000),
    "29k short paragraphs, 1.8 MB": lambda: _html(
        "".join(f"<p>word {i} and more words here to fill a line of text" for i in range(29_000))
    ),
    "6 MB article of quotes (HTML)": lambda: _html(
        "<article><h1>Headline here</h1>" + _paragraphs(32_000, "<p>{}</p>\n") + "</article>"
    ),
    # text
    "6 MB article of quotes (text)": lambda: _paragraphs(32_000, "{}\n\n").encode(),
    "3M one-letter lines": lambda: b"x\n" * 3_000_000,
    "300k quotations in 6 MB": lambda: (
        ("\u201cYes,\u201d he said. " * 200 + "\n\n") * 1_500
    ).encode(),
    "one line of 2M words": lambda: b"word " * 2_000_000,
    "one sentence, 500k names": lambda: b"Putin said. " * 500_000,
}


def _real_pages() -> dict[str, Callable[[], bytes]]:
    """The five largest pages of the article benchmarks, when ``../shared`` is beside us."""
    files = sorted(SHARED.glob("**/*.html.gz"), key=lambda p: p.stat().st_size)[-5:]
    return {
        f"real: {path.name[:34]}": (lambda path=path: gzip.decompress(path.read_bytes()))
        for path in files
    }


_PROBE = """
import sys
import presswire

def status(key):
    with open("/proc/self/status") as lines:
        return next(int(line.split()[1]) * 1024 for line in lines if line.startswith(key))

page = open(sys.argv[1], "rb").read()
presswire.parse(b"<html><body><p>Hello there, he said to them all on Tuesday.</p></body></html>")
presswire.parse(b"Hello there, he said to them all.\\n\\nAnother line of text here today.")
with open("/proc/self/clear_refs", "w") as refs:
    refs.write("5")  # the peak starts again from here
before = status("VmRSS")
try:
    article = presswire.parse(page)  # as users call it: the default limits
    result = f"{len(article.paragraphs)} paragraphs, {len(article.quotes)} quotes"
except presswire.PresswireError as error:
    result = f"refused: {type(error).__name__}"
print(status("VmHWM") - before, result)
"""


def measure(page: bytes, folder: Path) -> tuple[int, str]:
    """The peak's growth in bytes while parsing ``page``, and what the parse gave."""
    path = folder / "page"
    path.write_bytes(page)
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(path)], capture_output=True, text=True, check=True
    )
    growth, result = done.stdout.strip().split(" ", 1)
    return int(growth), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", nargs="*", help="names (or parts of names) of pages to run")
    args = parser.parse_args()
    pages = {**PAGES, **_real_pages()}
    if args.only:
        pages = {n: p for n, p in pages.items() if any(o in n for o in args.only)}
    print(f"promise: peak growth <= {TIMES_THE_PAGE} x page + {ALLOWANCE_MB} MB\n")
    print(f"{'page':40} {'size MB':>8} {'growth MB':>10} {'x page':>7} {'/promise':>9}  result")
    broken = 0
    with tempfile.TemporaryDirectory() as folder:
        for name, build in pages.items():
            page = build()
            growth, result = measure(page, Path(folder))
            promise = TIMES_THE_PAGE * len(page) + ALLOWANCE_MB * 2**20
            ratio = growth / promise
            broken += ratio > 1
            print(
                f"{name:40} {len(page) / 2**20:8.2f} {growth / 2**20:10.1f} "
                f"{growth / len(page):7.1f} {ratio:9.2f}  {result}"
            )
    print(f"\n{'every page holds the promise' if not broken else f'{broken} page(s) break it'}")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
