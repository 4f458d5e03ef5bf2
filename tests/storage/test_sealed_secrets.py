"""Secrets at rest: AES keys sealed with the station key, in the database and through migration 0021."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import stat
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from sqlmodel import SQLModel

from console.domain.alarm import Role
from console.domain.outage import StationKeyError
from console.receiver.server import ReceiverConfig
from console.services.authority import Authority
from console.services.receiver_service import ReceiverService
from console.services.site_admin import SiteAdmin
from console.storage import migrate, sealed
from console.storage.engine import Database
from console.storage.sites import add_transmitter, ensure_site
from tests.factories import SteppingClock, add_operator_to
from tests.receiver.test_server_stream import KEYS, Station, cid_frame, scenario

KEY = KEYS[256]


def every_value(db: Database) -> str:
    """The whole database as text: `.dump` on SQLite, every column of every table elsewhere."""
    if db.dialect == "sqlite":
        path = db.engine.url.database
        assert path
        raw = sqlite3.connect(path)
        try:
            return "\n".join(raw.iterdump())
        finally:
            raw.close()
    parts = []
    with db.engine.connect() as connection:
        for table in SQLModel.metadata.sorted_tables:
            for row in connection.execute(sa.select(table)):
                parts.append(repr(tuple(row)))
    return "\n".join(parts)


def assert_no_clear_key(db: Database, key_hex: str) -> None:
    dump = every_value(db)
    assert key_hex.upper() not in dump and key_hex.lower() not in dump
    assert "v1:" in dump


def test_a_key_set_by_the_admin_is_sealed_and_the_receiver_acks_with_it(db: Database) -> None:
    boss = add_operator_to(db, "root", Role.ADMIN)
    admin = SiteAdmin(db, Authority(db), clock=SteppingClock())
    sheet = admin.add_site(boss, {"code": "GRE-0042", "name": "Boulangerie", "city": "Grenoble"})
    sheet = admin.add_transmitter(boss, sheet.id, {"account": "5C3D", "line": "1"})
    admin.set_aes_key(boss, sheet.transmitters[0].id, KEY.lower())
    assert_no_clear_key(db, KEY)

    key = bytes.fromhex(KEY)

    async def body(station: Station) -> object:
        client = await station.connect()
        await client.send(cid_frame(131, "5C3D", key=key, code=120))
        return await client.response(key)

    ack = scenario(db, body)
    assert (getattr(ack, "id", None), getattr(ack, "encrypted", None)) == ("ACK", True)


def test_keys_are_unsealed_once_and_a_missing_station_key_stops_the_receiver_start(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    with sqlite_db.write() as session:
        site, _ = ensure_site(session, "LYO-0001", "Site")
        add_transmitter(session, site, "5C40", line="1", aes_key=KEYS[128])
    service = ReceiverService(sqlite_db, ReceiverConfig(tcp=(("127.0.0.1", 0),)), placement="off")
    opened = []
    real = sealed.unseal

    def counting(value: str, purpose: str, key: bytes) -> str:
        opened.append(value)
        return real(value, purpose, key)

    monkeypatch.setattr(sealed, "unseal", counting)
    first = service.intake.registrations()
    again = service.intake.registrations()  # a reload: what was opened is not opened again
    assert first == again and [r.key for r in first] == [bytes.fromhex(KEYS[128])]
    assert len(opened) == 1

    monkeypatch.setenv(sealed.ENV_VARIABLE, str(tmp_path / "nowhere" / "station.key"))
    fresh = ReceiverService(sqlite_db, ReceiverConfig(tcp=(("127.0.0.1", 0),)), placement="off")
    with pytest.raises(StationKeyError, match=r"^station key not found at .*nowhere.*: copy it from"):
        asyncio.run(fresh.start())


def test_migration_0021_seals_clear_keys_and_creates_the_station_key(
    empty_db_url: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    key_file = tmp_path / "keys" / "station.key"
    monkeypatch.setenv(sealed.ENV_VARIABLE, str(key_file))
    db = Database.from_url(empty_db_url)
    try:
        migrate.upgrade(db.engine, "0020")
        with db.write() as session:
            site_id = ensure_site(session, "S1", "Site")[0].id
        with db.engine.begin() as connection:
            for account, key in (("1111", KEY), ("2222", None)):
                connection.execute(
                    sa.text(
                        "INSERT INTO transmitter (site_id, account, line, receiver, protocol, aes_key, created_at)"
                        " VALUES (:site, :account, '1', '', '', :key, :at)"
                    ),
                    {"site": site_id, "account": account, "key": key, "at": datetime.now(UTC)},
                )
        assert not key_file.exists()
        with caplog.at_level(logging.WARNING, logger="console.storage.sealed"):
            migrate.upgrade(db.engine)
        assert key_file.exists() and stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert f"station key created at {key_file}" in caplog.text
        assert_no_clear_key(db, KEY)
        with db.engine.connect() as connection:
            rows = connection.execute(sa.text("SELECT account, aes_key FROM transmitter")).all()
        stored: dict[str, str | None] = {account: value for account, value in rows}
        assert stored["2222"] is None and stored["1111"] is not None
        assert sealed.unseal_aes_key(stored["1111"], sealed.load_station_key()) == bytes.fromhex(KEY)

        migrate.downgrade(db.engine, "0020")  # opens them again, for an older Vigie
        with db.engine.connect() as connection:
            clear = connection.execute(sa.text("SELECT aes_key FROM transmitter WHERE account = '1111'"))
            assert clear.scalar_one() == KEY
        migrate.upgrade(db.engine)  # the key exists now: used, not replaced
        assert sealed.load_station_key(key_file) == sealed.load_station_key()
    finally:
        db.dispose()


def test_a_sealed_value_opens_only_with_its_key_and_purpose(tmp_path: Path) -> None:
    sealed.create_station_key(tmp_path / "a.key")
    sealed.create_station_key(tmp_path / "b.key")
    key, other = sealed.load_station_key(tmp_path / "a.key"), sealed.load_station_key(tmp_path / "b.key")
    value = sealed.seal("0011", sealed.AES_KEY_PURPOSE, key)
    assert value.startswith("v1:") and sealed.seal("0011", sealed.AES_KEY_PURPOSE, key) != value
    assert len(sealed.seal_aes_key(KEY, key) or "") <= sealed.SEALED_COLUMN_LENGTH
    assert sealed.unseal(value, sealed.AES_KEY_PURPOSE, key) == "0011"
    for wrong_key, purpose in ((other, sealed.AES_KEY_PURPOSE), (key, sealed.PBX_PASSWORD_PURPOSE)):
        with pytest.raises(StationKeyError, match="does not open"):
            sealed.unseal(value, purpose, wrong_key)
    with pytest.raises(StationKeyError, match="exists already"):
        sealed.create_station_key(tmp_path / "a.key")
    (tmp_path / "bad.key").write_text("not a key\n")
    with pytest.raises(StationKeyError, match="is not a Vigie station key"):
        sealed.load_station_key(tmp_path / "bad.key")
