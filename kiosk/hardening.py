"""Process hardening at start (MLPS 2.0 level 3: residual information protection).

A core dump or a debugger attached by another local user would carry the citizen's name, ID number
and photo out of the process memory the session wipe cannot reach (Python strings are immutable
and copied freely). So the kiosk process makes no core file (RLIMIT_CORE = 0) and is not dumpable
(prctl PR_SET_DUMPABLE 0: no core, no ptrace attach by the same user, /proc/PID/mem closed).
"""
from __future__ import annotations

import ctypes
import ctypes.util
import logging
import resource
import sys

log = logging.getLogger(__name__)

PR_SET_DUMPABLE, PR_GET_DUMPABLE = 4, 3


def forbid_core_dumps() -> dict[str, bool]:
    """Apply both; returns what took effect (a test and `kiosk doctor` can show it)."""
    done = {"rlimit_core": False, "not_dumpable": False}
    try:
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        done["rlimit_core"] = resource.getrlimit(resource.RLIMIT_CORE) == (0, 0)
    except (ValueError, OSError) as exc:
        log.warning("cannot forbid core dumps (RLIMIT_CORE): %s", exc)
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        if libc.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            log.warning("prctl(PR_SET_DUMPABLE, 0) failed: errno %d", ctypes.get_errno())
        done["not_dumpable"] = libc.prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) == 0
    return done
