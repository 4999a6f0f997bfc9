"""`make bench` / `python -m bench [NAME ...]`: runs every bench_*.py (or the named ones)."""
from __future__ import annotations

import importlib
import pkgutil
import sys
import time

import bench


def main(argv: list[str]) -> int:
    names = [m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")]
    chosen = [n for n in sorted(names) if not argv or any(a in n for a in argv)]
    failed = 0
    for name in chosen:
        print(f"== {name}", flush=True)
        started = time.perf_counter()
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception as exc:  # one failing benchmark must not hide the others' figures
            failed += 1
            print(f"!! {name} failed: {exc!r}", flush=True)
        print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
