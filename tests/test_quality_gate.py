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
from presswire.quotes import extract_quotes

from .conftest import ROOT, SHARED

ZYTE = SHARED / "benchmarks" / "articles" / "zyte_aeb"
SCORER = SHARED / "tools" / "article_eval.py"
ZYTE_F1_FLOOR = 0.960
POLNEAR = SHARED / "benchmarks" / "quotes" / "polnear" / "polnear-v1.0.0-train-dev.tar.gz"
QUOTES_BENCHMARK = ROOT / "benchmarks" / "quotes.py"
POLNEAR_DEV_F1_FLOOR = 0.85
"""Overlap + speaker F1 of direct and mixed quotes on PolNeAR dev: the issue's target."""
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
    predictions = [
        {"id": record["id"], "quotes": benchmark.predict(docs[record["id"]], extract_quotes)}
        for record in gold
    ]
    result = quote_eval.score(gold, predictions, docs=docs)
    assert result["speaker_overlap"][2] >= POLNEAR_DEV_F1_FLOOR, result["speaker_overlap"]


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
