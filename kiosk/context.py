"""The composition root's product: what every screen and flow may reach."""
from __future__ import annotations

import importlib
import logging
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable

from kiosk.config import Config
from kiosk.session import Session

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    config: Config
    session: Session
    bridge: Any                      # kiosk.bridge.DeviceBridge (Qt) or None in plain tests
    demo: bool = False
    platform: Any = None             # kiosk.wiring.platform.PlatformLink: the one platform client
    services: dict[str, Any] = field(default_factory=dict)   # area name -> service object
    _shutdown: list[Callable[[], None]] = field(default_factory=list)

    def add_demo_action(self, caption: str, fn: Callable[[], None]) -> None:
        """A control for the staff menu in --demo (e.g. "Place sample ID card"); caption in
        English, marked with QT_TRANSLATE_NOOP("DemoActions", ...) by the caller for translation."""
        self.services.setdefault("demo_actions", []).append((caption, fn))

    def on_shutdown(self, fn: Callable[[], None]) -> None:
        self._shutdown.append(fn)

    def shutdown(self) -> None:
        for fn in reversed(self._shutdown):
            try:
                fn()
            except Exception:
                log.exception("shutdown step failed")
        self._shutdown.clear()


# Run before the rest: the one platform client (with the kiosk credential) must exist before any
# area that talks to the platform is built. The others follow in name order.
FIRST = ("platform",)


def wire_all(ctx: AppContext) -> None:
    """Run every kiosk/wiring/*.py module's wire(ctx): FIRST, then the rest in name order.

    A wiring module builds its area's services from ctx.config (virtual twins in demo),
    puts them in ctx.services and registers their shutdown with ctx.on_shutdown.
    A device that fails to start is recorded as unavailable, never fatal: the kiosk still starts.
    """
    import kiosk.wiring as pkg
    names = sorted(info.name for info in pkgutil.iter_modules(pkg.__path__))
    for name in [*FIRST, *(n for n in names if n not in FIRST)]:
        module = importlib.import_module(f"kiosk.wiring.{name}")
        try:
            module.wire(ctx)
        except Exception as exc:
            log.error("wiring %s failed: %s", name, exc)
            ctx.services.setdefault("unavailable", {})[name] = str(exc)
