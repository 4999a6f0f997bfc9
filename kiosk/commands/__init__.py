"""Subcommands of `kiosk`: each module here has register(groups) and is found automatically."""
from __future__ import annotations

import argparse

from kiosk.config import ConfigError


def technician_config(args: argparse.Namespace):
    """The configuration for a device tool: the given file, else the search path, else the
    defaults (a technician may carry only a port name and no config file)."""
    from kiosk import config
    try:
        return config.load(args.config)
    except ConfigError:
        if args.config:
            raise
        return config.defaults()
