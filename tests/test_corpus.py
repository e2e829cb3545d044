"""presswire batch: inputs (folders, JSONL, WARC), outputs (JSONL, CSV, Parquet, SQLite), every
record once, resume after an interruption, workers that die, the Dask engine, queries."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import presswire
from presswire.cli import main
from presswire.corpus import iter_records, query
from presswire.corpus.engines import WORKER_DIED
from presswire.corpus.outputs import ParquetOutput

from .conftest import ROOT, SEED_FILES
from .corpus_helpers import KILL_MARK, die_on_mark

FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = [ROOT / "seeds", FIXTURES]
PAGES = {"include": ("*.txt",)}  # the fixture folders also hold expected JSON files
N_PAGES = len(SEED_FILES) + len(list(FIXTURES.rglob("*.txt")))


def jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def sources(path: Path, output_format: str) -> list[str]:
    """The sources an output holds, in its order, one per article (or error) record."""
    if output_format == "jsonl":
        return [record["source"] for record in jsonl(path)]
    if output_format == "csv":
        with path.open(newline="", encoding="utf-8") as rows:
            return list(dict.fromkeys(row["source"] for row in csv.DictReader(rows)))
    if output_format == "sqlite":
        with sqlite3.connect(path) as db:
            return [row[0] for row in db.execute("SELECT source FROM articles ORDER BY rowid")]
    import pyarrow.parquet as pq

    return list(pq.read_table(path / "articles").column("source").to_pylist())


# ---------------------------------------------------------------- inputs
def test_folders_are_read_recursively_sorted_and_filtered() -> None:
    records = list(iter_records(CORPUS, presswire.corpus.InputOptions(include=("*.txt",))))
    assert len(records) == N_PAGES
    seeds = [r.source for r in records[: len(SEED_FILES)]]
    assert seeds == [str(path) for path in SEED_FILES]
    assert all(r.source.endswith(".txt") and r.content for r in records)
    excluded = list(iter_records(CORPUS, presswire.corpus.InputOptions(exclude=("*.json", "rt/*"))))
    html_pages = len(list(FIXTURES.rglob("*.html")))  # pages too, in the default selection
    assert len(excluded) == N_PAGES + html_pages - len(list((FIXTURES / "rt").glob("*.txt")))


def test_a_file_given_twice_is_read_once(tmp_path: Path) -> None:
    summary = presswire.batch(
        [SEED_FILES[0], SEED_FILES[0], ROOT / "seeds"], tmp_path / "out.jsonl", **PAGES
    )
    assert summary.read == len(SEED_FILES)
    assert summary.passed_over == {"files given twice": 2}  # once more by name, once in seeds/
    assert len(jsonl(tmp_path / "out.jsonl")) == len(SEED_FILES)


def test_links_and_linked_folders_name_a_file_once(tmp_path: Path) -> None:
    # a folder's files are resolved through the folder (resolved once), a linked file alone
    real = tmp_path / "real"
    (real / "sub").mkdir(parents=True)
    (real / "sub" / "a.txt").write_text(SEED_FILES[0].read_text("utf-8"), "utf-8")
    (real / "b.txt").write_text(SEED_FILES[1].read_text("utf-8"), "utf-8")
    (real / "link-to-a.txt").symlink_to(real / "sub" / "a.txt")
    (tmp_path / "alias").symlink_to(real, target_is_directory=True)
    summary = presswire.batch(
        [tmp_path / "alias", real / "sub", real / "b.txt"], tmp_path / "out.jsonl", **PAGES
    )
    # alias/b.txt, alias/link-to-a.txt (a.txt's content), alias/sub/a.txt: a.txt is the
    # link's target, read already; then real/sub/a.txt and real/b.txt are the same files
    assert [r["source"] for r in jsonl(tmp_path / "out.jsonl")] == [
        str(tmp_path / "alias" / "b.txt"),
        str(tmp_path / "alias" / "link-to-a.txt"),
    ]
    assert summary.passed_over == {"files given twice": 3}


def test_jsonl_input_broken_lines_become_error_records(tmp_path: Path) -> None:
    text = SEED_FILES[1].read_text(encoding="utf-8")
    lines = [
        json.dumps({"id": "a", "text": text, "url": "https://tass.com/politics/1"}),
        '{"id": "b", "text": "cut off in the mid',
        "",
        "[1, 2, 3]",
        json.dumps({"id": "d", "body": "no known field"}),
        json.dumps(
            {
                "id": "e",
                "html": "<html><body><article><h1>Headline here</h1><p>"
                + "A sentence of the article body that is long enough. " * 5
                + "</p></article></body></html>",
            }
        ),
    ]
    export = tmp_path / "export.jsonl.gz"
    with gzip.open(export, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")
    summary = presswire.batch([export], tmp_path / "out.jsonl")
    records = jsonl(tmp_path / "out.jsonl")
    assert [r["source"] for r in records] == [f"{export}:{n}" for n in (1, 2, 4, 5, 6)]
    assert [r["status"] for r in records] == ["ok", "error", "error", "error", "ok"]
    assert records[0]["article"]["outlet"] == "tass"
    assert records[0]["url"] == "https://tass.com/politics/1" and records[0]["id"] == "a"
    assert records[1]["error"].startswith("InputError: not JSON")
    assert "JSON object" in records[2]["error"]
    assert "'html' or 'text'" in records[3]["error"] and records[3]["id"] == "d"
    assert records[4]["article"]["source_format"] == "html"
    assert (summary.read, summary.parsed, summary.failed) == (5, 2, 3)


def test_warc_response_records_with_html_are_read(tmp_path: Path) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    page = (
        "<html><head><title>Заголовок статьи</title></head><body><article><h1>Заголовок"
        " статьи</h1><p>"
        + "Это предложение статьи, достаточно длинное для текста. " * 6
        + "</p></article></body></html>"
    )
    warc = tmp_path / "crawl.warc.gz"
    with warc.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)

        def response(url: str, body: bytes, content_type: str) -> None:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url, "response", payload=io.BytesIO(body), http_headers=headers
                )
            )

        writer.write_record(
            writer.create_warc_record(
                "https://a.example/", "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
            )
        )
        response(
            "https://a.example/news/1", page.encode("cp1251"), "text/html; charset=windows-1251"
        )
        response("https://a.example/logo.png", b"\x89PNG\r\n", "image/png")
        response("https://a.example/news/2", SEED_FILES[2].read_bytes(), "text/html")
    summary = presswire.batch([warc], tmp_path / "out.jsonl")
    records = jsonl(tmp_path / "out.jsonl")
    assert [r["url"] for r in records] == ["https://a.example/news/1", "https://a.example/news/2"]
    assert all(r["source"].startswith(f"{warc}@") for r in records)
    assert records[0]["status"] == "ok"
    assert records[0]["article"]["title"] == "Заголовок статьи"  # the HTTP charset was used
    assert summary.passed_over == {"WARC request": 1, "WARC response image/png": 1}


def test_missing_input_and_oversized_page_are_error_records(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:  # 50 MB: over the default 16 MiB limit, never read whole
        handle.truncate(50 * 1024 * 1024)
    summary = presswire.batch([tmp_path / "nowhere", big, SEED_FILES[0]], tmp_path / "o.jsonl")
    records = jsonl(tmp_path / "o.jsonl")
    assert [r["status"] for r in records] == ["error", "error", "ok"]
    assert "no such file" in records[0]["error"]
    assert records[1]["error"].startswith("LimitExceededError")
    assert not summary.ok and summary.failed == 2


# ---------------------------------------------------------------- outputs
@pytest.mark.parametrize("output_format", ["jsonl", "csv", "sqlite", "parquet"])
def test_every_format_holds_every_input_once(tmp_path: Path, output_format: str) -> None:
    out = tmp_path / f"out.{output_format}"
    inputs = [*CORPUS, tmp_path / "missing.txt"]
    summary = presswire.batch(inputs, out, workers=1, **PAGES)
    expected = [str(p) for p in SEED_FILES] + sorted(
        (str(p) for p in FIXTURES.rglob("*.txt")), key=lambda s: Path(s).parts
    )
    assert sources(out, output_format) == [*expected, str(tmp_path / "missing.txt")]
    assert (summary.parsed, summary.failed) == (N_PAGES, 1)
    assert not out.with_name(out.name + ".partial").exists()


def test_sqlite_tables_and_full_text_query(tmp_path: Path) -> None:
    db = tmp_path / "corpus.sqlite"
    presswire.batch([ROOT / "seeds"], db, **PAGES)
    rows = query(db, speaker="Ryabkov", search="improvement")
    assert any("“dynamic improvement”" in row["text"] for row in rows)
    assert all(row["key"] == "sergei-ryabkov" for row in rows)
    assert all(row["outlet"] for row in rows)
    assert query(db, speaker="Sergey Ryabkov") == query(db, speaker="Ryabkov")
    assert query(db, search="zzzunfindable") == []
    every = query(db, limit=None)
    sure = query(db, min_confidence=0.85, limit=None)
    assert sure == [row for row in every if row["confidence"] >= 0.85] and 0 < len(sure) < len(
        every
    )
    with sqlite3.connect(db) as connection:
        quotes = connection.execute("SELECT count(*) FROM quotes").fetchone()[0]
        expected = sum(
            len(json.loads(p.with_suffix(".expected.json").read_text())["article"]["quotes"])
            for p in SEED_FILES
        )
        assert quotes == expected
    indirect = query(db, speaker="Ryabkov", kind="indirect", limit=None)
    both = query(db, speaker="Ryabkov", kind=("indirect", "mixed"), limit=None)
    assert indirect and {row["kind"] for row in indirect} == {"indirect"}
    assert {row["kind"] for row in both} == {"indirect", "mixed"} and len(both) > len(indirect)
    with pytest.raises(presswire.InputError):  # full-text syntax only when asked for
        query(db, search='"unbalanced', fts=True)
    assert query(db, search='"unbalanced') == []  # plain words: no syntax to get wrong


def test_csv_is_one_row_per_quote_with_its_article(tmp_path: Path) -> None:
    out = tmp_path / "quotes.csv"
    presswire.batch([SEED_FILES[0]], out)
    with out.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = json.loads(SEED_FILES[0].with_suffix(".expected.json").read_text())["article"]
    assert [row["text"] for row in rows] == [q["text"] for q in expected["quotes"]]
    assert {row["outlet"] for row in rows} == {expected["outlet"]}
    assert [row["quote"] for row in rows] == [str(n) for n in range(1, len(rows) + 1)]


def test_quotes_only_keeps_the_quotes_and_their_article(tmp_path: Path) -> None:
    presswire.batch([SEED_FILES[0]], tmp_path / "q.jsonl", quotes_only=True)
    (record,) = jsonl(tmp_path / "q.jsonl")
    assert set(record["article"]) == {"outlet", "title", "published", "url", "quotes"}
    assert record["article"]["quotes"]


def test_parquet_refuses_to_replace_a_foreign_folder(tmp_path: Path) -> None:
    folder = tmp_path / "mine.parquet"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine")
    with pytest.raises(presswire.InputError, match="not a presswire Parquet output"):
        presswire.batch([SEED_FILES[0]], folder)
    assert (folder / "notes.txt").exists()
    assert ParquetOutput.PART_RECORDS > 0


# ---------------------------------------------------------------- interruption and resume
class Interrupt:
    """An on_batch callback that presses Ctrl-C after ``after`` batches, and checks on the way
    that the output is never in place before the batch has finished."""

    def __init__(self, out: Path, after: int) -> None:
        self.out, self.after, self.seen = out, after, 0

    def __call__(self, batch: Sequence[dict[str, Any]]) -> None:
        assert not self.out.exists()
        self.seen += 1
        if self.seen == self.after:
            raise KeyboardInterrupt


@pytest.mark.parametrize("output_format", ["jsonl", "csv", "sqlite", "parquet"])
def test_resume_after_interruption_writes_every_record_once(
    tmp_path: Path, output_format: str
) -> None:
    clean = tmp_path / f"clean.{output_format}"
    presswire.batch(CORPUS, clean, workers=1, **PAGES)
    out = tmp_path / f"out.{output_format}"
    with pytest.raises(KeyboardInterrupt):
        presswire.batch(CORPUS, out, workers=1, batch_size=2, on_batch=Interrupt(out, 2), **PAGES)
    assert not out.exists() and out.with_name(out.name + ".partial").exists()
    summary = presswire.batch(CORPUS, out, workers=1, batch_size=2, resume=True, **PAGES)
    assert summary.skipped == 4 and summary.parsed == N_PAGES - 4
    assert sources(out, output_format) == sources(clean, output_format)
    # a second resume over a finished output adds nothing
    again = presswire.batch(CORPUS, out, resume=True, **PAGES)
    assert (again.skipped, again.parsed) == (N_PAGES, 0)
    assert sources(out, output_format) == sources(clean, output_format)


def test_resume_refuses_an_sqlite_output_of_the_old_quote_layout(tmp_path: Path) -> None:
    """An output written before quotes had 'cue' (they had 'verb') is not mixed with new rows."""
    out = tmp_path / "old.sqlite"
    with sqlite3.connect(out.with_name(out.name + ".partial")) as connection:
        connection.execute(
            "CREATE TABLE quotes (rowid INTEGER PRIMARY KEY, source TEXT, quote INTEGER,"
            " speaker TEXT, role TEXT, key TEXT, mention TEXT, via TEXT, kind TEXT, verb TEXT,"
            " text TEXT, paragraph INTEGER, confidence REAL)"
        )
    connection.close()
    with pytest.raises(presswire.InputError, match="older presswire"):
        presswire.batch(CORPUS, out, workers=1, resume=True, **PAGES)


def test_resume_drops_a_record_torn_by_a_crash(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    with pytest.raises(KeyboardInterrupt):
        presswire.batch(CORPUS, out, batch_size=3, on_batch=Interrupt(out, 1), **PAGES)
    partial = out.with_name("out.jsonl.partial")
    with partial.open("a", encoding="utf-8") as handle:
        handle.write('{"source": "' + str(SEED_FILES[4]) + '", "status": "o')  # killed mid-write
    presswire.batch(CORPUS, out, resume=True, **PAGES)
    written = [record["source"] for record in jsonl(out)]
    assert len(written) == len(set(written)) == N_PAGES


def test_csv_resume_drops_an_article_whose_quote_rows_were_torn(tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    presswire.batch([SEED_FILES[0]], out)
    rows = out.read_text(encoding="utf-8").splitlines(keepends=True)
    out.unlink()
    (tmp_path / "out.csv.partial").write_text("".join(rows[:-1]), encoding="utf-8")
    summary = presswire.batch([SEED_FILES[0]], out, resume=True)
    assert (summary.skipped, summary.parsed) == (0, 1)
    assert out.read_text(encoding="utf-8").splitlines(keepends=True) == rows


def test_cli_interrupted_then_resumed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    real_batch = presswire.corpus.batch

    def interrupted(*args: Any, **kwargs: Any) -> Any:
        return real_batch(*args, **kwargs, on_batch=Interrupt(out, 1))

    monkeypatch.setattr(presswire.corpus, "batch", interrupted)
    argv = [
        "batch",
        *map(str, CORPUS),
        "--include",
        "*.txt",
        "--out",
        str(out),
        "--workers",
        "1",
        "--batch-size",
        "2",
    ]
    assert main(argv) == 130
    assert "--resume" in capsys.readouterr().err
    monkeypatch.setattr(presswire.corpus, "batch", real_batch)
    assert main([*argv, "--resume"]) == 0
    err = capsys.readouterr().err
    assert f"read {N_PAGES}, parsed {N_PAGES - 2}, failed 0, skipped 2" in err
    assert len(jsonl(out)) == N_PAGES


def test_cli_exit_code_says_records_failed_and_paths_come_on_stdin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO(f"{SEED_FILES[0]}\n\n{tmp_path / 'gone'}\n"))
    out = tmp_path / "out.sqlite"
    assert main(["batch", "-", "--out", str(out)]) == 1
    assert "read 2, parsed 1, failed 1" in capsys.readouterr().err
    assert main(["query", str(out), "--speaker", "Ryabkov", "--format", "jsonl"]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows and all(row["key"] == "sergei-ryabkov" for row in rows)


# ---------------------------------------------------------------- workers and engines
def test_a_worker_that_dies_costs_only_its_page(tmp_path: Path) -> None:
    poison = tmp_path / "poison.txt"
    poison.write_text(f"A page that kills its worker. {KILL_MARK}\n", encoding="utf-8")
    inputs = [*SEED_FILES[:3], poison, *SEED_FILES[3:]]
    summary = presswire.batch(
        inputs, tmp_path / "out.jsonl", workers=2, batch_size=2, parser=die_on_mark
    )
    records = jsonl(tmp_path / "out.jsonl")
    assert [r["source"] for r in records] == [str(p) for p in inputs]
    assert [r["status"] for r in records].count("error") == 1
    assert records[3]["error"] == WORKER_DIED
    assert (summary.parsed, summary.failed) == (len(SEED_FILES), 1)


def test_process_pool_gives_the_same_records_as_one_process(tmp_path: Path) -> None:
    presswire.batch(CORPUS, tmp_path / "one.jsonl", workers=1, **PAGES)
    presswire.batch(CORPUS, tmp_path / "two.jsonl", workers=2, batch_size=3, **PAGES)
    assert jsonl(tmp_path / "one.jsonl") == jsonl(tmp_path / "two.jsonl")


@pytest.fixture(scope="module")
def dask_client() -> Any:
    distributed = pytest.importorskip("dask.distributed")
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        yield client


def test_dask_engine_gives_the_same_records_as_the_local_engine(
    tmp_path: Path, dask_client: Any
) -> None:
    export = tmp_path / "export.jsonl"
    export.write_text(
        json.dumps({"text": SEED_FILES[1].read_text("utf-8")}) + "\nnot json\n", "utf-8"
    )
    inputs = [*CORPUS, export, tmp_path / "missing.txt"]
    local = presswire.batch(inputs, tmp_path / "local.jsonl", workers=1, **PAGES)
    dask = presswire.batch(
        inputs, tmp_path / "dask.jsonl", engine="dask", client=dask_client, batch_size=3, **PAGES
    )
    assert jsonl(tmp_path / "dask.jsonl") == jsonl(tmp_path / "local.jsonl")
    assert (dask.read, dask.parsed, dask.failed) == (local.read, local.parsed, local.failed)
    assert (dask.read, dask.failed) == (N_PAGES + 3, 2)


def test_dask_engine_resumes_what_another_run_began(tmp_path: Path, dask_client: Any) -> None:
    out = tmp_path / "out.sqlite"
    with pytest.raises(KeyboardInterrupt):
        presswire.batch(CORPUS, out, workers=1, batch_size=4, on_batch=Interrupt(out, 1), **PAGES)
    summary = presswire.batch(
        CORPUS, out, engine="dask", client=dask_client, resume=True, batch_size=3, **PAGES
    )
    assert (summary.skipped, summary.parsed) == (4, N_PAGES - 4)
    assert sorted(sources(out, "sqlite")) == sorted(
        str(p) for p in [*SEED_FILES, *FIXTURES.rglob("*.txt")]
    )


def test_bad_options_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(presswire.InputError, match="give --format"):
        presswire.batch([SEED_FILES[0]], tmp_path / "out.txt")
    with pytest.raises(presswire.InputError, match="engine"):
        presswire.batch([SEED_FILES[0]], tmp_path / "out.jsonl", engine="spark")  # type: ignore[arg-type]


def test_a_script_on_stdin_falls_back_to_parsing_in_process(tmp_path: Path) -> None:
    """spawn cannot re-import a __main__ read from stdin: no page may be failed for that."""
    import subprocess
    import sys

    script = (
        "import presswire\n"
        f"s = presswire.batch([{str(ROOT / 'seeds')!r}], {str(tmp_path / 'o.jsonl')!r},"
        " include=['*.txt'], workers=2, progress=False)\n"
        "print(s.line())\n"
    )
    done = subprocess.run(
        [sys.executable, "-"], input=script, capture_output=True, text=True, timeout=300
    )
    assert f"parsed {len(SEED_FILES)}, failed 0" in done.stdout, done.stderr[-2000:]
    assert "parsing in this process instead" in done.stderr


_JSONL_LINE = st.one_of(
    st.text(max_size=60).filter(lambda t: "\n" not in t and "\r" not in t),
    st.builds(lambda t: json.dumps({"text": t}), st.text(max_size=200)),
    st.builds(lambda t: json.dumps({"html": t, "url": "u"}), st.text(max_size=200)),
    st.just("{}"),
    st.just('{"text": 5}'),
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(lines=st.lists(_JSONL_LINE, max_size=12))
def test_any_jsonl_gives_one_record_per_line(tmp_path: Path, lines: list[str]) -> None:
    export = tmp_path / "any.jsonl"
    export.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "any-out.jsonl"
    summary = presswire.batch([export], out, workers=1, progress=False)
    records = jsonl(out)
    expected = [f"{export}:{n}" for n, line in enumerate(lines, start=1) if line.strip()]
    assert [r["source"] for r in records] == expected
    assert summary.read == summary.parsed + summary.failed == len(expected)
    assert all(r["status"] == "ok" or r["error"] for r in records)


def test_jsonl_lines_encoded_by_the_workers_are_the_lines_the_batch_would_write(
    tmp_path: Path,
) -> None:
    """With JSONL out and no one else reading the records, workers send their JSON lines
    (the batch process only writes them); an on_batch callback gets the records themselves."""
    seen: list[dict[str, Any]] = []
    presswire.batch(CORPUS, tmp_path / "lines.jsonl", workers=2, **PAGES)
    presswire.batch(CORPUS, tmp_path / "records.jsonl", workers=2, on_batch=seen.extend, **PAGES)
    lines = (tmp_path / "lines.jsonl").read_bytes()
    assert lines == (tmp_path / "records.jsonl").read_bytes() and lines.count(b"\n") == N_PAGES
    assert len(seen) == N_PAGES and all("article" in record for record in seen)
