"""Run the receiver on the console's Qt event loop (qasync) and print what a panel and a slow
frame got: `python -m tests.receiver.qt_loop_probe DB_URL`.

In a process of its own: a QEventLoop created and closed inside the test process leaves Qt socket
notifiers behind that crash pytest-qt's event processing in later tests. The last stdout line is
`QT_LOOP_PROBE {json}`.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtWidgets import QApplication

from console.receiver.codec import build_frame, parse_response
from console.receiver.server import Dc09Receiver, ReceiverConfig
from console.services.alarm_desk import AlarmDesk
from console.services.signal_intake import SignalIntake
from console.storage.engine import Database
from tests.factories import T0, SteppingClock

FRAME = build_frame("ADM-CID", 501, "4A21", "#4A21|1130 01 001", line="1", timestamp=T0)


async def probe(db: Database) -> dict[str, object]:
    clock = SteppingClock(T0)
    config = ReceiverConfig(tcp=(("127.0.0.1", 0),), frame_deadline_s=0.3, idle_timeout_s=60)
    receiver = Dc09Receiver(config, SignalIntake(db, AlarmDesk(db, clock)), clock)
    [endpoint] = await receiver.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        writer.write(FRAME)
        answer = parse_response(await asyncio.wait_for(reader.readuntil(b"\r"), 15))
        writer.close()
        slow_reader, slow_writer = await asyncio.open_connection("127.0.0.1", endpoint.port)
        sent = 0
        for sent in range(1, len(FRAME)):  # a byte every 50 ms: 3 s for the frame, deadline 0.3 s
            try:
                slow_writer.write(FRAME[sent - 1 : sent])
                await slow_writer.drain()
                if await asyncio.wait_for(slow_reader.read(1), 0.05) == b"":
                    break
            except TimeoutError:
                continue
            except ConnectionError:
                break
        slow_writer.close()
        return {
            "answer": [answer.id, answer.sequence],
            "sent": sent,
            "frame": len(FRAME),
            "deadline_closed": receiver.stats.deadline_closed,
        }
    finally:
        await receiver.stop()


def main() -> int:
    app = QApplication(sys.argv[:1])
    loop = qasync.QEventLoop(app)
    db = Database.from_url(sys.argv[1])
    try:
        result = loop.run_until_complete(probe(db))
    finally:
        loop.close()
        db.dispose()
    print("QT_LOOP_PROBE " + json.dumps(result), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
