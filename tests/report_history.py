"""A plausible history of closed alarms over the station's sites, for screenshots and timings.

Written in bulk (Core inserts, a few thousand rows per statement); seeded, so two runs give the
same station. `python -m tests.report_history URL DAYS PER_DAY` fills a database from the shell.
"""

from __future__ import annotations

import random
import sys
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert, select
from sqlmodel import col

from console.domain.alarm import Role
from console.storage import migrate
from console.storage.engine import Database
from console.storage.operators import add_operator
from console.storage.tables import AlarmRow, DispatchRow, OperatorRow, SiteRow

_CATEGORIES = [
    ("intrusion", 55),
    ("technical", 15),
    ("supervision", 10),
    ("fire", 5),
    ("panic", 4),
    ("tamper", 6),
    ("medical", 5),
]
_FALSE = ["false_alarm_user", "false_alarm_technical", "false_alarm_environment"]
_HOUR_WEIGHTS = [3, 2, 2, 2, 2, 3, 5, 8, 9, 7, 6, 6, 6, 6, 6, 6, 7, 9, 10, 9, 7, 6, 5, 4]


def _operators(db: Database) -> list[int]:
    with db.write() as session:
        ids = [
            r for r in session.execute(select(OperatorRow.id).where(OperatorRow.role == "operator")).scalars()
        ]
        for login, name in (("amelie", "Amélie"), ("bruno", "Bruno"), ("chloe", "Chloé"), ("driss", "Driss")):
            if len(ids) >= 4:
                break
            if session.execute(select(OperatorRow.id).where(OperatorRow.login == login)).scalar() is None:
                ids.append(add_operator(session, login, name, "secret-" + login, Role.OPERATOR).id)
    return [i for i in ids if i is not None]


def _alarm(
    rng: random.Random, day: datetime, sites: list[int], noisy: set[int], operators: list[int]
) -> dict[str, object]:
    categories, weights = zip(*_CATEGORIES, strict=True)
    site = rng.choice(sites)
    hour = rng.choices(range(24), _HOUR_WEIGHTS)[0]
    created = day + timedelta(hours=hour, seconds=rng.uniform(0, 3600))
    taken = created + timedelta(seconds=min(rng.lognormvariate(2.8, 0.6), 400))
    closed = taken + timedelta(seconds=rng.lognormvariate(6.0, 0.8))
    category = rng.choices(categories, weights)[0]
    disposition = (
        rng.choice(_FALSE) if rng.random() < (0.85 if site in noisy else 0.5) else "no_action_needed"
    )
    if category == "fire" and rng.random() < 0.2:
        disposition = "confirmed_fire"
    return {
        "site_id": site,
        "account": "",
        "state": "closed",
        "priority": 1 if category in ("fire", "panic", "medical") else 2,
        "category": category,
        "title": category,
        "created_at": created,
        "last_signal_at": created,
        "taken_at": taken,
        "closed_at": closed,
        "operator_id": rng.choice(operators),
        "disposition": disposition,
    }


def fill_history(db: Database, start: datetime, days: int, per_day: int, seed: int = 7) -> int:
    """Closed alarms over `days` days from `start`, about `per_day` a day; returns how many."""
    rng = random.Random(seed)
    with db.read() as session:
        sites = list(session.execute(select(SiteRow.id)).scalars())
    if not sites:
        raise ValueError("the database has no site: load the demo first")
    noisy = set(rng.sample(sites, max(1, len(sites) // 5)))  # a few sites false-alarm a lot
    operators = _operators(db)
    alarms: list[dict[str, object]] = []
    written = 0
    with db.write() as session:
        for day in range(days):
            for _ in range(max(0, int(rng.gauss(per_day, per_day / 5)))):
                alarms.append(_alarm(rng, start + timedelta(days=day), sites, noisy, operators))
            if len(alarms) >= 20_000 or day == days - 1:
                session.execute(insert(AlarmRow), alarms)
                written += len(alarms)
                alarms = []
        first = session.execute(
            select(col(AlarmRow.id)).order_by(col(AlarmRow.id).desc()).offset(written - 1).limit(1)
        ).scalar_one()
        rows = session.execute(  # one alarm in ten had a guard sent
            select(AlarmRow.id, AlarmRow.created_at).where(
                col(AlarmRow.id) >= first, col(AlarmRow.id) % 10 == 0
            )
        ).all()
        dispatches = [
            {
                "alarm_id": alarm_id,
                "kind": "guard",
                "agreed_delay_min": rng.choice((20, 30)),
                "requested_at": created + timedelta(minutes=2),
                "on_site_at": created + timedelta(minutes=2 + rng.uniform(8, 40)),
            }
            for alarm_id, created in rows
        ]
        for chunk in range(0, len(dispatches), 5000):
            session.execute(insert(DispatchRow), dispatches[chunk : chunk + 5000])
    return written


if __name__ == "__main__":
    database = Database.from_url(sys.argv[1])
    migrate.upgrade(database.engine)
    begin = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0) - timedelta(
        days=int(sys.argv[2])
    )
    print(fill_history(database, begin, int(sys.argv[2]), int(sys.argv[3])), "alarms")
