"""Registers to a PBX and prints each registration state as it changes (one engine per process).
Run as `python -m tests.telephony.registration_probe --registrar sip:127.0.0.1:PORT --user U --password P`."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from console.telephony.engine import RegistrationState, Softphone
from console.telephony.settings import PbxAccount, PhoneSettings, SipTransport


class Printer:
    def __init__(self) -> None:
        self.state: RegistrationState | None = None

    def registration_changed(self, state: RegistrationState, detail: str) -> None:
        self.state = state
        print(f"{state} {detail}", flush=True)

    def __getattr__(self, name: str) -> Any:
        return lambda *args: None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--registrar", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", default="")
    parser.add_argument("--transport", default="udp")
    args = parser.parse_args()
    printer = Printer()
    pbx = PbxAccount(args.registrar, args.user, args.password, transport=SipTransport(args.transport))
    with tempfile.TemporaryDirectory() as folder:
        phone = Softphone(
            PhoneSettings(recordings_dir=Path(folder), bind_host="127.0.0.1", sip_port=0, pbx=pbx), printer
        )
        phone.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and printer.state in (None, RegistrationState.REGISTERING):
            phone.handle_events()
            time.sleep(0.01)
        phone.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
