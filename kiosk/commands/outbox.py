"""Staff tools for the outbox. Never prints a payload: keys, kinds, ages and error codes only.

  kiosk outbox status [--json]          depth, oldest age, dead letters, accepting or why not
                                        (exit 0 healthy, 1 dead letters or not accepting)
  kiosk outbox list [--dead] [--limit N] [--json]
  kiosk outbox flush [--timeout S]      deliver everything now, ignoring backoffs
                                        (exit 0 when empty, 1 when records remain)
  kiosk outbox retry-dead [--key KEY ...]   move dead letters back to the queue
  kiosk outbox rotate-key               a new outbox key; stored records sealed again with it
                                        (stop the kiosk first: it holds the old key)
"""
from __future__ import annotations

import argparse
import json
import sys
import time

from kiosk import config


def register(groups) -> None:
    parser = groups.root.add_parser("outbox", help="inspect and deliver the platform outbox")
    sub = parser.add_subparsers(dest="outbox_command", metavar="ACTION", required=True)
    status = sub.add_parser("status", help="depth, oldest record, dead letters")
    status.add_argument("--json", action="store_true", help="print JSON")
    status.set_defaults(func=_status)
    listing = sub.add_parser("list", help="queued records (metadata only, never payloads)")
    listing.add_argument("--dead", action="store_true", help="only dead letters")
    listing.add_argument("--limit", type=int, default=50, help="at most N records (default 50)")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=_list)
    flush = sub.add_parser("flush", help="deliver everything now, ignoring backoffs")
    flush.add_argument("--timeout", type=float, default=120.0, metavar="S",
                       help="give up after S seconds (default 120)")
    flush.set_defaults(func=_flush)
    retry = sub.add_parser("retry-dead", help="queue dead letters again")
    retry.add_argument("--key", action="append", metavar="KEY",
                       help="only this record (repeatable; default: all dead letters)")
    retry.set_defaults(func=_retry_dead)
    rotate = sub.add_parser("rotate-key", help="a new encryption key for the outbox; every "
                            "stored record is sealed again with it and the old key deleted")
    rotate.set_defaults(func=_rotate_key)


def _open(args: argparse.Namespace):
    from sync.outbox import open_outbox
    cfg = config.load(args.config)
    return cfg, open_outbox(cfg.sync, cfg.data_path)


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    if seconds < 172800:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.1f} d"


def _status(args: argparse.Namespace) -> int:
    _, box = _open(args)
    try:
        stats = box.stats()
    finally:
        box.close()
    healthy = stats.accepting and stats.dead == 0
    if args.json:
        print(json.dumps({"depth": stats.depth, "dead": stats.dead,
                          "oldest_age_s": stats.oldest_age_s, "accepting": stats.accepting,
                          "problem": stats.problem}))
        return 0 if healthy else 1
    print(f"queued:       {stats.depth}")
    print(f"oldest:       {_age(stats.oldest_age_s)}")
    print(f"dead letters: {stats.dead}" + ("  (see `kiosk outbox list --dead`)" if stats.dead else ""))
    print("accepting:    " + ("yes" if stats.accepting else f"NO ({stats.problem})"))
    return 0 if healthy else 1


def _list(args: argparse.Namespace) -> int:
    _, box = _open(args)
    try:
        rows = box.list(state="dead" if args.dead else None, limit=args.limit)
    finally:
        box.close()
    now = time.time()
    if args.json:
        print(json.dumps([{"seq": r.seq, "key": r.key, "kind": r.kind, "state": r.state,
                           "attempts": r.attempts, "age_s": round(now - r.created, 1),
                           "last_error": r.last_error} for r in rows], ensure_ascii=False))
        return 0
    if not rows:
        print("no records")
        return 0
    print(f"{'seq':>6}  {'key':36}  {'kind':16} {'state':7} {'tries':>5}  {'age':>7}  last error")
    for r in rows:
        print(f"{r.seq:>6}  {r.key:36}  {r.kind[:16]:16} {r.state:7} {r.attempts:>5}  "
              f"{_age(now - r.created):>7}  {r.last_error or ''}")
    return 0


def _flush(args: argparse.Namespace) -> int:
    from kiosk.wiring.platform import open_link
    from kiosk.wiring.sync import build_area
    cfg = config.load(args.config)
    if cfg.platform.url == "embedded":
        print("kiosk outbox flush: [platform] url is 'embedded'; the embedded platform runs only "
              "inside the demo app, which delivers by itself", file=sys.stderr)
        return 2
    link = open_link(cfg, cfg.platform.url.rstrip("/"), demo=args.demo)
    service = build_area(cfg, link)
    try:
        result = service.worker.drain(ignore_backoff=True, deadline=time.time() + args.timeout)
    finally:
        service.stop()
        link.close()
    print(f"sent {result.sent} ({result.duplicates} already on the platform), "
          f"dead-lettered {result.dead}, still queued {result.remaining}"
          + (f"; stopped: {result.error}" if result.error else ""))
    return 0 if result.remaining == 0 else 1


def _retry_dead(args: argparse.Namespace) -> int:
    from kiosk.audit import StaffAudit
    cfg, box = _open(args)
    try:
        count = box.retry_dead(args.key)
        StaffAudit(box.enqueue, cfg.kiosk.id, source="cli")("dead_letter_retry",
                                                             details={"count": count})
    finally:
        box.close()
    print(f"{count} dead letter(s) queued again")
    return 0


def _rotate_key(args: argparse.Namespace) -> int:
    from kiosk.audit import StaffAudit
    from sync.crypto import rotate_key
    cfg, box = _open(args)
    try:
        key_id, count = rotate_key(cfg.data_path(cfg.sync.key_file), box.reseal)
        StaffAudit(box.enqueue, cfg.kiosk.id, source="cli")("key_rotation",
                                                             details={"count": count})
    finally:
        box.close()
    print(f"outbox key {key_id} in use; {count} stored record(s) sealed again, older keys deleted")
    return 0
