"""Dates as pages write them, turned into the ISO 8601 strings of ``Article.published``.

An offset is written only when the source states one: ``2020-11-13T11:53`` for RT's
``13 Nov, 2020 11:53``, ``2017-05-30T11:41:00+03:00`` for a page that says ``UTC+3``.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

__all__ = ["MIN_YEAR", "format_clock", "format_datetime", "looks_iso", "parse_iso", "parse_written"]

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


def looks_iso(value: str) -> bool:
    """Whether ``value`` is written as ISO 8601 (valid or not: '0001-01-01T00:00:00Z' is a
    placeholder, not a date to read another way)."""
    return _ISO_LIKE.match(value) is not None


WRITTEN_FORMATS = (
    "%B %d, %Y, %I:%M %p",  # November 19, 2019, 07:47 PM
    "%B %d, %Y %I:%M %p",
    "%B %d, %Y %H:%M",  # November 20, 2019 12:32
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %b %Y %H:%M",  # 19 Nov 2019 07:09
    "%d %B %Y %H:%M",
    "%d %b %Y",
    "%d %B %Y",
    "%a %b %d %Y %H:%M:%S",  # Tue Nov 19 2019 05:44:06 (JavaScript's Date.toString)
    "%a, %d %b %Y %H:%M:%S",
)
"""English date formats of page metadata, read without dateparser (which is some hundred times
slower: it tries every language)."""
ZONE_OFFSETS = {
    "GMT": 0,
    "UTC": 0,
    "UT": 0,
    "Z": 0,
    "EST": -5 * 60,
    "EDT": -4 * 60,
    "CST": -6 * 60,
    "CDT": -5 * 60,
    "MST": -7 * 60,
    "MDT": -6 * 60,
    "PST": -8 * 60,
    "PDT": -7 * 60,
    "CET": 60,
    "CEST": 2 * 60,
    "MSK": 3 * 60,
    "IST": 5 * 60 + 30,
}
"""Zone names that metadata write after a time, in minutes from UTC; a name that is not here
leaves the format unread (dateparser reads it)."""
_ZONE = re.compile(r"\s+(?:([A-Z]{1,4})(?:([+-]\d{2}):?(\d{2}))?|([+-]\d{2}):?(\d{2}))$")


def parse_written(value: str) -> str | None:
    """An English date as metadata write it ('19 Nov 2019 07:09 GMT', 'November 19, 2019,
    07:47 PM EST', 'Tue Nov 19 2019 05:44:06 GMT+0000', RFC 2822) in ISO 8601, the offset kept;
    None for any other form."""
    text = " ".join(value.split())
    offset: int | None = None
    zone = _ZONE.search(text)
    if zone is not None:
        name, sign_hours, minutes, bare_hours, bare_minutes = zone.groups()
        if name is not None and name not in ZONE_OFFSETS:
            return None
        offset = ZONE_OFFSETS.get(name, 0) if name is not None else 0
        hours, mins = (
            (sign_hours, minutes) if sign_hours is not None else (bare_hours, bare_minutes)
        )
        if hours is not None:
            offset += (1 if hours[0] == "+" else -1) * (abs(int(hours)) * 60 + int(mins))
        text = text[: zone.start()]
    for form in WRITTEN_FORMATS:
        try:
            moment = datetime.strptime(text, form)
        except ValueError:
            continue
        if moment.year < MIN_YEAR or (offset is not None and abs(offset) >= 24 * 60):
            return None
        if "%H" not in form and "%I" not in form:
            return format_datetime(moment.date())
        if offset is not None:
            moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset)))
        return format_datetime(moment)
    return None
