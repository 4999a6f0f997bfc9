"""Whether the last kiosk process ended cleanly: a marker file exists while the sync area runs.

kill -9, a crash of the interpreter or a power cut leave it behind; the next start finds it and
tells staff (nothing queued is lost then: the outbox is on disk, but a citizen may have been cut
off in the middle of a transaction, which staff should know of).
"""
from __future__ import annotations

import os
import time
from pathlib import Path


class RunMarker:
    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)

    def begin(self) -> float | None:
        """Mark this process as running. Returns when the previous process started if it never
        ended cleanly (0.0 when its marker cannot be read), else None."""
        previous: float | None = None
        try:
            previous = float(self.path.read_text(encoding="ascii").split()[0])
        except FileNotFoundError:
            previous = None
        except (OSError, ValueError, IndexError):
            previous = 0.0                 # a marker we cannot read is still a marker
        tmp = self.path.with_name(self.path.name + ".tmp")
        tmp.write_text(f"{time.time():.0f} {os.getpid()}\n", encoding="ascii")
        os.replace(tmp, self.path)
        return previous

    def end(self) -> None:
        """This process shuts down cleanly."""
        self.path.unlink(missing_ok=True)
