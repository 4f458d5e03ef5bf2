"""Dates and times follow the operator's language (QLocale), in the station's time zone."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QDate, QLocale

from console.views.formatting import (
    format_count,
    format_date,
    format_date_time,
    format_decimal,
    format_short,
    format_time,
    time_format,
)

AT = datetime(2026, 11, 29, 22, 15, 7, tzinfo=UTC)


def test_a_date_reads_as_each_language_writes_it() -> None:
    local = AT.astimezone()
    day = QDate(local.year, local.month, local.day)
    for lang in ("fr", "en"):
        assert format_date(AT, lang) == QLocale(lang).toString(day, QLocale.FormatType.ShortFormat)
    assert format_date(AT, "fr") != format_date(AT, "en")
    assert str(local.day) in format_date(AT, "fr") and str(local.day) in format_date(AT, "en")


def test_times_keep_the_seconds_and_the_local_time_zone() -> None:
    local = AT.astimezone()
    for lang in ("fr", "en"):
        assert "ss" in time_format(lang)
        text = format_time(AT, lang)
        assert f"{local.minute:02d}" in text and f"{local.second:02d}" in text
        hour = local.hour if lang == "fr" else (local.hour % 12 or 12)
        assert str(hour) in text
        assert format_date_time(AT, lang) == f"{format_date(AT, lang)} {text}"
    assert "ss" not in time_format("fr", seconds=False)
    assert format_time(None, "fr") == format_date(None, "en") == format_date_time(None, "fr") == ""


def test_numbers_read_as_each_language_writes_them() -> None:
    assert format_decimal(85.14, "fr") == "85,1" and format_decimal(85.14, "en") == "85.1"
    assert format_decimal(12.0, "fr", 0) == "12"
    assert format_short(30.0, "fr") == "30" and format_short(22.5, "fr") == "22,5"
    assert format_short(98.5, "en") == "98.5"
    # grouped by thousands as each language groups them (a narrow no-break space in French)
    assert format_count(1_234_567, "fr") == "1\u202f234\u202f567" and format_count(1_234, "en") == "1,234"
    assert format_count(999, "fr") == "999"
