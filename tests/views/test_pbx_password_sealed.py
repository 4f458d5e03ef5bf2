"""The PBX password in console.ini is sealed with the station key, and the phone still gets it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from console.domain.outage import StationKeyError
from console.storage import sealed
from console.telephony.settings import PbxAccount, PhoneSettings
from console.views.phone.phone_config import PhoneConfig, load_phone_settings, save_phone_settings

PASSWORD = "s3cret, with comma"


def ini(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "console.ini"), QSettings.Format.IniFormat)


def with_pbx(tmp_path: Path) -> PhoneConfig:
    pbx = PbxAccount("sip:pbx.station.local", "203", PASSWORD)
    return PhoneConfig(PhoneSettings(recordings_dir=tmp_path, pbx=pbx))


def test_the_password_is_sealed_in_the_file_and_opened_for_the_phone(tmp_path: Path) -> None:
    save_phone_settings(ini(tmp_path), with_pbx(tmp_path))
    text = (tmp_path / "console.ini").read_text()
    assert "s3cret" not in text and 'pbx_password="v1:' in text
    loaded = load_phone_settings(ini(tmp_path))
    assert loaded.phone.pbx is not None and loaded.phone.pbx.password == PASSWORD
    assert loaded.secret_problem == ""


def test_a_clear_password_of_an_older_console_ini_is_used_and_sealed_in_place(tmp_path: Path) -> None:
    (tmp_path / "console.ini").write_text(
        "[phone]\npbx_registrar=sip:pbx.station.local\npbx_user=203\npbx_password=hunter2\n"
    )
    loaded = load_phone_settings(ini(tmp_path))
    assert loaded.phone.pbx is not None and loaded.phone.pbx.password == "hunter2"
    text = (tmp_path / "console.ini").read_text()
    assert "hunter2" not in text and 'pbx_password="v1:' in text
    assert load_phone_settings(ini(tmp_path)).phone.pbx == loaded.phone.pbx


def test_without_the_station_key_the_console_says_so_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_phone_settings(ini(tmp_path), with_pbx(tmp_path))
    before = (tmp_path / "console.ini").read_text()
    missing = tmp_path / "gone" / "station.key"
    monkeypatch.setenv(sealed.ENV_VARIABLE, str(missing))
    loaded = load_phone_settings(ini(tmp_path))
    assert loaded.phone.pbx is not None and loaded.phone.pbx.password == ""
    assert f"station key not found at {missing}" in loaded.secret_problem
    with pytest.raises(StationKeyError):
        save_phone_settings(ini(tmp_path), with_pbx(tmp_path))
    assert (tmp_path / "console.ini").read_text() == before
