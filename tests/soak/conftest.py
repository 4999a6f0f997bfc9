"""The soak's short version (bench/soak.py is the long one): `pytest -m soak` selects it,
`-m "not soak"` leaves it out."""
from __future__ import annotations


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "soak: many citizen sessions in one kiosk process "
                            "(about two minutes)")
