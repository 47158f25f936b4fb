"""Docs as code: regenerate the generated sections of the design documents and check them against the code."""
