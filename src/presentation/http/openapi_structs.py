"""OpenAPI for msgspec Structs that forbid unknown fields: `additionalProperties: false`, as the server enforces.

Without it the document allows extra properties the server refuses (schemathesis found this).
"""

from typing import TYPE_CHECKING

import msgspec
from litestar._openapi.schema_generation.plugins.struct import StructSchemaPlugin
from litestar.openapi.spec import Schema
from litestar.typing import FieldDefinition

if TYPE_CHECKING:
    from litestar._openapi.schema_generation import SchemaCreator


class ClosedStructSchemaPlugin(StructSchemaPlugin):
    """Litestar's Struct schema, closed when the Struct sets `forbid_unknown_fields=True`."""

    def to_openapi_schema(self, field_definition: FieldDefinition, schema_creator: "SchemaCreator") -> Schema:
        """The usual component schema, with additionalProperties false for closed Structs."""
        schema = super().to_openapi_schema(field_definition, schema_creator)
        info = msgspec.inspect.type_info(field_definition.type_)
        if isinstance(info, msgspec.inspect.StructType) and info.forbid_unknown_fields:
            schema.additional_properties = False
        return schema
