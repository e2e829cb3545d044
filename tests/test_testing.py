"""presswire.testing: the fixture checks and the pytest plugin third-party authors use."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from presswire.testing import FixtureMismatch, check_fixture, draft_expected, load_expected

from .conftest import ROOT

pytest_plugins = ["pytester"]

PAGE = ROOT / "tests" / "fixtures" / "tass" / "all_news_igora_dateline.txt"


def copy_fixture(folder: Path) -> tuple[Path, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    page = Path(shutil.copy(PAGE, folder))
    expected = Path(shutil.copy(PAGE.with_suffix(".expected.json"), folder))
    return page, expected


def test_a_changed_field_is_named_with_both_values(tmp_path: Path) -> None:
    page, expected = copy_fixture(tmp_path)
    data = json.loads(expected.read_text("utf-8"))
    data["article"]["title"] = "Not the title"
    data["article"]["paragraphs"][1] = "Not the second paragraph."
    expected.write_text(json.dumps(data), "utf-8")
    with pytest.raises(FixtureMismatch) as failure:
        check_fixture(page)
    message = str(failure.value)
    assert "title: expected 'Not the title', got " in message
    assert "paragraphs[1]: expected 'Not the second paragraph.'" in message


def test_expected_files_must_state_the_core_fields(tmp_path: Path) -> None:
    page, expected = copy_fixture(tmp_path)
    data = json.loads(expected.read_text("utf-8"))
    del data["article"]["published"]
    expected.write_text(json.dumps(data), "utf-8")
    with pytest.raises(FixtureMismatch, match="must state published"):
        load_expected(page)


def test_draft_expected_is_what_a_hand_written_file_would_list() -> None:
    draft = draft_expected(PAGE, fields=("outlet", "title"))
    assert draft == {
        "plugin": "tass",
        "article": {k: load_expected(PAGE)["article"][k] for k in ("outlet", "title")},
    }


def test_pytest_plugin_collects_the_fixture_folder(pytester: pytest.Pytester) -> None:
    copy_fixture(pytester.path / "fixtures" / "tass")
    pytester.makeini("[pytest]\npresswire_fixtures = fixtures\n")
    result = pytester.runpytest("-v")  # the plugin comes through its pytest11 entry point
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*all_news_igora_dateline.expected.json::parses PASSED*"])


def test_pytest_plugin_reports_a_mismatch_without_a_traceback(pytester: pytest.Pytester) -> None:
    _, expected = copy_fixture(pytester.path / "fixtures")
    data = json.loads(expected.read_text("utf-8"))
    data["plugin"] = "rt"
    expected.write_text(json.dumps(data), "utf-8")
    pytester.makeini("[pytest]\npresswire_fixtures = fixtures\n")
    result = pytester.runpytest()
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*plugin: expected 'rt', got 'tass'*"])


def test_pytest_plugin_stays_out_of_projects_without_fixtures(pytester: pytest.Pytester) -> None:
    copy_fixture(pytester.path / "fixtures")
    result = pytester.runpytest()
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
