"""The receiving side: `vigie receive`, `vigie place`, and the panel simulator `vigie simulate`."""

from __future__ import annotations

import argparse
import sys

from console.cli.common import (
    SIMULATION_SCENARIOS,
    CliError,
    Parser,
    Subcommands,
    account,
    count,
    db_url,
    hex_key,
    host_port,
    network,
    positive_float,
    positive_int,
    receiver_limit,
)


def register(sub: Subcommands, station_db: Parser) -> None:
    receive = sub.add_parser(
        "receive", parents=[station_db], help="run the SIA DC-09 receiver service (headless)"
    )
    receive.add_argument(
        "--listen",
        type=host_port,
        action="append",
        required=True,
        metavar="HOST:PORT",
        help="TCP address to listen on (port 0 picks a free one); may be repeated",
    )
    receive.add_argument("--udp", type=host_port, action="append", default=[], metavar="HOST:PORT")
    receive.add_argument(
        "--window-past",
        type=float,
        default=40.0,
        metavar="SECONDS",
        help="oldest accepted message timestamp (default 40 s before now)",
    )
    receive.add_argument(
        "--window-future",
        type=float,
        default=20.0,
        metavar="SECONDS",
        help="newest accepted message timestamp (default 20 s after now)",
    )
    receive.add_argument(
        "--limit",
        type=receiver_limit,
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set one of the receiver's limits (connections, deadlines, UDP rate; see the README)",
    )
    receive.add_argument(
        "--allow",
        type=network,
        action="append",
        default=[],
        metavar="NETWORK",
        help="only peers in this network (CIDR, e.g. 203.0.113.0/24) are served; may be repeated "
        "(default: any peer)",
    )
    receive.add_argument(
        "--placement",
        choices=["process", "thread", "off"],
        default="process",
        help="where signals are grouped into alarms after their ACK: a child `vigie place` process "
        "(default), a thread of the receiver, or off (a separate `vigie place` does it)",
    )

    place = sub.add_parser(
        "place",
        help="group the signals stored by receivers into alarms (when receivers run with --placement off)",
    )
    place.add_argument(
        "--db",
        dest="sub_db",
        metavar="URL",
        help="database URL (default: $VIGIE_DB, else the console's default database)",
    )
    place.add_argument(
        "--poll", type=float, default=0.2, metavar="SECONDS", help="pause when nothing waits (0.2 s)"
    )
    place.add_argument("--parent-pid", type=int, help=argparse.SUPPRESS)  # exit when this process is gone

    simulate = sub.add_parser(
        "simulate",
        help="simulated alarm panels sending DC-09 traffic to a receiver",
        description="Simulated panels send realistic DC-09 traffic to a receiver, retrying like real "
        "transmitters, then print a one-line JSON summary. Exit status: 0 when every frame was "
        "acknowledged, 3 when some were not, 1 when the receiver cannot be reached.",
    )
    simulate.add_argument("--to", type=host_port, required=True, metavar="HOST:PORT", help="the receiver")
    simulate.add_argument(
        "--accounts", type=positive_int, default=10, metavar="N", help="panels (default 10)"
    )
    simulate.add_argument(
        "--rate",
        type=positive_float,
        default=10.0,
        metavar="R",
        help="frames per second, all panels (default 10)",
    )
    simulate.add_argument(
        "--duration", type=positive_float, default=10.0, metavar="S", help="seconds of sending (default 10)"
    )
    simulate.add_argument("--aes-key", type=hex_key, metavar="HEX", help="encrypt every frame with this key")
    simulate.add_argument(
        "--scenario",
        default="mixed",
        choices=SIMULATION_SCENARIOS,
        help="traffic to send (default mixed; null sends link tests only)",
    )
    simulate.add_argument(
        "--first-account",
        type=account,
        default="100001",
        metavar="HEX",
        help="first account (default 100001)",
    )
    simulate.add_argument("--protocol", choices=["ADM-CID", "SIA-DCS", "mixed"], default="mixed")
    simulate.add_argument("--udp", action="store_true", help="send over UDP instead of TCP")
    simulate.add_argument("--log", metavar="FILE", help="write one JSON line per acknowledged signal")
    simulate.add_argument("--seed", type=int, metavar="N", help="seed of the traffic, for a replayable run")
    simulate.add_argument(
        "--timeout",
        type=positive_float,
        default=2.0,
        metavar="SECONDS",
        help="wait for an answer (default 2)",
    )
    simulate.add_argument(
        "--retries",
        type=count,
        default=5,
        metavar="N",
        help="resends after a timeout or a lost connection (default 5)",
    )
    simulate.add_argument(
        "--allow-loss", action="store_true", help="exit 0 even when frames were not acknowledged"
    )
    receive.set_defaults(handler=receive_run)
    place.set_defaults(handler=place_run)
    simulate.set_defaults(handler=simulate_run)


def receive_run(args: argparse.Namespace) -> int:
    import asyncio
    import json
    import logging
    import signal

    from console.receiver.server import ReceiverConfig
    from console.services.receiver_service import ReceiverService
    from console.storage import migrate
    from console.storage.engine import Database, check_connection

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    db = Database.from_url(db_url(args))
    check_connection(db.engine)
    migrate.upgrade(db.engine)
    config = ReceiverConfig(
        tcp=args.listen,
        udp=args.udp,
        window_past_s=args.window_past,
        window_future_s=args.window_future,
        allowed_networks=tuple(args.allow),
        **dict(args.limit),
    )

    # The event loop and the commit thread take turns on the interpreter lock; the default 5 ms
    # hand-over interval would add up to 5 ms to every ACK of a batch.
    sys.setswitchinterval(0.0005)

    async def serve() -> None:
        service = ReceiverService(db, config, placement=args.placement)
        try:
            endpoints = await service.start()
        except OSError as exc:
            raise CliError(f"cannot listen: {exc.strerror or exc}") from None
        for endpoint in endpoints:
            print(f"listening on {endpoint}", flush=True)
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(signum, stop.set)
        await stop.wait()
        await service.stop()  # the batch in flight is committed and acknowledged first
        logging.getLogger("console.receiver").info(
            "receiver counters: %s", json.dumps(service.receiver.counters(), sort_keys=True)
        )

    asyncio.run(serve())
    db.dispose()
    return 0


def place_run(args: argparse.Namespace) -> int:
    import logging
    import os
    import signal
    import threading

    from console.services.alarm_desk import AlarmDesk
    from console.services.placement import SignalPlacement
    from console.storage import migrate
    from console.storage.engine import Database, DatabaseUnavailable, check_connection

    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s", stream=sys.stderr
    )
    # The receiver hands its child the URL in VIGIE_DB (a password stays out of `ps`); run by hand
    # without either, it places on the console's own default database, as `vigie` opens it.
    url = (
        getattr(args, "sub_db", None)
        or getattr(args, "db", None)
        or os.environ.get("VIGIE_DB")
        or db_url(args)
    )
    db = Database.from_url(url, must_exist=True)
    check_connection(db.engine)
    migrate.upgrade(db.engine)
    placement = SignalPlacement(AlarmDesk(db))
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    print("placing signals", flush=True)
    while not stop.is_set():
        if args.parent_pid is not None and os.getppid() != args.parent_pid:
            break  # the receiver that started this process is gone (even before we were ready)
        try:
            if placement.place_pending().placed < placement.chunk:
                stop.wait(args.poll)
        except DatabaseUnavailable as exc:
            print(f"vigie place: waiting for the database: {exc}", file=sys.stderr, flush=True)
            stop.wait(1.0)
    db.dispose()
    return 0


def simulate_run(args: argparse.Namespace) -> int:
    import asyncio
    from pathlib import Path

    from console.simulator import SimulatorConfig, TargetUnreachable, run_simulation

    host, port = args.to
    config = SimulatorConfig(
        host=host,
        port=port,
        accounts=args.accounts,
        rate=args.rate,
        duration_s=args.duration,
        first_account=args.first_account,
        protocol=args.protocol,
        scenario=args.scenario,
        aes_key=bytes.fromhex(args.aes_key) if args.aes_key else None,
        udp=args.udp,
        timeout_s=args.timeout,
        retries=args.retries,
        log_path=Path(args.log) if args.log else None,
        seed=args.seed,
    )
    try:
        summary = asyncio.run(run_simulation(config))
    except TargetUnreachable as exc:
        raise CliError(str(exc)) from None
    except OSError as exc:  # the log file cannot be written
        raise CliError(f"cannot write {args.log}: {exc.strerror or exc}") from None
    print(summary.to_json(), flush=True)
    if summary.all_acked or args.allow_loss:
        return 0
    print(
        f"vigie: {summary.sent - summary.acked} of {summary.sent} frames were not acknowledged",
        file=sys.stderr,
    )
    return 3
