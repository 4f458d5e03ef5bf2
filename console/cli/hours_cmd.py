"""`vigie hours`: a site's opening hours, for the alarms "opening outside the hours" and "late to
close". Run on the server like `vigie report` (the database URL is the credential); each change is
journaled with the system user who made it."""

from __future__ import annotations

import argparse
import getpass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING

from console.cli.common import CliError, Parser, Subcommands, db_url

if TYPE_CHECKING:  # the command line imports the station's modules only when a command runs
    from console.services.schedules import SiteHours
    from console.storage.engine import Database


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date like 2026-12-25: {text!r}") from None


def register(sub: Subcommands, station_db: Parser) -> None:
    hours = sub.add_parser("hours", help="sites' opening hours (late-to-close and opening alarms)")
    hours_sub = hours.add_subparsers(dest="hours_command", required=True, parser_class=Parser)
    week = hours_sub.add_parser("set", parents=[station_db], help="set a site's weekly hours")
    week.add_argument("--site", required=True, metavar="CODE")
    week.add_argument(
        "--week",
        required=True,
        metavar="HOURS",
        help="e.g. 'Mon-Fri 08:00-12:00 14:00-19:00; Sat 09:00-12:00' ('' for none)",
    )
    week.set_defaults(handler=set_run)
    day = hours_sub.add_parser(
        "day", parents=[station_db], help="other hours for one day, or closed (a holiday)"
    )
    day.add_argument("--site", required=True, metavar="CODE")
    day.add_argument("--date", dest="day", type=_day, required=True, metavar="YYYY-MM-DD")
    day.add_argument(
        "--hours", default="", metavar="SPANS", help="e.g. '10:00-16:00' (default: closed all day)"
    )
    day.add_argument(
        "--label", default="", metavar="TEXT", help="why: 'Christmas', 'stocktaking' (default: none)"
    )
    day.set_defaults(handler=day_run)
    show = hours_sub.add_parser("show", parents=[station_db], help="print a site's hours")
    show.add_argument("--site", required=True, metavar="CODE")
    show.set_defaults(handler=show_run)


def _hours(args: argparse.Namespace) -> tuple[Database, SiteHours]:
    from console.services.schedules import SiteHours
    from console.storage.engine import Database, check_connection

    db = Database.from_url(db_url(args), must_exist=True)
    check_connection(db.engine)
    return db, SiteHours(db, lambda: datetime.now(UTC))


def set_run(args: argparse.Namespace) -> int:
    from console.domain.schedule import HoursError

    db, hours = _hours(args)
    try:
        stored = hours.set_week(args.site, args.week, f"{getpass.getuser()}, vigie hours")
    except (HoursError, LookupError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(f"{args.site}: {stored or 'no hours'}")
    return 0


def day_run(args: argparse.Namespace) -> int:
    from console.domain.schedule import HoursError

    db, hours = _hours(args)
    try:
        hours.set_day(args.site, args.day, args.hours, args.label, f"{getpass.getuser()}, vigie hours")
    except (HoursError, LookupError) as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    print(f"{args.site}: {args.day.isoformat()} {args.hours or 'closed'}")
    return 0


def show_run(args: argparse.Namespace) -> int:
    from console.domain.schedule import format_week

    db, hours = _hours(args)
    try:
        schedule = hours.show(args.site)
    except LookupError as exc:
        raise CliError(str(exc)) from None
    finally:
        db.dispose()
    if schedule is None:
        print(f"{args.site}: no hours")
        return 0
    print(f"{args.site} ({schedule.timezone}): {format_week(schedule.weekly) or 'no weekly hours'}")
    for day in sorted(schedule.exceptions):
        spans = " ".join(f"{h.opens:%H:%M}-{h.closes:%H:%M}" for h in schedule.exceptions[day]) or "closed"
        label = schedule.labels.get(day, "")
        print(f"  {day.isoformat()} {spans}{' (' + label + ')' if label else ''}")
    return 0
