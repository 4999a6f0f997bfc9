"""The end-to-end walkthrough runs (every state of every screen, both sizes and languages, as real
processes) take minutes: `make e2e` runs them (`-m e2e`), a plain `pytest` (so `make test`)
deselects them, and CI runs `make e2e` as its own step (.ci/run)."""
from __future__ import annotations

from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "e2e: a whole walkthrough run as a process (make e2e)")


def _asked_for(config) -> bool:
    if "e2e" in (config.option.markexpr or ""):
        return True
    return any(Path(arg.split("::")[0]).resolve().is_relative_to(HERE) for arg in config.args)


def pytest_collection_modifyitems(config, items) -> None:
    ours = [item for item in items if Path(str(item.fspath)).resolve().is_relative_to(HERE)]
    for item in ours:
        item.add_marker(pytest.mark.e2e)
        item.add_marker(pytest.mark.timeout(1200))
    if ours and not _asked_for(config):
        chosen = set(map(id, ours))
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if id(item) not in chosen]
