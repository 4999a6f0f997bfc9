"""What the app tells about updates: an automatic rollback, read from the state file that
kiosk-update (kiosk/commands/update.py) keeps, for the heartbeat and `kiosk doctor`."""
from __future__ import annotations

import json
import os
from pathlib import Path

STATE_FILE = "update-state.json"     # in the data directory: /var/lib/kiosk on a kiosk


def rollback_notice(state_path: str | os.PathLike, running_version: str) -> dict | None:
    """{"code", "message"} while the kiosk runs the version an automatic rollback went back to;
    None otherwise, and when there is no state file (a kiosk never updated, a developer's tree)."""
    try:
        text = Path(state_path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as exc:
        return {"code": "update_state_unreadable", "message": f"{state_path}: {exc}"}
    try:
        last = json.loads(text).get("last") or {}
    except (ValueError, AttributeError) as exc:
        return {"code": "update_state_unreadable", "message": f"{state_path}: {exc}"}
    if last.get("event") != "rolled_back" or last.get("to") != running_version:
        return None
    return {"code": "update_rolled_back",
            "message": f"update to {last['from']} rolled back to {last['to']}: {last['reason']}"}
