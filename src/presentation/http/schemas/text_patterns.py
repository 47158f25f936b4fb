"""Patterns that make the documented input shapes match what the domain's value objects accept,
so a body the OpenAPI document calls valid is never refused by a value object."""

# At least one visible character; no control characters other than whitespace (which is folded).
VISIBLE_TEXT = r"^[^\x00-\x08\x0e-\x1b\x7f]*[^\s\x00-\x08\x0e-\x1b\x7f][^\x00-\x08\x0e-\x1b\x7f]*$"
USERNAME = r"^[A-Za-z0-9._-]{3,40}$"
INTEREST = r"^\s*\w[\w '&.-]*$"
