"""Limits that protect the service and its users: login throttling and per-user lesson rate, quota and budget."""
