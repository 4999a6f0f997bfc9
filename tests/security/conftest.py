"""Fixtures for the security tests (issue 14): throwaway CAs (tests/sync/certs.py, reused) and a
small https server on 127.0.0.1 whose certificate the test chooses."""
from __future__ import annotations

import importlib.util
import json
import ssl
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def certs():
    path = TESTS / "sync" / "certs.py"
    spec = importlib.util.spec_from_file_location("tests_security_certs", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


class _Answer(BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"status": "ok"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_POST = do_GET

    def log_message(self, *args):
        pass


class HttpsServer:
    """An https server on 127.0.0.1 presenting `cert`; swap() changes the certificate it shows
    from the next connection on (an attacker's, then the real one again)."""

    def __init__(self, cert: Path, key: Path):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Answer)
        self.httpd.daemon_threads = True
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.swap(cert, key)
        plain = self.httpd.socket
        outer = self

        def get_request():
            sock, addr = plain.accept()
            return outer.context.wrap_socket(sock, server_side=True, do_handshake_on_connect=False), addr
        self.httpd.get_request = get_request
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def swap(self, cert: Path, key: Path) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.context = context

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.httpd.server_address[1]}"

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def https_server():
    made: list[HttpsServer] = []

    def make(cert: Path, key: Path) -> HttpsServer:
        server = HttpsServer(cert, key)
        made.append(server)
        return server
    yield make
    for server in made:
        server.stop()
