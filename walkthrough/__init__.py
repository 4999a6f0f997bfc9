"""The screenshot walker: drives every screen state offscreen and saves one PNG per state.

Demo and development tooling, not part of the product: the production build leaves it out, and the
`kiosk walkthrough` command reaches the CLI through the `kiosk.commands` entry point. One module of
steps per area group (walkthrough/shell.py, catalog.py, ...); the engine is walkthrough/walker.py.
"""
