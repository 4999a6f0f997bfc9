"""Hall kiosk: composition root and domain (config, session, flows, catalog, i18n, CLI)."""
__version__ = "0.1.0"
