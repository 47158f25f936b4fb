"""The embedding column: pgvector's `vector(n)` on PostgreSQL, float32 bytes in a BLOB on SQLite."""

from collections.abc import Sequence
from typing import Any

import numpy as np
import sqlalchemy as sa
from pgvector.sqlalchemy import VECTOR
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeEngine

EMBEDDING_DIMENSION = 384


class EmbeddingType(sa.types.TypeDecorator[tuple[float, ...]]):
    """Stores a vector as `vector(dimension)` (PostgreSQL) or little-endian float32 bytes (elsewhere)."""

    impl = sa.LargeBinary
    cache_ok = True

    def __init__(self, dimension: int = EMBEDDING_DIMENSION) -> None:
        super().__init__()
        self.dimension = dimension

    def load_dialect_impl(self, dialect: Dialect) -> TypeEngine[Any]:
        """vector(n) on PostgreSQL, a BLOB elsewhere."""
        if dialect.name == "postgresql":
            return dialect.type_descriptor(VECTOR(self.dimension))
        return dialect.type_descriptor(sa.LargeBinary())

    def process_bind_param(self, value: Sequence[float] | None, dialect: Dialect) -> Any:
        """A float32 array for pgvector, its bytes for a BLOB."""
        if value is None:
            return None
        array = np.asarray(value, dtype="<f4")
        if array.shape != (self.dimension,):
            raise ValueError(f"an embedding must have {self.dimension} dimensions, not {array.shape}")
        return array if dialect.name == "postgresql" else array.tobytes()

    def process_result_value(self, value: Any, dialect: Dialect) -> tuple[float, ...] | None:
        """The stored vector as a tuple of floats."""
        if value is None:
            return None
        array = np.frombuffer(value, dtype="<f4") if isinstance(value, bytes | memoryview) else np.asarray(value)
        return tuple(array.astype(np.float64).tolist())
