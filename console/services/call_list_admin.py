"""The administration of a site's call list (contacts, in order) and its procedures.

A contact's password and duress word are hashed as they are stored (storage/site_admin.py, as the
import does) and never read back: a view only learns whether each is set. A contact calls refer to is
archived rather than deleted, so the calls' audit still names them. A procedure's steps keep their ids while
they stay, so the steps an operator already ticked on an open alarm stay ticked after an edit.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy.orm import Session

from console.domain.alarm import Operator
from console.domain.field_changes import change_lines, describe
from console.domain.journal import JournalAction
from console.domain.priority import EventCategory
from console.domain.site_fields import Kind, StepDraft, check_texts, check_values
from console.domain.site_sheet import SiteSheet
from console.services.admin_base import AdminBase
from console.services.admin_rights import AdminError, Section
from console.storage import site_admin as store
from console.storage.engine import unavailable_raised
from console.storage.tables import ContactRow


class CallListAdmin(AdminBase):
    # --- contacts ---------------------------------------------------------------------------

    def add_contact(self, operator: Operator, site_id: int, texts: Mapping[str, str]) -> SiteSheet:
        """A contact at the end of the call list."""
        self._require(operator, Section.CONTACTS, f"add a contact to site {site_id}")
        values = check_texts(Kind.CONTACT, texts)
        with unavailable_raised(), self._db.write() as session:
            self._site(session, site_id, editable=True)
            rank = len(store.active_contacts(session, site_id)) + 1
            store.insert_contact(session, site_id, rank, values)
            label = f"contact {values['name']!r}"
            self._changed(
                session,
                operator,
                JournalAction.CONTACT_ADDED,
                site_id,
                label,
                [f"rank {rank}", *describe(Kind.CONTACT, values)],
            )
            return self._sheet(session, site_id)

    def change_contact(self, operator: Operator, contact_id: int, texts: Mapping[str, str]) -> SiteSheet:
        """Change the fields given; a password or duress word left empty stays as it is."""
        self._require(operator, Section.CONTACTS, f"change contact {contact_id}")
        values = check_texts(Kind.CONTACT, texts, complete=False)
        with unavailable_raised(), self._db.write() as session:
            row = self._contact(session, contact_id)
            before = store.contact_values(row)
            lines = change_lines(Kind.CONTACT, before, values)
            if lines:
                store.set_fields(row, store.contact_fields(values))
                label = f"contact {before['name']!r}"
                self._changed(session, operator, JournalAction.CONTACT_CHANGED, row.site_id, label, lines)
            return self._sheet(session, row.site_id)

    def move_contact(self, operator: Operator, contact_id: int, offset: int) -> SiteSheet:
        """Up (-1) or down (+1) the call list."""
        self._require(operator, Section.CONTACTS, f"reorder the call list of contact {contact_id}")
        with unavailable_raised(), self._db.write() as session:
            row = self._contact(session, contact_id)
            contacts = store.active_contacts(session, row.site_id)
            before = [c.name for c in contacts]
            index = contacts.index(row)
            target = max(0, min(len(contacts) - 1, index + offset))
            if target != index:
                contacts.insert(target, contacts.pop(index))
                store.renumber(contacts)
                after = [c.name for c in contacts]
                line = f"{', '.join(before)} → {', '.join(after)}"
                self._changed(
                    session, operator, JournalAction.CALL_LIST_ORDERED, row.site_id, "call list", [line]
                )
            return self._sheet(session, row.site_id)

    def remove_contact(self, operator: Operator, contact_id: int) -> SiteSheet:
        """Off the call list: archived when calls refer to the contact, deleted otherwise."""
        self._require(operator, Section.CONTACTS, f"remove contact {contact_id}")
        with unavailable_raised(), self._db.write() as session:
            row = self._contact(session, contact_id)
            site_id, label = row.site_id, f"contact {row.name!r}"
            if store.contact_has_history(session, contact_id):
                row.archived_at = self._clock()
                action = JournalAction.CONTACT_ARCHIVED
            else:
                session.delete(row)
                action = JournalAction.CONTACT_REMOVED
            session.flush()
            store.renumber(store.active_contacts(session, site_id))
            self._changed(session, operator, action, site_id, label, [])
            return self._sheet(session, site_id)

    # --- procedures -------------------------------------------------------------------------

    def save_procedure(
        self,
        operator: Operator,
        site_id: int,
        category: EventCategory,
        title: str,
        steps: Sequence[StepDraft],
    ) -> SiteSheet:
        """Add or change the site's procedure for one kind of alarm; steps kept keep their ids."""
        self._require(operator, Section.PROCEDURES, f"change a procedure of site {site_id}")
        values = check_values(
            Kind.PROCEDURE, {"category": category.value, "title": title, "steps": list(steps)}
        )
        with unavailable_raised(), self._db.write() as session:
            self._site(session, site_id, editable=True)
            existing = store.procedure_row(session, site_id, category)
            old_title = existing.title if existing is not None else None
            _row, old_steps = store.save_procedure(
                session, site_id, category, values["title"], values["steps"]
            )
            after = {"title": values["title"], "steps": values["steps"]}
            if existing is None:
                lines = describe(Kind.PROCEDURE, after)
            else:
                lines = change_lines(Kind.PROCEDURE, {"title": old_title, "steps": old_steps}, after)
            if lines:
                self._changed(
                    session,
                    operator,
                    JournalAction.PROCEDURE_CHANGED,
                    site_id,
                    f"procedure {category.value}",
                    lines,
                )
            return self._sheet(session, site_id)

    def remove_procedure(self, operator: Operator, site_id: int, category: EventCategory) -> SiteSheet:
        self._require(operator, Section.PROCEDURES, f"remove a procedure of site {site_id}")
        with unavailable_raised(), self._db.write() as session:
            self._site(session, site_id, editable=True)
            row = store.procedure_row(session, site_id, category)
            if row is not None:
                store.delete_procedure(session, row)
                self._changed(
                    session,
                    operator,
                    JournalAction.PROCEDURE_REMOVED,
                    site_id,
                    f"procedure {category.value}",
                    [],
                )
            return self._sheet(session, site_id)

    def _contact(self, session: Session, contact_id: int) -> ContactRow:
        row = session.get(ContactRow, contact_id)
        if row is None or row.archived_at is not None:
            raise AdminError("unknown_record", f"contact {contact_id} is not on a call list")
        self._site(session, row.site_id, editable=True)
        return row
