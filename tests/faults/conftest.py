"""The fault matrix: each test breaks one thing with the real stand-ins, then checks what the citizen
was told, that staff were alerted, that nothing queued was lost or sent twice, and that the kiosk
recovered by itself once the fault went away.

Each case fills one row (the `row` fixture): fault, what the citizen saw, alert raised, recovered,
records lost/duplicated. At the end of the run the rows are printed as a table and, with
`--reliability-out PATH` (`make faults` passes RELIABILITY.md), written there. A case that fails
still gets its row, with what was observed up to the failure and FAILED in its outcome.

Every test here is marked `faults`: `make faults` runs them (`-m faults`); a plain `pytest` (so
`make test`) deselects them, and CI runs `make faults` as its own step.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROWS_KEY = pytest.StashKey[list]()        # the run's rows, on the config
CASE_ROWS = pytest.StashKey[list]()       # one case's rows, on its item


@dataclass
class Row:
    """One line of the matrix. Every field is what the test observed, never a constant."""
    fault: str
    citizen: str = ""          # the words on the screen (or the flow's message) during the fault
    alert: str = ""            # staff alert codes / the state the heartbeat reports
    recovered: str = ""        # how the kiosk came back once the fault was gone
    records: str = "n/a"       # queued records lost / duplicated, counted at the platform
    outcome: str = "not run"
    nodeid: str = ""
    started: float = field(default_factory=time.monotonic)

    def saw(self, text: str) -> None:
        text = " ".join(text.split())
        self.citizen = f"{self.citizen} / {text}" if self.citizen else text

    def alerted(self, text: str) -> None:
        self.alert = f"{self.alert}; {text}" if self.alert else text

    def came_back(self, text: str) -> None:
        self.recovered = text

    def counted(self, sent: int, received: int, deliveries: int) -> None:
        """sent: records the kiosk accepted; received: distinct records the platform holds;
        deliveries: how many times they arrived (more than received = resent, applied once)."""
        lost, extra = max(0, sent - received), max(0, received - sent)
        self.records = (f"{lost} lost, {extra} duplicated of {sent} "
                        f"({deliveries - received} resent, applied once)")


def pytest_addoption(parser) -> None:
    parser.addoption("--reliability-out", default=None, metavar="PATH",
                     help="write the fault matrix table (Markdown) to PATH")


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "faults: a case of the fault matrix (make faults)")
    config.stash[ROWS_KEY] = []


def _asked_for(config) -> bool:
    """The matrix runs when asked for: `-m faults` (make faults) or a path inside tests/faults.
    A plain `pytest` (make test) leaves it out: it takes minutes and has its own CI line."""
    if "faults" in (config.option.markexpr or ""):
        return True
    for arg in config.args:
        path = Path(arg.split("::")[0]).resolve()
        if path.is_relative_to(HERE):
            return True
    return False


def pytest_collection_modifyitems(config, items) -> None:
    ours = [item for item in items if Path(str(item.fspath)).resolve().is_relative_to(HERE)]
    for item in ours:
        item.add_marker(pytest.mark.faults)
    if ours and not _asked_for(config):
        chosen = set(map(id, ours))
        config.hook.pytest_deselected(items=ours)
        items[:] = [item for item in items if id(item) not in chosen]


@pytest.fixture
def row(request):
    """row(fault) -> the Row of this case (call once)."""
    made: list[Row] = []

    def make(fault: str) -> Row:
        made.append(Row(fault, nodeid=request.node.nodeid))
        request.node.stash[CASE_ROWS] = made
        return made[-1]
    return make


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    rows = item.stash.get(CASE_ROWS, None)
    if not rows:
        return
    if report.when == "call" or (report.when == "setup" and report.outcome != "passed"):
        for one in rows:
            one.outcome = {"passed": "passed", "failed": "FAILED",
                           "skipped": "skipped"}[report.outcome]
            if report.outcome == "skipped" and isinstance(report.longrepr, tuple):
                one.outcome = f"skipped: {report.longrepr[2]}"
    if report.when == "teardown":
        for one in rows:
            if report.outcome == "failed" and one.outcome == "passed":
                one.outcome = "FAILED in teardown"
            item.config.stash[ROWS_KEY].append(one)


def _cell(text: str) -> str:
    return (text or "-").replace("|", "\\|").replace("\n", " ")


def table(rows: list[Row]) -> str:
    head = ("| fault | what the citizen saw | alert raised | recovered | records lost/duplicated "
            "| result |\n|---|---|---|---|---|---|\n")
    return head + "".join(
        f"| {_cell(r.fault)} | {_cell(r.citizen)} | {_cell(r.alert)} | {_cell(r.recovered)} "
        f"| {_cell(r.records)} | {_cell(r.outcome)} |\n" for r in rows)


RELIABILITY_HEAD = """# Reliability: the fault matrix

Written by `make faults` (tests/faults/; do not edit by hand). Each row is one test that breaks
one thing with the real stand-ins (the ID card twin on a pty, pcscd with vpcd, the virtual cameras,
the ESC/POS twin, cupsd with ippeveprinter, the reference platform and its fault modes, a real
tmpfs, a kiosk process killed with SIGKILL) and checks that the citizen is told the truth, staff are
alerted, nothing queued is lost or sent twice (the outbox against what the reference platform
received), and that the kiosk recovers by itself when the fault goes away. Every cell is what the
test observed in this run. Where a screen (or the flow behind it) had words for the citizen,
they are the kiosk's Simplified Chinese text as shown; otherwise the cell says what the citizen
met. "Alert raised" names the alert codes staff got (into the outbox, the error log and the
heartbeat) or the device state the heartbeat and the staff menu report. A case that could not run
here says why (skipped).

"""


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    rows = config.stash.get(ROWS_KEY, [])
    if not rows:
        return
    terminalreporter.section("fault matrix")
    terminalreporter.write(table(rows))
    out = config.getoption("--reliability-out", default=None)
    if out:
        passed = sum(r.outcome == "passed" for r in rows)
        when = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        Path(out).write_text(RELIABILITY_HEAD + f"Last run: {when}, {passed} of {len(rows)} "
                             "cases passed.\n\n" + table(rows), encoding="utf-8")
        terminalreporter.write_line(f"fault matrix written to {out}")
