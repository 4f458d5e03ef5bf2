"""The site window's line on opening hours: today's hours in the site's time, and whether the site
is open (disarmed) or closed (armed) since when, so an operator reading an alarm knows at once
whether staff should be there."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from console.domain.schedule import Arming
from console.domain.site import SiteFile


def hours_line(site_file: SiteFile, now: datetime) -> str:
    """Rich text for the header, "" when the site has neither hours nor a known arming state."""
    parts: list[str] = []
    zone = ZoneInfo(site_file.site.timezone)
    schedule = site_file.schedule
    if schedule is not None:
        day = schedule.local_day(now)
        spans = schedule.hours_on(day)
        label = schedule.labels.get(day, "")
        if spans:
            text = QCoreApplication.translate("SiteHours", "Hours today: %1").replace(
                "%1", ", ".join(f"{h.opens:%H:%M}–{h.closes:%H:%M}" for h in spans)
            )
        else:
            text = QCoreApplication.translate("SiteHours", "Closed today")
        parts.append(escape(text + (f" ({label})" if label else "")))
    if site_file.arming is not None:
        since = site_file.arming.changed_at.astimezone(zone)
        stamp = f"{since:%H:%M}" if since.date() == now.astimezone(zone).date() else f"{since:%d/%m %H:%M}"
        if site_file.arming.state is Arming.OPENED:
            opened = QCoreApplication.translate("SiteHours", "open (disarmed) since %1")
            parts.append(f"<b>{escape(opened.replace('%1', stamp))}</b>")
        else:
            closed = QCoreApplication.translate("SiteHours", "closed (armed) since %1")
            parts.append(escape(closed.replace("%1", stamp)))
    return " · ".join(parts)
