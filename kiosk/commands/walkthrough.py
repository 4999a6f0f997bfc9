"""`kiosk walkthrough`: every screen state, offscreen, one PNG each."""
from __future__ import annotations


def register(groups) -> None:
    parser = groups.root.add_parser("walkthrough", help="save a screenshot of every screen state")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PNGs")
    parser.add_argument("--size", choices=("1080x1920", "1920x1080"), default=None,
                        help="screen size (default: from ui.orientation)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    parser.add_argument("--only", metavar="TEXT", help="only the states whose name contains TEXT")
    parser.set_defaults(func=_run)


def _run(args) -> int:
    from kiosk.walkthrough import run_walkthrough
    return run_walkthrough(args.out, size=args.size, lang=args.lang, config_path=args.config,
                           only=args.only)
