"""Integration tests of the SQLAlchemy persistence adapters on SQLite and PostgreSQL."""
