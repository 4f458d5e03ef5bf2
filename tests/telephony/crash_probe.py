"""A console process that dies mid-call: places a recorded call, says where it records, then waits
to be killed (the crash test SIGKILLs it). Run as `python -m tests.telephony.crash_probe`."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from console.domain.calls import CallPurpose
from console.services.call_keeper import CallContext, CallKeeper
from console.services.call_log import CallLog
from console.storage.engine import Database
from console.telephony.engine import Softphone
from console.telephony.settings import PhoneSettings


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--recordings", required=True, type=Path)
    parser.add_argument("--uri", required=True)
    parser.add_argument("--site", type=int, required=True)
    parser.add_argument("--workstation", default="crash-probe")
    args = parser.parse_args()

    db = Database.from_url(args.db)
    keeper = CallKeeper(CallLog(db, args.workstation), None)
    phone = Softphone(
        PhoneSettings(recordings_dir=args.recordings, bind_host="127.0.0.1", sip_port=0), keeper
    )
    phone.start()
    handle = phone.place_call(args.uri, CallContext(CallPurpose.CALLBACK, site_id=args.site))
    toned_at = None
    while True:
        phone.handle_events()
        call = phone.calls[0] if phone.calls else None
        if call is not None and call.audio is not None and toned_at is None:
            phone.play_tone(handle, 1000)
            toned_at = time.monotonic()
            print(f"RECORDING {call.recording_path}", flush=True)
        time.sleep(0.01)


if __name__ == "__main__":
    sys.exit(main())
