"""Call audit figures: re-hashing a 30-minute recording (the integrity check before playback) and
one filtered page of calls among many, on SQLite.

    .venv/bin/python bench/call_audit.py [--calls 20000] [--minutes 30]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.domain.alarm import Role
from console.domain.call_audit import CallFilter
from console.domain.calls import CallDirection, CallPurpose
from console.services.recording_files import fingerprint
from console.storage import migrate
from console.storage.call_audit import audit_page
from console.storage.engine import Database
from console.storage.operators import add_operator
from console.storage.tables import CallRow


def wav_of(path: Path, minutes: float) -> Path:
    """A 16 kHz mono 16-bit WAV (the recorder's format), written in 1 MiB blocks of noise-like bytes."""
    import struct

    data = int(minutes * 60 * 16000) * 2
    with path.open("wb") as out:
        out.write(b"RIFF" + struct.pack("<I", 36 + data) + b"WAVEfmt ")
        out.write(struct.pack("<IHHIIHH", 16, 1, 1, 16000, 32000, 2, 16) + b"data" + struct.pack("<I", data))
        block = bytes((i * 7919) & 0xFF for i in range(1 << 20))
        left = data
        while left:
            out.write(block[: min(left, len(block))])
            left -= min(left, len(block))
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=20000)
    parser.add_argument("--minutes", type=float, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        wav = wav_of(Path(folder) / "long.wav", args.minutes)
        for run in range(3):
            started = time.perf_counter()
            size, _digest = fingerprint(wav)
            took = time.perf_counter() - started
            print(
                f"integrity re-hash, {args.minutes:g} min ({size / 1e6:.1f} MB), run {run + 1}: {took * 1000:.0f} ms"
            )

        db = Database.from_url(f"sqlite:///{folder}/bench.sqlite")
        migrate.upgrade(db.engine)
        t0 = datetime(2026, 1, 1, tzinfo=UTC)
        with db.write() as session:
            operators = [
                add_operator(session, f"op{i}", f"Op {i}", "secret-bench", Role.OPERATOR).id
                for i in range(10)
            ]
            session.add_all(
                CallRow(
                    operator_id=operators[i % 10],
                    direction=CallDirection.OUTGOING.value,
                    purpose=CallPurpose.CALLBACK.value,
                    remote_uri=f"sip:{i}@pbx",
                    created_at=t0 + timedelta(minutes=i),
                )
                for i in range(args.calls)
            )
        for label, filters in (
            ("no filter", CallFilter()),
            ("one operator", CallFilter(operator_login="op3")),
            ("one week", CallFilter(since=t0 + timedelta(days=7), until=t0 + timedelta(days=14))),
        ):
            with db.read() as session:
                started = time.perf_counter()
                page = audit_page(session, filters)
                first = time.perf_counter() - started
                started = time.perf_counter()
                audit_page(session, filters, after=page[-1].cursor)
                second = time.perf_counter() - started
            print(
                f"page of {len(page)} among {args.calls} calls, {label}: {first * 1000:.1f} ms, next page {second * 1000:.1f} ms"
            )
        db.dispose()


if __name__ == "__main__":
    main()
