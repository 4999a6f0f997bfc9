"""The catalog the screens read: the current Catalog and its SearchIndex, swapped atomically when a
refresh in the background brings a new revision. Screens never wait on the network for it."""
from __future__ import annotations

import logging
import threading
from datetime import datetime
from typing import Callable

from kiosk.area_state import StatePart, english
from kiosk.catalog import Catalog

log = logging.getLogger(__name__)


class CatalogArea:
    def __init__(self, cache, on_change: Callable[[], None] | None = None):
        self.cache = cache
        self.on_change = on_change
        self.catalog: Catalog = Catalog.empty()
        self.index = _EmptyIndex()
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._started = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def offline(self) -> bool:
        return bool(self.cache.offline)

    @property
    def fetched_at(self):
        return self.cache.fetched_at

    @property
    def state_parts(self) -> tuple[StatePart, ...]:
        if self.offline:
            return (StatePart("offline, guides as of %1", (self.as_of_text(),)),)
        return (StatePart("%1 services", (str(len(self.catalog.items)),)),)

    @property
    def state(self) -> str:
        return english(self.state_parts)

    def as_of_text(self) -> str:
        when = self.fetched_at
        if not when:
            return "—"
        if not isinstance(when, datetime):
            when = datetime.fromtimestamp(when)
        return when.astimezone().strftime("%Y-%m-%d %H:%M")

    def _install(self, catalog: Catalog) -> None:
        if catalog is self.catalog:
            return
        from kiosk.search import SearchIndex   # pypinyin's dictionaries take 0.2 s to import
        index = SearchIndex(catalog.items)
        with self._lock:
            self.catalog, self.index = catalog, index
        log.info("catalog installed: %d items (revision %s)", len(catalog), catalog.revision)
        if self.on_change:
            self.on_change()

    def load_initial(self) -> None:
        """At start: what the disk cache holds, so guides show even with the platform down."""
        self._install(self.cache.catalog)

    def refresh_now(self) -> None:
        """Ask the platform (ETag); the cache never raises for platform trouble."""
        self.cache.refresh()
        self._install(self.cache.catalog)

    def start(self, interval_s: float) -> None:
        """Refresh in the background now and then every interval_s."""
        def loop() -> None:
            first = True
            while not self._stop.is_set():
                try:
                    self.refresh_now()
                except Exception as exc:   # the cache keeps serving; the header shows offline
                    log.warning("catalog refresh failed: %s", exc)
                if first:
                    first = False
                    self._started.set()
                self._stop.wait(interval_s)
        self._thread = threading.Thread(target=loop, name="catalog-refresh", daemon=True)
        self._thread.start()

    def wait_first_refresh(self, timeout: float) -> bool:
        return self._started.wait(timeout)

    def stop(self) -> None:
        self._stop.set()
        if self._thread:
            self._thread.join(timeout=5)


class _EmptyIndex:
    def search(self, query: str, limit: int | None = None) -> list:
        return []
