"""The citizen's session: personal data in memory only, wiped when the session ends."""
from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Any, Callable


@dataclass
class Identity:
    """Who the citizen is, as read from a card or confirmed by the platform."""
    source: str                 # "idcard", "ssc", "qr", ...
    name: str
    id_number: str
    extra: dict[str, Any] = field(default_factory=dict)   # card fields, photo bytes, ...


class Session:
    """Everything personal about the current citizen. Nothing here is written to disk or logged."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._data: dict[str, Any] = {}
        self._wipe_hooks: list[Callable[[], None]] = []
        self.identity: Identity | None = None
        self.started_at = time.monotonic()
        self.elderly_mode = False

    def put(self, key: str, value: Any) -> None:
        with self._lock:
            self._data[key] = value

    def get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            return self._data.get(key, default)

    def on_wipe(self, hook: Callable[[], None]) -> None:
        """Register cleanup for data held elsewhere (frames, embeddings, temp files)."""
        self._wipe_hooks.append(hook)

    def wipe(self) -> None:
        """Forget the citizen: identity, stored values (overwriting byte buffers), then hooks."""
        with self._lock:
            _zero_buffers(self._data.values())
            self._data.clear()
            if self.identity is not None:
                # the decoded photo, but also the card's raw WLT photo and fingerprint template:
                # every buffer, whatever its key
                _zero_buffers(self.identity.extra.values())
                self.identity.extra.clear()
            self.identity = None
            hooks, self._wipe_hooks = self._wipe_hooks, []
        for hook in hooks:
            hook()
        self.started_at = time.monotonic()

    @property
    def active(self) -> bool:
        return self.identity is not None or bool(self._data)


def _zero_buffers(values) -> None:
    """Overwrite mutable byte buffers in place: dropping the reference leaves the bytes readable
    in memory until something reuses it."""
    for value in values:
        if isinstance(value, bytearray):
            value[:] = bytes(len(value))
