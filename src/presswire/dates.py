"""Dates as pages write them, turned into the ISO 8601 strings of ``Article.published``.

An offset is written only when the source states one: ``2020-11-13T11:53`` for RT's
``13 Nov, 2020 11:53``, ``2017-05-30T11:41:00+03:00`` for a page that says ``UTC+3``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

__all__ = ["MIN_YEAR", "format_clock", "format_datetime", "parse_iso"]

_ISO_LIKE = re.compile(
    r"\s*(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?\s*"
)


MIN_YEAR = 1800
"""Earlier years in page metadata are placeholders (``0001-01-01``), not publication dates."""


def format_datetime(moment: datetime | date) -> str:
    """ISO 8601 without microseconds; seconds only when non-zero; offset only when aware."""
    day = f"{moment.year:04d}-{moment.month:02d}-{moment.day:02d}"
    if not isinstance(moment, datetime):
        return day
    text = f"{day}T{moment.hour:02d}:{moment.minute:02d}"
    if moment.second:
        text += f":{moment.second:02d}"
    offset = moment.utcoffset()
    if offset is not None:
        text += _format_offset(offset)
    return text


def format_clock(year: int, month: int, day: int, hour: int, minute: int) -> str | None:
    """A date and time read off a page ('13 Nov, 2020 11:53') in ISO 8601, without an offset;
    ``None`` when no such moment exists ('37 Nov, 2020 25:61' in a mangled page)."""
    try:
        return format_datetime(datetime(year, month, day, hour, minute))
    except ValueError:
        return None


def _format_offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def parse_iso(value: str) -> str | None:
    """Normalise an ISO-8601-like string from page metadata; ``None`` if it is not one.

    ``2020-11-13T11:53:00Z`` gives ``2020-11-13T11:53+00:00``; ``2020-11-13`` stays a date.
    """
    match = _ISO_LIKE.fullmatch(value)
    if match is None:
        return None
    day, clock, zone = match.groups()
    if int(day[:4]) < MIN_YEAR:
        return None
    try:
        if clock is None:
            return format_datetime(date.fromisoformat(day))
        moment = datetime.fromisoformat(f"{day}T{clock}")
    except ValueError:
        return None
    if zone:
        if zone == "Z":
            tz = timezone.utc
        else:
            digits = zone[1:].replace(":", "")
            delta = timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
            if delta >= timedelta(hours=24):
                return None
            tz = timezone(delta if zone[0] == "+" else -delta)
        moment = moment.replace(tzinfo=tz)
    return format_datetime(moment)
