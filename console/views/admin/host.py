"""What a page of the administration window asks of the window: who is working, the service, and a way to
send a change (on the window's worker, the answer shown where it belongs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from console.domain.alarm import Operator
from console.domain.site_sheet import SiteSheet
from console.services.admin_rights import Section
from console.services.site_admin import SiteAdmin
from console.views.admin.field_form import FieldForm


class AdminHost(Protocol):
    operator: Operator
    admin: SiteAdmin

    def submit(
        self,
        work: Callable[[], SiteSheet],
        form: FieldForm | None,
        saved: str,
        done: Callable[[SiteSheet], None] | None = None,
    ) -> None:
        """Run `work` off the GUI thread; the sheet it returns is shown, with `saved` in the status bar,
        then `done` is called with it; a field refused is shown beside it in `form`, any other refusal
        in the status bar."""

    def may(self, section: Section) -> bool:
        """Whether this operator may change the section (the service checks again)."""
