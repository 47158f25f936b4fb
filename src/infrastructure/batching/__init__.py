"""Coalescing concurrent calls into batches."""
