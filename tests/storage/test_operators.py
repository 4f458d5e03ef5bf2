"""Operator passwords: every refusal costs one full password hash, new passwords are long enough,
and refused sign-ins are journaled without the password typed."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain import secrets
from console.domain.alarm import Role
from console.domain.journal import JournalAction
from console.services.sign_in import sign_in
from console.storage import operators
from console.storage.engine import Database
from console.storage.operators import WeakPassword, add_operator, check_sign_in
from console.storage.tables import JournalRow, OperatorRow
from tests.factories import SteppingClock, add_operator_to


class CountingVerify:
    """Stands in for the storage layer's password check: counts calls and the work each asks for."""

    def __init__(self) -> None:
        self.costs: list[tuple[int, int]] = []

    def __call__(self, secret: str, stored: str | None) -> bool:
        assert stored is not None
        self.costs.append(secrets.secret_cost(stored))
        return secrets.verify_secret(secret, stored)


def test_an_unknown_login_costs_the_same_password_hash_as_a_known_one(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_operator_to(sqlite_db, "amelie")
    with sqlite_db.read() as session:
        real_cost = secrets.secret_cost(session.execute(select(OperatorRow.password_hash)).scalar_one())
    counting = CountingVerify()
    monkeypatch.setattr(operators, "verify_secret", counting)
    with sqlite_db.read() as session:
        unknown = check_sign_in(session, "nobody", "some-password")
        wrong = check_sign_in(session, "amelie", "some-password")
        right = check_sign_in(session, "amelie", "secret-amelie")
    assert (unknown.operator, unknown.refusal) == (None, "unknown login")
    assert (wrong.operator, wrong.refusal) == (None, "wrong password")
    assert right.operator is not None and right.operator.login == "amelie"
    assert counting.costs == [real_cost] * 3  # one hash of the same cost each time, known login or not


def test_an_inactive_account_is_refused_after_the_same_work(
    sqlite_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_operator_to(sqlite_db, "amelie")
    with sqlite_db.write() as session:
        row = session.execute(select(OperatorRow)).scalar_one()
        row.active = False
    counting = CountingVerify()
    monkeypatch.setattr(operators, "verify_secret", counting)
    with sqlite_db.read() as session:
        attempt = check_sign_in(session, "amelie", "secret-amelie")
        assert operators.authenticate(session, "amelie", "secret-amelie") is None
    assert (attempt.operator, attempt.refusal) == (None, "inactive account")
    assert len(counting.costs) == 2


def test_new_passwords_need_ten_characters(sqlite_db: Database) -> None:
    with sqlite_db.write() as session, pytest.raises(WeakPassword, match="at least 10 characters"):
        add_operator(session, "amelie", "Amélie", "123456789", Role.OPERATOR)
    with sqlite_db.write() as session, pytest.raises(WeakPassword, match="blanks"):
        add_operator(session, "amelie", "Amélie", " " * 12, Role.OPERATOR)
    with sqlite_db.write() as session:
        add_operator(session, "amelie", "Amélie", "1234567890", Role.OPERATOR)
    with sqlite_db.read() as session:
        assert operators.authenticate(session, "amelie", "1234567890") is not None


def test_refused_sign_ins_are_journaled_without_the_password(db: Database) -> None:
    amelie = add_operator_to(db, "amelie")
    assert sign_in(db, "amelie", "typed-Pa55word", workstation="desk-2") is None
    assert sign_in(db, "nobody", "other-Pa55word", workstation="desk-2") is None
    assert sign_in(db, "x" * 500, "third-Pa55word") is None
    signed_in = sign_in(db, "amelie", "secret-amelie", workstation="desk-2")
    assert signed_in is not None and signed_in.id == amelie.id
    with db.read() as session:
        rows = session.execute(
            select(JournalRow.action, JournalRow.operator_id, JournalRow.detail).order_by(JournalRow.id)  # type: ignore[arg-type]
        ).all()
    failures = [r for r in rows if r.action == JournalAction.LOGIN_FAILED]
    assert len(rows) == len(failures) == 3  # the successful one is journaled by the console (LOGIN)
    assert failures[0].operator_id == amelie.id and "'amelie': wrong password at desk-2" in failures[0].detail
    assert failures[1].operator_id is None and "'nobody': unknown login" in failures[1].detail
    assert len(failures[2].detail) < 120  # a login pasted by mistake is cut, not stored whole
    assert not any("Pa55word" in r.detail for r in rows)


def test_five_refusals_lock_the_account_for_a_while_even_with_the_right_password(db: Database) -> None:
    amelie = add_operator_to(db, "amelie")
    other = add_operator_to(db, "bruno")
    clock = SteppingClock()
    for _ in range(4):
        assert sign_in(db, "amelie", "guess-Pa55word", clock=clock) is None
        clock.advance(60)
    assert sign_in(db, "amelie", "secret-amelie", clock=clock) is not None  # four: not yet
    assert sign_in(db, "amelie", "guess-Pa55word", clock=clock) is None  # the fifth
    clock.advance(60)
    assert sign_in(db, "amelie", "secret-amelie", clock=clock) is None  # locked: the right one too
    assert sign_in(db, "bruno", "secret-bruno", clock=clock) is not None  # only that account
    clock.advance(5 * 60)  # still within a quarter of an hour of the five
    assert sign_in(db, "amelie", "secret-amelie", clock=clock) is None
    clock.advance(15 * 60)  # the refusals are old now
    signed_in = sign_in(db, "amelie", "secret-amelie", clock=clock)
    assert signed_in is not None and signed_in.id == amelie.id
    with db.read() as session:
        details = [
            r.detail
            for r in session.scalars(select(JournalRow).where(col(JournalRow.operator_id) == amelie.id))
        ]
    assert sum("locked after" in d for d in details) == 2 and sum("wrong password" in d for d in details) == 5
    assert other.id != amelie.id
