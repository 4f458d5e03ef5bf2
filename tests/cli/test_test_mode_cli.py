"""`vigie test-mode` with only its required arguments, then the whole visit: start, list, a walk
test through the receiver's placement, report (text and PDF read back), end; one-line errors."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from console.domain.site import DetectorType
from console.services.alarm_desk import AlarmDesk
from console.storage import alarms as alarm_store
from console.storage.engine import Database
from console.storage.sites import add_zone, site_by_code
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.factories import add_site, cid
from tests.pdf_text import pdf_text

NO_DISPLAY = {"DISPLAY": "", "WAYLAND_DISPLAY": "", "QT_QPA_PLATFORM": ""}


def test_an_installers_visit_from_the_command_line(db_url: str, tmp_path: Path) -> None:
    db = Database.from_url(db_url)
    add_site(db, code="LYO-0001", account="4A21")
    with db.write() as session:
        site = site_by_code(session, "LYO-0001")
        assert site is not None
        add_zone(session, site, 1, "Porte", DetectorType.DOOR_CONTACT)
        add_zone(session, site, 2, "Couloir", DetectorType.PIR)

    started = vigie("test-mode", "start", "--db", db_url, "--site", "LYO-0001", "--reason", "installer visit")
    assert started.returncode == 0, started.stderr
    period = json.loads(started.stdout)
    assert (period["kind"], period["zones"], period["account"]) == ("test", [], None)
    listed = vigie("test-mode", "list", "--db", db_url)
    assert [json.loads(line)["site"] for line in listed.stdout.splitlines()] == ["LYO-0001"]

    AlarmDesk(db).ingest([cid(130, zone=1, account="4A21", at=datetime.now(UTC), seq=1)])
    with db.read() as session:
        assert alarm_store.open_alarms(session) == []  # stored, not queued

    pdf = tmp_path / "test.pdf"
    report = vigie(
        "test-mode", "report", "--db", db_url, "--id", str(period["id"]), "--pdf", str(pdf), env=NO_DISPLAY
    )
    assert report.returncode == 0, report.stderr
    assert "1 signals received" in report.stdout and "Zones not heard (to check again):" in report.stdout
    text = pdf_text(pdf)
    assert "Installer's test report" in text and "2 Couloir" in text

    ended = vigie("test-mode", "end", "--db", db_url, "--id", str(period["id"]))
    assert ended.returncode == 0, ended.stderr
    assert vigie("test-mode", "list", "--db", db_url).stdout == ""
    db.dispose()


def test_wrong_requests_get_one_line(db_url: str) -> None:
    db = Database.from_url(db_url)
    add_site(db, code="LYO-0001", account="4A21")
    db.dispose()
    base = ("test-mode", "start", "--db", db_url, "--reason", "visit")
    assert_one_line_error(vigie(*base, "--site", "NOPE-0001"), "no site")
    assert_one_line_error(vigie(*base, "--site", "LYO-0001", "--minutes", "2000"), "at most 24 hours")
    assert_one_line_error(vigie(*base, "--site", "LYO-0001", "--zones", "1,x"), "zones are numbers")
    assert_one_line_error(vigie("test-mode", "end", "--db", db_url, "--id", "99"), "no test or suspension 99")
