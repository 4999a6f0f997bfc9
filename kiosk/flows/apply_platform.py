"""The application endpoints of the platform (docs/platform-api-apply.yaml), through the kiosk's
one platform client (sync.client.PlatformClient, ctx.platform.client).

The items a kiosk takes and their forms are the same for everyone and change rarely, so the
last answers are kept on disk (`<data_dir>/apply-forms.json`, written whole through a temporary
file): with the platform unreachable an item that allows it can still be applied for, from the
form as last served. Person data and e-licences are never kept: offline the form is pre-filled
from the card alone and the e-licence materials are scanned instead.
"""
from __future__ import annotations

import json
import logging
import os
import threading
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sync.client import PlatformUnavailable

log = logging.getLogger(__name__)


class ApplyClient:
    def __init__(self, client: Any, cache_path: str | os.PathLike | None = None):
        self.client = client
        self.cache_path = Path(cache_path) if cache_path else None
        self._lock = threading.Lock()

    # ---- the forms cache ---------------------------------------------------------------------
    def _cache(self) -> dict[str, Any]:
        if self.cache_path is None or not self.cache_path.is_file():
            return {}
        try:
            return json.loads(self.cache_path.read_text("utf-8"))
        except (OSError, ValueError) as exc:     # damaged: served again on the next answer
            log.warning("application forms cache not readable: %s", type(exc).__name__)
            return {}

    def _keep(self, key: str, value: Any) -> None:
        if self.cache_path is None:
            return
        with self._lock:
            cache = self._cache()
            cache[key] = value
            temporary = self.cache_path.with_suffix(".tmp")
            try:
                temporary.write_text(json.dumps(cache, ensure_ascii=False), "utf-8")
                os.replace(temporary, self.cache_path)
            except OSError as exc:              # a full disk loses the cache, not the answer
                log.warning("application forms cache not written: %s", type(exc).__name__)

    def _cached(self, key: str, fetch) -> Any:
        try:
            value = fetch()
        except PlatformUnavailable:
            cached = self._cache().get(key)
            if cached is None:
                raise
            log.info("platform unreachable: %s from the cache", key)
            return cached
        self._keep(key, value)
        return value

    # ---- the endpoints -------------------------------------------------------------------------
    def items(self) -> list[dict[str, Any]]:
        return list(self._cached("items", lambda: self.client.get_json(
            "/api/v1/apply/items")[1]["items"]))

    def form(self, code: str) -> dict[str, Any]:
        return self._cached(f"form:{code}", lambda: self.client.get_json(
            f"/api/v1/apply/forms/{quote(code, safe='')}")[1])

    def prefill(self, code: str, id_number: str, name: str) -> dict[str, Any]:
        # the ID number goes in the body, never in a URL (URLs end up in logs); never cached
        return self.client.post_json("/api/v1/apply/prefill",
                                     {"item_code": code, "id_number": id_number, "name": name})[1]

    def submission_state(self, reference: str) -> dict[str, Any]:
        return self.client.get_json(f"/api/v1/apply/submissions/{quote(reference, safe='')}")[1]
