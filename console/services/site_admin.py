"""The station's administration of its customers: sites, transmitters, contacts and procedures.

Every call names the operator asking; `Authority.require_admin` refuses (and journals) what their role and
the station's rights (services/admin_rights.py) do not allow, whatever view or script asked. Values are
checked by the one set of field rules (console/domain/site_fields.py) shared with the import; a refused
record raises FieldErrors naming each field, and nothing is stored. Each change is one transaction with its
journal entry (who, when, each field before → after, secrets only as "changed") and the change-feed rows
that make a console showing one of the site's open alarms reload it: a site is edited while alarms are
handled, without disturbing the operator. Every write returns the site's sheet as now stored.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy.orm import Session

from console.domain.alarm import Operator
from console.domain.field_changes import change_lines, describe
from console.domain.journal import JournalAction
from console.domain.site_fields import FieldError, FieldErrors, Kind, Problem, check_texts
from console.domain.site_sheet import SiteSheet
from console.services.admin_base import row_id
from console.services.admin_rights import AdminError, Section
from console.services.call_list_admin import CallListAdmin
from console.storage import site_admin as store
from console.storage.engine import unavailable_raised
from console.storage.sealed import seal_aes_key
from console.storage.tables import TransmitterRow


def transmitter_label(account: str, line: str) -> str:
    return f"transmitter {account} line {line or '-'}"


class SiteAdmin(CallListAdmin):
    """The whole administration of a site: its details and transmitters here, its call list and
    procedures from CallListAdmin, the rights, reads and journal from AdminBase."""

    # --- sites ------------------------------------------------------------------------------

    def add_site(self, operator: Operator, texts: Mapping[str, str]) -> SiteSheet:
        self._require(operator, Section.SITES, "add a site")
        values = check_texts(Kind.SITE, texts)
        at = self._clock()
        with unavailable_raised(), self._db.write() as session:
            if store.code_taken(session, values["code"]):
                raise FieldErrors({"code": FieldError(Problem.DUPLICATE, value=values["code"])})
            site_id = row_id(store.insert_site(session, values, at).id)
            label = f"site {values['code']}"
            self._changed(
                session, operator, JournalAction.SITE_ADDED, site_id, label, describe(Kind.SITE, values)
            )
            return self._sheet(session, site_id)

    def change_site(self, operator: Operator, site_id: int, texts: Mapping[str, str]) -> SiteSheet:
        self._require(operator, Section.SITES, f"change site {site_id}")
        values = check_texts(Kind.SITE, texts, complete=False)
        with unavailable_raised(), self._db.write() as session:
            row = self._site(session, site_id, editable=True)
            if "code" in values and store.code_taken(session, values["code"], but=site_id):
                raise FieldErrors({"code": FieldError(Problem.DUPLICATE, value=values["code"])})
            label = f"site {row.code}"
            lines = change_lines(Kind.SITE, store.site_values(row), values)
            if lines:
                store.set_fields(row, values)
                self._changed(session, operator, JournalAction.SITE_CHANGED, site_id, label, lines)
            return self._sheet(session, site_id)

    def archive_site(self, operator: Operator, site_id: int) -> SiteSheet:
        """A site leaves the list, kept for its history; refused while it has open alarms."""
        self._require(operator, Section.SITES, f"archive site {site_id}")
        at = self._clock()
        with unavailable_raised(), self._db.write() as session:
            row = self._site(session, site_id, editable=True)
            if store.open_alarm_ids(session, site_id):
                raise AdminError(
                    "open_alarms", f"site {row.code} has open alarms: close them first", site=row.code
                )
            row.archived_at = at
            self._changed(session, operator, JournalAction.SITE_ARCHIVED, site_id, f"site {row.code}", [])
            return self._sheet(session, site_id)

    def restore_site(self, operator: Operator, site_id: int) -> SiteSheet:
        self._require(operator, Section.SITES, f"restore site {site_id}")
        with unavailable_raised(), self._db.write() as session:
            row = self._site(session, site_id)
            if row.archived_at is not None:
                row.archived_at = None
                self._changed(session, operator, JournalAction.SITE_RESTORED, site_id, f"site {row.code}", [])
            return self._sheet(session, site_id)

    # --- transmitters -----------------------------------------------------------------------

    def add_transmitter(self, operator: Operator, site_id: int, texts: Mapping[str, str]) -> SiteSheet:
        self._require(operator, Section.TRANSMITTERS, f"add a transmitter to site {site_id}")
        values = check_texts(Kind.TRANSMITTER, texts)
        at = self._clock()
        with unavailable_raised(), self._db.write() as session:
            self._site(session, site_id, editable=True)
            self._free_account(session, values["account"], values["line"], None)
            store.insert_transmitter(session, site_id, values, at)
            label = transmitter_label(values["account"], values["line"])
            self._changed(
                session,
                operator,
                JournalAction.ACCOUNT_ADDED,
                site_id,
                label,
                describe(Kind.TRANSMITTER, values),
            )
            return self._sheet(session, site_id)

    def change_transmitter(
        self, operator: Operator, transmitter_id: int, texts: Mapping[str, str]
    ) -> SiteSheet:
        """Change the fields given; the AES key only through `set_aes_key`."""
        self._require(operator, Section.TRANSMITTERS, f"change transmitter {transmitter_id}")
        values = check_texts(
            Kind.TRANSMITTER, {k: v for k, v in texts.items() if k != "aes_key"}, complete=False
        )
        with unavailable_raised(), self._db.write() as session:
            row = self._transmitter(session, transmitter_id)
            before = store.transmitter_values(row)
            account, line = values.get("account", row.account), values.get("line", row.line)
            self._free_account(session, account, line, transmitter_id)
            lines = change_lines(Kind.TRANSMITTER, before, values)
            if lines:
                store.set_fields(row, values)
                label = transmitter_label(before["account"], before["line"])
                self._changed(session, operator, JournalAction.TRANSMITTER_CHANGED, row.site_id, label, lines)
            return self._sheet(session, row.site_id)

    def set_aes_key(self, operator: Operator, transmitter_id: int, key: str | None) -> SiteSheet:
        """Store a new key (32, 48 or 64 hex digits), or none (None): it is never read back by a view."""
        self._require(operator, Section.TRANSMITTERS, f"set the AES key of transmitter {transmitter_id}")
        values = {"aes_key": None}
        if key is not None:
            values = check_texts(Kind.TRANSMITTER, {"aes_key": key}, complete=False)
            if values["aes_key"] is None:  # nothing typed
                raise FieldErrors({"aes_key": FieldError(Problem.REQUIRED)})
        # Sealed before the transaction: a missing station key changes nothing.
        sealed = seal_aes_key(values["aes_key"])
        with unavailable_raised(), self._db.write() as session:
            row = self._transmitter(session, transmitter_id)
            label = transmitter_label(row.account, row.line)
            if values["aes_key"] is None and row.aes_key is not None:
                row.aes_key = None
                self._changed(
                    session,
                    operator,
                    JournalAction.TRANSMITTER_CHANGED,
                    row.site_id,
                    label,
                    ["aes_key removed"],
                )
            elif sealed is not None:
                row.aes_key = sealed
                self._changed(
                    session,
                    operator,
                    JournalAction.TRANSMITTER_CHANGED,
                    row.site_id,
                    label,
                    ["aes_key changed"],
                )
            return self._sheet(session, row.site_id)

    def remove_transmitter(self, operator: Operator, transmitter_id: int) -> SiteSheet:
        """Only a transmitter nothing was received from: the signals filed keep pointing at theirs."""
        self._require(operator, Section.TRANSMITTERS, f"remove transmitter {transmitter_id}")
        with unavailable_raised(), self._db.write() as session:
            row = self._transmitter(session, transmitter_id)
            label = transmitter_label(row.account, row.line)
            if store.transmitter_has_history(session, transmitter_id):
                raise AdminError("has_signals", f"{label} has signals on file: it stays", account=row.account)
            site_id = row.site_id
            session.delete(row)
            self._changed(session, operator, JournalAction.TRANSMITTER_REMOVED, site_id, label, [])
            return self._sheet(session, site_id)

    def _transmitter(self, session: Session, transmitter_id: int) -> TransmitterRow:
        row = session.get(TransmitterRow, transmitter_id)
        if row is None:
            raise AdminError("unknown_record", f"transmitter {transmitter_id} does not exist")
        self._site(session, row.site_id, editable=True)
        return row

    @staticmethod
    def _free_account(session: Session, account: str, line: str, transmitter_id: int | None) -> None:
        if store.transmitter_taken(session, account, line, but=transmitter_id):
            taken = FieldError(Problem.DUPLICATE, value=f"{account.upper()} line {line.upper() or '-'}")
            raise FieldErrors({"account": taken})
