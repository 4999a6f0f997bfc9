"""Fixtures for the reference platform's own tests: one platform for the module, a provisioned
kiosk credential on it, and the helpers beside this file."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import requests


def local_module(name: str):
    """A helper module beside this file (tests run with --import-mode=importlib)."""
    full = f"tests_reference_platform_{name}"
    if full not in sys.modules:
        spec = importlib.util.spec_from_file_location(full, Path(__file__).with_name(name + ".py"))
        module = importlib.util.module_from_spec(spec)
        sys.modules[full] = module
        spec.loader.exec_module(module)
    return sys.modules[full]


@pytest.fixture(scope="module")
def shared_platform(tmp_path_factory):
    """A platform several tests of a module share (starting one per test costs ~0.3 s)."""
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path_factory.mktemp("platform") / "platform.sqlite3").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def kiosk_headers(shared_platform) -> dict:
    """A kiosk credential on the shared platform, provisioned with the demo token."""
    answer = requests.post(shared_platform.url + "/api/v1/kiosks/provision",
                           json={"kiosk_id": "KIOSK-PROPS-0001",
                                 "enrollment_token": shared_platform.demo_enrollment_token},
                           timeout=5)
    answer.raise_for_status()
    return {"Authorization": "Bearer " + answer.json()["credential"]}


@pytest.fixture(scope="session")
def contract_diff():
    """contract_diff.differences(contract, generated) -> list of disagreements."""
    return local_module("contract_diff")
