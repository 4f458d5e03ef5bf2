"""The installer's test report as text: what the station received during a test, and which of the
site's detectors it did not hear (the ones to walk past again). Printed, or written as a PDF."""

from __future__ import annotations

from datetime import tzinfo

from console.domain.test_mode import InstallerReport, Suspension


def report_lines(report: InstallerReport, zone: tzinfo, lang: str = "en") -> list[str]:
    """The report's lines in the site's time zone, French for "fr", English otherwise."""
    fr = lang == "fr"
    period = report.period
    suspended = "Suspension" if fr else "Out of service"
    kind = "Test" if period.kind is Suspension.TEST else suspended
    scope = [(f"compte {period.account}" if fr else f"account {period.account}")] if period.account else []
    if period.zones:
        scope.append("zones " + ", ".join(str(z) for z in sorted(period.zones)))
    what = kind + (f" ({' '.join(scope)})" if scope else "")
    start = period.starts_at.astimezone(zone)
    end = period.end.astimezone(zone) if period.end else None
    if fr:
        when = f"Du {start:%d/%m/%Y %H:%M} " + (f"au {end:%d/%m/%Y %H:%M}" if end else "(en cours)")
    else:
        when = f"From {start:%Y-%m-%d %H:%M} " + (f"to {end:%Y-%m-%d %H:%M}" if end else "(ongoing)")
    received = f"{len(report.signals)} signaux reçus" if fr else f"{len(report.signals)} signals received"
    lines = [
        f"{report.site_code} — {report.site_name}",
        f"{what} : {period.reason}" if fr else f"{what}: {period.reason}",
        when,
        "",
        received,
    ]
    for signal in report.signals:
        where = ""
        if signal.zone is not None:
            where = f" — zone {signal.zone}" + (f" {signal.zone_name}" if signal.zone_name else "")
        lines.append(f"  {signal.at.astimezone(zone):%H:%M:%S}  {signal.account}  {signal.event}{where}")
    lines.append("")
    heard = report.zones_heard
    lines.append(
        ("Zones entendues : " if fr else "Zones heard: ")
        + (", ".join(str(z) for z in heard) if heard else "—")
    )
    missing = report.zones_not_heard
    if missing:
        lines.append("Zones non entendues (à revoir) :" if fr else "Zones not heard (to check again):")
        lines += [f"  {number} {name}".rstrip() for number, name in missing]
    else:
        lines.append("Toutes les zones ont été entendues." if fr else "Every zone was heard.")
    return lines
