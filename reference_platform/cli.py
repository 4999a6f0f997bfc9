"""`kiosk platform serve`: run the reference platform alone (demo data, SQLite) until Ctrl-C.

Plugged into the kiosk CLI through the `kiosk.commands` entry point, so the product never imports
this package."""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path


def register(groups) -> None:
    parser = groups.root.add_parser("platform", help="the reference service platform")
    sub = parser.add_subparsers(dest="platform_command", metavar="ACTION", required=True)
    serve = sub.add_parser("serve", help="run the reference platform until Ctrl-C")
    serve.add_argument("--port", type=int, default=8765,
                       help="TCP port (default 8765; 0 picks a free one)")
    serve.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1)")
    serve.add_argument("--db", metavar="PATH",
                       help="SQLite database (default: platform.sqlite3 in the kiosk data directory)")
    serve.set_defaults(func=_serve)


def _serve(args: argparse.Namespace) -> int:
    from kiosk import config
    from reference_platform.server import PlatformServer

    if not 0 <= args.port <= 65535:
        print(f"kiosk platform serve: --port {args.port}: must be from 0 to 65535", file=sys.stderr)
        return 2
    db = Path(args.db) if args.db else config.load(args.config).data_path("platform.sqlite3")
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        server = PlatformServer(db, host=args.host, port=args.port)
    except OSError as exc:
        print(f"kiosk platform serve: cannot listen on {args.host}:{args.port}: {exc.strerror}",
              file=sys.stderr)
        return 1
    # SIGTERM (systemd, docker stop) ends it the same way Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    print(f"Reference platform at {server.url}  (database {db})", flush=True)
    print(f"  contract: {server.url}/openapi.yaml   catalog: {server.url}/api/v1/catalog", flush=True)
    print(f"  admin token (X-Admin-Token header): {server.admin_token}", flush=True)
    print("Press Ctrl-C to stop.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("Stopping.", flush=True)
    finally:
        server.stop()
    return 0


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt
