"""Front-ends: each translates a platform's events into questions and answers into messages."""
from __future__ import annotations
