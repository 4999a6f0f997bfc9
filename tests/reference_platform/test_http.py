"""HTTP behaviour every route shares: refusals are {"error": ...} with their status (never 500),
body limits, the Date header, and a stopped platform looking down."""
from __future__ import annotations

import socket
import time

import pytest
import requests


def raw_exchange(port: int, request: bytes, timeout: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(request)
        chunks = []
        while True:
            try:
                chunk = sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            chunks.append(chunk)
            if b"\r\n\r\n" in b"".join(chunks):
                head, _, rest = b"".join(chunks).partition(b"\r\n\r\n")
                length = [int(line.split(b":")[1]) for line in head.split(b"\r\n")
                          if line.lower().startswith(b"content-length:")]
                if length and len(rest) >= length[0]:
                    break
        return b"".join(chunks)


@pytest.mark.parametrize("method", ["TRACE", "PUT", "DELETE", "PATCH", "OPTIONS"])
def test_unknown_methods_are_405(shared_platform, method):
    answer = requests.request(method, shared_platform.url + "/api/v1/catalog", timeout=5)
    assert answer.status_code == 405 and answer.json() == {"error": "method not allowed"}
    assert answer.headers["Allow"] == "GET"


def test_unknown_paths_are_404_json(shared_platform):
    answer = requests.get(shared_platform.url + "/api/v1/nothing-here", timeout=5)
    assert answer.status_code == 404 and answer.json() == {"error": "not found"}


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe", b'{"id_number": "\\ud800"}', b"[1]",
                                  b'"text"', b""])
def test_malformed_bodies_are_400(shared_platform, body):
    # personal-data endpoints with a live citizen session: the body is what is wrong
    citizen = shared_platform.citizen_headers("990101198001011234")
    for path in ("/api/v1/persons/photo", "/api/v1/documents/query", "/api/v1/kiosks/provision"):
        answer = requests.post(shared_platform.url + path, data=body,
                               headers={"Content-Type": "application/json", **citizen}, timeout=5)
        assert answer.status_code == 400, (path, body, answer.text)
        assert answer.json()["error"]


def test_wrong_types_are_refused_not_coerced(shared_platform, kiosk_headers):
    url = shared_platform.url
    assert requests.post(url + "/api/v1/documents/query", json={"id_number": 990101, "name": "x"},
                         headers=shared_platform.citizen_headers("990101198001011234"),
                         timeout=5).status_code == 400
    beat = requests.post(url + "/api/v1/heartbeat", json={"uptime_s": "long"},
                         headers=kiosk_headers, timeout=5)
    assert beat.status_code == 422 and "uptime_s" in beat.json()["error"]
    record = {"key": "k" * 10, "kind": "evaluation", "payload": {}, "created": "today"}
    sent = requests.post(url + "/api/v1/records", json={"records": [record]},
                         headers=kiosk_headers, timeout=5)
    assert sent.status_code == 422


def test_a_body_over_the_limit_is_413(tmp_path):
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "p.sqlite3", max_body_bytes=1000).start()
    try:
        big = {"id_number": "9" * 2000}
        answer = requests.post(server.url + "/api/v1/persons/photo", json=big, timeout=5)
        # refused by its size before anything reads it, credential or not
        assert answer.status_code == 413 and "1000" in answer.json()["error"]

        def chunks():                       # no Content-Length: refused as it streams in
            for _ in range(10):
                yield b" " * 200
        streamed = requests.post(server.url + "/api/v1/persons/photo", data=chunks(), timeout=5)
        assert streamed.status_code == 413
        assert requests.get(server.url + "/api/v1/health", timeout=5).status_code == 200
    finally:
        server.stop()


def test_a_stalled_body_is_408(tmp_path):
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "p.sqlite3", body_timeout_s=0.5).start()
    try:
        answer = raw_exchange(server.port, b"POST /api/v1/persons/photo HTTP/1.1\r\n"
                              b"Host: x\r\nContent-Length: 100\r\n\r\n{", timeout=5)
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
    finally:
        server.stop()


def test_a_bad_content_length_is_400(shared_platform):
    answer = raw_exchange(shared_platform.port, b"POST /api/v1/persons/photo HTTP/1.1\r\n"
                          b"Host: x\r\nContent-Length: lots\r\n\r\n{}")
    assert answer.startswith(b"HTTP/1.1 400"), answer[:200]


def test_every_answer_has_a_date_header(shared_platform):
    for path in ("/api/v1/health", "/api/v1/catalog", "/nothing"):
        answer = requests.get(shared_platform.url + path, timeout=5)
        stamp = time.mktime(time.strptime(answer.headers["Date"], "%a, %d %b %Y %H:%M:%S GMT"))
        assert abs(stamp - time.mktime(time.gmtime())) < 5


def test_a_stopped_platform_looks_down_to_kept_alive_connections(tmp_path):
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "p.sqlite3").start()
    session = requests.Session()
    assert session.get(server.url + "/api/v1/health", timeout=5).status_code == 200
    started = time.monotonic()
    server.stop()
    assert time.monotonic() - started < 3
    with pytest.raises(requests.ConnectionError):
        session.get(server.url + "/api/v1/health", timeout=2)


def test_an_absolute_form_request_target_is_served(shared_platform):
    """What a forward proxy relaying the client's request line unchanged delivers."""
    answer = raw_exchange(shared_platform.port,
                          f"GET {shared_platform.url}/api/v1/health HTTP/1.1\r\nHost: x\r\n"
                          "Connection: close\r\n\r\n".encode())
    assert answer.startswith(b"HTTP/1.1 200") and b'"status": "ok"' in answer
