"""The site window's signals show what the panel said: descriptions, its time and its text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.domain.priority import EventCategory
from console.domain.site import SignalRecord
from console.views.site.site_window import SiteWindow
from tests.domain.test_alarm_lifecycle import T0, new_alarm
from tests.factories import alarm_record
from tests.views.test_site_window import site_file


def test_signals_show_the_panels_descriptions_time_and_text(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = SiteWindow("fr")
    qtbot.addWidget(window)
    record = SignalRecord(
        id=1,
        received_at=T0,
        account="4A21",
        protocol="SIA-DCS",
        qualifier="new",
        event_code="BA",
        label="Burglary alarm",
        category=EventCategory.INTRUSION,
        zone=2,
        partition=2,
        extended={"ri_text": "Rez-de-chaussée", "ti": "13:45:24", "text": "Bris de vitre"},
    )
    plain = SignalRecord(
        2, T0, "4A21", "ADM-CID", "new", "132", "Interior burglary", EventCategory.INTRUSION, 1
    )
    window.show_alarm(alarm_record(new_alarm(), site_file(), [record, plain], []))
    headers = [
        window.signals.headerData(c, Qt.Orientation.Horizontal) for c in range(window.signals.columnCount())
    ]
    column = len(headers) - 1
    assert headers[column] == "Detail"  # no translator is installed in tests: the source text
    assert window.signals.data(window.signals.index(0, column)) == (
        "Secteur : Rez-de-chaussée · Heure : 13:45:24 · Texte : Bris de vitre"
    )
    assert window.signals.data(window.signals.index(1, column)) == ""
    assert window.signals.data(window.signals.index(0, 3)) == "2 Officine"  # the zone column is unchanged
