"""A newcomer's first hour (issue 25): scripts run as a user runs them, commands that do what
their names say, nothing that fails silently."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import presswire

from .conftest import ROOT

SEEDS = ROOT / "seeds"
UNGUARDED = """
import presswire
summary = presswire.batch(["seeds/"], "corpus.{suffix}", include=["*.txt"], progress=False)
print(summary.line())
"""


def _run(
    command: list[str], folder: Path, stdin: str | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=folder, input=stdin, capture_output=True, text=True, timeout=300, check=False
    )


def _folder_with_seeds(tmp_path: Path) -> Path:
    (tmp_path / "seeds").symlink_to(SEEDS)
    return tmp_path


def test_a_batch_script_without_a_main_guard_runs_without_a_traceback(tmp_path: Path) -> None:
    folder = _folder_with_seeds(tmp_path)
    for suffix in ("jsonl", "sqlite", "sqlite"):  # the SQLite one twice: it crashed on reruns
        (folder / "script.py").write_text(UNGUARDED.format(suffix=suffix), encoding="utf-8")
        done = _run([sys.executable, "script.py"], folder)
        assert done.returncode == 0, done.stderr
        assert "Traceback" not in done.stderr
        assert "if __name__ == '__main__':" in done.stderr  # says how to get the workers
        assert "parsed 5, failed 0" in done.stdout
        assert not (folder / f"corpus.{suffix}.partial").exists()


def test_a_batch_script_read_from_stdin_runs_without_a_traceback(tmp_path: Path) -> None:
    folder = _folder_with_seeds(tmp_path)
    done = _run([sys.executable, "-"], folder, stdin=UNGUARDED.format(suffix="jsonl"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr and "parsed 5, failed 0" in done.stdout


def test_page_text_piped_to_batch_dash_is_one_clear_error_and_no_partial(tmp_path: Path) -> None:
    page = (SEEDS / "000_6d0c139604fba6d4.txt").read_text(encoding="utf-8")
    command = [sys.executable, "-m", "presswire", "batch", "-", "--out", "x.jsonl"]
    done = _run(command, tmp_path, stdin=page)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and "presswire parse -" in done.stderr
    assert not list(tmp_path.glob("x.jsonl*"))


def test_paths_piped_to_batch_dash_are_read(tmp_path: Path) -> None:
    paths = "\n".join(str(path) for path in sorted(SEEDS.glob("*.txt")))
    command = [sys.executable, "-m", "presswire", "batch", "-", "--out", "x.jsonl"]
    done = _run(command, tmp_path, stdin=paths + "\n")
    assert done.returncode == 0, done.stderr
    assert len((tmp_path / "x.jsonl").read_text(encoding="utf-8").splitlines()) == 5


def test_a_folder_gives_its_pages_not_its_other_files(tmp_path: Path) -> None:
    out = tmp_path / "seeds.jsonl"
    summary = presswire.batch([SEEDS], out, workers=1, progress=False)
    sources = [json.loads(line)["source"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(sources) == 5 and all(source.endswith(".txt") for source in sources)
    assert sum(summary.passed_over.values()) == 5  # the expected .json files, said so
    named = presswire.batch(
        [SEEDS], tmp_path / "all.jsonl", workers=1, progress=False, include=["*.json"]
    )
    assert named.read == 5  # --include reads them when asked


def test_search_reads_plain_words_and_full_text_syntax_only_when_asked(tmp_path: Path) -> None:
    from presswire.corpus import query

    database = tmp_path / "seeds.sqlite"
    presswire.batch([SEEDS], database, workers=1, progress=False)
    found = query(database, search="Russian-American")
    assert found and all("russian-american" in row["text"].lower() for row in found)
    assert query(database, search="Biden's")  # an apostrophe is no syntax error
    assert query(database, search="U.S.") is not None
    assert query(database, search='"bilateral relations"')  # a phrase
    assert query(database, search="Ryabkov OR Peskov", fts=True)
    try:
        query(database, search="AND OR", fts=True)
    except presswire.InputError as error:
        assert "syntax error" in str(error)
    else:
        raise AssertionError("full-text syntax errors must be reported")


def test_a_str_that_names_a_file_says_so_and_an_empty_page_is_an_error(tmp_path: Path) -> None:
    seed = str(SEEDS / "001_4a0582fe3bb4a27c.txt")
    article = presswire.parse(seed)  # text, as documented: but the user meant the file
    assert any("pass pathlib.Path" in warning for warning in article.warnings)
    for empty in ("", "  \n\n ", b"", b"\n"):
        try:
            presswire.parse(empty)
        except presswire.InputError as error:
            assert "empty" in str(error)
        else:
            raise AssertionError(f"{empty!r} must be refused")
    (tmp_path / "pages").mkdir()
    (tmp_path / "pages" / "empty.txt").write_text("", encoding="utf-8")
    summary = presswire.batch([tmp_path / "pages"], tmp_path / "out.jsonl", progress=False)
    assert (summary.parsed, summary.failed) == (0, 1)


def test_fingerprint_evidence_shows_what_matched_and_labels_are_distinct() -> None:
    best = presswire.fingerprint(SEEDS / "003_023a901f25739ca9.txt")[0]
    assert best.plugin == "rt"
    assert any("'28 Apr, 2021" in line for line in best.evidence)  # the page's own date
    for name, info, _ in presswire.default_registry().outlets():
        assert len(info.recognises) == len(set(info.recognises)), name


# ---------------------------------------------------------------- one command line
def _cli(
    folder: Path, *arguments: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    import os

    return subprocess.run(
        [sys.executable, "-m", "presswire", *arguments],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **(env or {})},
    )


def test_every_listing_command_takes_format(tmp_path: Path) -> None:
    seed = str(SEEDS / "001_4a0582fe3bb4a27c.txt")
    fingerprints = _cli(tmp_path, "fingerprint", seed, "--format", "jsonl")
    assert json.loads(fingerprints.stdout.splitlines()[0])["fingerprints"][0]["plugin"] == "tass"
    plugins = _cli(tmp_path, "plugins", "--format", "json")
    assert {"rt", "tass"} <= {plugin["name"] for plugin in json.loads(plugins.stdout)["plugins"]}
    for command in ("batch", "parse", "quotes", "query"):
        assert "examples:" in _cli(tmp_path, command, "--help").stdout, command


def test_parse_writes_markdown_and_body_to_a_file(tmp_path: Path) -> None:
    seed = str(SEEDS / "001_4a0582fe3bb4a27c.txt")
    done = _cli(tmp_path, "parse", seed, "--format", "markdown", "-o", "article.md")
    assert done.returncode == 0 and done.stdout == ""
    markdown = (tmp_path / "article.md").read_text(encoding="utf-8")
    assert markdown.startswith("# Moscow concerned over no breakthrough")
    body = _cli(tmp_path, "parse", seed, "--format", "body").stdout
    article = presswire.parse(Path(seed))
    assert body == "".join(f"{part}\n\n" for part in (article.lead, *article.paragraphs) if part)


def test_batch_refuses_zero_workers_and_an_existing_output_without_a_word(tmp_path: Path) -> None:
    seeds = str(SEEDS)
    assert _cli(tmp_path, "batch", seeds, "--out", "x.jsonl", "--workers", "0").returncode == 2
    assert _cli(tmp_path, "batch", seeds, "--out", "x.jsonl", "--workers", "1").returncode == 0
    again = _cli(tmp_path, "batch", seeds, "--out", "x.jsonl", "--workers", "1")
    assert again.returncode == 2 and "--overwrite" in again.stderr
    replaced = _cli(tmp_path, "batch", seeds, "--out", "x.jsonl", "--workers", "1", "--overwrite")
    assert replaced.returncode == 0


def test_quotes_and_query_write_the_same_csv_columns(tmp_path: Path) -> None:
    seeds = str(SEEDS)
    _cli(tmp_path, "batch", seeds, "--out", "x.sqlite", "--workers", "1")
    quotes = _cli(tmp_path, "quotes", str(SEEDS / "001_4a0582fe3bb4a27c.txt"), "--format", "csv")
    query = _cli(tmp_path, "query", "x.sqlite", "--format", "csv")
    assert quotes.stdout.splitlines()[0] == query.stdout.splitlines()[0]
    assert "confidence" in quotes.stdout.splitlines()[0]


def test_a_blocked_plugin_name_that_matches_no_plugin_is_said(tmp_path: Path) -> None:
    seed = str(SEEDS / "001_4a0582fe3bb4a27c.txt")
    done = _cli(tmp_path, "parse", seed, env={"PRESSWIRE_BLOCKED_PLUGINS": "nosuch"})
    assert any("'nosuch'" in warning for warning in json.loads(done.stdout)["warnings"])


def test_the_progress_bar_shows_a_total_when_the_inputs_are_page_files(tmp_path: Path) -> None:
    done = _cli(tmp_path, "batch", str(SEEDS), "--out", "x.jsonl", "--workers", "1", "--progress")
    assert "5/5" in done.stderr  # a total, and so the time left
    paths = "\n".join(str(path) for path in sorted(SEEDS.glob("*.txt"))) + "\n"
    piped = subprocess.run(
        [sys.executable, "-m", "presswire", "batch", "-", "--out", "y.jsonl", "--progress"],
        cwd=tmp_path,
        input=paths,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert piped.returncode == 0 and "5 docs" in piped.stderr  # streamed: a count, no total
