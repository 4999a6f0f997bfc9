"""Catalog wiring: the on-disk catalog cache behind the catalog screens, refreshed through the
kiosk's one platform client (kiosk.wiring.platform).

The cache loads from disk at once (guides work with the platform down); the first refresh and
the periodic ones run in a background thread and never block the UI.
"""
from __future__ import annotations

from kiosk.catalog import Catalog
from kiosk.catalog_area import CatalogArea
from kiosk.wiring.platform import platform_client
from sync.catalog_cache import CatalogCache


def wire(ctx) -> None:
    cfg = ctx.config
    cache = CatalogCache.from_config(cfg, platform_client(ctx), Catalog.from_payload,
                                     Catalog.empty)

    def changed() -> None:
        if ctx.bridge is not None:
            ctx.bridge.post("catalog", "changed", None)
    service = CatalogArea(cache, on_change=changed)
    service.load_initial()
    ctx.services.catalog = service
    ctx.services.catalog.cache = cache
    service.start(cfg.platform.catalog_refresh_minutes * 60)
    ctx.on_shutdown(service.stop)
