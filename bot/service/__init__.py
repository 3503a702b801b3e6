"""Running the bot as a service: health, work in flight, supervised start-up, reloads, logs."""
from __future__ import annotations
