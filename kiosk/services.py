"""The typed areas the composition root builds (kiosk/wiring/, in WIRING_ORDER).

One convention: each kiosk/wiring/NAME.py builds an `...Area` facade with `build_area(...)` and sets
`ctx.services.NAME` in `wire(ctx)`. An area is None when it is disabled in the config, failed to
start (the reason is in `unavailable`) or has not started yet: the GUI wires after the first paint,
so screens treat None as "not available on this kiosk" and never probe for attributes.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from devices.virtual.demo_control import DemoControl
    from kiosk.area_state import StatePart
    from kiosk.catalog_area import CatalogArea
    from kiosk.wiring.camera import CameraArea
    from kiosk.wiring.idcard import IdCardArea
    from kiosk.wiring.printing import PrintingArea
    from kiosk.wiring.smartcard import SmartCardArea
    from kiosk.wiring.sync import SyncArea

# platform first (the one client, with the kiosk credential, before anything talks to it); sync
# before printing, whose audit trail queues into the outbox; the devices after the services.
WIRING_ORDER = ("platform", "sync", "catalog", "idcard", "smartcard", "camera", "printing")


class DeviceArea(Protocol):
    """What the staff menu and the heartbeat read of an area: cached states, no I/O."""

    @property
    def state(self) -> str: ...

    @property
    def state_parts(self) -> tuple["StatePart", ...]: ...


@dataclass
class Services:
    sync: SyncArea | None = None
    catalog: CatalogArea | None = None
    idcard: IdCardArea | None = None
    smartcard: SmartCardArea | None = None
    camera: CameraArea | None = None
    printing: PrintingArea | None = None
    unavailable: dict[str, str] = field(default_factory=dict)   # area -> why it did not start
    demo_controls: list[DemoControl] = field(default_factory=list)   # staff menu, --demo only

    def areas(self) -> dict[str, DeviceArea]:
        """Every wired area by name (the staff menu's "Devices and services")."""
        areas = {"sync": self.sync, "catalog": self.catalog, "idcard": self.idcard,
                 "smartcard": self.smartcard, "camera": self.camera, "printing": self.printing}
        return {name: area for name, area in areas.items() if area is not None}

    def device_areas(self) -> dict[str, DeviceArea]:
        """The devices' areas (the heartbeat's device states): all but the platform link and
        the catalogue, which the heartbeat reports in its own fields."""
        return {name: area for name, area in self.areas().items()
                if name not in ("sync", "catalog")}
