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
