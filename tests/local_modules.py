"""Helper modules that sit beside a test folder's conftest (certs.py, faultproxy.py, ...): tests run
with --import-mode=importlib, so such a folder is not on sys.path; each is loaded once by path."""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path


def local_module(beside: str, name: str):
    """The module `name`.py in the folder of the file `beside` (pass __file__)."""
    folder = Path(beside).resolve().parent
    full = f"tests_{folder.name}_{name}"
    if full not in sys.modules:
        spec = importlib.util.spec_from_file_location(full, folder / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[full] = module
        spec.loader.exec_module(module)
    return sys.modules[full]
