"""`vigie operators` and `vigie settings`, each subcommand with only its required arguments, as an
admin's session on the server goes: add, list, lockout lifted, role, password, disable, settings."""

from __future__ import annotations

from console.services.sign_in import sign_in
from console.storage.engine import Database
from tests.cli.test_cli import assert_one_line_error, vigie


def test_an_admin_session_on_the_command_line(db_url: str) -> None:
    db = Database.from_url(db_url)
    assert (
        vigie(
            "operators", "add", "--db", db_url, "--login", "lea", "--name", "Léa", stdin="first password\n"
        ).returncode
        == 0
    )
    assert vigie("operators", "list", "--db", db_url).stdout.splitlines() == ["lea\tLéa\toperator\tactive"]
    for _ in range(5):
        assert sign_in(db, "lea", "a wrong password") is None
    assert sign_in(db, "lea", "first password") is None  # locked
    assert (
        vigie("operators", "unlock", "--db", db_url, "--login", "lea").stdout.strip()
        == "operator lea unlocked"
    )
    assert sign_in(db, "lea", "first password") is not None
    role = vigie("operators", "set-role", "--db", db_url, "--login", "lea", "--role", "supervisor")
    assert role.stdout.strip() == "operator lea is now supervisor"
    reset = vigie("operators", "reset-password", "--db", db_url, "--login", "lea", stdin="second password\n")
    assert reset.returncode == 0, reset.stderr
    assert sign_in(db, "lea", "second password") is not None
    assert vigie("operators", "disable", "--db", db_url, "--login", "lea").returncode == 0
    assert sign_in(db, "lea", "second password") is None
    assert vigie("operators", "enable", "--db", db_url, "--login", "lea").returncode == 0
    assert vigie("operators", "list", "--db", db_url).stdout.splitlines() == ["lea\tLéa\tsupervisor\tactive"]

    assert vigie("settings", "set", "--db", db_url, "password.min_length", "14").stdout.strip() == (
        "password.min_length = 14"
    )
    shown = vigie("settings", "show", "--db", db_url).stdout
    assert "password.min_length = 14\t" in shown and "sign_in.max_failures = 5\t" in shown
    short = vigie("operators", "reset-password", "--db", db_url, "--login", "lea", stdin="thirteen char\n")
    assert_one_line_error(short, "at least 14 characters")
    db.dispose()


def test_wrong_requests_get_one_line(db_url: str) -> None:
    assert (
        vigie(
            "operators", "add", "--db", db_url, "--login", "lea", "--name", "L", stdin="first password\n"
        ).returncode
        == 0
    )
    taken = vigie(
        "operators", "add", "--db", db_url, "--login", "lea", "--name", "L", stdin="first password\n"
    )
    assert_one_line_error(taken, "the login 'lea' is taken")
    assert_one_line_error(
        vigie("operators", "unlock", "--db", db_url, "--login", "nobody"), "no operator 'nobody'"
    )
    assert_one_line_error(
        vigie("settings", "set", "--db", db_url, "sign_in.max_failures", "99"), "between 3 and 20"
    )
    assert_one_line_error(vigie("settings", "set", "--db", db_url, "colour", "blue"), "no setting 'colour'")
