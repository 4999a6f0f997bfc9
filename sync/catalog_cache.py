"""The service catalog kept on disk and refreshed from the platform with ETag / If-None-Match.

The kiosk must start and show guides with the platform down, so the last good catalog lives in one
JSON file in the data directory (written atomically: a power cut leaves the old file or the new one,
never half of one). refresh() asks the platform whether the catalog changed; a 304 costs one small
request. When the platform cannot be reached the cached catalog stays in use and the state says
"offline, guides as of <fetched_at>". First start with no cache and no platform: an empty catalog
and the offline state, never a crash.

sync/ does not know the catalog's domain model: the caller passes `parse` (kiosk.catalog's
Catalog.from_payload) and the cache keeps whatever it returns; a payload that does not parse is
refused and the previous catalog stays.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Generic, TypeVar

from sync.client import PlatformClient, PlatformClientError, PlatformUnavailable

log = logging.getLogger(__name__)

CATALOG_PATH = "/api/v1/catalog"
CACHE_FILE = "catalog-cache.json"
FORMAT = 1

T = TypeVar("T")


@dataclass(frozen=True)
class CatalogState:
    """What the screens show about the catalog's freshness."""
    offline: bool                  # the last attempt to reach the platform failed (or none yet)
    fetched_at: datetime | None    # when the platform last confirmed the catalog (200 or 304), UTC
    items: int                     # number of items in the catalog in use
    revision: str                  # the catalog's ETag ('' when empty)
    error_code: str | None         # the client error code of the last failure, if any

    @property
    def has_guides(self) -> bool:
        return self.items > 0


class CatalogCache(Generic[T]):
    def __init__(self, client: PlatformClient | None, path: str | os.PathLike,
                 parse: Callable[[dict[str, Any]], T], empty: Callable[[], T],
                 clock: Callable[[], datetime] = lambda: datetime.now(timezone.utc)):
        self.client = client
        self.path = Path(path)
        self._parse = parse
        self._empty = empty
        self._clock = clock
        self._lock = threading.Lock()          # one refresh at a time
        self._listeners: list[Callable[[T, CatalogState], None]] = []
        self._catalog: T = empty()
        self._items = 0
        self._etag: str | None = None
        self._fetched_at: datetime | None = None
        self._offline = True                   # until the platform has answered once
        self._error_code: str | None = None
        self._payload: dict[str, Any] | None = None
        self.last_status: str | None = None    # of the last refresh(), see refresh()
        self._load()

    @classmethod
    def from_config(cls, cfg, client: PlatformClient | None, parse: Callable[[dict], T],
                    empty: Callable[[], T]) -> "CatalogCache[T]":
        return cls(client, cfg.data_path(CACHE_FILE), parse, empty)

    # -- what the kiosk reads ------------------------------------------------------------------
    @property
    def catalog(self) -> T:
        return self._catalog

    @property
    def offline(self) -> bool:
        return self._offline

    @property
    def fetched_at(self) -> datetime | None:
        return self._fetched_at

    @property
    def etag(self) -> str | None:
        return self._etag

    def state(self) -> CatalogState:
        return CatalogState(self._offline, self._fetched_at, self._items, self._etag or "",
                            self._error_code)

    def on_change(self, listener: Callable[[T, CatalogState], None]) -> None:
        """listener(catalog, state) after every refresh (from the refreshing thread)."""
        self._listeners.append(listener)

    def load(self) -> T:
        """The catalog from the disk cache (read when the cache was made; no I/O here), so a
        kiosk shows guides at start before, or without, any answer from the platform."""
        return self._catalog

    # -- refreshing ----------------------------------------------------------------------------
    def refresh(self) -> T:
        """Ask the platform for a newer catalog; returns the catalog in use afterwards (a new
        object when it changed, the same one otherwise). Never raises for platform trouble.

        last_status says what happened: "updated", "unchanged" (a 304), "offline" (the
        platform could not be reached: the cached catalog stays) or "rejected" (the platform
        refused, or sent a catalog that does not parse: the cached catalog stays)."""
        with self._lock:
            self.last_status = self._refresh()
            state = self.state()
            catalog = self._catalog
        for listener in list(self._listeners):
            try:
                listener(catalog, state)
            except Exception:
                log.exception("catalog listener failed")
        return catalog

    def _refresh(self) -> str:
        if self.client is None:
            self._offline, self._error_code = True, "platform_not_configured"
            return "offline"
        try:
            code, data, etag = self.client.get_json(CATALOG_PATH, etag=self._etag)
        except PlatformUnavailable as exc:
            log.warning("catalog refresh: platform unavailable (%s); using %d cached items",
                        exc.code, self._items)
            self._offline, self._error_code = True, exc.code
            return "offline"
        except PlatformClientError as exc:
            log.error("catalog refresh refused: %s", exc)
            self._offline, self._error_code = False, exc.code
            return "rejected"
        now = self._clock()
        if code == 304:
            self._offline, self._error_code, self._fetched_at = False, None, now
            self._write()
            return "unchanged"
        try:
            catalog = self._parse(data)
        except (ValueError, TypeError, KeyError) as exc:
            log.error("catalog from the platform refused, keeping the cached one: %s", exc)
            self._offline, self._error_code = False, "catalog_bad_data"
            return "rejected"
        self._install(catalog, data, etag, now)
        self._offline, self._error_code = False, None
        self._write(data)
        return "updated"

    def _install(self, catalog: T, payload: dict[str, Any], etag: str | None,
                 fetched_at: datetime | None) -> None:
        self._catalog = catalog
        self._payload = payload
        self._items = len(payload.get("items") or ())
        self._etag = etag
        self._fetched_at = fetched_at

    # -- disk ----------------------------------------------------------------------------------
    def _load(self) -> None:
        if not self.path.is_file():
            return
        try:
            stored = json.loads(self.path.read_text(encoding="utf-8"))
            if stored.get("format") != FORMAT:
                raise ValueError(f"unknown cache format {stored.get('format')!r}")
            payload = stored["catalog"]
            catalog = self._parse(payload)
            fetched = stored.get("fetched_at")
            self._install(catalog, payload, stored.get("etag"),
                          datetime.fromisoformat(fetched) if fetched else None)
        except (OSError, ValueError, TypeError, KeyError) as exc:
            # A damaged cache must not stop the kiosk: set it aside for staff and start empty.
            aside = self.path.with_suffix(".corrupt")
            log.error("catalog cache %s unreadable (%s); moved to %s", self.path, exc, aside)
            try:
                os.replace(self.path, aside)
            except OSError as move_exc:
                log.error("cannot move the damaged cache aside: %s", move_exc)

    def _write(self, payload: dict[str, Any] | None = None) -> None:
        payload = payload if payload is not None else self._payload
        if payload is None:
            return
        document = {"format": FORMAT, "etag": self._etag,
                    "fetched_at": self._fetched_at.isoformat() if self._fetched_at else None,
                    "catalog": payload}
        tmp = self.path.with_suffix(".tmp")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(document, fh, ensure_ascii=False, separators=(",", ":"))
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
        except OSError as exc:
            # The catalog in memory is still good; the next refresh will try to write again.
            log.error("cannot write the catalog cache %s: %s", self.path, exc)
