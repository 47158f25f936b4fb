"""Alembic migrations of the Lessonsmith schema (run them through `infrastructure.persistence.migrate`)."""
