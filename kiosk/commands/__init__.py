"""Subcommands of `kiosk`: each module here has register(groups) and is found automatically."""
