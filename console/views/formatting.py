"""Dates, times and numbers as the operator's language writes them (QLocale), in the station's time zone.

One place for it, so the queue, the site window, the plan and the dispatch table all agree: a
French operator reads 29/11/2026 23:15:07, an English one 11/29/26 11:15:07 PM; a French
supervisor's report says 85,1 % and 12 345 alarms, an English one 85.1 % and 12,345.
"""

from __future__ import annotations

import re
from datetime import datetime

from PySide6.QtCore import QDate, QLocale, QTime

# The minutes in a Qt time format, with the separator before them (":" in most languages).
_MINUTES = re.compile(r"(\W?)(mm)")


def _locale(lang: str) -> QLocale:
    return QLocale(lang)


def _local(value: datetime) -> datetime:
    """Timestamps are stored in UTC; operators read the clock on the station's wall."""
    return value.astimezone()


def time_format(lang: str, seconds: bool = True) -> str:
    """The language's short time format, with seconds added when asked (alarms are to the second)."""
    short = _locale(lang).timeFormat(QLocale.FormatType.ShortFormat)
    if not seconds or "s" in short:
        return short
    return _MINUTES.sub(lambda m: f"{m.group(1)}mm{m.group(1) or ':'}ss", short, count=1)


def format_time(value: datetime | None, lang: str, seconds: bool = True) -> str:
    """The local time of a timestamp, e.g. 23:15:07 in French; empty for none."""
    if value is None:
        return ""
    local = _local(value)
    return _locale(lang).toString(QTime(local.hour, local.minute, local.second), time_format(lang, seconds))


def format_date(value: datetime | None, lang: str) -> str:
    """The local date of a timestamp in the language's short date format; empty for none."""
    if value is None:
        return ""
    local = _local(value)
    return _locale(lang).toString(QDate(local.year, local.month, local.day), QLocale.FormatType.ShortFormat)


def format_date_time(value: datetime | None, lang: str) -> str:
    """Date and time with seconds, for when the day matters (tooltips, older events)."""
    if value is None:
        return ""
    return f"{format_date(value, lang)} {format_time(value, lang)}"


def format_count(value: int, lang: str) -> str:
    """A whole number as the language writes it: 12 345 in French, 12,345 in English."""
    return _locale(lang).toString(int(value))


def format_decimal(value: float, lang: str, decimals: int = 1) -> str:
    """A decimal number with the language's decimal sign: 85,1 in French, 85.1 in English."""
    return _locale(lang).toString(float(value), "f", decimals)


def format_short(value: float, lang: str) -> str:
    """As few digits as the value needs (30, 22,5): targets and edges that are usually whole."""
    return _locale(lang).toString(float(value), "g", 6)
