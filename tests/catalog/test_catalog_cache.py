"""The on-disk catalog cache against the reference platform: ETag refresh, platform down, first
start offline, damaged cache file."""
from __future__ import annotations

import json

from kiosk.catalog import Catalog, open_cache
from kiosk.platform_settings import client_settings
from sync.client import PlatformClient
from reference_platform import demo_data
from reference_platform.routes_catalog import replace_catalog
from reference_platform.server import PlatformServer

from .conftest import free_port


def test_first_refresh_then_304(platform, cfg, client_for):
    cache = open_cache(cfg, client_for(platform.url, credential=platform.kiosk_credential()))
    assert cache.offline and cache.fetched_at is None and len(cache.catalog) == 0

    first = cache.refresh()
    assert cache.last_status == "updated" and not cache.offline
    assert first is cache.catalog is cache.load()
    assert isinstance(first, Catalog) and len(first) == cache.state().items >= 300
    assert cache.catalog.get("XK00101001").name.startswith("户口迁移")
    stored = json.loads(cache.path.read_text(encoding="utf-8"))
    assert stored["etag"] == cache.etag and len(stored["catalog"]["items"]) == len(cache.catalog)

    catalog_before, fetched_before = cache.catalog, cache.fetched_at
    assert cache.refresh() is catalog_before
    assert cache.last_status == "unchanged"             # only reachable through a 304
    assert cache.fetched_at >= fetched_before


def test_changed_catalog_is_picked_up(platform, cfg, client_for):
    cache = open_cache(cfg, client_for(platform.url, credential=platform.kiosk_credential()))
    cache.refresh()
    old_etag = cache.etag
    payload = demo_data.payload()
    payload["items"][0]["fee"] = "工本费：每证5元"
    replace_catalog(platform.store, payload)
    changes = []
    cache.on_change(lambda catalog, state: changes.append((len(catalog), state.offline)))
    assert cache.refresh().items[0].fee == "工本费：每证5元"
    assert cache.last_status == "updated" and cache.etag != old_etag and cache.catalog.items[0].fee == "工本费：每证5元"
    assert changes == [(len(payload["items"]), False)]


def test_platform_down_uses_the_cache_and_says_offline(tmp_path, cfg):
    server = PlatformServer(tmp_path / "platform.sqlite3").start()
    client = PlatformClient(client_settings(cfg, server.url, demo=True),
                            credential=server.kiosk_credential())
    cache = open_cache(cfg, client)
    cache.refresh()
    fetched = cache.fetched_at
    items = len(cache.catalog)
    server.stop()
    # the reference server keeps serving already-open keep-alive connections after stop();
    # a real outage drops them, so drop the pooled ones too
    client.session.close()

    assert len(cache.refresh()) == items
    assert cache.last_status == "offline" and cache.offline
    assert cache.state().error_code == "platform_unreachable"
    assert len(cache.catalog) == items and cache.fetched_at == fetched   # guides as of then

    # the kiosk restarts while the platform is still down: the cache on disk carries it
    restarted = open_cache(cfg, PlatformClient(client_settings(cfg, server.url, demo=True),
                                               credential=server.kiosk_credential()))
    assert len(restarted.catalog) == items and restarted.fetched_at == fetched
    restarted.refresh()
    assert restarted.last_status == "offline"
    state = restarted.state()
    assert state.offline and state.has_guides and state.fetched_at == fetched
    assert restarted.catalog.get("XK00101001") is not None


def test_first_start_offline_is_an_empty_catalog_not_a_crash(cfg):
    down = PlatformClient(client_settings(cfg, f"http://127.0.0.1:{free_port()}", demo=True))
    cache = open_cache(cfg, down)
    catalog = cache.refresh()
    assert cache.last_status == "offline"
    assert len(catalog) == 0 and catalog.departments() == [] and catalog is cache.load()
    assert not cache.state().has_guides
    assert cache.offline and cache.fetched_at is None
    assert not cache.path.exists()
    no_client = open_cache(cfg, None)
    no_client.refresh()
    assert no_client.state().error_code == "platform_not_configured" and no_client.offline


def test_a_damaged_cache_file_is_set_aside(platform, cfg, client_for):
    path = cfg.data_path("catalog-cache.json")
    path.write_text('{"format": 1, "etag": "x", "catalog": {"items": [{"name": ', encoding="utf-8")
    cache = open_cache(cfg, client_for(platform.url, credential=platform.kiosk_credential()))
    assert len(cache.catalog) == 0 and path.with_suffix(".corrupt").exists()
    assert len(cache.refresh()) >= 300 and cache.last_status == "updated" and path.exists()


def test_a_bad_catalog_from_the_platform_keeps_the_cached_one(platform, cfg, client_for):
    cache = open_cache(cfg, client_for(platform.url, credential=platform.kiosk_credential()))
    cache.refresh()
    good = cache.catalog
    payload = demo_data.payload()
    del payload["items"][5]["materials"]
    replace_catalog(platform.store, payload)
    assert cache.refresh() is good
    assert cache.last_status == "rejected" and cache.state().error_code == "catalog_bad_data"
    assert not cache.offline


def test_a_restart_revalidates_with_the_stored_etag_instead_of_downloading(platform, cfg,
                                                                           client_for):
    first = open_cache(cfg, client_for(platform.url, credential=platform.kiosk_credential()))
    first.refresh()
    etag = first.etag
    assert etag
    restarted = open_cache(cfg, client_for(platform.url, credential=platform.kiosk_credential()))          # a new start, same disk
    assert restarted.etag == etag and restarted.state().revision == etag
    assert len(restarted.catalog) == len(first.catalog) and restarted.offline
    restarted.refresh()
    assert restarted.last_status == "unchanged"                    # a 304: nothing downloaded
    assert not restarted.offline and restarted.etag == etag


class CountingPlatform:
    """A platform client double that answers If-None-Match as the platform does and counts the
    full downloads, so a start that forgot its ETag is seen without any network."""

    def __init__(self, payload, etag='"rev-1"'):
        self.payload, self.etag_now, self.downloads, self.asked_with = payload, etag, 0, []

    def get_json(self, path, etag=None):
        self.asked_with.append(etag)
        if etag == self.etag_now:
            return 304, None, etag
        self.downloads += 1
        return 200, self.payload, self.etag_now


def test_every_start_after_the_first_costs_a_304_not_a_download(cfg):
    platform = CountingPlatform(demo_data.payload())
    for _ in range(3):
        cache = open_cache(cfg, platform)
        cache.refresh()
    assert platform.downloads == 1
    assert platform.asked_with == [None, '"rev-1"', '"rev-1"']
    assert cache.last_status == "unchanged" and len(cache.catalog) == len(demo_data.payload()["items"])
    platform.etag_now = '"rev-2"'
    open_cache(cfg, platform).refresh()
    assert platform.downloads == 2
    assert json.loads(cache.path.read_text(encoding="utf-8"))["etag"] == '"rev-2"'
