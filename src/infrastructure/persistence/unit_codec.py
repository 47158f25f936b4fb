"""Teaching units to and from the JSON stored beside their curriculum document."""

from typing import Any

import msgspec

from domain.teaching_unit import TeachingUnit


def unit_to_json(unit: TeachingUnit) -> Any:
    """The unit as JSON-ready builtins."""
    return msgspec.to_builtins(unit)


def unit_from_json(value: Any) -> TeachingUnit | None:
    """The stored unit, or None for a row stored before documents were units."""
    return None if value is None else msgspec.convert(value, TeachingUnit)
