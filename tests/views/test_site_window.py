"""The site window's models follow Qt's contract and show what the operator needs."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt

from console.domain.priority import EventCategory
from console.domain.site import (
    Contact,
    DetectorType,
    FloorPlan,
    JournalEntry,
    Procedure,
    ProcedureStep,
    SignalRecord,
    Site,
    SiteFile,
    Zone,
)
from console.views.site.site_window import SiteWindow
from tests.domain.test_alarm_lifecycle import T0, new_alarm
from tests.factories import alarm_record

SVG = b"""<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 400 300' width='400' height='300'>
<rect x='0' y='0' width='400' height='300' fill='white'/><rect x='10' y='10' width='380' height='280'
fill='none' stroke='black' stroke-width='6'/></svg>"""


def site_file() -> SiteFile:
    return SiteFile(
        site=Site(
            1,
            "LYO-0001",
            "Pharmacie de la Croix-Rousse",
            "12 bd de la Croix-Rousse",
            "69004",
            "Lyon",
            45.77,
            4.83,
            risk_class=4,
            accessibility_needs="Pharmacienne malentendante",
        ),
        zones=(
            Zone(1, 1, "Porte", DetectorType.DOOR_CONTACT, 10, 40, 150),
            Zone(2, 2, "Officine", DetectorType.PIR, 10, 200, 150),
            Zone(3, 3, "Réserve", DetectorType.PIR, 10, 330, 80),
        ),
        plans=(FloorPlan(10, 0, "Rez-de-chaussée", "image/svg+xml", SVG),),
        contacts=(
            Contact(1, 1, "Marie Dupuis", "Gérante", ("+33 6 12 34 56 78",), accessibility_needs="SMS"),
            Contact(2, 2, "Paul Martin", "Adjoint", ("+33 4 78 00 00 00",)),
        ),
        procedures=(
            Procedure(
                5,
                EventCategory.INTRUSION,
                "Intrusion",
                (
                    ProcedureStep(51, 1, "Écouter le site"),
                    ProcedureStep(52, 2, "Appeler les contacts", False),
                ),
            ),
        ),
        accounts=("4A21",),
    )


def signal(zone: int, seconds: int, qualifier: str = "new") -> SignalRecord:
    return SignalRecord(
        id=zone * 100 + seconds,
        received_at=T0 + timedelta(seconds=seconds),
        account="4A21",
        protocol="ADM-CID",
        qualifier=qualifier,
        event_code="132",
        label="Interior burglary",
        category=EventCategory.INTRUSION,
        zone=zone,
    )


def test_show_alarm_fills_every_part(qtbot, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    window = SiteWindow()
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    journal = [JournalEntry(1, T0, "alarm_raised", "Intrusion"), JournalEntry(2, T0, "take", "", "amelie")]
    window.show_alarm(
        alarm_record(new_alarm(), site_file(), [signal(1, 0), signal(2, 4), signal(1, 9, "restore")], journal)
    )
    for model in (window.contacts, window.signals, window.journal, window.checklist):
        qtmodeltester.check(model)
    assert (
        window.contacts.rowCount() == 2 and window.signals.rowCount() == 3 and window.journal.rowCount() == 2
    )
    assert "Pharmacie de la Croix-Rousse" in window.header.text()
    assert window.needs.isVisibleTo(window) and "malentendante" in window.needs.text()
    assert "Marie Dupuis: SMS" in window.needs.text()
    assert window.checklist.rowCount() == 2
    tripped = {n for n, item in window.plan.zone_items.items() if item.tripped}
    assert tripped == {1, 2}
    assert window.signals.data(window.signals.index(1, 3)) == "2 Officine"
    highlighted = window.contacts.data(window.contacts.index(0, 5), Qt.ItemDataRole.BackgroundRole)
    assert highlighted is not None


def test_ticking_a_step_is_reported_once(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = SiteWindow()
    qtbot.addWidget(window)
    window.show_alarm(alarm_record(new_alarm(), site_file(), [], []))
    ticked: list[tuple[int, int]] = []
    window.step_ticked.connect(lambda alarm_id, step: ticked.append((alarm_id, step.id)))
    first = window.checklist.index(0)
    assert window.checklist.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert not window.checklist.setData(first, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert not window.checklist.setData(first, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    assert ticked == [(7, 51)]
    assert window.checklist.data(first, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_alarm_of_unknown_account_shows_without_site(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = SiteWindow()
    qtbot.addWidget(window)
    window.show_alarm(
        alarm_record(new_alarm(site_id=None, site_code="", title="Unknown account FFFE"), None, [], [])
    )
    assert "Unknown account FFFE" in window.header.text()
    assert window.plan.placeholder.isVisibleTo(window)
