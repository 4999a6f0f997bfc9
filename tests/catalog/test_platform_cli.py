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
        lines = [proc.stdout.readline() for _ in range(4)]
        admin = next(re.search(r"admin token \(X-Admin-Token header\): (\S+)", line)
                     for line in lines if "admin token" in line).group(1)
        assert requests.get(url + "/api/v1/health", timeout=5).json()["status"] == "ok"
        # served alone, the platform has no reusable demo token: enroll with a single-use one
        demo = requests.post(url + "/api/v1/kiosks/provision", timeout=5,
                             json={"kiosk_id": "K1", "enrollment_token": "DEMO-ENROLL-0001"})
        assert demo.status_code == 403
        token = requests.post(url + "/api/v1/admin/enrollment", headers={"X-Admin-Token": admin},
                              timeout=5).json()["enrollment_token"]
        credential = requests.post(url + "/api/v1/kiosks/provision", timeout=5, json={
            "kiosk_id": "K1", "enrollment_token": token}).json()["credential"]
        assert requests.get(url + "/api/v1/catalog", timeout=5).status_code == 401
        catalog = requests.get(url + "/api/v1/catalog", timeout=5,
                               headers={"Authorization": "Bearer " + credential})
        assert len(catalog.json()["items"]) >= 300
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
