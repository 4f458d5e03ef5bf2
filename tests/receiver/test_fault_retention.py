"""Retention of `transmission_fault` (issue 15, item 3): the receiver service deletes, now and then
and a batch per transaction, the faults past their age and the oldest beyond the row cap."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from sqlmodel import col, select

from console.receiver.server import ReceiverConfig
from console.services.receiver_service import ReceiverService
from console.storage.engine import Database
from console.storage.faults import FaultDraft, record_faults
from console.storage.tables import TransmissionFaultRow
from tests.factories import T0, SteppingClock
from tests.receiver.test_server_attack import until


def add_faults(db: Database, ages_s: list[float]) -> None:
    faults = [
        FaultDraft(T0 - timedelta(seconds=age), "nak_bad_crc", f"age {age:g}", peer="192.0.2.9")
        for age in ages_s
    ]
    with db.write() as session:
        record_faults(session, faults)


def kept(db: Database) -> list[str]:
    with db.read() as session:
        query = select(TransmissionFaultRow.detail).order_by(col(TransmissionFaultRow.id))
        return list(session.execute(query).scalars())


def test_the_receiver_service_deletes_old_and_excess_faults_in_batches(db: Database) -> None:
    day = 86400.0
    old = [40 * day + n for n in range(30)]  # past the 30 days
    recent = [3600.0 - 60 * n for n in range(30)]  # the last hour, oldest first
    add_faults(db, old + recent)
    config = ReceiverConfig(
        tcp=(("127.0.0.1", 0),),
        fault_retention_days=30,
        fault_max_rows=20,
        fault_prune_batch=7,
        fault_prune_every_s=0.05,
    )

    async def main() -> tuple[int, int]:
        service = ReceiverService(db, config, clock=SteppingClock(T0), placement="off")
        await service.start()
        try:
            await until(lambda: service.faults_pruned >= 40)
            await asyncio.sleep(0.15)  # a few more periods: nothing more to delete
        finally:
            await service.stop()
        return service.faults_pruned, service.fault_prune_batches

    pruned, batches = asyncio.run(main())
    assert pruned == 40
    assert batches == 7  # 30 old rows in 7+7+7+7+2, then 10 beyond the cap in 7+3
    assert kept(db) == [f"age {age:g}" for age in recent[10:]]  # the 20 newest


def test_nothing_is_deleted_within_the_retention(db: Database) -> None:
    add_faults(db, [10.0, 20.0])
    service = ReceiverService(db, ReceiverConfig(tcp=(("127.0.0.1", 0),)), clock=SteppingClock(T0))
    assert service.prune_faults() == 0
    assert kept(db) == ["age 10", "age 20"]
