"""`python -m bench soak` (and `make bench`): the soak of bench/soak.py with SOAK_SESSIONS sessions
(default 1000, about 15 minutes); `python -m bench.soak --sessions 5000` is the full one that
BENCHMARKS.md "Soak" reports."""
from __future__ import annotations


def main() -> None:
    from bench import soak
    if soak.main([]) != 0:
        raise RuntimeError("the soak stopped early (see above)")
