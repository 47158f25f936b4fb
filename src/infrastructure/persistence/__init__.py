"""Persistence adapters: SQLAlchemy 2 async Core on PostgreSQL (asyncpg) or SQLite (aiosqlite).

Public entry points: `create_engine`, `SqlaUnitOfWorkFactory`, `upgrade_database` / `downgrade_database`.
Importing this package connects to nothing.
"""

from infrastructure.persistence.engine import create_engine
from infrastructure.persistence.migrate import downgrade_database, upgrade_database
from infrastructure.persistence.sqla_unit_of_work import SqlaUnitOfWork, SqlaUnitOfWorkFactory

__all__ = [
    "SqlaUnitOfWork",
    "SqlaUnitOfWorkFactory",
    "create_engine",
    "downgrade_database",
    "upgrade_database",
]
