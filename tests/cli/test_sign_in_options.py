"""Signing in from the command line: a password is needed outside the demo; a sign-out starts a
fresh console on the sign-in dialog, with the same options and the demo's data kept."""

from __future__ import annotations

import subprocess
from pathlib import Path

from console.cli import relaunch_argv
from console.storage import migrate
from console.storage.engine import Database
from tests.cli.test_cli import console_env, vigie
from tests.factories import add_operator_to


def test_the_relaunch_drops_the_operator_and_keeps_the_rest() -> None:
    assert relaunch_argv(["--db", "sqlite:///x", "--operator", "amelie", "--lang", "fr"], demo=False) == [
        "--sign-in",
        "--db",
        "sqlite:///x",
        "--lang",
        "fr",
    ]
    assert relaunch_argv(["--operator=chef", "demo", "--theme", "dark"], demo=True) == [
        "--sign-in",
        "demo",
        "--theme",
        "dark",
        "--keep",
    ]
    again = relaunch_argv(relaunch_argv(["demo"], demo=True), demo=True)  # a second sign-out
    assert again == ["--sign-in", "demo", "--keep"]


def run(args: list[str], tmp_path: Path, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return vigie(*args, stdin=stdin, env=console_env(tmp_path))


def test_a_wrong_password_on_stdin_is_refused_and_a_right_one_signs_in(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'vigie.sqlite'}"
    db = Database.from_url(url)
    migrate.upgrade(db.engine)
    add_operator_to(db)
    db.dispose()
    refused = run(["--db", url, "--operator", "amelie", "--password-stdin"], tmp_path, "wrong\n")
    assert refused.returncode == 1 and "wrong login or password" in refused.stderr
    alone = run(["--db", url, "--password-stdin"], tmp_path, "secret-amelie\n")
    assert alone.returncode == 1 and "--password-stdin needs --operator LOGIN" in alone.stderr
    signed_in = run(["--db", url, "--operator", "amelie", "--password-stdin"], tmp_path, "secret-amelie\n")
    assert signed_in.returncode == 0, signed_in.stderr[-2000:]


def test_a_hand_over_relaunches_with_the_leaving_login_once() -> None:
    after = relaunch_argv(["--operator", "amelie", "demo"], demo=True, handover_from="amelie")
    assert after == ["--sign-in", "--handover-from", "amelie", "demo", "--keep"]
    # The next operator signs out normally: no hand-over is carried further.
    assert relaunch_argv(after, demo=True) == ["--sign-in", "demo", "--keep"]
    assert relaunch_argv(after, demo=True, handover_from="bruno")[:3] == [
        "--sign-in",
        "--handover-from",
        "bruno",
    ]
