"""Roles are enforced by the services: an operator asking for an audit is refused, and it is journaled."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlmodel import col

from console.domain.alarm import Operator, Role
from console.domain.journal import JournalAction
from console.services.authority import AuditRefused, Authority, may_audit
from console.storage.engine import Database
from console.storage.tables import JournalRow
from tests.factories import SteppingClock, add_operator_to


def journal(db: Database) -> list[tuple[str, int | None, str]]:
    with db.read() as session:
        return [
            (r.action, r.operator_id, r.detail)
            for r in session.scalars(select(JournalRow).order_by(col(JournalRow.id)))
        ]


def test_operator_refused_and_refusal_journaled_supervisor_let_through(db: Database) -> None:
    clock = SteppingClock()
    authority = Authority(db, clock)
    amelie = add_operator_to(db, "amelie", Role.OPERATOR)
    chef = add_operator_to(db, "chef", Role.SUPERVISOR)
    admin = add_operator_to(db, "admin", Role.ADMIN)
    assert not may_audit(amelie) and may_audit(chef) and may_audit(admin)

    with pytest.raises(AuditRefused) as refused:
        authority.require(amelie, "play a recording")
    assert refused.value.code == "audit_refused" and "amelie" in str(refused.value)
    authority.require(chef, "play a recording")  # no exception, nothing journaled
    authority.require(admin, "search the history")
    authority.record(chef, JournalAction.RECORDING_PLAYED, "call 7")

    assert journal(db) == [
        (JournalAction.AUDIT_REFUSED, amelie.id, "play a recording"),
        (JournalAction.RECORDING_PLAYED, chef.id, "call 7"),
    ]


def test_refusal_stands_when_the_journal_cannot_be_written() -> None:
    db = Database.from_url("postgresql+psycopg://nobody@127.0.0.1:1/none")
    with pytest.raises(AuditRefused):
        Authority(db).require(Operator(1, "amelie", "Amélie"), "export a report")
