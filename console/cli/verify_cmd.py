"""`vigie verify`: walk the journal's chain and the recordings, print the first break.

Exit status 0 when everything holds, 3 when something was tampered with (1 stays for "could not
check": a wrong URL, a database down, an unreadable file), so a nightly job can tell the two apart.
Run it once a day with `--publish FILE` (a file kept off the station's database server) and from
time to time with `--against FILE`: a chain rewritten end to end holds none of the heads published.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from console.cli.common import CliError, Parser, Subcommands, db_url

BROKEN = 3


def register(sub: Subcommands, station_db: Parser) -> None:
    verify = sub.add_parser(
        "verify",
        parents=[station_db],
        help="check the journal's hash chain and the call recordings; exit 3 on a break",
        description="Walks the journal's hash chain and checks each call recording against its "
        "fingerprint; prints 'chain intact: ...' or the first break, and journals the outcome. "
        "Exit status 3 when something was edited, deleted or inserted.",
    )
    verify.add_argument(
        "--publish", type=Path, metavar="FILE", help="append the verified head (day, position, hash) to FILE"
    )
    verify.add_argument(
        "--against",
        type=Path,
        metavar="FILE",
        help="check that every head published in FILE is still in the chain",
    )
    verify.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace) -> int:
    from console.cli.station_cmd import open_existing
    from console.domain.journal_chain import parse_published
    from console.services.journal_chain import JournalChain

    published = []
    if args.against is not None:
        try:
            published = parse_published(args.against.read_text(encoding="utf-8"), str(args.against))
        except OSError as exc:
            raise CliError(f"cannot read {args.against}: {exc.strerror or exc}") from None
        except ValueError as exc:
            raise CliError(str(exc)) from None
    db = open_existing(db_url(args))
    try:
        chain = JournalChain(db)
        result = chain.verify(published=published)
        print(result.summary())
        if published and result.intact:
            print(f"{len(published)} published heads found in the chain")
        if args.publish is not None:
            if not result.intact:
                print("head not published: the chain is broken")
            else:
                try:
                    head = chain.publish(result, args.publish)
                except OSError as exc:
                    raise CliError(f"cannot write {args.publish}: {exc.strerror or exc}") from None
                print(f"head published to {args.publish}: {head.line().strip()}")
    finally:
        db.dispose()
    return 0 if result.intact else BROKEN
