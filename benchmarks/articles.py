"""Articles from real pages: presswire beside trafilatura (and newspaper4k), in one run.

Two suites, read from ``../shared/benchmarks/articles/`` (never copied into this repository):

- ``zyte``: main text of the 181 pages of the Zyte benchmark with their human ground truth,
  scored by ``../shared/tools/article_eval.py`` (4-token shingle precision/recall/F1, macro over
  pages);
- ``fundus``: title, authors, publication date and body of 183 pages of 121 publishers in 21
  languages (fundus's parser fixtures), scored by ``../shared/tools/meta_eval.py``, per field
  and per language. Each page goes in as a user's crawler has it: its bytes and its URL.

presswire runs its whole pipeline (decoding, every plugin's fingerprint, the chosen plugin's
extraction); its body text is ``article.text`` (lead and paragraphs). Every extractor gets the
same decoded page, one process, sequentially, after one untimed warm-up call, as in the anchor
run. The figures of the anchor run on this machine are printed below for comparison.

    python benchmarks/articles.py [--suite zyte|fundus|all] [--limit N] [--json OUT]
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
FUNDUS = SHARED / "benchmarks" / "articles" / "fundus"
META_SCORER = SHARED / "tools" / "meta_eval.py"
FUNDUS_TARGETS = {
    "title_acc": 0.90,
    "authors_acc": 0.88,
    "date_acc": 0.98,
    "minute_acc": 0.98,
    "body_micro_f1": 0.965,
}
"""Issue 22's targets on the fundus pages; and at least 1.3x trafilatura's pages/s."""
FUNDUS_SPEED_TARGET = 1.3

# Measured on this machine kind by the anchor run (benchmarks/articles/anchor_results).
ANCHORS = {
    "trafilatura 2.3.1": (0.960, 25.1),
    "trafilatura 2.3.1 favor_precision": (0.964, 24.4),
    "trafilatura 2.3.1 fast": (0.962, 36.6),
    "readability-lxml 0.9": (0.954, 23.6),
    "resiliparse 2.0.1": (0.927, 360.8),
}
TARGET_F1 = 0.960


def load_scorer(path: Path = SCORER) -> Any:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found: {path}")
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

    return presswire.parse(page).text


def trafilatura_body(**options: Any) -> Callable[[str], str]:
    import trafilatura

    def extract(page: str) -> str:
        return trafilatura.extract(page, **options) or ""

    return extract


def zyte_suite(limit: int | None) -> list[dict[str, Any]]:
    scorer = load_scorer()
    truth, pages = load_pages(limit)
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
    return rows


Fields = dict[str, Any]
"""One page's prediction in meta_eval's format: title, authors, published, body."""


def presswire_fields(page: bytes, url: str) -> Fields:
    import presswire

    article = presswire.parse(page, url=url)
    body = [article.lead or "", *article.subheadings, *article.paragraphs]
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": article.published,
        "body": "\n\n".join(part for part in body if part),
    }


def trafilatura_fields(page: bytes, url: str) -> Fields:
    import trafilatura

    document = trafilatura.bare_extraction(page, url=url, with_metadata=True)
    if document is None:
        return {}
    authors = document.author or ""
    return {
        "title": document.title,
        "authors": [name.strip() for name in authors.split(";") if name.strip()],
        "published": document.date,
        "body": document.text or "",
    }


def newspaper_fields(page: bytes, url: str) -> Fields:
    import newspaper

    article = newspaper.Article(url, fetch_images=False)  # no network: it would fetch images
    article.download(input_html=page.decode("utf-8", "replace"))
    article.parse()
    published = article.publish_date
    return {
        "title": article.title,
        "authors": list(article.authors),
        "published": published.isoformat() if published is not None else None,
        "body": article.text or "",
    }


def fundus_suite(limit: int | None) -> list[dict[str, Any]]:
    """Title, authors, date and body on the fundus pages, per tool, scored by meta_eval."""
    scorer = load_scorer(META_SCORER)
    gold = scorer.read_jsonl(str(FUNDUS / "gold.jsonl"))[:limit]
    pages = {
        row["id"]: gzip.decompress((FUNDUS / "pages" / f"{row['id']}.html.gz").read_bytes())
        for row in gold
    }
    urls = {row["id"]: row["url"] for row in gold}
    tools: dict[str, Callable[[bytes, str], Fields]] = {
        "presswire": presswire_fields,
        "trafilatura (with_metadata)": trafilatura_fields,
    }
    if importlib.util.find_spec("newspaper") is not None:
        tools["newspaper4k"] = newspaper_fields
    rows = []
    for name, extract in tools.items():
        first = next(iter(pages))
        extract(pages[first], urls[first])  # warm-up: imports and caches
        predictions = []
        started = time.perf_counter()
        for key, page in pages.items():
            try:
                fields = extract(page, urls[key])
            except Exception as exc:  # a tool's crash is an empty prediction
                print(f"  {name} {key}: {type(exc).__name__}: {exc}", file=sys.stderr)
                fields = {}
            predictions.append({"id": key, **fields})
        elapsed = time.perf_counter() - started
        result = scorer.evaluate(gold, predictions, by="language")
        del result["per_page"]
        rows.append({"tool": name, "pages_per_s": len(pages) / elapsed, "result": result})
    print(f"\nfundus metadata benchmark: {len(pages)} pages, one process\n")
    print("| tool | title | authors | date | minute | body F1 | pages/s |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        overall = row["result"]["overall"]
        print(
            f"| {row['tool']} | {overall['title_acc']:.3f} | {overall['authors_acc']:.3f} | "
            f"{overall['date_acc']:.3f} | {overall['minute_acc'] or 0:.3f} "
            f"(n={overall['minute_n']}) | {overall['body_micro_f1']:.3f} | "
            f"{row['pages_per_s']:.1f} |"
        )
    print("\nper language (presswire; title, authors, date, body F1, pages):")
    groups = rows[0]["result"]["by"]["groups"]
    for language, scores in sorted(groups.items(), key=lambda item: -item[1]["pages"]):
        print(
            f"  {language:<4} {scores['title_acc']:.2f} {scores['authors_acc']:.2f} "
            f"{scores['date_acc']:.2f} {scores['body_micro_f1']:.3f}  n={scores['pages']}"
        )
    ours = rows[0]["result"]["overall"]
    verdicts = [
        f"{field} {ours[field] or 0:.3f} (target {target}: "
        f"{'met' if (ours[field] or 0) >= target else 'NOT met'})"
        for field, target in FUNDUS_TARGETS.items()
    ]
    ratio = rows[0]["pages_per_s"] / rows[1]["pages_per_s"]
    verdicts.append(
        f"{ratio:.2f}x trafilatura's pages/s (target {FUNDUS_SPEED_TARGET}x: "
        f"{'met' if ratio >= FUNDUS_SPEED_TARGET else 'NOT met'})"
    )
    print("\nTargets: " + "; ".join(verdicts) + ".")
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suite", choices=("zyte", "fundus", "all"), default="all")
    parser.add_argument("--limit", type=int, help="only the first N pages (a quick check)")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    args = parser.parse_args()
    figures: dict[str, Any] = {}
    for suite, folder, run_suite in (
        ("zyte", DATA, zyte_suite),
        ("fundus", FUNDUS, fundus_suite),
    ):
        if args.suite not in (suite, "all"):
            continue
        if not folder.exists():
            print(f"benchmark data not found at {folder}", file=sys.stderr)
            return 2
        figures[suite] = run_suite(args.limit)
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
