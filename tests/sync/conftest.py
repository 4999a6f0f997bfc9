"""Fixtures for the sync tests: an outbox in tmp, a provisioned kiosk on the loopback platform,
a fault proxy, a TLS platform with a throwaway CA."""
from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
import requests

from sync.credential import Credential, provision
from sync.crypto import PayloadCipher, load_or_create_key
from sync.delivery import DeliveryWorker, RetryPolicy
from sync.outbox import Outbox

KIOSK_ID = "KIOSK-TEST-0001"


class Alerts(list):
    """Collects alert(code, message, details) calls."""

    def __call__(self, code: str, message: str, details: dict) -> None:
        self.append((code, message, details))

    def codes(self) -> list[str]:
        return [a[0] for a in self]


@pytest.fixture
def alerts() -> Alerts:
    return Alerts()


@pytest.fixture
def make_outbox(tmp_path, alerts):
    made: list[Outbox] = []

    def make(name: str = "outbox.sqlite3", **kw) -> Outbox:
        cipher = PayloadCipher(load_or_create_key(tmp_path / "outbox.key"))
        kw.setdefault("alert", alerts)
        box = Outbox(tmp_path / name, cipher, **kw)
        made.append(box)
        return box

    yield make
    for box in made:
        box.close()


def platform_client(url: str, credential: Credential | None = None, *, timeout=(1.0, 3.0),
                    verify: bool | str = True):
    from sync.client import PlatformClient
    return PlatformClient(url, credential=credential, timeout=timeout, verify=verify)


@pytest.fixture
def enroll():
    """enroll(platform_url, path, client=None) -> Credential, with a fresh single-use token."""
    def do(url: str, path: Path, client=None, kiosk_id: str = KIOSK_ID) -> Credential:
        token = requests.post(url + "/api/v1/admin/enrollment", timeout=5).json()["enrollment_token"]
        return provision(client or platform_client(url), url, kiosk_id, token, path)
    return do


@pytest.fixture
def credential(platform, tmp_path, enroll) -> Credential:
    return enroll(platform.url, tmp_path / "credential.json")


@pytest.fixture
def make_worker(alerts):
    workers: list[DeliveryWorker] = []

    def make(outbox: Outbox, client, **kw) -> DeliveryWorker:
        kw.setdefault("policy", RetryPolicy(0.05, 0.2))
        kw.setdefault("alert", alerts)
        worker = DeliveryWorker(outbox, client, **kw)
        workers.append(worker)
        return worker

    yield make
    for worker in workers:
        worker.stop()


def admin(url: str, path: str, body: dict | None = None, method: str = "POST") -> dict:
    response = requests.request(method, url + path, json=body, timeout=10)
    response.raise_for_status()
    return response.json()


def received(url: str, **query) -> dict:
    return requests.get(url + "/api/v1/admin/received", params=query, timeout=10).json()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
