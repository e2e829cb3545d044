"""The presswire command: formats, stdin, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from presswire.cli import main

from .conftest import SEED_FILES


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_parse_json_one_input_is_an_object(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", str(SEED_FILES[1]))
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert isinstance(data, dict)
    assert data["source_format"] == "text"


def test_parse_json_several_inputs_is_a_list(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", *map(str, SEED_FILES))
    assert code == 0
    assert len(json.loads(out)) == len(SEED_FILES)


def test_parse_jsonl_is_one_line_per_input(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "--format", "jsonl", *map(str, SEED_FILES))
    lines = out.splitlines()
    assert code == 0 and len(lines) == len(SEED_FILES)
    records = [json.loads(line) for line in lines]  # several inputs: records with their source
    assert [record["source"] for record in records] == list(map(str, SEED_FILES))
    plugins = [record["article"]["fingerprint"]["plugin"] for record in records]
    assert plugins[4] in ("plaintext", "generic")


def test_parse_text_view(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "parse", "--format", "text", str(SEED_FILES[4]))
    assert code == 0
    assert out.startswith("# ")
    assert "Russian ambassador to the US Anatoly Antonov" in out


def test_bad_inputs_get_one_line_each_and_the_rest_is_processed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    code, out, err = run(
        capsys,
        "parse",
        "--format",
        "jsonl",
        str(tmp_path / "missing.txt"),
        str(tmp_path),
        str(binary),
        str(SEED_FILES[0]),
    )
    assert code == 2
    # the good input still came out, and each bad one has its record: nothing left unsaid
    statuses = [json.loads(line)["status"] for line in out.splitlines()]
    assert statuses == ["error", "error", "error", "ok"]
    lines = err.splitlines()
    assert len(lines) == 3
    assert lines[0] == f"presswire: {tmp_path / 'missing.txt'}: no such file"
    assert lines[1].endswith("is a directory")
    assert "binary" in lines[2]
    assert "Traceback" not in err


def test_size_limit_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "parse", "--max-bytes", "100", str(SEED_FILES[0]))
    assert code == 2 and out == ""
    assert "max_bytes" in err


def test_unknown_outlet(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "parse", "--outlet", "nosuch", str(SEED_FILES[0]))
    assert code == 2
    assert err.startswith("presswire: no plugin named 'nosuch'")


def test_fingerprint_lists_every_plugin(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "fingerprint", "--json", str(SEED_FILES[0]))
    assert code == 0
    record = json.loads(out)
    plugins = [fp["plugin"] for fp in record["fingerprints"]]
    assert plugins[0] == "presstv"
    assert set(plugins) == {"presstv", "tass", "rt", "plaintext", "generic"}


def test_plugins_lists_name_version_package_hooks(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "plugins")
    assert code == 0
    header, *rows = out.splitlines()
    assert header.split() == ["NAME", "VERSION", "PACKAGE", "HOOKS"]
    names = [row.split()[0] for row in rows]
    assert names == sorted(["generic", "plaintext", "presstv", "rt", "tass"])
    code, out, _ = run(capsys, "plugins", "--json")
    data = json.loads(out)
    rt = next(p for p in data["plugins"] if p["name"] == "rt")
    assert rt["package"] == "presswire" and "presswire_fingerprint" in rt["hooks"]


def test_schema_command(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "schema")
    assert code == 0
    assert json.loads(out)["title"] == "presswire Article"


@pytest.mark.skipif(shutil.which("presswire") is None, reason="console script not installed")
def test_console_script_reads_stdin_and_reports_binary_stdin() -> None:
    seed = SEED_FILES[2].read_bytes()
    done = subprocess.run(
        ["presswire", "parse", "-", "--format", "jsonl"],
        input=seed,
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["source_format"] == "text"
    done = subprocess.run(
        ["presswire", "parse", "-"], input=b"\x00\x01\x02" * 100, capture_output=True, check=False
    )
    assert done.returncode == 2
    assert done.stderr.decode().strip() == (
        "presswire: <stdin>: binary data, not a page (it contains NUL bytes)"
    )


def test_ci_runs_the_readme_commands() -> None:
    """The README's two set-up commands are the ones CI runs, word for word."""
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text("utf-8")
    ci = (root / ".ci" / "run").read_text("utf-8")
    commands = [line for line in readme.splitlines() if line.startswith("pip install -e ")]
    assert len(commands) == 2
    for command in commands:
        assert f"\n{command}\n" in ci


def test_quotes_formats(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "quotes", "--format", "jsonl", str(SEED_FILES[0]))
    rows = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and len(rows) == 12  # the statements of the seed's expected file
    assert set(rows[0]) >= {
        "speaker",
        "role",
        "key",
        "via",
        "kind",
        "text",
        "outlet",
        "title",
        "published",
    }
    assert rows[1]["via"] == "TASS" and rows[1]["speaker"] == "Sergei Ryabkov"
    assert [row["kind"] for row in rows[:2]] == ["mixed", "direct"] and rows[1]["cue"] == "quoted"
    code, out, _ = run(capsys, "quotes", "--format", "csv", *map(str, SEED_FILES))
    import csv
    import io

    table = list(csv.DictReader(io.StringIO(out)))
    assert len(table) == 49  # every statement of the five seeds, one header row
    assert {row["outlet"] for row in table} == {"presstv", "tass", "rt", ""}
    code, out, _ = run(capsys, "quotes", str(SEED_FILES[2]))
    # reported speech is shown in the writer's words, without quote marks
    assert out.startswith("Dmitry Peskov (Kremlin spokesman) [indirect 0.70] according to – Moscow")
    assert "Dmitry Peskov (Kremlin spokesman) [direct 0.90]: “First, we will respect" in out
    code, out, _ = run(
        capsys, "quotes", "--kind", "direct,block", "--format", "jsonl", str(SEED_FILES[2])
    )
    assert [json.loads(line)["kind"] for line in out.splitlines()] == [
        "direct",
        "block",
        "direct",
        "block",
    ]
    with pytest.raises(SystemExit) as refused:
        run(capsys, "quotes", "--kind", "paraphrase", str(SEED_FILES[2]))
    assert refused.value.code == 2 and "unknown kind paraphrase" in capsys.readouterr().err


def test_quotes_min_confidence(capsys: pytest.CaptureFixture[str]) -> None:
    paths = [str(path) for path in SEED_FILES]
    _, out, _ = run(capsys, "quotes", "--format", "jsonl", *paths)
    every = [json.loads(line) for line in out.splitlines()]
    _, out, _ = run(capsys, "quotes", "--format", "jsonl", "--min-confidence", "0.85", *paths)
    sure = [json.loads(line) for line in out.splitlines()]
    assert sure == [row for row in every if row["confidence"] >= 0.85]
    assert 0 < len(sure) < len(every)  # the seeds have quotes found without a cue
    with pytest.raises(SystemExit) as refused:  # argparse's usage error
        main(["quotes", "--min-confidence", "1.5", paths[0]])
    assert refused.value.code == 2 and "between 0 and 1" in capsys.readouterr().err


def test_quotes_bad_input(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, out, err = run(capsys, "quotes", str(tmp_path / "nope.txt"), str(SEED_FILES[4]))
    assert code == 2 and "no such file" in err
    assert "Anatoly Antonov" in out
