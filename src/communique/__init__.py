"""communique: code French and English news about relations between states into PLOVER events."""

__version__ = "0.1.0"
