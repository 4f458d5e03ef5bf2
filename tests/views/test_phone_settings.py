"""Settings > Telephone: `[phone]` in console.ini round-trips, the dialog refuses wrong fields next to
them and saves good ones, and the dial plan turns what the operator types into a SIP URI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QLineEdit

from console.domain.alarm import Operator
from console.storage.engine import data_dir
from console.telephony.errors import PhoneError
from console.telephony.settings import PbxAccount, PhoneSettings, SipTransport
from console.views.phone.phone_config import (
    DialError,
    PhoneConfig,
    TransferTarget,
    dial_uri,
    load_phone_settings,
    save_phone_settings,
)
from console.views.phone.phone_settings import PhoneSettingsDialog
from console.views.queue.alarm_queue_model import AlarmQueueModel
from console.views.queue.queue_window import QueueWindow

HEADSET_IN = b"alsa_input.usb-Jabra_Evolve2-00.mono-fallback"
HEADSET_OUT = b"alsa_output.usb-Jabra_Evolve2-00.analog-stereo"


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


def devices() -> tuple[list[tuple[bytes, str]], list[tuple[bytes, str]]]:
    return [(HEADSET_IN, "Jabra Evolve2 mono")], [(HEADSET_OUT, "Jabra Evolve2 stereo")]


class FakeHeadset:
    def __init__(self) -> None:
        self.devices: list[tuple[bytes | None, bytes | None]] = []

    def set_devices(self, input_device_id: bytes | None, output_device_id: bytes | None) -> None:
        self.devices.append((input_device_id, output_device_id))


def full_config(tmp_path: Path) -> PhoneConfig:
    return PhoneConfig(
        phone=PhoneSettings(
            recordings_dir=tmp_path / "recordings",
            bind_host="192.0.2.10",
            sip_port=5070,
            public_host="console3.station.local",
            transport=SipTransport.TCP,
            display_name="Vigie, poste 3",
            user="poste3",
            pbx=PbxAccount(
                "sip:pbx.station.local:5060", "203", "s3cret, with comma", "station.local", SipTransport.TLS
            ),
            min_free_bytes=200 * 1024 * 1024,
        ),
        enabled=False,
        gateway="gw.station.local:5080",
        input_device=HEADSET_IN,
        output_device=HEADSET_OUT,
        transfer_targets=(
            TransferTarget("Guard company", "sip:guards@pbx.station.local"),
            TransferTarget("Police, 17", "17"),
        ),
    )


# --- console.ini ------------------------------------------------------------------------------------


def test_defaults_without_a_phone_section(tmp_path: Path) -> None:
    config = load_phone_settings(ini(tmp_path))
    assert config.enabled is True
    assert config.phone.bind_host == "0.0.0.0" and config.phone.sip_port == 5060
    assert config.phone.transport is SipTransport.UDP and config.phone.pbx is None
    assert config.phone.recordings_dir == data_dir() / "recordings"
    assert config.input_device is None and config.output_device is None
    assert config.transfer_targets == ()


def test_round_trip_through_the_file(tmp_path: Path) -> None:
    config = full_config(tmp_path)
    save_phone_settings(ini(tmp_path), config)
    text = (tmp_path / "console.ini").read_text()
    assert "[phone]" in text and "[phone_transfer]" in text
    assert HEADSET_IN.hex() in text  # device ids are stored in hex
    assert load_phone_settings(ini(tmp_path)) == config  # read back from the file by a new QSettings


def test_the_workstation_name_defaults_to_the_host_and_can_be_set(tmp_path: Path) -> None:
    import socket

    assert load_phone_settings(ini(tmp_path)).workstation == socket.gethostname()
    (tmp_path / "console.ini").write_text("[phone]\nworkstation=desk-3\n")
    assert load_phone_settings(ini(tmp_path)).workstation == "desk-3"


def test_saving_fewer_transfer_targets_forgets_the_others(tmp_path: Path) -> None:
    config = full_config(tmp_path)
    save_phone_settings(ini(tmp_path), config)
    fewer = PhoneConfig(phone=config.phone, transfer_targets=config.transfer_targets[:1])
    save_phone_settings(ini(tmp_path), fewer)
    assert load_phone_settings(ini(tmp_path)).transfer_targets == config.transfer_targets[:1]


def test_hand_edited_nonsense_falls_back_to_defaults(tmp_path: Path) -> None:
    (tmp_path / "console.ini").write_text(
        "[phone]\n"
        "enabled=perhaps\n"
        "sip_port=banana\n"
        "transport=pigeon\n"
        "min_free_mb=-4\n"
        "input_device=not hex\n"
        "pbx_registrar=pbx.station.local\n"  # no user: no registration
        "display_name=Vigie, poste 3\n"  # unquoted comma: QSettings reads a list
    )
    config = load_phone_settings(ini(tmp_path))
    assert config.enabled is True
    assert config.phone.sip_port == 5060 and config.phone.transport is SipTransport.UDP
    assert config.phone.min_free_bytes == 50 * 1024 * 1024
    assert config.input_device is None and config.phone.pbx is None
    assert config.phone.display_name == "Vigie, poste 3"


def test_a_registrar_written_without_scheme_is_still_a_sip_uri(tmp_path: Path) -> None:
    (tmp_path / "console.ini").write_text(
        "[phone]\npbx_registrar=pbx.station.local\npbx_user=203\nenabled=false\n"
    )
    config = load_phone_settings(ini(tmp_path))
    assert config.enabled is False
    assert config.phone.pbx == PbxAccount("sip:pbx.station.local", "203")


# --- dial plan ----------------------------------------------------------------------------------------


def test_dial_plan_with_a_pbx() -> None:
    registrar = "sip:pbx.station.local:5060;transport=tcp"
    assert dial_uri("01 23 45 67 89", registrar) == "sip:0123456789@pbx.station.local:5060"
    assert dial_uri("01.23.45.67.89", registrar, "gw.local") == "sip:0123456789@pbx.station.local:5060"
    assert dial_uri("+33 (0)1-23-45-67-89", registrar) == "sip:+330123456789@pbx.station.local:5060"
    assert dial_uri("17", registrar) == "sip:17@pbx.station.local:5060"


def test_dial_plan_without_pbx_uses_the_gateway() -> None:
    assert dial_uri("112", None, "gw.station.local") == "sip:112@gw.station.local"
    assert dial_uri("*21#", None, "192.0.2.1:5080") == "sip:*21#@192.0.2.1:5080"


def test_addresses_are_kept_or_completed() -> None:
    assert dial_uri(" sip:guards@pbx.station.local ") == "sip:guards@pbx.station.local"
    assert dial_uri("sips:police@gw") == "sips:police@gw"
    assert dial_uri("module@192.0.2.44") == "sip:module@192.0.2.44"
    assert dial_uri("192.0.2.44:5062") == "sip:192.0.2.44:5062"  # not the number 19202445062


@pytest.mark.parametrize("typed", ["", "   ", "call the police", "12ab"])
def test_what_cannot_be_dialled_is_refused_with_a_phone_error(typed: str) -> None:
    with pytest.raises(DialError):
        dial_uri(typed, "sip:pbx.station.local")


def test_a_number_needs_a_pbx_or_a_gateway() -> None:
    with pytest.raises(PhoneError, match="no PBX and no gateway"):  # the softphone panel shows PhoneErrors
        dial_uri("17")


def test_config_dials_and_resolves_its_transfer_targets(tmp_path: Path) -> None:
    config = full_config(tmp_path)
    assert config.dial_uri("18") == "sip:18@pbx.station.local:5060"
    assert config.resolved_transfer_targets() == [
        ("Guard company", "sip:guards@pbx.station.local"),
        ("Police, 17", "sip:17@pbx.station.local:5060"),
    ]
    direct = PhoneConfig(
        phone=PhoneSettings(recordings_dir=tmp_path), transfer_targets=config.transfer_targets
    )
    assert direct.resolved_transfer_targets() == [("Guard company", "sip:guards@pbx.station.local")]


# --- the dialog -----------------------------------------------------------------------------------------


def dialog(qtbot: Any, settings: QSettings, headset: Any = None) -> PhoneSettingsDialog:
    box = PhoneSettingsDialog(settings, headset=headset, devices=devices)
    qtbot.addWidget(box)
    box.show()
    return box


def field(box: PhoneSettingsDialog, key: str) -> QLineEdit:
    widget = box.fields[key]
    assert isinstance(widget, QLineEdit)
    return widget


def combo(box: PhoneSettingsDialog, key: str) -> QComboBox:
    widget = box.fields[key]
    assert isinstance(widget, QComboBox)
    return widget


def save(box: PhoneSettingsDialog) -> None:
    box.button_box.button(QDialogButtonBox.StandardButton.Save).click()


def test_dialog_refuses_wrong_fields_with_a_message_next_to_each(qtbot: Any, tmp_path: Path) -> None:
    settings = ini(tmp_path)
    box = dialog(qtbot, settings)
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    field(box, "sip_port").setText("70000")
    field(box, "bind_host").setText("every address")
    field(box, "pbx_registrar").setText("pbx.station.local")  # not a sip: URI, and no user
    field(box, "recordings_dir").setText(str(blocker / "recordings"))
    box.add_transfer_target("Police 17", "17")
    box.add_transfer_target("", "sip:guards@pbx")
    save(box)

    assert box.isVisible() and box.result() == 0  # still open, nothing accepted
    assert "0 to 65535" in box.error_text("sip_port")
    assert "IP address" in box.error_text("bind_host")
    assert "SIP URI" in box.error_text("pbx_registrar")
    assert "user" in box.error_text("pbx_user")
    assert "cannot be created" in box.error_text("recordings_dir")
    assert "Row 2" in box.error_text("transfer")
    assert box.error_text("display_name") == ""
    assert box.findChild(type(box.fields["sip_port"]), "field_sip_port") is box.fields["sip_port"]
    assert box.tabs.currentIndex() == 0  # the first wrong field's tab is shown
    assert not (tmp_path / "console.ini").exists()  # nothing was written

    field(box, "pbx_registrar").setText("")
    field(box, "sip_port").setText("5060")
    save(box)
    assert box.error_text("sip_port") == "" and box.error_text("pbx_registrar") == ""
    assert box.error_text("bind_host")  # what is still wrong stays shown


def test_a_user_without_registrar_and_a_number_without_route_are_refused(qtbot: Any, tmp_path: Path) -> None:
    box = dialog(qtbot, ini(tmp_path))
    field(box, "pbx_user").setText("203")
    box.add_transfer_target("Police 17", "17")  # no PBX, no gateway: nowhere to send it
    errors = box.validate()
    assert "registrar" in errors["pbx_registrar"]
    assert "Row 1" in errors["transfer"] and "“17”" in errors["transfer"]
    field(box, "gateway").setText("sip:gw")  # the gateway is a host, not a URI
    assert "gateway" in box.validate()


def test_dialog_saves_good_fields(qtbot: Any, tmp_path: Path) -> None:
    settings = ini(tmp_path)
    box = dialog(qtbot, settings)
    saved: list[PhoneConfig] = []
    box.saved.connect(saved.append)
    field(box, "sip_port").setText("0")
    field(box, "public_host").setText("192.0.2.10")
    field(box, "pbx_registrar").setText("sip:pbx.station.local")
    field(box, "pbx_user").setText("203")
    field(box, "pbx_password").setText("s3cret")
    combo(box, "pbx_transport").setCurrentIndex(combo(box, "pbx_transport").findData("tcp"))
    field(box, "recordings_dir").setText(str(tmp_path / "new" / "recordings"))  # created at the first call
    combo(box, "input_device").setCurrentIndex(1)
    box.add_transfer_target("Police 17", "17")
    save(box)

    assert box.result() == 1 and not box.isVisible()
    config = load_phone_settings(ini(tmp_path))
    assert saved == [config]
    assert config.phone.sip_port == 0
    assert config.phone.pbx == PbxAccount("sip:pbx.station.local", "203", "s3cret", "", SipTransport.TCP)
    assert config.phone.recordings_dir == tmp_path / "new" / "recordings"
    assert config.input_device == HEADSET_IN and config.output_device is None
    assert config.transfer_targets == (TransferTarget("Police 17", "17"),)
    assert box.devices_applied is False  # no running headset: they apply at the next start


def test_headset_devices_apply_at_once_when_the_bridge_runs(qtbot: Any, tmp_path: Path) -> None:
    headset = FakeHeadset()
    box = dialog(qtbot, ini(tmp_path), headset)
    note = box.findChild(type(box.public_hint), "phone_settings_note")
    assert note is not None and "at once" in note.text() and "next start" in note.text()
    combo(box, "output_device").setCurrentIndex(1)
    save(box)
    assert headset.devices == [(None, HEADSET_OUT)]
    assert box.devices_applied


def test_device_lists_offer_the_system_default_and_keep_an_unplugged_choice(
    qtbot: Any, tmp_path: Path
) -> None:
    settings = ini(tmp_path)
    unplugged = b"alsa_input.usb-Old_Headset-00.mono"
    save_phone_settings(settings, PhoneConfig(PhoneSettings(recordings_dir=tmp_path), input_device=unplugged))
    box = dialog(qtbot, settings)
    inputs = combo(box, "input_device")
    assert [inputs.itemText(i) for i in range(inputs.count())][:2] == ["System default", "Jabra Evolve2 mono"]
    assert "not connected" in inputs.currentText()
    assert combo(box, "output_device").currentText() == "System default"
    save(box)
    assert load_phone_settings(ini(tmp_path)).input_device == unplugged  # saving did not lose it


def test_all_addresses_without_public_one_warns_but_does_not_refuse(qtbot: Any, tmp_path: Path) -> None:
    box = dialog(qtbot, ini(tmp_path))
    assert box.public_hint.isHidden()
    field(box, "gateway").setText("gw.station.local")
    assert box.public_hint.isVisible() and "127.0.0.1" in box.public_hint.text()
    assert "public_host" not in box.validate()
    field(box, "public_host").setText("192.0.2.10")
    assert box.public_hint.isHidden()


def test_queue_window_settings_menu_opens_the_dialog(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.setattr("console.views.phone.phone_settings._system_audio_devices", devices)
    window = QueueWindow(
        AlarmQueueModel(),
        desk=None,  # type: ignore[arg-type]
        operator=Operator(1, "amelie", "Amélie"),
        settings=ini(tmp_path),
    )
    qtbot.addWidget(window)
    action = window.actions_by_name["phone_settings"]
    assert action.isEnabled() and action.text() == "Telephone…"
    box = window.open_phone_settings()
    assert isinstance(box, PhoneSettingsDialog) and box.isModal()
    save(box)
    assert "next start" in window.statusBar().currentMessage()
    assert "[phone]" in (tmp_path / "console.ini").read_text()

    without = QueueWindow(AlarmQueueModel(), desk=None, operator=Operator(1, "amelie", "Amélie"))  # type: ignore[arg-type]
    qtbot.addWidget(without)
    assert not without.actions_by_name["phone_settings"].isEnabled()


def test_error_messages_are_whole_and_overlap_nothing(qtbot: Any, tmp_path: Path) -> None:
    """Every message shown is as tall as its wrapped text needs and overlaps no field, on each tab."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QLabel, QWidget

    box = dialog(qtbot, ini(tmp_path))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    field(box, "sip_port").setText("70000")
    field(box, "bind_host").setText("every address")
    field(box, "public_host").setText("sip:bad host:5060")
    field(box, "pbx_registrar").setText("pbx.station.local")
    field(box, "gateway").setText("sip:gw")
    field(box, "recordings_dir").setText(str(blocker / "recordings"))
    box.add_transfer_target("", "sip:guards@pbx")
    save(box)
    for tab in range(box.tabs.count()):
        box.tabs.setCurrentIndex(tab)
        qtbot.wait(50)
        page = box.tabs.widget(tab)
        assert page is not None
        shown = [label for label in page.findChildren(QLabel) if label.isVisible() and label.text()]
        errors = [label for label in shown if label.objectName().startswith("error_")]

        def rect(widget: QWidget, page: QWidget = page) -> QRect:
            return QRect(widget.mapTo(page, widget.rect().topLeft()), widget.size())

        for label in errors:
            needed = label.heightForWidth(label.width())
            assert label.height() >= needed, f"{label.objectName()} clipped: {label.height()} < {needed}"
            assert page.rect().contains(rect(label)), f"{label.objectName()} outside its tab"
            others = [
                w
                for w in page.findChildren(QWidget)
                if w.isVisible()
                and w is not label
                and not w.isAncestorOf(label)
                and not label.isAncestorOf(w)
                and w.parentWidget() is not None
                and not w.objectName().startswith("qt_")
            ]
            for other in others:
                if isinstance(other, QLabel) or other in box.fields.values():
                    overlap = rect(label).intersected(rect(other))
                    assert overlap.isEmpty(), f"{label.objectName()} overlaps {other.objectName() or other}"
