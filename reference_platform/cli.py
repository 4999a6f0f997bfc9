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
    serve.add_argument("--tls-cert", metavar="PEM", help="serve https with this certificate")
    serve.add_argument("--tls-key", metavar="PEM", help="the private key of --tls-cert")
    serve.add_argument("--client-ca", metavar="PEM",
                       help="require a client certificate signed by this CA (mutual TLS)")
    serve.add_argument("--allow-remote", action="store_true",
                       help="listen on an address other machines reach (needs --tls-cert: the "
                            "kiosk credential and citizens' data must not cross a network in "
                            "clear)")
    serve.set_defaults(func=_serve)


def _loopback(host: str) -> bool:
    import ipaddress
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _serve(args: argparse.Namespace) -> int:
    from kiosk import config
    from reference_platform.server import PlatformServer

    if not 0 <= args.port <= 65535:
        print(f"kiosk platform serve: --port {args.port}: must be from 0 to 65535", file=sys.stderr)
        return 2
    if args.client_ca and not args.tls_cert:
        print("kiosk platform serve: --client-ca needs --tls-cert", file=sys.stderr)
        return 2
    if bool(args.tls_cert) != bool(args.tls_key):
        print("kiosk platform serve: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    if not _loopback(args.host) and not (args.allow_remote and args.tls_cert):
        print(f"kiosk platform serve: --host {args.host} is reachable from other machines: "
              "refused without --allow-remote and --tls-cert/--tls-key (the reference "
              "platform is for demo and tests)", file=sys.stderr)
        return 2
    db = Path(args.db) if args.db else config.load(args.config).data_path("platform.sqlite3")
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        # no reusable demo enrollment token on a platform served on its own: enroll kiosks with
        # the single-use tokens of its admin endpoint
        server = PlatformServer(db, host=args.host, port=args.port, demo_enrollment=False)
        if args.tls_cert:
            import ssl
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
            context.load_cert_chain(args.tls_cert, args.tls_key)
            if args.client_ca:
                context.verify_mode = ssl.CERT_REQUIRED
                context.load_verify_locations(args.client_ca)
            server.httpd.socket = context.wrap_socket(server.httpd.socket, server_side=True)
    except OSError as exc:
        print(f"kiosk platform serve: cannot listen on {args.host}:{args.port}: "
              f"{exc.strerror or exc}", file=sys.stderr)
        return 1
    # SIGTERM (systemd, docker stop) ends it the same way Ctrl-C does.
    signal.signal(signal.SIGTERM, _interrupt)
    url = server.url.replace("http://", "https://", 1) if args.tls_cert else server.url
    print(f"Reference platform at {url}  (database {db})", flush=True)
    print(f"  contract: {url}/openapi.yaml   catalog: {url}/api/v1/catalog", flush=True)
    print(f"  enroll a kiosk: POST {url}/api/v1/admin/enrollment (X-Admin-Token below), then "
          "`kiosk provision --token TOKEN`", flush=True)
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
