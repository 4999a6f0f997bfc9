"""Fixtures for the catalog tests: a kiosk config in tmp, the demo and a 5,000-item catalog,
platform clients, and stand-in servers that misbehave (500, not JSON, never answer)."""
from __future__ import annotations

import importlib.util
import socket
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kiosk import config
from kiosk.catalog import Catalog
from kiosk.platform_settings import client_settings
from sync.client import PlatformClient
from reference_platform import demo_data


def kiosk_config(data_dir: Path, **platform) -> config.Config:
    return config.Config(config.validate({"kiosk": {"data_dir": str(data_dir)},
                                          "platform": platform}), None)


@pytest.fixture
def cfg(tmp_path) -> config.Config:
    return kiosk_config(tmp_path / "kiosk-data")


@pytest.fixture
def client_for(cfg):
    """client_for(url) -> a PlatformClient built from the test config; closed after the test."""
    made: list[PlatformClient] = []

    def make(url: str, **kw) -> PlatformClient:
        client = PlatformClient(client_settings(cfg, url, demo=url.startswith("http:")), **kw)
        made.append(client)
        return client
    yield make
    for client in made:
        client.close()


@pytest.fixture(scope="session")
def demo_catalog() -> Catalog:
    return Catalog.from_payload(demo_data.payload())


@pytest.fixture(scope="session")
def big_catalog() -> Catalog:
    return Catalog.from_payload({"items": demo_data.generate(5000)})


def free_port() -> int:
    """A loopback port with nobody listening on it (the platform is down)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class StubServer:
    """A loopback HTTP server answering every request with a fixed status and body, or never
    answering (hang=True); records the request headers it saw."""

    def __init__(self, status: int = 200, body: bytes = b"{}", hang: bool = False,
                 content_type: str = "application/json"):
        self.seen: list[dict[str, str]] = []
        self._release = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                stub.seen.append({k.lower(): v for k, v in self.headers.items()})
                if hang:
                    stub._release.wait(10)
                    return
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            do_POST = do_GET

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self) -> None:
        self._release.set()
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def stub_server():
    made: list[StubServer] = []

    def make(**kw) -> StubServer:
        server = StubServer(**kw)
        made.append(server)
        return server
    yield make
    for server in made:
        server.stop()


@pytest.fixture(scope="session")
def test_ca():
    """The throwaway CA helper of the sync tests (tests/sync/certs.py), reused, not copied."""
    path = Path(__file__).resolve().parents[1] / "sync" / "certs.py"
    spec = importlib.util.spec_from_file_location("tests_catalog_certs", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
