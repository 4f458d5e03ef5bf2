"""Who may audit the station's records, and the journal line every audit leaves.

The supervision window is only shown to supervisors and admins, but hiding widgets is not a
control: every supervision service asks `Authority.require` first, so an operator's session that
reaches a search, a recording or a report (a script, a future view, a bug) is refused here, and the
refusal is journaled for the supervisor to see. What leaves the station (a recording played or
exported, a report or a search exported) is journaled with who and when by `Authority.record`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from console.domain.alarm import Operator, Role
from console.domain.journal import JournalAction
from console.domain.outage import DatabaseUnavailable
from console.storage.alarms import append_journal
from console.storage.engine import Database, unavailable_raised

log = logging.getLogger(__name__)

AUDIT_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def may_audit(operator: Operator) -> bool:
    """Supervisors and admins audit; operators handle alarms."""
    return operator.role in AUDIT_ROLES


class AuditRefused(PermissionError):
    """An operator's session asked for a supervisor's tool; `code` is translated by the view."""

    code = "audit_refused"

    def __init__(self, operator: Operator, what: str) -> None:
        super().__init__(f"{operator.login} ({operator.role}) may not {what}: supervisors and admins only")
        self.operator = operator
        self.what = what


class AdminRefused(AuditRefused):
    """An operator's session (or a supervisor, for what the station keeps to admins) asked to administer."""

    code = "admin_refused"

    def __init__(self, operator: Operator, what: str) -> None:
        PermissionError.__init__(self, f"{operator.login} ({operator.role}) may not {what}")
        self.operator = operator
        self.what = what


class Authority:
    """Checks the role before an audit and journals what an audit did."""

    def __init__(self, db: Database, clock: Callable[[], datetime] = lambda: datetime.now(UTC)) -> None:
        self._db = db
        self._clock = clock

    def require(self, operator: Operator, what: str) -> None:
        """Raise AuditRefused (journaled) unless `operator` may audit; `what` names the request."""
        if may_audit(operator):
            return
        self._journal_refusal(operator, JournalAction.AUDIT_REFUSED, what)
        raise AuditRefused(operator, what)

    def require_admin(self, operator: Operator, allowed: bool, what: str) -> None:
        """Raise AdminRefused (journaled) unless `allowed`: the administration decides who may do what
        (console/services/site_admin.py), this refuses and journals the same way as for audits."""
        if allowed:
            return
        self._journal_refusal(operator, JournalAction.ADMIN_REFUSED, what)
        raise AdminRefused(operator, what)

    def _journal_refusal(self, operator: Operator, action: JournalAction, what: str) -> None:
        try:
            self.record(operator, action, what)
        except DatabaseUnavailable:
            log.warning("refusal not journaled (database unreachable): %s by %s", what, operator.login)

    def record(
        self,
        operator: Operator,
        action: JournalAction,
        detail: str,
        *,
        alarm_id: int | None = None,
        site_id: int | None = None,
    ) -> None:
        """Journal one audit act (who is the operator, when is now); raises DatabaseUnavailable."""
        with unavailable_raised(), self._db.write() as session:
            append_journal(
                session,
                at=self._clock(),
                action=action,
                detail=detail,
                operator_id=operator.id,
                alarm_id=alarm_id,
                site_id=site_id,
            )
