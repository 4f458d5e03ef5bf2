"""The call audit: a supervisor lists calls, checks a recording, plays it, exports it for the police.

Every request asks `Authority.require` first (a refusal is journaled); what leaves the station's
hands (a recording heard, a recording exported) is journaled with who and when. The integrity
check re-hashes the file in chunks, outside any transaction: a 30-minute recording is some 60 MB.

Export policy, as a station answering a requisition would: an altered or missing recording is not
hidden and not refused. The export is what the station holds, with the verdict written in the
JSON beside the fingerprint taken at the end of the call: the police must be able to see both
that a recording existed and that it no longer matches. The file name says "ALTERED" too, so a
copy passed on without its JSON still carries the warning.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from console.domain.alarm import Operator
from console.domain.call_audit import (
    PAGE_SIZE,
    AuditedCall,
    CallFilter,
    Integrity,
    Timeline,
    integrity_of,
    timeline_of,
)
from console.domain.journal import JournalAction
from console.services.alarm_desk import Clock, utc_now
from console.services.authority import Authority
from console.services.recording_files import fingerprint
from console.storage import call_audit as audit_store
from console.storage.calls import call_as_dict
from console.storage.engine import Database, unavailable_raised

T = TypeVar("T")

EXPORT_FORMAT = "vigie-call-export/1"


@dataclass(frozen=True, slots=True)
class IntegrityCheck:
    """The verdict and what it rests on: the fingerprint kept and the one found now."""

    call_id: int
    integrity: Integrity
    path: Path | None
    expected: tuple[int, str] | None
    found: tuple[int, str] | None
    checked_at: datetime


@dataclass(frozen=True, slots=True)
class Export:
    wav: Path | None
    record: Path
    integrity: Integrity


class CallAudit:
    """Calls for the supervisor; relative recording paths are read under `recordings_root`."""

    def __init__(
        self,
        db: Database,
        authority: Authority,
        recordings_root: Path | None = None,
        clock: Clock = utc_now,
    ) -> None:
        self._db = db
        self._authority = authority
        self._root = recordings_root
        self._clock = clock

    def calls(
        self,
        operator: Operator,
        filters: CallFilter,
        after: tuple[datetime, int] | None = None,
        size: int = PAGE_SIZE,
    ) -> list[AuditedCall]:
        """A page of calls, newest first; raises BadFilter for a filter the view should have refused."""
        self._authority.require(operator, "list calls")
        return self._read(lambda session: audit_store.audit_page(session, filters, after, size))

    def call(self, operator: Operator, call_id: int) -> AuditedCall:
        self._authority.require(operator, f"read call #{call_id}")
        return self._read(lambda session: audit_store.audited_call(session, call_id))

    def timeline(self, operator: Operator, call_id: int) -> Timeline:
        return timeline_of(self.call(operator, call_id).record)

    def check(self, operator: Operator, call_id: int) -> IntegrityCheck:
        """Re-hash the recording and compare with its fingerprint (slow on a long call: use a worker)."""
        record = self.call(operator, call_id).record
        path = self._path(record.recording_path)
        found: tuple[int, str] | None = None
        if path is not None:
            try:
                found = fingerprint(path)
            except OSError:
                found = None
        expected = (
            (record.recording_size, record.recording_sha256)
            if record.recording_size is not None and record.recording_sha256 is not None
            else None
        )
        return IntegrityCheck(call_id, integrity_of(record, found), path, expected, found, self._clock())

    def played(self, operator: Operator, call_id: int, integrity: Integrity) -> None:
        """Journal that the recording is being heard (before it plays: a refused journal stops it)."""
        self._authority.require(operator, f"play the recording of call #{call_id}")
        record = self.call(operator, call_id).record
        self._authority.record(
            operator,
            JournalAction.RECORDING_PLAYED,
            f"#{call_id} {record.remote_uri} — recording played ({integrity.value})",
            alarm_id=record.alarm_id,
            site_id=record.site_id,
        )

    def export(self, operator: Operator, call_id: int, folder: Path) -> Export:
        """Write `call-<id>.wav` (byte copy) and `call-<id>.json`; journaled, whatever the verdict."""
        self._authority.require(operator, f"export call #{call_id}")
        audited = self.call(operator, call_id)
        context = self._read(lambda session: audit_store.call_context(session, call_id))
        check = self.check(operator, call_id)
        folder.mkdir(parents=True, exist_ok=True)
        marker = "" if check.integrity is Integrity.VERIFIED else f"-{check.integrity.value.upper()}"
        wav: Path | None = None
        copied: tuple[int, str] | None = None
        if check.path is not None and check.found is not None:
            wav = folder / f"call-{call_id}{marker}.wav"
            shutil.copyfile(check.path, wav)
            copied = fingerprint(wav)
        document = {
            "format": EXPORT_FORMAT,
            "exported_at": self._clock().isoformat(),
            "exported_by": {"id": operator.id, "login": operator.login, "name": operator.display_name},
            "integrity": check.integrity.value,
            "integrity_checked_at": check.checked_at.isoformat(),
            "fingerprint_at_end_of_call": _print(check.expected),
            "fingerprint_found": _print(check.found),
            "fingerprint_of_exported_file": _print(copied),
            "recording_file": wav.name if wav is not None else None,
            "call": call_as_dict(audited.record),
            **context,
        }
        record_path = folder / f"call-{call_id}{marker}.json"
        record_path.write_text(json.dumps(document, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        try:
            self._authority.record(
                operator,
                JournalAction.RECORDING_EXPORTED,
                f"#{call_id} {audited.record.remote_uri} — exported ({check.integrity.value}) to {folder}",
                alarm_id=audited.record.alarm_id,
                site_id=audited.record.site_id,
            )
        except BaseException:
            # Nothing leaves the station unjournaled: without its journal line, no export either.
            for written in (wav, record_path):
                if written is not None:
                    written.unlink(missing_ok=True)
            raise
        return Export(wav, record_path, check.integrity)

    def _path(self, stored: str | None) -> Path | None:
        if stored is None:
            return None
        path = Path(stored)
        return self._root / path if self._root is not None and not path.is_absolute() else path

    def _read(self, work: Callable[[Session], T]) -> T:
        with unavailable_raised(), self._db.read() as session:
            return work(session)


def _print(value: tuple[int, str] | None) -> dict[str, object] | None:
    return {"size": value[0], "sha256": value[1]} if value is not None else None
