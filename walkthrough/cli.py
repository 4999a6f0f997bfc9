"""`kiosk walkthrough`: every screen state, offscreen, one PNG each (plugged in through the
`kiosk.commands` entry point, so the product CLI never imports this package)."""
from __future__ import annotations


def register(groups) -> None:
    parser = groups.root.add_parser("walkthrough", help="save a screenshot of every screen state")
    parser.add_argument("--out", metavar="DIR", default="demo-out",
                        help="folder for the PNGs (default: demo-out)")
    parser.add_argument("--size", choices=("1080x1920", "1920x1080"), default=None,
                        help="screen size (default: from ui.orientation)")
    parser.add_argument("--lang", choices=("zh_CN", "en"), default=None)
    parser.add_argument("--only", metavar="AREA[,AREA]",
                        help="only these areas (see --list), or states whose name contains it")
    parser.add_argument("--list", action="store_true", help="name the areas and their states")
    parser.set_defaults(func=_run)


def _run(args) -> int:
    from walkthrough.walker import areas, run_walkthrough
    if args.list:
        for area, count in areas().items():
            print(f"{area:12} {count} states")
        return 0
    try:
        return run_walkthrough(args.out, size=args.size, lang=args.lang, config_path=args.config,
                               only=args.only)
    except ValueError as exc:
        print(f"kiosk walkthrough: {exc}")
        return 2
