"""What the header says about the platform: one place that reads the sync and catalog states.

Only cached values are read here (it runs on the UI thread every second): no I/O.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PlatformState:
    online: bool
    guides_as_of: str | None    # "MM-DD HH:MM" of the cached catalog when offline


def platform_state(ctx) -> PlatformState:
    # both the delivery worker and the catalog refresh talk to the platform; the most careful
    # reading wins, so the header never says online next to an "offline" banner
    readings = []
    sync, cache = ctx.services.sync, ctx.services.catalog
    if sync is not None:
        readings.append(bool(sync.status().online))
    if cache is not None:
        readings.append(not cache.offline)
    online = bool(readings) and all(readings)
    if cache is not None:
        fetched = cache.fetched_at
        if not online and fetched:
            when = fetched if isinstance(fetched, datetime) else datetime.fromtimestamp(fetched)
            return PlatformState(False, when.astimezone().strftime("%m-%d %H:%M"))
    return PlatformState(online, None)
