"""The embedded platform behind [platform] url = 'embedded' (demo only), as a plug-in.

The reference platform registers itself under the "kiosk.embedded_platform" entry point, name
"reference"; the product never imports it by name, and the production build, which leaves it
out, has none (kiosk.cli finds demo commands the same way, through "kiosk.commands").
"""
from __future__ import annotations

from kiosk.config import ConfigError

GROUP = "kiosk.embedded_platform"


def embedded_platform():
    """The embedded platform's class: PlatformClass(db_path).start() serves on 127.0.0.1 and
    has .url and .stop(); the class names its reusable demo enrollment token
    (demo_enrollment_token), with which the demo kiosk provisions itself."""
    from importlib.metadata import entry_points
    found = entry_points(group=GROUP, name="reference")
    if not found:
        raise ConfigError("[platform] url = 'embedded': this installation has no embedded "
                          "reference platform; set the platform's https URL")
    return next(iter(found)).load()
