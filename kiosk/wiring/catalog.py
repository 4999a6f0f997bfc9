"""Catalog wiring: the platform client and the on-disk catalog cache behind the catalog screens.

The cache loads from disk at once (guides work with the platform down); the first refresh and
the periodic ones run in a background thread and never block the UI.
"""
from __future__ import annotations

from kiosk.catalog import Catalog
from kiosk.catalog_service import CatalogService
from sync.catalog_cache import CatalogCache
from sync.client import PlatformClient


def wire(ctx) -> None:
    cfg = ctx.config
    client = PlatformClient.from_config(cfg, base_url=ctx.services["platform_url"], demo=ctx.demo)
    ctx.on_shutdown(client.close)
    cache = CatalogCache.from_config(cfg, client, Catalog.from_payload, Catalog.empty)

    def changed() -> None:
        if ctx.bridge is not None:
            ctx.bridge.post("catalog", "changed", None)
    service = CatalogService(cache, on_change=changed)
    service.load_initial()
    ctx.services["catalog"] = service
    ctx.services["catalog_cache"] = cache
    service.start(cfg.platform.catalog_refresh_minutes * 60)
    ctx.on_shutdown(service.stop)
