"""Adding articles from links and news feeds: fetch, extract, write to seeds/, reload (no chat platform here)."""
from __future__ import annotations
