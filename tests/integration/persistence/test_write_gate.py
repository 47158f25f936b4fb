"""The SQLite write gate: writers of one process take turns, and a unit of work always gives its turn back."""

import asyncio

import pytest

from application.errors import StorageError
from infrastructure.persistence import SqlaUnitOfWorkFactory
from infrastructure.persistence.write_gate import WriteGate, WriteTurn
from tests.hang_guard import HANG_GUARD_S
from tests.integration.persistence.lesson_mother import make_lesson

pytestmark = pytest.mark.req("RDS-029")


async def test_turns_are_taken_in_order() -> None:
    gate = WriteGate(timeout_seconds=HANG_GUARD_S)  # this gate's timeout is only a hang guard
    first, second = gate.turn(), gate.turn()
    await first.take()
    await first.take()  # already held: no deadlock with itself
    waiting = asyncio.create_task(second.take())
    await asyncio.sleep(0)  # one loop turn: the second turn now waits at the gate
    assert not waiting.done()
    first.give_back()
    await waiting
    second.give_back()
    second.give_back()  # harmless when not held


async def test_a_turn_kept_waiting_past_the_timeout_is_a_retryable_storage_error() -> None:
    gate = WriteGate(timeout_seconds=0.05)
    holder, late = gate.turn(), gate.turn()
    await holder.take()  # and never given back while `late` waits
    with pytest.raises(StorageError) as raised:
        await late.take()
    assert raised.value.retryable is True
    holder.give_back()
    await late.take()
    late.give_back()


async def test_a_turn_without_a_gate_never_waits() -> None:
    turn = WriteTurn()
    await turn.take()
    await WriteTurn().take()
    turn.give_back()


async def test_units_of_work_give_their_turn_back_on_commit_and_on_rollback(uow: SqlaUnitOfWorkFactory) -> None:
    for commit in (True, False, True):
        async with asyncio.timeout(2), uow() as work:
            await work.lessons.add(make_lesson())
            if commit:
                await work.commit()
                await work.lessons.add(make_lesson())  # a new transaction takes a new turn
