"""Hostile input (issue 24): each input is built here, in memory, and must give an Article or
a documented error, never a traceback, a hang or output that cannot be written."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

import presswire
from presswire import InputError, LimitExceededError, Limits
from presswire.html import MAX_ATTRIBUTES

PROSE = "Moscow said on Tuesday that the talks had failed and would not resume before spring."


# ---------------------------------------------------------------- markup that stalls parsers
def test_a_tag_with_a_hundred_thousand_attributes_loses_them_before_parsing() -> None:
    attributes = " ".join(f'a{n}="x"' for n in range(100_000))
    page = f"<html><body><p {attributes}>{PROSE}</p></body></html>"
    article = presswire.parse(page, limits=Limits(max_seconds=20))
    assert article.paragraphs == (PROSE,)
    assert any("lost their attributes" in warning for warning in article.warnings)


def test_a_long_tag_with_few_attributes_keeps_them() -> None:
    # an inline image of 50 KB is a long tag, not an attack: nothing is stripped
    image = f'<img alt="map" src="data:image/png;base64,{"A" * 50_000}">'
    page = f"<html><body>{image}<p>{PROSE}</p></body></html>"
    article = presswire.parse(page)
    assert not any("lost their attributes" in warning for warning in article.warnings)
    assert MAX_ATTRIBUTES >= 100


def test_a_page_of_more_tags_than_the_limit_is_refused_before_parsing() -> None:
    page = "<html><body>" + "<p>x" * 2_000 + "</body></html>"
    with pytest.raises(LimitExceededError, match="max_elements"):
        presswire.parse(page, limits=Limits(max_elements=1_000))
    assert presswire.parse(page, limits=Limits(max_elements=5_000)).source_format == "html"


# ---------------------------------------------------------------- text that is not Unicode
def test_lone_surrogates_become_replacement_characters_and_the_article_says_so() -> None:
    text = PROSE.replace("talks", "talks \ud800")
    article = presswire.parse(text, url="https://example.org/\udc80")
    article.to_json().encode("utf-8")  # writable: no surrogate left
    assert "\ufffd" in article.paragraphs[0]
    assert article.url == "https://example.org/\ufffd"
    assert any("surrogate" in warning for warning in article.warnings)


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".sqlite", ".parquet"])
def test_a_batch_writes_records_whose_input_held_lone_surrogates(
    tmp_path: Path, suffix: str
) -> None:
    line = json.dumps(
        {"id": "a\ud800", "url": "https://x.example/\ud800", "text": PROSE + "\ud800"}
    )
    source = tmp_path / "in.jsonl"
    source.write_text(line + "\n", encoding="utf-8")
    summary = presswire.batch([source], tmp_path / f"out{suffix}", workers=1, progress=False)
    assert (summary.read, summary.parsed, summary.failed) == (1, 1, 0)


# ---------------------------------------------------------------- one rule for every input
def test_nul_is_refused_in_text_as_in_bytes() -> None:
    with pytest.raises(InputError, match="NUL"):
        presswire.parse(b"text\x00" + PROSE.encode())
    with pytest.raises(InputError, match="NUL"):
        presswire.parse("text\x00" + PROSE)


@pytest.mark.parametrize("url", [5, b"https://example.org/", ["https://example.org/"]])
def test_a_url_that_is_no_str_is_a_documented_error(url: object) -> None:
    with pytest.raises(InputError, match="url must be a str"):
        presswire.parse(PROSE, url=url)  # type: ignore[arg-type]


# ---------------------------------------------------------------- spreadsheet formulas
def test_csv_cells_that_a_spreadsheet_would_run_are_escaped_and_resume_reads_them_back(
    tmp_path: Path,
) -> None:
    text = "“=HYPERLINK(1) is all they will get from us,” Peskov said on Friday in Moscow."
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": "=1+1", "text": text}) + "\n", encoding="utf-8")
    out = tmp_path / "out.csv"

    def rows() -> list[dict[str, str]]:
        with out.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    presswire.batch([source], out, workers=1, progress=False)
    written = rows()
    assert [(row["id"], row["text"][:11]) for row in written] == [("'=1+1", "'=HYPERLINK")]
    assert not any(
        value.startswith(("=", "+", "-", "@")) for row in written for value in row.values()
    )
    # resume reads the escaped cells back and writes them once escaped, not twice
    again = presswire.batch([source], out, workers=1, progress=False, resume=True)
    assert (again.read, again.skipped) == (1, 1)
    assert rows() == written
