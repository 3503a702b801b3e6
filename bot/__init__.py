"""talksbot: answers questions about the US–Ukraine peace talks from a sourced fact base."""
from __future__ import annotations

__version__ = "0.1.0"
