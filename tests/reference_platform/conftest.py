"""Fixtures for the reference platform's own tests: one platform for the module, a provisioned
kiosk credential on it, and the helpers beside this file."""
from __future__ import annotations

import pytest
import requests

from local_modules import local_module as load_beside


def local_module(name: str):
    return load_beside(__file__, name)


@pytest.fixture(scope="module")
def shared_platform(tmp_path_factory):
    """A platform several tests of a module share (starting one per test costs ~0.3 s)."""
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path_factory.mktemp("platform") / "platform.sqlite3")
    # generated requests come fast from one kiosk: past the per-kiosk personal-data limit every
    # answer would be 429 and the bodies would go unchecked (tests/security holds the limit)
    server.app.state.personal_per_minute = 100_000
    server.app.state.sessions_per_minute = 100_000
    server.start()
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
