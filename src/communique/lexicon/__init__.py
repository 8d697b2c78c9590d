"""Loaders for the language data in ``communique/data`` (TSV files with a README)."""
