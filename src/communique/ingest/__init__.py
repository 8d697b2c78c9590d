"""Inputs → Articles (files, directories, JSONL, HTML, stdin)."""

from communique.ingest.readers import read_inputs

__all__ = ["read_inputs"]
