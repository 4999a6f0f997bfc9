"""Shared fixtures. Area fixtures live in each test folder's own conftest.py."""
from __future__ import annotations

import os
from collections import Counter, defaultdict

import pytest
from hypothesis import settings as hypothesis_settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Property tests draw the same examples on every run, so a run fails or passes on the code, not
# on the luck of the draw; a found failure is pinned with @example. HYPOTHESIS_PROFILE=explore
# draws fresh examples (and remembers failures) to hunt for new ones.
hypothesis_settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis_settings.register_profile("explore", derandomize=False)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

# -- speed is measured apart from correctness ----------------------------------------------------
# Frame rates and latencies depend on the machine and its load. Tests of them are marked `perf`
# and left out of a plain run (`make test`): `KIOSK_PERF=1` or `-m perf` runs them, as bench/ does.
def pytest_configure(config):
    config.addinivalue_line("markers", "perf: a speed threshold, not a correctness rule; run "
                                       "with KIOSK_PERF=1 or -m perf (make test does not gate)")


def pytest_collection_modifyitems(config, items):
    if os.environ.get("KIOSK_PERF") or "perf" in (config.getoption("-m") or ""):
        return
    perf = [item for item in items if item.get_closest_marker("perf")]
    if perf:
        config.hook.pytest_deselected(items=perf)
        items[:] = [item for item in items if not item.get_closest_marker("perf")]


# -- skipped tests are said loudly, and a whole area skipped fails the run ---------------------
# Some areas need root (cupsd), the machine's one pcscd or a tool that may be missing; they skip
# without it. A skip must not read as a pass: the summary names every skip reason, and a run in
# which every test of an area (a tests/ subdirectory) was skipped fails. KIOSK_ALLOW_SKIPPED_AREAS=1
# lets a developer run an area they know cannot run here.
_outcomes: dict[str, Counter] = defaultdict(Counter)
_skip_reasons: dict[str, Counter] = defaultdict(Counter)


def _area(nodeid: str) -> str:
    parts = nodeid.split("::")[0].split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" else "(top level)"


def pytest_runtest_logreport(report):
    area = _area(report.nodeid)
    if report.skipped:
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        _outcomes[area]["skipped"] += 1
        _skip_reasons[area][reason.removeprefix("Skipped: ")] += 1
    elif report.when == "call" or (report.when == "setup" and report.failed):
        _outcomes[area]["failed" if report.failed else "ran"] += 1


def _skipped_areas() -> list[str]:
    return sorted(area for area, n in _outcomes.items() if n["skipped"] and not
                  (n["ran"] or n["failed"]))


def pytest_sessionfinish(session, exitstatus):
    if _skipped_areas() and not os.environ.get("KIOSK_ALLOW_SKIPPED_AREAS") \
            and exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not _skip_reasons:
        return
    write = terminalreporter.write_line
    total = sum(sum(r.values()) for r in _skip_reasons.values())
    terminalreporter.section(f"{total} TESTS DID NOT RUN (skipped)", sep="!", red=True, bold=True)
    for area in sorted(_skip_reasons):
        for reason, count in _skip_reasons[area].most_common():
            write(f"  {area}: {count} skipped: {reason}", yellow=True)
    whole = _skipped_areas()
    if whole:
        allowed = bool(os.environ.get("KIOSK_ALLOW_SKIPPED_AREAS"))
        write(f"  WHOLE AREA SKIPPED: {', '.join(whole)}: "
              + ("allowed by KIOSK_ALLOW_SKIPPED_AREAS" if allowed else "the run fails"),
              red=True, bold=True)


@pytest.fixture
def platform(tmp_path):
    """The reference platform on a free 127.0.0.1 port with the demo data set, stopped after."""
    from reference_platform.server import PlatformServer
    server = PlatformServer(tmp_path / "platform.sqlite3").start()
    yield server
    server.stop()


REPO_CONFIG = __import__("pathlib").Path(__file__).resolve().parents[1] / "config.toml"


@pytest.fixture
def make_ctx(tmp_path, qapp):
    """make_ctx(overrides, demo=True): an AppContext on the repo's config.toml with its data dir in
    tmp_path and a real DeviceBridge; every context made is shut down after the test."""
    from kiosk import config
    from kiosk.bridge import DeviceBridge
    from kiosk.context import AppContext
    from kiosk.session import Session
    made = []

    def make(overrides: dict | None = None, demo: bool = True) -> AppContext:
        cfg = config.load(REPO_CONFIG, {"kiosk": {"data_dir": str(tmp_path)}, **(overrides or {})})
        ctx = AppContext(config=cfg, session=Session(), bridge=DeviceBridge(), demo=demo)
        made.append(ctx)
        return ctx
    yield make
    for ctx in made:
        ctx.shutdown()


@pytest.fixture
def show_shell(qtbot):
    """show_shell(ctx, size=(1080, 1920)): the kiosk shell on screen (offscreen), closed after."""
    from screens.shell import Shell
    shown = []

    def show(ctx, size: tuple[int, int] = (1080, 1920)) -> Shell:
        widget = Shell(ctx, allow_quit=False)
        qtbot.addWidget(widget)
        widget.resize(*size)
        widget.show()
        shown.append(widget)
        return widget
    yield show
    for widget in shown:
        widget.allow_quit = True
        widget.close()
