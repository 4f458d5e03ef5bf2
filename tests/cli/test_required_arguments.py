"""The command line's contract (issue 12, item 7): every optional argument may be left out.

Every command of the argparse tree runs here with its required arguments only, as a real process,
against what it needs to do its work (a station database, an echo service, a receiver). A new
subcommand fails `test_every_command_is_run_here` until it is added to `RUNS`.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from console.cli.main import build_parser
from console.domain.test_mode import Suspension
from console.services.test_mode import SuspensionDesk
from console.storage import migrate
from console.storage.engine import Database
from tests.cli.test_cli import console_env, vigie
from tests.services.test_call_audit import Station
from tests.sipp import require_sipp, start_sipp

Path_ = tuple[str, ...]


def commands(
    parser: argparse.ArgumentParser, path: Path_ = ()
) -> Iterator[tuple[Path_, argparse.ArgumentParser]]:
    """Every runnable command of the tree (one with a handler), the root included."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    if "handler" in parser._defaults:
        yield path, parser
    for action in subparsers:
        for name, child in action.choices.items():
            yield from commands(child, (*path, name))


def required(parser: argparse.ArgumentParser) -> set[str]:
    """Its required options and its positionals (by their metavar or dest)."""
    found = set()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction | argparse._HelpAction | argparse._VersionAction):
            continue
        if not action.option_strings:
            found.add(str(action.metavar or action.dest))
        elif action.required:
            found.add(action.option_strings[0])
    return found


@dataclass(frozen=True)
class Run:
    """A command's arguments, `{placeholders}` standing for what the test prepares (see Context)."""

    args: tuple[str, ...]
    stdin: str | None = None
    ready: str | None = None  # a service: wait for this on stdout, then SIGTERM; it must exit 0
    waits: bool = False  # the console without an operator: it waits at the sign-in dialog


RUNS: dict[Path_, Run] = {
    (): Run((), waits=True),  # the console, offscreen, on the default database
    ("demo",): Run(("demo",)),
    ("db", "init"): Run(("db", "init", "--db", "{empty}")),
    ("db", "backup"): Run(("db", "backup", "--db", "{db}", "--to", "{tmp}/backup")),
    ("accounts", "add"): Run(("accounts", "add", "--db", "{db}", "--site", "S-1", "--account", "1234")),
    ("operators", "add"): Run(("operators", "add", "--db", "{db}", "--login", "dora", "--name", "Dora"), "long-enough-1\n"),
    ("history",): Run(("history", "--db", "{db}")),
    ("calls",): Run(("calls", "--db", "{db}")),
    ("selftest",): Run(("selftest", "--db", "{db}", "--echo-uri", "{echo}")),
    ("receive",): Run(("receive", "--db", "{db}", "--listen", "127.0.0.1:0"), ready="listening on tcp"),
    ("place",): Run(("place",), ready="placing signals"),
    ("simulate",): Run(("simulate", "--to", "{receiver}")),
    ("search",): Run(("search", "--db", "{db}")),
    ("report",): Run(("report", "--db", "{db}", "--from", "2026-11-01", "--to", "2026-11-30", "--pdf", "{tmp}/r.pdf")),
    ("call-export",): Run(("call-export", "--db", "{db}", "{call}", "{tmp}/export", "--as", "chef"), "secret-chef\n"),
    ("verify",): Run(("verify", "--db", "{db}")),
    ("sites", "import"): Run(("sites", "import", "--db", "{db}", "{tmp}/sites.json")),
    ("sites", "export"): Run(("sites", "export", "--db", "{db}")),
    ("hours", "set"): Run(("hours", "set", "--db", "{db}", "--site", "LYO-0001", "--week", "Mon-Fri 08:00-19:00")),
    ("hours", "day"): Run(("hours", "day", "--db", "{db}", "--site", "LYO-0001", "--date", "2026-12-25")),
    ("hours", "show"): Run(("hours", "show", "--db", "{db}", "--site", "LYO-0001")),
    ("test-mode", "start"): Run(("test-mode", "start", "--db", "{db}", "--site", "LYO-0001", "--reason", "visit")),
    ("test-mode", "end"): Run(("test-mode", "end", "--db", "{db}", "--id", "{period}")),
    ("test-mode", "list"): Run(("test-mode", "list", "--db", "{db}")),
    ("test-mode", "report"): Run(("test-mode", "report", "--db", "{db}", "--id", "{period}")),
    ("operators", "list"): Run(("operators", "list", "--db", "{db}")),
    ("operators", "disable"): Run(("operators", "disable", "--db", "{db}", "--login", "bruno")),
    ("operators", "enable"): Run(("operators", "enable", "--db", "{db}", "--login", "bruno")),
    ("operators", "set-role"): Run(("operators", "set-role", "--db", "{db}", "--login", "bruno", "--role", "admin")),
    ("operators", "reset-password"): Run(("operators", "reset-password", "--db", "{db}", "--login", "bruno"), "another-long-1\n"),
    ("operators", "unlock"): Run(("operators", "unlock", "--db", "{db}", "--login", "bruno")),
    ("settings", "show"): Run(("settings", "show", "--db", "{db}")),
    ("settings", "set"): Run(("settings", "set", "--db", "{db}", "password.min_length", "12")),
}  # fmt: skip


def test_every_command_is_run_here_with_only_its_required_arguments() -> None:
    found = dict(commands(build_parser()))
    assert set(found) == set(RUNS)
    for path, parser in found.items():
        args = list(RUNS[path].args[len(path) :])
        given = {a for a in args if a.startswith("--")}
        values = {i + 1 for i, a in enumerate(args) if a.startswith("--")}
        positionals = [a for i, a in enumerate(args) if not a.startswith("--") and i not in values]
        options = {o for o in required(parser) if o.startswith("--")}
        assert given == options, path
        assert len(positionals) == len(required(parser) - options), path


class Context:
    """A station with a supervisor and a recorded call, the console's default database, and the peers
    (an echo service, a receiver) started when a command's arguments name them."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.db = f"sqlite:///{tmp}/station.sqlite"
        db = Database.from_url(self.db)
        migrate.upgrade(db.engine)
        station = Station(db, tmp / "recordings")
        self.call = station.call(10, station.amelie, station.site_a)
        period = SuspensionDesk(db).start(
            None, "LYO-0001", Suspension.TEST, "visit", duration=timedelta(hours=1)
        )
        self.period = period.id
        db.dispose()
        data = tmp / "data"
        self.env = {**os.environ, "PYTHONWARNINGS": "ignore", **console_env(data)}
        data.mkdir()
        default = Database.from_url(f"sqlite:///{data / 'vigie.sqlite'}")  # the console's default
        migrate.upgrade(default.engine)
        default.dispose()
        self.peers: list[Any] = []
        site = {"code": "NEW-0001", "name": "Nouveau", "account": "ABC123", "contacts": [{"name": "Ann"}]}
        (tmp / "sites.json").write_text(json.dumps({"sites": [site]}), encoding="utf-8")

    def resolve(self, arg: str) -> str:
        if arg == "{echo}":
            require_sipp()
            echo = start_sipp(self.tmp / "echo", ["-sn", "uas"], extra=["-rtp_echo"])
            self.peers.append(echo)
            return echo.uri
        if arg == "{receiver}":
            receiver = self.start(["receive", "--db", self.db, "--listen", "127.0.0.1:0"])
            assert receiver.stdout is not None
            line = receiver.stdout.readline()
            assert line.startswith("listening on tcp "), line
            return line.split()[-1]
        return arg.format(
            db=self.db,
            empty=f"sqlite:///{self.tmp}/empty.sqlite",
            tmp=self.tmp,
            call=self.call,
            period=self.period,
        )

    def start(self, args: list[str]) -> subprocess.Popen[str]:
        process = subprocess.Popen(
            [sys.executable, "-m", "console", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=self.env,
        )
        self.peers.append(process)
        return process

    def stop(self) -> None:
        for peer in reversed(self.peers):
            if isinstance(peer, subprocess.Popen):
                if peer.poll() is None:
                    peer.terminate()
                peer.communicate(timeout=30)
            else:
                peer.stop()


@pytest.fixture
def context(tmp_path: Path) -> Iterator[Context]:
    made = Context(tmp_path)
    yield made
    made.stop()


@pytest.mark.slow
@pytest.mark.parametrize("path", list(RUNS), ids=lambda p: " ".join(p) or "vigie")
def test_each_command_runs_with_only_its_required_arguments(path: Path_, context: Context) -> None:
    run = RUNS[path]
    args = [context.resolve(arg) for arg in run.args]
    if run.ready is None and not run.waits:
        result = vigie(*args, stdin=run.stdin, env=context.env)
        assert result.returncode == 0, (args, result.stdout[-2000:], result.stderr[-2000:])
        assert "Traceback" not in result.stderr
        return
    process = context.start(args)
    assert process.stdout is not None
    if run.waits:
        time.sleep(8)
        assert process.poll() is None, (args, process.communicate()[1][-2000:])
        process.kill()
        assert "Traceback" not in process.communicate(timeout=30)[1]
        return
    line = process.stdout.readline()
    assert run.ready is not None and run.ready in line, (args, line)
    time.sleep(0.5)
    process.send_signal(signal.SIGTERM)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 0, (args, err[-2000:])
