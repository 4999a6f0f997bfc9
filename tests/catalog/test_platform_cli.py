"""`kiosk platform serve` as a real process: prints its URL, serves, stops on Ctrl-C / SIGTERM."""
from __future__ import annotations

import re
import signal
import subprocess
import sys

import pytest
import requests


@pytest.mark.parametrize("stop", [signal.SIGINT, signal.SIGTERM])
def test_serve_prints_url_serves_and_stops(tmp_path, stop):
    db = tmp_path / "platform.sqlite3"
    proc = subprocess.Popen([sys.executable, "-m", "kiosk", "platform", "serve", "--port", "0",
                             "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    try:
        first = proc.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+", first)
        assert match, f"no URL in the first line: {first!r}"
        url = match.group(0)
        assert requests.get(url + "/api/v1/health", timeout=5).json()["status"] == "ok"
        assert len(requests.get(url + "/api/v1/catalog", timeout=5).json()["items"]) >= 300
        proc.send_signal(stop)
        assert proc.wait(timeout=10) == 0
        assert "Stopping." in proc.stdout.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert db.exists()


def test_serve_reports_a_busy_port(tmp_path):
    import socket
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "kiosk", "platform", "serve", "--port",
                                 str(port), "--db", str(tmp_path / "p.sqlite3")],
                                capture_output=True, text=True, timeout=30)
    assert result.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr
    assert "Traceback" not in result.stderr
