"""Dates from page metadata to Article.published."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from presswire import Article
from presswire.dates import MIN_YEAR, format_clock, format_datetime, parse_iso


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019-11-20T05:47:00+00:00", "2019-11-20T05:47+00:00"),
        ("2019-11-20T05:47:30Z", "2019-11-20T05:47:30+00:00"),
        ("2019-11-20 05:47", "2019-11-20T05:47"),
        ("2017-05-30T11:41:00.123+0300", "2017-05-30T11:41+03:00"),
        ("2019-11-20", "2019-11-20"),
        (" 2019-11-20T05:47-05:00 ", "2019-11-20T05:47-05:00"),
        ("0001-01-01T00:00:00Z", None),  # a CMS placeholder, not a date
        ("2019-02-30", None),
        ("2019-11-20T25:00", None),
        ("2019-11-20T05:47+25:00", None),
        ("November 20, 2019", None),
        ("", None),
    ],
)
def test_parse_iso(value: str, expected: str | None) -> None:
    assert parse_iso(value) == expected


@given(st.text(max_size=40))
def test_parse_iso_gives_a_valid_published_value_or_none(value: str) -> None:
    result = parse_iso(value)
    if result is not None:
        assert Article(published=result).published == result


@given(
    st.datetimes(min_value=datetime(MIN_YEAR, 1, 1)),
    st.none() | st.integers(-14 * 60, 14 * 60).map(lambda m: timezone(timedelta(minutes=m))),
)
def test_format_then_parse_round_trips(moment: datetime, zone: timezone | None) -> None:
    moment = moment.replace(microsecond=0, tzinfo=zone)
    text = format_datetime(moment)
    assert parse_iso(text) == text
    assert datetime.fromisoformat(text) == moment
    assert format_datetime(date(5, 1, 2)) == "0005-01-02"


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        ((2020, 11, 13, 11, 53), "2020-11-13T11:53"),
        ((2024, 2, 29, 0, 0), "2024-02-29T00:00"),
        ((2020, 11, 37, 11, 53), None),
        ((2023, 2, 29, 11, 53), None),
        ((2020, 11, 13, 25, 61), None),
    ],
)
def test_format_clock_gives_none_for_a_moment_that_does_not_exist(
    parts: tuple[int, int, int, int, int], expected: str | None
) -> None:
    assert format_clock(*parts) == expected
