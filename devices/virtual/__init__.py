"""Virtual twins of the kiosk devices, swapped in when a port or source says `virtual:...`.

The drivers never import this package: they ask devices.openers for a scheme they do not know.
Whoever wants the twins (the demo and test wiring, technicians' tools) calls register_all() once;
a kiosk that never calls it opens real devices only.

- camera: `virtual:NAME` sources play the twin's scenes (camera_twin.register());
- receipt printer: transport "virtual" connects to a running VirtualEscposPrinter, which
  registers itself: VirtualEscposPrinter(...).start().register() (it has an address only once
  started);
- ID card reader, smart card and CUPS: their twins serve the real link (a pty, vpcd, a private
  cupsd), so the drivers open them like real devices and nothing is registered.
"""
from __future__ import annotations


def register_all() -> None:
    """Register the openers of the twins that need no running instance (safe to call again)."""
    from devices.virtual import camera_twin
    camera_twin.register()
