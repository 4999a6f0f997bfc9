"""GB 11643 citizen identification numbers: the ISO 7064 MOD 11-2 check digit (last character)."""
from __future__ import annotations

import re

# weight of position i (0-based, left to right) is 2^(17-i) mod 11
WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
CHECK_CHARS = "10X98765432"
SHAPE = re.compile(r"\d{17}[\dX]")


def check_digit(first17: str) -> str:
    """The check character for the first 17 digits."""
    if len(first17) != 17 or not first17.isdigit():
        raise ValueError("need exactly 17 digits")
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS))
    return CHECK_CHARS[total % 11]


def complete(first17: str) -> str:
    """The full 18-character number (used to make fictitious test and twin numbers)."""
    return first17 + check_digit(first17)


def is_well_formed(number: str) -> bool:
    return bool(SHAPE.fullmatch(number))


def is_valid(number: str) -> bool:
    """Well formed and the check digit matches. A lowercase x is not what cards carry: rejected."""
    return is_well_formed(number) and check_digit(number[:17]) == number[17]
