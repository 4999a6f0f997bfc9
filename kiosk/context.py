"""The composition root's product: what every screen and flow may reach."""
from __future__ import annotations

import importlib
import logging
import pkgutil
from dataclasses import dataclass, field
from typing import Any, Callable

from kiosk.config import Config
from kiosk.services import WIRING_ORDER, Services
from kiosk.session import Session

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    config: Config
    session: Session
    bridge: Any                      # kiosk.bridge.DeviceBridge (Qt) or None in plain tests
    demo: bool = False
    platform: Any = None             # kiosk.wiring.platform.PlatformLink: the one platform client
    platform_url: str | None = None  # set by kiosk.app.start_platform before wiring
    embedded_platform: Any = None    # the reference platform server, for url = 'embedded' (demo)
    services: Services = field(default_factory=Services)
    _shutdown: list[Callable[[], None]] = field(default_factory=list)

    def add_demo_controls(self, twin: Any, *args: Any) -> None:
        """The staff-menu controls a twin offers (its demo_controls(*args)), in --demo only."""
        if self.demo and twin is not None:
            self.services.demo_controls.extend(twin.demo_controls(*args))

    def on_shutdown(self, fn: Callable[[], None]) -> None:
        self._shutdown.append(fn)

    def shutdown(self) -> None:
        for fn in reversed(self._shutdown):
            try:
                fn()
            except Exception:
                log.exception("shutdown step failed")
        self._shutdown.clear()


def wiring_modules() -> list[str]:
    import kiosk.wiring as pkg
    return sorted(info.name for info in pkgutil.iter_modules(pkg.__path__))


def wire_all(ctx: AppContext) -> None:
    """Run each kiosk/wiring/NAME.py module's wire(ctx) in WIRING_ORDER.

    A wiring module builds its area from ctx.config (virtual twins in demo), sets
    ctx.services.NAME and registers its shutdown with ctx.on_shutdown. A device that fails to
    start is recorded as unavailable, never fatal: the kiosk still starts.
    """
    unordered = set(wiring_modules()) - set(WIRING_ORDER)
    if unordered:
        raise RuntimeError(f"kiosk/wiring modules missing from WIRING_ORDER: {sorted(unordered)}")
    for name in WIRING_ORDER:
        module = importlib.import_module(f"kiosk.wiring.{name}")
        try:
            module.wire(ctx)
        except Exception as exc:
            log.error("wiring %s failed: %s", name, exc)
            ctx.services.unavailable[name] = str(exc)
