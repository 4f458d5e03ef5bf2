"""The demo station: its data loads on both backends, its traffic is believable, its screenshots are real."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from sqlalchemy import func, select

from console.domain.alarm import Role
from console.domain.priority import EventCategory
from console.domain.signals import Qualifier
from console.resources import resource
from console.services.alarm_desk import AlarmDesk
from console.services.demo_data import demo_sites, load_demo
from console.simulator.demo_traffic import INTRUSION_DETECTORS, DemoTraffic
from console.storage import alarms as alarm_store
from console.storage.demo_mark import is_demo
from console.storage.engine import Database
from console.storage.operators import authenticate
from console.storage.signals import history
from console.storage.sites import find_transmitter, load_site_file
from console.storage.station import read_statuses
from console.storage.tables import SiteRow
from tests.factories import T0

DEMO = resource("demo")


def test_demo_loads_twenty_sites_with_plans_once(db: Database) -> None:
    added = load_demo(db, DEMO)
    assert added >= 20
    assert load_demo(db, DEMO) == 0  # idempotent
    with db.read() as session:
        assert session.execute(select(func.count()).select_from(SiteRow)).scalar_one() == added
        for site in demo_sites(DEMO):
            transmitter = find_transmitter(session, site.account, site.line)
            assert transmitter is not None
            site_file = load_site_file(session, transmitter.site_id)
            assert site_file is not None
            assert site_file.plans and all(p.content.lstrip().startswith(b"<") for p in site_file.plans)
            placed = [z for z in site_file.zones if z.plan_id is not None and z.x is not None]
            assert len(placed) == len(site_file.zones) >= 6
            assert len(site_file.contacts) >= 2 and all(c.has_password for c in site_file.contacts)
            assert site_file.procedure_for(EventCategory.INTRUSION) is not None
        demo = authenticate(session, "demo", "demo")
        chef = authenticate(session, "chef", "chef")
    assert demo is not None and demo.role is Role.OPERATOR
    assert chef is not None and chef.role is Role.SUPERVISOR
    with db.engine.connect() as connection:  # the short, published passwords: in a marked demo only
        assert is_demo(connection)


def test_intrusion_walk_crosses_several_intrusion_zones_in_time_order() -> None:
    sites = demo_sites(DEMO)
    traffic = DemoTraffic(sites, seed=7)
    site = sites[0]
    traffic.start_scenario(T0, "intrusion_walk", site)
    signals = traffic.due(T0 + timedelta(minutes=1))
    assert len(signals) >= 2 and traffic.pending == 0
    zones = {z.number: z for z in site.zones}
    assert all(zones[s.zone].detector_type in INTRUSION_DETECTORS for s in signals if s.zone)
    times = [s.received_at for s in signals]
    assert times == sorted(times) and times[0] == T0
    assert len({s.zone for s in signals}) == len(signals)
    assert {s.category for s in signals} == {EventCategory.INTRUSION}


def test_traffic_only_hands_out_what_is_due() -> None:
    traffic = DemoTraffic(demo_sites(DEMO), seed=3)
    traffic.start_scenario(T0, "intrusion_walk")
    first = traffic.due(T0)
    assert len(first) == 1
    assert traffic.pending >= 1


def test_demo_traffic_feeds_the_desk(sqlite_db: Database) -> None:
    load_demo(sqlite_db, DEMO)
    traffic = DemoTraffic(demo_sites(DEMO), seed=11)
    for offset in range(40):
        traffic.start_scenario(T0 + timedelta(seconds=offset * 4))
    signals = traffic.due(T0 + timedelta(hours=1))
    result = AlarmDesk(sqlite_db).ingest(signals)
    assert result.stored == len(signals)
    with sqlite_db.read() as session:
        open_alarms = alarm_store.open_alarms(session)
    assert open_alarms and all(a.site_id is not None for a in open_alarms)  # every demo account is known
    assert any(s.qualifier is Qualifier.RESTORE for s in signals) or any(
        s.category is EventCategory.TEST for s in signals
    )


@pytest.mark.slow
def test_demo_screenshot_writes_two_real_pngs(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "VIGIE_MUTE": "1",
        "VIGIE_DATA_DIR": str(tmp_path / "data"),
    }
    out = tmp_path / "shots"
    result = subprocess.run(
        [sys.executable, "-m", "console", "demo", "--screenshot", str(out)],
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    for name, min_width in (("queue.png", 1000), ("site.png", 1000), ("plan.png", 400)):
        image = QImage(str(out / name))
        assert not image.isNull() and image.width() >= min_width
        colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
        assert len(colours) > 20, f"{name} looks blank"


@pytest.mark.slow
def test_demo_feeds_its_queue_through_the_receiver_and_stops_cleanly(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "VIGIE_MUTE": "1",
        "VIGIE_DATA_DIR": str(data),
        "VIGIE_EXIT_AFTER_S": "4",
    }
    result = subprocess.run(
        [sys.executable, "-m", "console", "demo"], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "receiver listening on tcp 127.0.0.1:" in result.stdout
    db = Database.from_url(f"sqlite:///{data / 'demo.sqlite'}")
    with db.read() as session:
        rows = list(history(session))
        statuses = read_statuses(session)
    db.dispose()
    assert rows and all(r["raw"] and r["sequence"] for r in rows)  # real DC-09 frames, not direct inserts
    assert [s.state for s in statuses] == ["stopped"]  # the embedded receiver shut down in order
