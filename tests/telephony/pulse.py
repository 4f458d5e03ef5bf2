"""A private PulseAudio server with virtual devices, so audio tests run through real sound devices.

The test machines have no sound card. A PulseAudio server started here gives QtMultimedia (and any
other client) a real "microphone" and a real "headset":

- the default source `mic` is a `module-pipe-source`: raw s16le mono 16 kHz PCM written into
  `server.mic_fifo` comes out of it as what the operator says;
- the default sink `headset` is a `module-null-sink`: what the console plays to it can be recorded
  from its monitor `headset.monitor` with `server.record(...)` (parec).

The server runs in its own runtime folder, never touches the user's session, and is stopped by the PID
it wrote (`$XDG_RUNTIME_DIR/pulse/pid`). Clients only find it through `server.env`, which also turns
PulseAudio's autospawn off so that no stray server survives the test. Use it from a test module as

    @pytest.fixture
    def pulse() -> Iterator[PulseServer]:
        missing = missing_pulse_tools()
        if missing:
            skip_or_fail(f"{missing} is not installed (apt-get install pulseaudio pulseaudio-utils)")
        with running_pulse() as server:
            yield server

and start the code under test in a subprocess with `env=server.env` (QtMultimedia binds to the audio
server it sees when it initialises, so the process must be born with that environment).

Two traps, both measured here: a null sink that nothing plays to or records from sleeps with a long
latency, and a stream newly attached to it can wait ~2 s for its first byte (keep one recorder running
rather than one per measurement); and the pipe source is not clocked, it delivers what is written as
fast as it comes, so pace the writer in real time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

SAMPLE_RATE = 16000
SINK = "headset"
SOURCE = "mic"
TOOLS = ("pulseaudio", "pactl", "parec")


def missing_pulse_tools() -> str | None:
    """The first PulseAudio tool not on PATH, or None when all are there."""
    for tool in TOOLS:
        if shutil.which(tool) is None:
            return tool
    return None


@dataclass
class PulseServer:
    """A running private server: where it lives, how to reach it, and its virtual devices."""

    runtime_dir: Path
    pid: int
    env: dict[str, str] = field(repr=False)

    @property
    def mic_fifo(self) -> Path:
        """Write raw s16le mono 16 kHz PCM here: it is what the default source captures."""
        return self.runtime_dir / "mic.fifo"

    @property
    def monitor(self) -> str:
        """The source that carries everything played to the default sink."""
        return f"{SINK}.monitor"

    def pactl(self, *args: str) -> str:
        """Run pactl against this server and return its output."""
        done = subprocess.run(
            ["pactl", *args], env=self.env, capture_output=True, text=True, timeout=10, check=True
        )
        return done.stdout

    def record(self, output: Path) -> subprocess.Popen[bytes]:
        """Start parec on the sink's monitor, writing raw s16le mono 16 kHz to `output`; terminate it to stop."""
        with output.open("wb") as sink:
            return subprocess.Popen(
                [
                    "parec",
                    "-d",
                    self.monitor,
                    "--format=s16le",
                    f"--rate={SAMPLE_RATE}",
                    "--channels=1",
                    "--latency-msec=20",
                ],
                env=self.env,
                stdout=sink,
                stderr=subprocess.DEVNULL,
            )

    def alive(self) -> bool:
        """Whether the server still runs; a zombie waiting for init to reap it counts as gone."""
        try:
            stat = Path(f"/proc/{self.pid}/stat").read_text()
        except FileNotFoundError:
            return False
        except OSError:  # no procfs: ask the kernel
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                return False
            return True
        return stat.rpartition(")")[2].split()[0] not in ("Z", "X")

    def stop(self, timeout: float = 5.0) -> None:
        """Stop the server by its PID (SIGTERM, then SIGKILL) and remove its runtime folder."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGKILL)
        shutil.rmtree(self.runtime_dir, ignore_errors=True)


def _client_env(runtime_dir: Path) -> dict[str, str]:
    client_conf = runtime_dir / "client.conf"
    client_conf.write_text("autospawn = no\n")
    env = dict(os.environ)
    env.update(
        {
            "XDG_RUNTIME_DIR": str(runtime_dir),
            "PULSE_RUNTIME_PATH": str(runtime_dir / "pulse"),
            "PULSE_SERVER": f"unix:{runtime_dir / 'pulse' / 'native'}",
            "PULSE_CLIENTCONFIG": str(client_conf),
            "PULSE_STATE_PATH": str(runtime_dir / "state"),
            "PULSE_COOKIE": str(runtime_dir / "cookie"),
        }
    )
    return env


def start_pulse(timeout: float = 10.0) -> PulseServer:
    """Start a private server with the `mic` pipe source and `headset` null sink as defaults.

    Raises RuntimeError (after cleaning up) when the server does not come up.
    """
    runtime_dir = Path(tempfile.mkdtemp(prefix="vigie-pulse-"))
    env = _client_env(runtime_dir)
    command = [
        "pulseaudio",
        "--daemonize=yes",
        "--exit-idle-time=-1",
        "-n",  # no default.pa: only the modules below
        "--use-pid-file=yes",
        "--disallow-exit",
        "--log-target=stderr",
        f"--load=module-null-sink sink_name={SINK} rate={SAMPLE_RATE} channels=1",
        "--load=module-native-protocol-unix auth-anonymous=1",
    ]
    done = subprocess.run(command, env=env, capture_output=True, text=True, timeout=timeout)
    pid_file = runtime_dir / "pulse" / "pid"
    if done.returncode != 0 or not pid_file.exists():
        shutil.rmtree(runtime_dir, ignore_errors=True)
        raise RuntimeError(f"pulseaudio did not start ({done.returncode}): {done.stderr.strip()[-500:]}")
    server = PulseServer(runtime_dir=runtime_dir, pid=int(pid_file.read_text().split()[0]), env=env)
    try:
        server.pactl(
            "load-module",
            "module-pipe-source",
            f"source_name={SOURCE}",
            f"file={server.mic_fifo}",
            "format=s16le",
            f"rate={SAMPLE_RATE}",
            "channels=1",
        )
        server.pactl("set-default-source", SOURCE)
        server.pactl("set-default-sink", SINK)
    except Exception:
        server.stop()
        raise
    return server


@contextlib.contextmanager
def running_pulse() -> Iterator[PulseServer]:
    """A private server for the duration of the block, stopped however the block ends."""
    server = start_pulse()
    try:
        yield server
    finally:
        server.stop()
