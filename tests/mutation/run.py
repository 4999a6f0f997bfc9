"""`make mutation`: mutmut 3 over the modules where a wrong line loses data, money or privacy.

Each module is mutated in its own copy of the work tree (under $TMPDIR/kiosk-mutation/), so the
tree in use is never touched, and only the tests that belong to that module run against its
mutants: that scoping is what keeps the whole run under an hour on a two-core machine. The score
of each module (killed / (mutants - skipped)) and its surviving mutants are printed and written
as JSON; TESTING.md says which survivors are equivalent.

    .venv/bin/python tests/mutation/run.py                 # every module
    .venv/bin/python tests/mutation/run.py sync.delivery   # some
    .venv/bin/python tests/mutation/run.py --list
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("kiosk", "devices", "printing", "sync", "screens", "reference_platform", "walkthrough")
GOAL = 0.85

# module -> (files mutated, the tests that hold them)
MODULES: dict[str, tuple[list[str], list[str]]] = {
    "kiosk.flows": (["kiosk/flows/*.py"], ["tests/flows"]),
    "kiosk.session": (["kiosk/session.py"], ["tests/core/test_session.py"]),
    "kiosk.config": (["kiosk/config.py"], ["tests/core/test_config_validation.py",
                                            "tests/shell/test_config.py"]),
    "sync.outbox": (["sync/outbox.py"], ["tests/sync/test_outbox.py",
                                         "tests/sync/test_outbox_model.py"]),
    "sync.delivery": (["sync/delivery.py"], ["tests/sync/test_delivery.py"]),
    "sync.remote_commands": (["sync/remote_commands.py"],
                             ["tests/sync/test_heartbeat_commands.py"]),
    "sync.clock": (["sync/clock.py"], ["tests/sync/test_clock.py"]),
    "devices.idcard.codec": (["devices/idcard/codec.py"], ["tests/idcard/test_codec.py"]),
    "devices.smartcard.codec": (["devices/smartcard/tlv.py", "devices/smartcard/apdu.py"],
                                ["tests/smartcard/test_codec.py"]),
    "devices.smartcard.pin": (["devices/smartcard/pin.py"], ["tests/core/test_pins.py"]),
    "printing.service": (["printing/service.py"], ["tests/printing/test_retry_policy.py",
                                                    "tests/printing/test_signed.py"]),
    "printing.audit": (["printing/audit.py"], ["tests/printing/test_retry_policy.py"]),
}


def copy_tree(dest: Path) -> None:
    """The work tree as it is on disk (tracked and new files), without the venv or caches."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                            cwd=ROOT, capture_output=True, check=True).stdout.split(b"\0")
    if dest.exists():
        shutil.rmtree(dest)
    for raw in listed:
        if not raw:
            continue
        rel = raw.decode()
        src = ROOT / rel
        if not src.is_file():
            continue
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest / rel)


def setup_cfg(files: list[str], tests: list[str], extra: list[str]) -> str:
    lines = lambda items: "".join(f"\n    {item}" for item in items)   # noqa: E731
    return ("[mutmut]\n"
            f"source_paths ={lines(PACKAGES)}\n"
            f"also_copy ={lines(extra)}\n"
            f"only_mutate ={lines(files)}\n"
            f"pytest_add_cli_args_test_selection ={lines(tests)}\n"
            "pytest_add_cli_args =\n    -p\n    no:cacheprovider\n    -q\n")


def run_module(name: str, jobs: int, base: Path) -> dict:
    files, tests = MODULES[name]
    work = base / name
    copy_tree(work)
    # mutmut reads [tool.mutmut] from pyproject.toml first, setup.cfg otherwise: the copy's
    # pyproject has no such table, so this file is the configuration
    # what the tests read beside the packages (docs/ holds the API contract, config.toml, ...)
    extra = sorted(p.name for p in work.iterdir() if p.name not in PACKAGES and p.name != "tests")
    (work / "setup.cfg").write_text(setup_cfg(files, tests, extra), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    mutmut = str(Path(sys.executable).with_name("mutmut"))
    started = time.monotonic()
    run = subprocess.run([mutmut, "run", "--max-children", str(jobs)], cwd=work, env=env,
                         capture_output=True, text=True)
    (work / "mutmut-run.log").write_text(run.stdout + run.stderr, encoding="utf-8")
    subprocess.run([mutmut, "export-cicd-stats"], cwd=work, env=env, capture_output=True)
    stats_file = work / "mutants" / "mutmut-cicd-stats.json"
    if run.returncode != 0 or not stats_file.exists():
        tail = (run.stdout + run.stderr).strip().splitlines()[-15:]
        return {"module": name, "error": f"mutmut run exited {run.returncode}", "log": tail,
                "seconds": round(time.monotonic() - started)}
    stats = json.loads(stats_file.read_text())
    results = subprocess.run([mutmut, "results", "--all", "true"], cwd=work, env=env,
                             capture_output=True, text=True).stdout
    verdicts = dict(re.findall(r"^\s*(\S+): (.+)$", results, re.M))
    survivors = sorted(k for k, v in verdicts.items() if v.strip() in ("survived", "no tests"))
    tested = stats.get("total", 0) - stats.get("skipped", 0)
    killed = stats.get("killed", 0) + stats.get("timeout", 0)
    return {"module": name, "files": files, "tests": tests, "total": stats.get("total", 0),
            "killed": killed, "survived": stats.get("survived", 0),
            "no_tests": stats.get("no_tests", 0), "tested": tested,
            "score": round(killed / tested, 3) if tested else None, "survivors": survivors,
            "seconds": round(time.monotonic() - started), "workdir": str(work)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="modules to run (default: all)")
    parser.add_argument("--list", action="store_true", help="name the modules and their tests")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--out", type=Path, default=Path(tempfile.gettempdir()) /
                        "kiosk-mutation" / "results.json")
    args = parser.parse_args(argv)
    if args.list:
        for name, (files, tests) in MODULES.items():
            print(f"{name:26} {' '.join(files)}  <-  {' '.join(tests)}")
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error("unknown module(s): " + ", ".join(unknown))
    base = args.out.parent
    base.mkdir(parents=True, exist_ok=True)
    reports = []
    for name in args.modules or list(MODULES):
        print(f"mutating {name} ...", flush=True)
        report = run_module(name, args.jobs, base)
        reports.append(report)
        if "error" in report:
            print(f"  {name}: {report['error']}\n    " + "\n    ".join(report["log"]), flush=True)
            continue
        print(f"  {name}: {report['killed']}/{report['tested']} killed "
              f"({100 * (report['score'] or 0):.1f}%), {len(report['survivors'])} survivors, "
              f"{report['seconds']} s", flush=True)
        for key in report["survivors"]:
            print(f"    survived: {key}")
    args.out.write_text(json.dumps(reports, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"results: {args.out}")
    failing = [r["module"] for r in reports if "error" in r or (r["score"] or 0) < GOAL]
    if failing:
        print("below the 85% goal or not run: " + ", ".join(failing))
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
