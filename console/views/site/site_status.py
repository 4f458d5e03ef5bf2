"""The site window's lines on the site's state: today's hours in the site's time, whether the site
is open (disarmed) or closed (armed) since when, and any test or suspension in force, so an
operator reading an alarm knows at once whether staff (or an installer) should be there."""

from __future__ import annotations

from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from console.domain.schedule import Arming
from console.domain.site import SiteFile
from console.domain.test_mode import Suspension


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
            text = QCoreApplication.translate("SiteStatus", "Hours today: %1").replace(
                "%1", ", ".join(f"{h.opens:%H:%M}–{h.closes:%H:%M}" for h in spans)
            )
        else:
            text = QCoreApplication.translate("SiteStatus", "Closed today")
        parts.append(escape(text + (f" ({label})" if label else "")))
    if site_file.arming is not None:
        since = site_file.arming.changed_at.astimezone(zone)
        stamp = f"{since:%H:%M}" if since.date() == now.astimezone(zone).date() else f"{since:%d/%m %H:%M}"
        if site_file.arming.state is Arming.OPENED:
            opened = QCoreApplication.translate("SiteStatus", "open (disarmed) since %1")
            parts.append(f"<b>{escape(opened.replace('%1', stamp))}</b>")
        else:
            closed = QCoreApplication.translate("SiteStatus", "closed (armed) since %1")
            parts.append(escape(closed.replace("%1", stamp)))
    return " · ".join(parts)


def suspension_line(site_file: SiteFile, now: datetime) -> str:
    """Rich text naming each test or suspension in force, "" when none: signals in its scope are
    stored but raise no alarm, which the operator must know before deciding anything."""
    zone = ZoneInfo(site_file.site.timezone)
    parts = []
    for period in site_file.suspensions:
        if not period.active_at(now):
            continue
        scope = []
        if period.account:
            scope.append(QCoreApplication.translate("SiteStatus", "account %1").replace("%1", period.account))
        if period.zones:
            zones = ", ".join(str(z) for z in sorted(period.zones))
            scope.append(QCoreApplication.translate("SiteStatus", "zones %1").replace("%1", zones))
        if period.kind is Suspension.TEST and period.end is not None:
            text = QCoreApplication.translate("SiteStatus", "ON TEST until %1").replace(
                "%1", f"{period.end.astimezone(zone):%H:%M}"
            )
        else:
            text = QCoreApplication.translate("SiteStatus", "OUT OF SERVICE since %1").replace(
                "%1", f"{period.starts_at.astimezone(zone):%d/%m %H:%M}"
            )
        where = f" ({', '.join(scope)})" if scope else ""
        parts.append(f"<b>{escape(text + where)}</b>: {escape(period.reason)}")
    if not parts:
        return ""
    return "<span style='color:#e65100'>⚠ " + " · ".join(parts) + "</span>"
