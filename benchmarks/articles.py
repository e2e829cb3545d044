"""Main-text extraction on the Zyte article benchmark: presswire beside trafilatura, one run.

Reads the 181 pages and the human ground truth from ``../shared/benchmarks/articles/zyte_aeb``
(never copied into this repository) and scores every extractor with the shared reference scorer
(``../shared/tools/article_eval.py``: 4-token shingle precision/recall/F1, macro over pages).

presswire runs its whole pipeline (decoding, every plugin's fingerprint, the chosen plugin's
extraction); its body text is ``"\\n\\n".join(article.paragraphs)``. Every extractor gets the
same decoded page, one process, sequentially, after one untimed warm-up call, as in the anchor
run. The figures of the anchor run on this machine are printed below for comparison.

    python benchmarks/articles.py [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DATA = SHARED / "benchmarks" / "articles" / "zyte_aeb"
SCORER = SHARED / "tools" / "article_eval.py"

# Measured on this machine kind by the anchor run (benchmarks/articles/anchor_results).
ANCHORS = {
    "trafilatura 2.3.1": (0.960, 25.1),
    "trafilatura 2.3.1 favor_precision": (0.964, 24.4),
    "trafilatura 2.3.1 fast": (0.962, 36.6),
    "readability-lxml 0.9": (0.954, 23.6),
    "resiliparse 2.0.1": (0.927, 360.8),
}
TARGET_F1 = 0.960


def load_scorer() -> Any:
    spec = importlib.util.spec_from_file_location("article_eval", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_pages(limit: int | None) -> tuple[dict[str, Any], dict[str, str]]:
    truth = json.loads((DATA / "ground-truth.json").read_text("utf-8"))
    keys = sorted(truth)[:limit] if limit else sorted(truth)
    pages = {
        key: gzip.decompress((DATA / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        for key in keys
    }
    return {key: truth[key] for key in keys}, pages


def run(extract: Callable[[str], str], pages: dict[str, str]) -> tuple[dict[str, str], list[float]]:
    extract(next(iter(pages.values())))  # warm-up: imports and caches
    predictions: dict[str, str] = {}
    times: list[float] = []
    for key, page in pages.items():
        started = time.perf_counter()
        try:
            predictions[key] = extract(page) or ""
        except Exception as exc:  # an extractor's crash is an empty prediction, as upstream
            print(f"  {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
            predictions[key] = ""
        times.append(time.perf_counter() - started)
    return predictions, times


def presswire_body(page: str) -> str:
    import presswire

    return "\n\n".join(presswire.parse(page).paragraphs)


def trafilatura_body(**options: Any) -> Callable[[str], str]:
    import trafilatura

    def extract(page: str) -> str:
        return trafilatura.extract(page, **options) or ""

    return extract


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, help="only the first N pages (a quick check)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"benchmark data not found at {DATA}", file=sys.stderr)
        return 2
    scorer = load_scorer()
    truth, pages = load_pages(args.limit)
    # trafilatura as the anchor run called it: comments left out (include_comments=False).
    extractors: dict[str, Callable[[str], str]] = {
        "presswire (full pipeline)": presswire_body,
        "trafilatura": trafilatura_body(include_comments=False),
        "trafilatura favor_precision": trafilatura_body(
            include_comments=False, favor_precision=True
        ),
        "trafilatura fast": trafilatura_body(include_comments=False, fast=True),
    }
    rows = []
    for name, extract in extractors.items():
        predictions, times = run(extract, pages)
        scores = scorer.score_zyte(truth, predictions)
        rows.append(
            {
                "extractor": name,
                "f1": scores["f1"],
                "precision": scores["precision"],
                "recall": scores["recall"],
                "empty": scores["empty"],
                "pages_per_s": len(times) / sum(times),
                "median_ms": 1000 * statistics.median(times),
            }
        )
    print(f"Zyte article-extraction benchmark: {len(pages)} pages, one process\n")
    print("| extractor | F1 | precision | recall | empty | pages/s | median ms |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(
            f"| {row['extractor']} | {row['f1']:.3f} | {row['precision']:.3f} | "
            f"{row['recall']:.3f} | {row['empty']} | {row['pages_per_s']:.1f} | "
            f"{row['median_ms']:.1f} |"
        )
    print("\nAnchor run on this machine kind (F1, pages/s):")
    for name, (f1, speed) in ANCHORS.items():
        print(f"  {name:<36} {f1:.3f}  {speed:6.1f}")
    ours = rows[0]
    reference = next(r for r in rows if r["extractor"] == "trafilatura")
    print(
        f"\nTarget: F1 >= {TARGET_F1:.3f} at no fewer pages/s than trafilatura. "
        f"presswire: F1 {ours['f1']:.3f} ({'met' if ours['f1'] >= TARGET_F1 else 'NOT met'}), "
        f"{ours['pages_per_s'] / reference['pages_per_s']:.2f}x trafilatura's speed in this run."
    )
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
