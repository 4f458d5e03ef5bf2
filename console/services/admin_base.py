"""What every administration service shares: the rights check, the reads, the journal and the feed.

Every call names the operator asking; `Authority.require_admin` refuses (and journals) what their role and
the station's rights (services/admin_rights.py) do not allow, whatever view or script asked. Each change is
one transaction with its journal entry (who, when, each field before → after, secrets only as "changed")
and the change-feed rows that make a console showing one of the site's open alarms reload it.
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from console.domain.alarm import Operator
from console.domain.journal import JournalAction
from console.domain.site_sheet import SiteSheet, SiteSummary
from console.services.admin_rights import AdminError, AdminRights, Section
from console.services.alarm_desk import Clock, utc_now
from console.services.authority import Authority
from console.storage import site_admin as store
from console.storage.alarms import append_journal
from console.storage.engine import Database, unavailable_raised
from console.storage.tables import SiteRow


class AdminBase:
    def __init__(
        self, db: Database, authority: Authority, rights: AdminRights | None = None, clock: Clock = utc_now
    ) -> None:
        self._db = db
        self._authority = authority
        self.rights = rights or AdminRights()
        self._clock = clock

    def may(self, operator: Operator, section: Section) -> bool:
        """Whether the window should offer this section's changes (the calls check again)."""
        return self.rights.allows(operator, section)

    def _require(self, operator: Operator, section: Section, what: str) -> None:
        self._authority.require_admin(operator, self.rights.allows(operator, section), what)

    def _require_open(self, operator: Operator, what: str) -> None:
        self._authority.require_admin(operator, self.rights.may_open(operator), what)

    # --- reads ------------------------------------------------------------------------------

    def sites(self, operator: Operator, words: str = "", *, archived: bool = False) -> list[SiteSummary]:
        self._require_open(operator, "list the sites to administer")
        with unavailable_raised(), self._db.read() as session:
            return store.search_sites(session, words, archived=archived)

    def sheet(self, operator: Operator, site_id: int) -> SiteSheet:
        self._require_open(operator, f"read site {site_id} to administer it")
        with unavailable_raised(), self._db.read() as session:
            return self._sheet(session, site_id)

    def _sheet(self, session: Session, site_id: int) -> SiteSheet:
        sheet = store.site_sheet(session, site_id)
        if sheet is None:
            raise AdminError("unknown_site", f"site {site_id} does not exist")
        return sheet

    # --- helpers ----------------------------------------------------------------------------

    def _site(self, session: Session, site_id: int, *, editable: bool = False) -> SiteRow:
        row = session.get(SiteRow, site_id)
        if row is None:
            raise AdminError("unknown_site", f"site {site_id} does not exist")
        if editable and row.archived_at is not None:
            raise AdminError("archived", f"site {row.code} is archived: restore it first", site=row.code)
        return row

    def _changed(
        self,
        session: Session,
        operator: Operator,
        action: JournalAction,
        site_id: int,
        label: str,
        lines: list[str],
    ) -> None:
        self._journal(session, operator, action, site_id, label, lines)
        store.tell_consoles(session, site_id, self._clock())

    def _journal(
        self,
        session: Session,
        operator: Operator,
        action: JournalAction,
        site_id: int,
        label: str,
        lines: list[str],
    ) -> None:
        append_journal(
            session,
            at=self._clock(),
            action=action,
            detail=label + (": " + "; ".join(lines) if lines else ""),
            operator_id=operator.id,
            site_id=site_id,
        )


def row_id(value: int | None) -> int:
    assert value is not None, "row not flushed"
    return value
