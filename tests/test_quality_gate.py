"""Quality gates on real pages from ../shared (skipped when the benchmark data is absent).

The floors are the issue's targets. Lowering one to make a change pass is not a fix: a change
that costs accuracy must win it back elsewhere.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import cache
from typing import Any

import pytest

import presswire

from .conftest import ROOT, SHARED

ZYTE = SHARED / "benchmarks" / "articles" / "zyte_aeb"
SCORER = SHARED / "tools" / "article_eval.py"
ZYTE_F1_FLOOR = 0.963  # 0.9653 since the body keeps text trafilatura leaves after a heading
POLNEAR = SHARED / "benchmarks" / "quotes" / "polnear" / "polnear-v1.0.0-train-dev.tar.gz"
QUOTES_BENCHMARK = ROOT / "benchmarks" / "quotes.py"
POLNEAR_DEV_F1_FLOORS = {("direct", "mixed"): 0.79, ("direct", "mixed", "indirect"): 0.53}
"""Overlap + speaker F1 on PolNeAR dev of what ``presswire.parse()`` returns (issue 21's
measure), by the gold types scored. Before that issue the floor was 0.85 for direct and mixed
quotes, but it scored the benchmark's own merging and filtering of the extractor's output; the
same extractor scored 0.71 through ``parse()``. The issue's targets are 0.87 and 0.70: these
floors are today's figures, raised as the extractor reaches them."""
RT_ITEM = "4a44ab3e4c41d56ce9b79eb07acb06aed1bc52aba68a950f06e7de7ef848400a"

needs_zyte = pytest.mark.skipif(not ZYTE.exists(), reason="../shared Zyte pages not present")


@cache
def zyte_pages() -> tuple[dict[str, Any], dict[str, str]]:
    truth = json.loads((ZYTE / "ground-truth.json").read_text("utf-8"))
    pages = {
        key: gzip.decompress((ZYTE / "html" / f"{key}.html.gz").read_bytes()).decode("utf-8")
        for key in sorted(truth)
    }
    return truth, pages


def scorer() -> Any:
    return load_module("article_eval", SCORER)


def load_module(name: str, path: Any) -> Any:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not POLNEAR.exists(), reason="../shared PolNeAR not present")
def test_polnear_dev_quote_f1_stays_above_the_floor() -> None:
    benchmark = load_module("quotes_benchmark", QUOTES_BENCHMARK)
    quote_eval = benchmark.load_scorer()
    gold, docs = benchmark.load_split(quote_eval, "dev")
    predictions = benchmark.predict([(record["id"], docs[record["id"]]) for record in gold])
    for types, floor in POLNEAR_DEV_F1_FLOORS.items():
        result = quote_eval.score(gold, predictions, types=types, docs=docs)
        assert result["speaker_overlap"][2] >= floor, (types, result["speaker_overlap"])


@needs_zyte
def test_zyte_main_text_f1_stays_above_the_floor() -> None:
    truth, pages = zyte_pages()
    predictions = {
        key: "\n\n".join(presswire.parse(page).paragraphs) for key, page in pages.items()
    }
    scores = scorer().score_zyte(truth, predictions)
    assert scores["empty"] == 0
    assert scores["f1"] >= ZYTE_F1_FLOOR, scores


@needs_zyte
def test_outlet_plugins_claim_only_their_own_pages() -> None:
    """Of 181 pages from 126 news sites, only the rt.com page goes to an outlet plugin."""
    _, pages = zyte_pages()
    claimed = {}
    for key, page in pages.items():
        best = presswire.fingerprint(page)[0]
        if best.score >= presswire.FINGERPRINT_THRESHOLD:
            claimed[key] = best.plugin
    assert claimed == {RT_ITEM: "rt"}
