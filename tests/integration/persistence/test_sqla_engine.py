"""The engine's SQLite settings and the translation of driver failures into StorageError."""

import pytest
import sqlalchemy as sa

from application.errors import StorageError
from infrastructure.persistence import SqlaUnitOfWorkFactory, create_engine
from infrastructure.persistence.engine import database_url
from tests.integration.persistence.lesson_mother import make_lesson


@pytest.mark.req("RDS-029")
async def test_sqlite_connections_get_the_pragmas_and_a_folder(fresh_sqlite_url: str) -> None:
    engine = create_engine(fresh_sqlite_url)
    try:
        async with engine.connect() as connection:
            settings = [
                (await connection.exec_driver_sql(f"PRAGMA {name}")).scalar()
                for name in ("journal_mode", "busy_timeout", "foreign_keys", "synchronous")
            ]
    finally:
        await engine.dispose()
    assert settings == ["wal", 5000, 1, 1]  # synchronous 1 = NORMAL


@pytest.mark.req("RDS-030")
def test_urls_without_a_driver_get_the_async_one() -> None:
    assert database_url("sqlite:///var/x.db").drivername == "sqlite+aiosqlite"
    assert database_url("postgresql://u@h/db").drivername == "postgresql+asyncpg"
    assert database_url("postgresql+asyncpg://u@h/db").drivername == "postgresql+asyncpg"


@pytest.mark.req("RDS-030")
async def test_an_unreachable_database_is_a_retryable_storage_error() -> None:
    engine = create_engine("postgresql+asyncpg://postgres@127.0.0.1:1/nowhere")
    try:
        with pytest.raises(StorageError) as raised:
            async with SqlaUnitOfWorkFactory(engine)():
                pass
    finally:
        await engine.dispose()
    assert raised.value.retryable is True


@pytest.mark.req("RDS-030")
async def test_other_database_errors_are_storage_errors_that_are_not_retryable(
    uow: SqlaUnitOfWorkFactory,
) -> None:
    lesson = make_lesson()
    async with uow() as work:
        await work.lessons.add(lesson)
        await work.commit()
    async with uow() as work:
        with pytest.raises(StorageError) as raised:
            await work.lessons.add(make_lesson(id=lesson.id))  # same primary key
    assert raised.value.retryable is False
    assert isinstance(raised.value.__cause__, sa.exc.IntegrityError)
    assert str(lesson.id) not in str(raised.value) and lesson.id.hex not in str(raised.value)
