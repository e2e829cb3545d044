"""Throughput and memory at corpus scale, each speed as a ratio to a yardstick timed in the
same run (these machines are shared and noisy: absolute figures drift from run to run).

Builds a corpus of varied text dumps (default 10,000) from the seeds and the test fixtures
(paragraphs dropped, repeated and reordered, names and numbers changed: no two documents the
same) in a temporary folder, then prints, with issue 23's targets:

- ``parse`` in one process (documents/second, quotes included), as a share of a regex quote
  scan over the same texts (the reference scorer's regex baseline from ``../shared/tools``:
  the floor of any quote finder, it reads the text once);
- ``presswire.batch`` with the local engine and 1 worker, folder in, JSONL out, as a share of
  ``parse`` over the same documents; with 2 workers, as a share of two ``parse`` loops run at
  once in two processes;
- the same with the Dask engine on a LocalCluster of 2 single-threaded workers;
- HTML pages (the Zyte benchmark's 181 pages from ``../shared``, when present): presswire's
  whole pipeline beside trafilatura's ``extract`` on the same pages, one core;
- ``parse`` over real articles read once each (PolNeAR's train and dev texts, from
  ``../shared``, when present): the corpus's variants repeat names and paragraphs, which the
  extractor's memos serve from memory; distinct articles show what they cost without that;
- how time grows with document size, 1 KB to 10 MB (it must be linear), and on pages built
  to be hard (a sentence of thousands of quotations, runs of names, unclosed marks);
- peak memory of a one-process batch over a fifth of the corpus and over all of it, each in a
  fresh interpreter (it must stay flat: the batch streams).

    python benchmarks/throughput.py [--docs N] [--skip-dask] [--skip-html]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
ZYTE = SHARED / "benchmarks" / "articles" / "zyte_aeb"

# The anchors, measured on this machine kind.
ANCHOR_TRAFILATURA_PAGES_PER_S = 25.0
ANCHOR_TEXTACY_DOCS_PER_S = 3.5
# Issue 23's targets, as ratios to yardsticks timed in the same run.
TARGET_PARSE_VS_REGEX_SCAN = 0.35
TARGET_BATCH_1_VS_PARSE = 0.85
TARGET_BATCH_2_VS_TWO_LOOPS = 0.85
TARGET_HTML_VS_TRAFILATURA = 1.6
QUOTE_SCORER = SHARED / "tools" / "quote_eval.py"
"""Its ``regex_extract`` is the yardstick of the text path: the reference scorer's regex
baseline (quotations by one regex, each given the nearest 'X said'), the same yardstick as
``benchmarks/quotes.py``'s."""

SURNAMES = ("Ryabkov", "Lavrov", "Peskov", "Zakharova", "Blinken", "Antonov", "Nebenzya")
SIZES_KB = (1, 10, 100, 1_000, 10_000)


def base_pages() -> list[str]:
    files = sorted((ROOT / "seeds").glob("*.txt")) + sorted(
        (ROOT / "tests" / "fixtures").rglob("*.txt")
    )
    return [path.read_text(encoding="utf-8") for path in files]


def variant(page: str, rng: random.Random) -> str:
    """A different but realistic dump: the header kept, body paragraphs dropped, repeated or
    swapped, a surname and the numbers changed."""
    lines = page.split("\n")
    head, body = lines[:8], lines[8:]
    prose = [i for i, line in enumerate(body) if len(line.split()) >= 8]
    for _ in range(rng.randint(0, 3)):
        if len(prose) >= 2:
            a, b = rng.sample(prose, 2)
            body[a], body[b] = body[b], body[a]
    if prose and rng.random() < 0.5:
        body.pop(rng.choice(prose))
    elif prose:
        body.insert(rng.randrange(len(body) + 1), body[rng.choice(prose)])
    text = "\n".join(head + body)
    name = rng.choice(SURNAMES)
    text = re.sub(r"\b(?:" + "|".join(SURNAMES) + r")\b", name, text)
    return re.sub(r"\b\d{2}\b", lambda m: f"{rng.randint(10, 99)}", text)


def build_corpus(folder: Path, count: int) -> list[str]:
    rng = random.Random(20261122)
    pages = base_pages()
    texts = [variant(pages[i % len(pages)], rng) for i in range(count)]
    for index, text in enumerate(texts):
        sub = folder / f"{index // 1000:03d}"
        sub.mkdir(exist_ok=True)
        (sub / f"{index:06d}.txt").write_text(text, encoding="utf-8")
    return texts


def rate(count: int, seconds: float) -> float:
    return count / seconds if seconds > 0 else float("inf")


def timed(function: Callable[[], object]) -> float:
    started = time.perf_counter()
    function()
    return time.perf_counter() - started


def measure_parse(texts: list[str]) -> tuple[float, int]:
    import presswire

    presswire.parse(texts[0])  # warm-up: plugin loading, regex caches
    quotes = 0
    started = time.perf_counter()
    for text in texts:
        quotes += len(presswire.parse(text).quotes)
    return rate(len(texts), time.perf_counter() - started), quotes


def measure_regex_scan(texts: list[str]) -> float | None:
    """Documents/second of the scorer's regex baseline over ``texts``; None without it."""
    if not QUOTE_SCORER.exists():
        return None
    import importlib.util

    spec = importlib.util.spec_from_file_location("quote_eval", QUOTE_SCORER)
    assert spec is not None and spec.loader is not None
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    started = time.perf_counter()
    for text in texts:
        scorer.regex_extract(text)
    return rate(len(texts), time.perf_counter() - started)


def _parse_loop(texts: list[str]) -> tuple[int, float]:
    """One of the two parse loops of :func:`measure_two_loops`, in its own process."""
    import presswire

    presswire.parse(texts[0])  # warm-up, as in measure_parse
    started = time.perf_counter()
    for text in texts:
        presswire.parse(text)
    return len(texts), time.perf_counter() - started


def measure_two_loops(texts: list[str]) -> float:
    """Documents/second of two ``parse`` loops run at once in two processes, each over half
    of the texts: what two workers could do with no batch machinery at all."""
    from concurrent.futures import ProcessPoolExecutor

    halves = [texts[0::2], texts[1::2]]
    with ProcessPoolExecutor(2) as pool:
        results = list(pool.map(_parse_loop, halves))
    return sum(rate(count, seconds) for count, seconds in results)


def measure_batch(folder: Path, out: Path, count: int, **options: object) -> float:
    import presswire

    started = time.perf_counter()
    summary = presswire.batch([folder], out, progress=False, **options)  # type: ignore[arg-type]
    seconds = time.perf_counter() - started
    assert summary.read == count, summary
    if summary.failed:
        print(f"   ({summary.failed} records failed)")
    return rate(count, seconds)


def measure_html() -> tuple[float, float, int] | None:
    if not (ZYTE / "ground-truth.json").exists():
        return None
    import trafilatura

    import presswire

    keys = sorted(json.loads((ZYTE / "ground-truth.json").read_text("utf-8")))
    pages = [
        gzip.decompress((ZYTE / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        for key in keys
    ]
    # One untimed pass each: one-time costs (soupsieve compiling a plugin's CSS selectors,
    # about 190 ms; trafilatura's lazy setup) are not per-page throughput at corpus scale.
    for page in pages:
        presswire.parse(page)
        trafilatura.extract(page)
    ours = timed(lambda: [presswire.parse(page) for page in pages])
    theirs = timed(lambda: [trafilatura.extract(page) for page in pages])
    return rate(len(pages), ours), rate(len(pages), theirs), len(pages)


def sized_page(kilobytes: int, paragraphs: list[str]) -> str:
    rng = random.Random(kilobytes)
    lines = ["Some Outlet", "A headline for a long page", ""]
    size = 0
    while size < kilobytes * 1024:
        line = rng.choice(paragraphs)
        lines.append(line)
        size += len(line.encode("utf-8")) + 1
    return "\n".join(lines)


def measure_sizes() -> list[tuple[int, float]]:
    import presswire

    paragraphs = [
        line
        for page in base_pages()
        for line in page.split("\n")
        if len(line.split()) >= 12 and line.endswith((".", "”", '"'))
    ]
    unlimited = presswire.Limits(max_bytes=64 * 1024 * 1024, max_seconds=None)
    results = []
    for kilobytes in SIZES_KB:
        page = sized_page(kilobytes, paragraphs)
        repeat = max(1, 200 // kilobytes)
        started = time.perf_counter()
        for _ in range(repeat):
            presswire.parse(page, limits=unlimited)
        seconds = (time.perf_counter() - started) / repeat
        results.append((kilobytes, seconds))
    return results


# Pages built to be hard: the extractor must stay linear on them too (untrusted input).
ADVERSARIAL: dict[str, Callable[[int], str]] = {
    "one sentence of n quotations": lambda n: (
        "Smith said" + " and the “big beautiful” wall, the" * n + "."
    ),
    "n names in a row": lambda n: "John Smith and " * n + "said “we will win this race.”",
    "n quotation paragraphs with 'he said'": lambda n: (
        "Sergei Ryabkov spoke.\n" + "“We will win this race, and more,” he said.\n" * n
    ),
    "n '' and `` pairs": lambda n: "''a'' said ``b'' " * n,
    "n unclosed straight quotes": lambda n: 'He said "we ' * n,
    "n hard-wrapped paragraphs": lambda n: (
        "A line of a paragraph wrapped at a width, as old dumps are,\nand its end.\n\n" * n
    ),
}
ADVERSARIAL_KB = (50, 500)


def measure_adversarial() -> list[tuple[str, float, float]]:
    """For each hard page: seconds per KB at 50 KB and at 500 KB."""
    import presswire

    unlimited = presswire.Limits(max_bytes=64 * 1024 * 1024, max_seconds=None)
    results = []
    for name, build in ADVERSARIAL.items():
        unit = len(build(1).encode("utf-8"))
        per_kb = []
        for kilobytes in ADVERSARIAL_KB:
            page = "A headline for a hard page\n" + build(kilobytes * 1024 // unit)
            started = time.perf_counter()
            presswire.parse(page, limits=unlimited)
            per_kb.append((time.perf_counter() - started) / kilobytes)
        results.append((name, per_kb[0], per_kb[1]))
    return results


# Peak resident memory from /proc (VmHWM): ru_maxrss would carry over the peak of the parent
# that forked this interpreter (Linux keeps it across exec).
_MEMORY_PROBE = """
import resource, sys
import presswire
presswire.batch([sys.argv[1]], sys.argv[2], workers=1, progress=False)
try:
    with open("/proc/self/status") as status:
        print([line.split()[1] for line in status if line.startswith("VmHWM:")][0])
except OSError:
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def peak_memory_mb(inputs: Path, out: Path) -> float:
    done = subprocess.run(
        [sys.executable, "-c", _MEMORY_PROBE, str(inputs), str(out)],
        check=True,
        capture_output=True,
        text=True,
    )
    return int(done.stdout.split()[-1]) / 1024  # both in KiB


def measure_distinct() -> tuple[float, float, int] | None:
    """``parse`` over PolNeAR's articles, each once: (documents/second, µs per KB, count)."""
    import presswire
    import quotes as benchmark  # benchmarks/quotes.py, beside this script: PolNeAR's loader

    if not benchmark.ARCHIVE.exists():
        return None
    scorer = benchmark.load_scorer()
    texts = [
        text
        for split in ("train", "dev")
        for text in benchmark.load_split(scorer, split)[1].values()
    ]
    started = time.perf_counter()
    for text in texts:
        presswire.parse(text)
    elapsed = time.perf_counter() - started
    kilobytes = sum(len(t.encode("utf-8")) for t in texts) / 1024
    return rate(len(texts), elapsed), elapsed / kilobytes * 1e6, len(texts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000, help="corpus size (default 10000)")
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-html", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="presswire-throughput-") as temporary:
        work = Path(temporary)
        corpus = work / "corpus"
        corpus.mkdir()
        texts = build_corpus(corpus, args.docs)
        average_kb = sum(len(t.encode("utf-8")) for t in texts) / len(texts) / 1024
        print(
            f"== corpus: {len(texts)} text dumps from {len(base_pages())} seed and fixture pages, "
            f"{average_kb:.1f} KB on average, {os.cpu_count()} cores"
        )
        rows: list[tuple[str, str, str]] = []
        verdicts: list[str] = []

        def judge(name: str, ratio: float, target: float) -> str:
            verdicts.append(
                f"   {name}: {ratio:.2f} (target >= {target}: "
                f"{'met' if ratio >= target else 'NOT met'})"
            )
            return f"{ratio:.2f}x"

        scan_rate = measure_regex_scan(texts)
        parse_rate, quotes = measure_parse(texts)
        if scan_rate is not None:
            rows.append(("regex quote scan (yardstick)", f"{scan_rate:,.0f} docs/s", ""))
        rows.append(
            (
                "parse, one process (quotes included)",
                f"{parse_rate:,.0f} docs/s",
                judge("parse / regex scan", parse_rate / scan_rate, TARGET_PARSE_VS_REGEX_SCAN)
                + " the regex scan"
                if scan_rate is not None
                else f"(no yardstick: {QUOTE_SCORER} not found)",
            )
        )
        one = measure_batch(corpus, work / "one.jsonl", len(texts), workers=1)
        rows.append(
            (
                "batch, local engine, 1 worker",
                f"{one:,.0f} docs/s",
                judge("batch 1 worker / parse", one / parse_rate, TARGET_BATCH_1_VS_PARSE)
                + " parse",
            )
        )
        loops = measure_two_loops(texts)
        rows.append(("two parse loops at once (yardstick)", f"{loops:,.0f} docs/s", ""))
        local = measure_batch(corpus, work / "local.jsonl", len(texts), workers=2)
        rows.append(
            (
                "batch, local engine, 2 workers",
                f"{local:,.0f} docs/s",
                judge("batch 2 workers / two loops", local / loops, TARGET_BATCH_2_VS_TWO_LOOPS)
                + " two parse loops",
            )
        )
        if not args.skip_dask:
            dask_rate = measure_batch(
                corpus, work / "dask.jsonl", len(texts), workers=2, engine="dask"
            )
            rows.append(
                (
                    "batch, dask LocalCluster, 2 workers",
                    f"{dask_rate:,.0f} docs/s",
                    f"{dask_rate / 2:,.0f} per core",
                )
            )
        distinct = measure_distinct()
        if distinct is not None:
            distinct_rate, distinct_per_kb, count = distinct
            corpus_per_kb = 1e6 / parse_rate / average_kb
            rows.append(
                (
                    f"parse, {count} PolNeAR articles, each once",
                    f"{distinct_rate:,.0f} docs/s",
                    f"{distinct_per_kb:,.0f} us/KB (corpus: {corpus_per_kb:,.0f})",
                )
            )
        rows.append(("textacy quotes (anchor)", f"{ANCHOR_TEXTACY_DOCS_PER_S} docs/s", "issue"))
        html = None if args.skip_html else measure_html()
        if html is not None:
            ours, theirs, pages = html
            rows.append(
                (
                    f"HTML: presswire parse ({pages} Zyte pages)",
                    f"{ours:,.1f} pages/s",
                    judge("HTML / trafilatura", ours / theirs, TARGET_HTML_VS_TRAFILATURA)
                    + " trafilatura",
                )
            )
            rows.append(
                (
                    "HTML: trafilatura extract, same run",
                    f"{theirs:,.1f} pages/s",
                    f"anchor {ANCHOR_TRAFILATURA_PAGES_PER_S:.0f}",
                )
            )
        width = max(len(r[0]) for r in rows)
        for name, value, note in rows:
            print(f"   {name:<{width}}  {value:>16}   {note}")
        print(f"   ({quotes} quotes found in the one-process run)")

        print("\n== time against document size (text dump, whole pipeline)")
        sizes = measure_sizes()
        base = sizes[1][1] / sizes[1][0]
        for kilobytes, seconds in sizes:
            per_kb = seconds / kilobytes
            print(
                f"   {kilobytes:>6} KB  {seconds * 1000:>10.1f} ms  {per_kb * 1e6:>8.1f} us/KB"
                f"  x{per_kb / base:.2f} of the 10 KB cost per KB"
            )
        worst = max(s / k for k, s in sizes[1:]) / base
        verdict = "yes" if worst <= 2.0 else "NO"
        print(f"   linear: {verdict} (cost per KB at most x{worst:.2f} of 10 KB's)")

        print(f"\n== hard pages: cost per KB at {ADVERSARIAL_KB[0]} KB and {ADVERSARIAL_KB[1]} KB")
        hard = measure_adversarial()
        width = max(len(name) for name, _, _ in hard)
        for name, small_kb, large_kb in hard:
            print(
                f"   {name:<{width}}  {small_kb * 1e6:>9.0f} us/KB  {large_kb * 1e6:>9.0f} us/KB"
                f"  x{large_kb / small_kb:.2f}"
            )
        worst_hard = max(large / small for _, small, large in hard)
        print(f"   linear: {'yes' if worst_hard <= 2.0 else 'NO'} (at most x{worst_hard:.2f})")

        print("\n== peak memory of a one-process batch (fresh interpreter each)")
        fifth = work / "fifth"
        fifth.mkdir()
        for sub in sorted(corpus.iterdir())[: max(1, len(list(corpus.iterdir())) // 5)]:
            sub.rename(fifth / sub.name)
        small_docs = sum(1 for _ in fifth.rglob("*.txt"))
        small = peak_memory_mb(fifth, work / "m1.jsonl")
        for sub in fifth.iterdir():
            sub.rename(corpus / sub.name)
        large = peak_memory_mb(corpus, work / "m2.jsonl")
        print(f"   {small_docs:>6} docs  {small:8.1f} MB")
        print(f"   {len(texts):>6} docs  {large:8.1f} MB")
        flat = large <= small * 1.2
        print(f"   flat in the number of documents: {'yes' if flat else 'NO'}")

        print("\nSpeed targets (issue 23), as ratios to yardsticks timed in this run:")
        for verdict in verdicts:
            print(verdict)
        print("   Also: linear in size; memory flat (above).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
