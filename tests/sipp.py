"""Real SIP peers for the telephony tests: SIPp (Debian's sip-tester) answering, echoing or calling.

Each peer gets fresh free ports (a stale SIPp on a port fails silently); a missing sipp skips the
test on a user's machine and fails it under VIGIE_STRICT=1.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tests.conftest import skip_or_fail

SCENARIOS = Path(__file__).parent / "sipp_scenarios"


def require_sipp() -> str:
    path = shutil.which("sipp")
    if path is None:
        skip_or_fail("sipp (Debian package sip-tester) is not installed")
    assert path is not None
    return path


def free_udp_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Sipp:
    """A running SIPp; `uri` reaches it, `wait()` returns its exit code (0: scenario passed)."""

    process: subprocess.Popen[bytes]
    port: int
    workdir: Path
    args: list[str] = field(default_factory=list)

    @property
    def uri(self) -> str:
        return f"sip:peer@127.0.0.1:{self.port}"

    def wait(self, timeout: float = 20) -> int:
        return self.process.wait(timeout=timeout)

    def output(self) -> str:
        return (self.workdir / "sipp.out").read_text(errors="replace")

    def message_log(self) -> str:
        """The SIP messages SIPp saw and sent (-trace_msg)."""
        logs = sorted(self.workdir.glob("*_messages.log"))
        return "\n".join(p.read_text(errors="replace") for p in logs)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_sipp(
    workdir: Path, scenario: Sequence[str], *, remote: str | None = None, extra: Sequence[str] = ()
) -> Sipp:
    """Start SIPp with `scenario` (["-sn", "uas"] or ["-sf", path]) on fresh ports, in `workdir`."""
    sipp = require_sipp()
    workdir.mkdir(parents=True, exist_ok=True)
    pcap = workdir / "pcap"
    if not pcap.exists():
        pcap.symlink_to("/usr/share/sip-tester")
    port, media_port = free_udp_port(), free_udp_port()
    args = [
        sipp,
        *([remote] if remote else []),
        *scenario,
        "-i", "127.0.0.1", "-p", str(port), "-mi", "127.0.0.1", "-mp", str(media_port),
        "-m", "1", "-nostdin", "-trace_msg", "-trace_err",
        *extra,
    ]  # fmt: skip
    out = (workdir / "sipp.out").open("wb")
    process = subprocess.Popen(args, cwd=workdir, stdout=out, stderr=subprocess.STDOUT)
    peer = Sipp(process, port, workdir, args)
    time.sleep(0.2)  # let it bind before the console sends anything
    if process.poll() is not None:
        raise RuntimeError(f"sipp exited at once: {peer.output()}")
    return peer


def pump_until(bridge: object, condition: Callable[[], bool], timeout: float = 15.0) -> bool:
    """Run the Qt event loop (which drives pjsua2) until `condition()` or the timeout."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
        if condition():
            return True
        time.sleep(0.005)
    return condition()
