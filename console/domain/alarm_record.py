"""Everything the site window shows about one alarm, read in one go off the GUI thread.

One value per refresh: the window never shows a panel of this alarm beside a panel of the one
before, because every panel is drawn from the same record.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from console.domain.alarm import Alarm
from console.domain.calls import CallRecord
from console.domain.dispatch import Dispatch
from console.domain.journal import JournalAction
from console.domain.site import JournalEntry, SignalRecord, SiteFile


@dataclass(frozen=True, slots=True)
class AlarmRecord:
    alarm: Alarm
    site_file: SiteFile | None = None
    signals: tuple[SignalRecord, ...] = ()
    journal: tuple[JournalEntry, ...] = ()
    dispatches: tuple[Dispatch, ...] = ()
    calls: tuple[CallRecord, ...] = ()  # placed or taken for this alarm, by any console
    site_guard_delay_min: int | None = None  # the site's contract; None: the station's default

    @property
    def done_steps(self) -> set[int]:
        return done_step_ids(self.journal)


def done_step_ids(journal: Sequence[JournalEntry]) -> set[int]:
    """Procedure steps ticked, from the journal's "#<step id> <text>" step entries."""
    done: set[int] = set()
    for entry in journal:
        if entry.action == JournalAction.STEP_DONE and entry.detail.startswith("#"):
            head = entry.detail[1:].split(" ", 1)[0]
            if head.isdigit():
                done.add(int(head))
    return done
