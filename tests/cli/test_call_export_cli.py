"""`vigie call-export`: a supervisor exports a call (WAV and JSON read back), journaled; an operator, a wrong
password, an unknown call each get one line and a non-zero exit; an altered recording exits 3, marked."""

from __future__ import annotations

import json
from pathlib import Path

from console.domain.journal import JournalAction
from console.storage.engine import Database
from tests.cli.test_cli import assert_one_line_error, vigie
from tests.services.test_call_audit import Station, journal


def test_a_supervisor_exports_a_call_and_others_are_refused(db_url: str, tmp_path: Path) -> None:
    db = Database.from_url(db_url)
    station = Station(db, tmp_path / "recordings")
    call_id = station.call(10, station.amelie, station.site_a)
    out = tmp_path / "police"

    done = vigie("call-export", "--db", db_url, "--as", "chef", str(call_id), str(out), stdin="secret-chef\n")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        str(out / f"call-{call_id}.wav"),
        str(out / f"call-{call_id}.json"),
        "recording verified",
    ]
    assert (out / f"call-{call_id}.wav").read_bytes() == (
        tmp_path / "recordings" / f"rec-{call_id}.wav"
    ).read_bytes()
    document = json.loads((out / f"call-{call_id}.json").read_text(encoding="utf-8"))
    assert (document["integrity"], document["exported_by"]["login"], document["call"]["id"]) == (
        "verified",
        "chef",
        call_id,
    )

    refused = vigie(
        "call-export",
        "--db",
        db_url,
        "--as",
        "amelie",
        str(call_id),
        str(tmp_path / "x"),
        stdin="secret-amelie\n",
    )
    assert_one_line_error(refused, "supervisors and admins only")
    wrong = vigie(
        "call-export", "--db", db_url, "--as", "chef", str(call_id), str(tmp_path / "x"), stdin="nope\n"
    )
    assert_one_line_error(wrong, "wrong login or password")
    unknown = vigie(
        "call-export", "--db", db_url, "--as", "chef", "999", str(tmp_path / "x"), stdin="secret-chef\n"
    )
    assert_one_line_error(unknown, "there is no call 999")
    assert not (tmp_path / "x").exists()
    assert len(journal(db, JournalAction.RECORDING_EXPORTED)) == 1
    assert len(journal(db, JournalAction.AUDIT_REFUSED)) == 1

    recording = tmp_path / "recordings" / f"rec-{call_id}.wav"
    recording.write_bytes(recording.read_bytes()[:-100])
    altered = vigie(
        "call-export", "--db", db_url, "--as", "chef", str(call_id), str(out), stdin="secret-chef\n"
    )
    assert altered.returncode == 3, altered.stderr
    assert altered.stdout.splitlines()[-1] == "recording altered"
    assert (out / f"call-{call_id}-ALTERED.wav").read_bytes() == recording.read_bytes()
    db.dispose()
