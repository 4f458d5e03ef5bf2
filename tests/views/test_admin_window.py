"""The administration window as an admin uses it: a site added by keyboard and mouse, a wrong field and its
message, an AES key set and never shown, two contacts reordered and a procedure; then an alarm of the site
shows all of it in the site window, and a change of the call list made while it is open shows there too.
An operator's session is offered nothing, and refused (and journaled) if it asks anyway."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QPushButton, QWidget
from sqlalchemy import select
from sqlmodel import col

from console.domain.alarm import Role
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.services.alarm_desk import AlarmDesk
from console.services.authority import Authority
from console.services.site_admin import SiteAdmin
from console.storage.engine import Database
from console.storage.sealed import load_station_key, unseal_aes_key
from console.storage.tables import JournalRow, TransmitterRow
from console.views.admin.field_form import FieldForm
from console.views.admin.window import AdminWindow
from console.views.workstation import Workstation
from tests.factories import cid
from tests.views.harness import running_workstation
from tests.views.site_checks import open_in_queue, shows
from tests.views.test_keyboard_focus import window_wide_keys

KEY = "8F3A19C2D4E5F60718293A4B5C6D7E8F"


@pytest.fixture
def workstation(qtbot, sqlite_db: Database, tmp_path: Path) -> Iterator[Workstation]:  # type: ignore[no-untyped-def]
    yield from running_workstation(qtbot, sqlite_db, tmp_path, role=Role.ADMIN)


@pytest.fixture
def admin_window(qtbot, workstation: Workstation, sqlite_db: Database) -> AdminWindow:  # type: ignore[no-untyped-def]
    window = AdminWindow(SiteAdmin(sqlite_db, Authority(sqlite_db)), workstation.operator)
    qtbot.addWidget(window)
    workstation.attach_administration(window)
    return window


def settled(qtbot, window: AdminWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.busy, timeout=10000)


def type_into(qtbot, form: FieldForm, name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Click the field, select what it holds, type over it: as an admin corrects a field.
    (QTest aborts the process on keys it has no key code for: accented letters are left out.)"""
    editor = form.editors[name]
    qtbot.mouseClick(
        editor.viewport() if isinstance(editor, QPlainTextEdit) else editor, Qt.MouseButton.LeftButton
    )
    if isinstance(editor, QPlainTextEdit):
        editor.selectAll()
        for line_number, line in enumerate(text.split("\n")):
            if line_number:
                qtbot.keyClick(editor, Qt.Key.Key_Return)
            qtbot.keyClicks(editor, line)
    else:
        assert isinstance(editor, QLineEdit)
        editor.selectAll()
        qtbot.keyClicks(editor, text) if text else qtbot.keyClick(editor, Qt.Key.Key_Delete)


def click(qtbot, window: AdminWindow, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    settled(qtbot, window)


def visible_texts(root: QWidget) -> str:
    """Everything the admin could read: fields, placeholders, labels, cells, the window's status."""
    parts = []
    for widget in root.findChildren(QWidget):
        for getter in ("text", "toPlainText", "placeholderText", "currentText"):
            value = getattr(widget, getter, None)
            if callable(value):
                try:
                    parts.append(str(value()))
                except TypeError:
                    pass
    return "\n".join(parts)


def journal(db: Database) -> list[tuple[str, str]]:
    with db.read() as session:
        return [
            (r.action, r.detail) for r in session.scalars(select(JournalRow).order_by(col(JournalRow.id)))
        ]


def test_an_admin_enters_a_site_and_its_alarm_shows_it_all(
    qtbot, workstation: Workstation, admin_window: AdminWindow, sqlite_db: Database
) -> None:
    window = admin_window
    queue = workstation.queue_window
    with qtbot.waitActive(queue):
        queue.activateWindow()
    qtbot.keyClick(
        queue, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    qtbot.waitUntil(window.isVisible)
    settled(qtbot, window)
    assert window.site_list.site_ids() == []
    clashes = {key: names for key, names in window_wide_keys(window).items() if len(names) > 1}
    assert not clashes

    # The site: a wrong latitude is refused beside its field, and nothing is stored.
    click(qtbot, window, window.site_list.new_button)
    site_form = window.site_page.form
    for name, text in (
        ("code", "GRE-0042"),
        ("name", "Boulangerie Martin"),
        ("address", "3 place Grenette"),
        ("postcode", "38000"),
        ("city", "Grenoble"),
        ("latitude", "nord"),
        ("longitude", "5.7263"),
        ("risk_class", "3"),
        ("accessibility_needs", "Gerant malentendant : preferer les SMS"),
    ):
        type_into(qtbot, site_form, name, text)
    click(qtbot, window, window.site_page.save_button)
    assert site_form.error_text("latitude") == "A number, such as 45.1885."
    assert site_form.error_text("code") == "" and window.sheet is None
    assert window.admin.sites(workstation.operator) == []
    type_into(qtbot, site_form, "latitude", "45.1916")
    click(qtbot, window, window.site_page.save_button)
    assert site_form.error_text("latitude") == ""
    sheet = window.sheet
    assert sheet is not None and sheet.values["latitude"] == 45.1916 and sheet.values["risk_class"] == 3
    qtbot.waitUntil(lambda: window.site_list.site_ids() == [sheet.id])

    # Its transmitter, then its AES key: typed once in its dialog, refused when short, never shown again.
    window.tabs.setCurrentWidget(window.transmitter_page)
    page = window.transmitter_page
    click(qtbot, window, page.new_button)
    type_into(qtbot, page.form, "account", "4A21")
    type_into(qtbot, page.form, "line", "1")
    protocol = page.form.editors["protocol"]
    protocol.setCurrentIndex(protocol.findData("ADM-CID"))  # type: ignore[union-attr]
    type_into(qtbot, page.form, "test_interval_s", "3600")
    click(qtbot, window, page.save_button)
    assert page.selected() is not None and page.key_state.text() == "AES key: not set"
    qtbot.mouseClick(page.replace_key_button, Qt.MouseButton.LeftButton)
    dialog = page.key_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    key_field = dialog.form.editors["aes_key"]
    assert isinstance(key_field, QLineEdit) and key_field.echoMode() is QLineEdit.EchoMode.Password
    qtbot.keyClicks(key_field, KEY[:20])
    qtbot.keyClick(key_field, Qt.Key.Key_Return)
    settled(qtbot, window)
    assert dialog.isVisible() and "32, 48 or 64 hexadecimal digits" in dialog.form.error_text("aes_key")
    qtbot.keyClicks(key_field, KEY)
    qtbot.keyClick(key_field, Qt.Key.Key_Return)
    settled(qtbot, window)
    assert not dialog.isVisible()
    assert page.key_state.text() == "AES key: set" and page.table.item(0, 6).text() == "set"
    assert KEY not in visible_texts(window) and KEY not in visible_texts(dialog)
    with sqlite_db.read() as session:
        stored_key = session.scalars(select(TransmitterRow)).one().aes_key  # for the receiver only
        assert stored_key is not None and KEY not in stored_key
        assert unseal_aes_key(stored_key, load_station_key()).hex().upper() == KEY

    # Two contacts, the second moved first; a wrong phone number is refused beside its field.
    window.tabs.setCurrentWidget(window.contact_page)
    contacts = window.contact_page
    for name, role, phones, password in (
        ("Paul Martin", "Gerant", "+33 6 12 34 56 78\n04 76 00 00 00", "baguette"),
        ("Julie Roux", "Vendeuse", "appeler Julie", ""),
    ):
        click(qtbot, window, contacts.new_button)
        type_into(qtbot, contacts.form, "name", name)
        type_into(qtbot, contacts.form, "role", role)
        type_into(qtbot, contacts.form, "phones", phones)
        if password:
            type_into(qtbot, contacts.form, "password", password)
        click(qtbot, window, contacts.save_button)
    assert contacts.form.error_text("phones").startswith("“appeler Julie” is not a phone number")
    assert [c.values["name"] for c in window.sheet.contacts] == ["Paul Martin"]  # type: ignore[union-attr]
    type_into(qtbot, contacts.form, "phones", "+33 6 98 76 54 32")
    click(qtbot, window, contacts.save_button)
    assert contacts.form.error_text("phones") == ""
    assert contacts.table.item(1, 1).text() == "Julie Roux"
    click(qtbot, window, contacts.up_button)
    assert [contacts.table.item(r, 1).text() for r in range(2)] == ["Julie Roux", "Paul Martin"]
    assert [contacts.table.item(r, 6).text() for r in range(2)] == ["none", "on file"]
    contacts.table.select_id(window.sheet.contacts[1].id)  # type: ignore[union-attr]
    password_field = contacts.form.editors["password"]
    assert isinstance(password_field, QLineEdit)
    assert password_field.text() == "" and "on file" in password_field.placeholderText()
    assert "baguette" not in visible_texts(window)

    # The intrusion procedure: two steps typed in, the second not mandatory.
    window.tabs.setCurrentWidget(window.procedure_page)
    procedures = window.procedure_page
    procedures.choose(EventCategory.INTRUSION)
    type_into(qtbot, procedures.form, "title", "Intrusion boulangerie")
    for text, mandatory in (("Ecouter le site par le module audio", True), ("Appeler le gerant", False)):
        qtbot.mouseClick(procedures.new_step, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(procedures.new_step, text)
        if not mandatory:
            qtbot.mouseClick(procedures.new_step_mandatory, Qt.MouseButton.LeftButton)
        qtbot.keyClick(procedures.new_step, Qt.Key.Key_Return)
    click(qtbot, window, procedures.save_button)
    saved = window.sheet.procedure(EventCategory.INTRUSION)  # type: ignore[union-attr]
    assert saved is not None and [(s.text, s.mandatory) for s in saved.steps] == [
        ("Ecouter le site par le module audio", True),
        ("Appeler le gerant", False),
    ]

    # A DC-09 Contact ID burglary from that account: the site window has the call list and the procedure.
    alarm_id = AlarmDesk(sqlite_db).ingest([cid(130, zone=3, at=datetime.now(UTC))]).new_alarm_ids[0]
    qtbot.waitUntil(lambda: workstation.model.alarm(alarm_id) is not None, timeout=5000)
    open_in_queue(qtbot, workstation, alarm_id)
    shows(qtbot, workstation, sqlite_db, alarm_id)
    site = workstation.site_window
    assert [c.name for c in site.contacts.records()] == ["Julie Roux", "Paul Martin"]
    assert "Intrusion boulangerie" in site.procedure_title.text()
    assert "malentendant" in site.needs.text()

    # Edited while the alarm is open: the site window follows without the operator reopening it.
    window.tabs.setCurrentWidget(contacts)
    contacts.table.select_id(window.sheet.contacts[1].id)  # type: ignore[union-attr]
    click(qtbot, window, contacts.up_button)
    qtbot.waitUntil(
        lambda: [c.name for c in site.contacts.records()] == ["Paul Martin", "Julie Roux"], timeout=5000
    )
    shows(qtbot, workstation, sqlite_db, alarm_id)

    lines = journal(sqlite_db)
    assert (JournalAction.TRANSMITTER_CHANGED, "transmitter 4A21 line 1: aes_key changed") in lines
    assert (
        JournalAction.CALL_LIST_ORDERED,
        "call list: Paul Martin, Julie Roux → Julie Roux, Paul Martin",
    ) in lines
    assert (
        JournalAction.CALL_LIST_ORDERED,
        "call list: Julie Roux, Paul Martin → Paul Martin, Julie Roux",
    ) in lines
    everything = "\n".join(detail for _action, detail in lines)
    assert KEY not in everything and "baguette" not in everything


def test_an_operator_is_offered_nothing_and_refused_if_asking_anyway(  # type: ignore[no-untyped-def]
    qtbot, sqlite_db: Database, tmp_path: Path, french
) -> None:
    for station in running_workstation(qtbot, sqlite_db, tmp_path):
        assert station.admin_window is None
        for operator_window in (station.queue_window, station.site_window):
            assert not operator_window.actions_by_name["administration"].isEnabled()
        station.show_administration()  # the key does nothing
        # A window given to an operator's session anyway (a bug, a script): the service refuses.
        window = AdminWindow(SiteAdmin(sqlite_db, Authority(sqlite_db)), station.operator)
        qtbot.addWidget(window)
        window.show()
        window.start()
        settled(qtbot, window)
        assert "n'autorise pas" in window.statusBar().currentMessage()
        assert window.site_list.site_ids() == []
        assert (JournalAction.ADMIN_REFUSED, "list the sites to administer") in journal(sqlite_db)
        window.stop()
    QApplication.processEvents()


def test_field_messages_are_in_french(qtbot, sqlite_db: Database, french) -> None:  # type: ignore[no-untyped-def]
    from tests.factories import add_operator_to

    boss = add_operator_to(sqlite_db, "root", Role.ADMIN)
    window = AdminWindow(SiteAdmin(sqlite_db, Authority(sqlite_db)), boss)
    qtbot.addWidget(window)
    window.show()
    window.new_site()
    type_into(qtbot, window.site_page.form, "code", "")
    type_into(qtbot, window.site_page.form, "risk_class", "120")
    click(qtbot, window, window.site_page.save_button)
    assert window.site_page.form.error_text("code") == "Obligatoire."
    assert window.site_page.form.error_text("risk_class") == "De 0 à 99."
    assert window.site_page.save_button.text() == "Enregistrer le site"
    window.stop()


def test_a_supervisor_keeps_call_lists_and_procedures_while_sites_stay_with_the_admins(  # type: ignore[no-untyped-def]
    qtbot, sqlite_db: Database
) -> None:
    from tests.factories import add_operator_to

    boss = add_operator_to(sqlite_db, "root", Role.ADMIN)
    chef = add_operator_to(sqlite_db, "chef", Role.SUPERVISOR)
    admin = SiteAdmin(sqlite_db, Authority(sqlite_db))
    site = admin.add_site(boss, {"code": "LYO-0001", "name": "Pharmacie"})
    window = AdminWindow(admin, chef)
    qtbot.addWidget(window)
    window.show()
    window.start()
    settled(qtbot, window)
    window.open_site(site.id)
    settled(qtbot, window)
    assert window.sheet is not None and window.sheet.id == site.id
    assert not window.site_page.save_button.isEnabled() and not window.site_list.new_button.isEnabled()
    assert not window.transmitter_page.new_button.isEnabled()
    assert window.contact_page.new_button.isEnabled() and window.procedure_page.save_button.isEnabled()
    window.tabs.setCurrentWidget(window.contact_page)
    click(qtbot, window, window.contact_page.new_button)
    type_into(qtbot, window.contact_page.form, "name", "Nouveau gardien")
    click(qtbot, window, window.contact_page.save_button)
    assert [c.values["name"] for c in window.sheet.contacts] == ["Nouveau gardien"]
    window.stop()
