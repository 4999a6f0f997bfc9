"""What an area tells staff about itself, in words the staff screen can translate.

An area's `state_parts` is a tuple of StateParts: an English template with %1, %2 ... and its
arguments. `state` (heartbeat, logs, the CLI) is their English text. The staff screen translates
each template, and each argument that is a code (paper_out, idle, ...), in the "DeviceState"
context; screens/device_states.py lists them all for the translators and a test keeps that list
complete. Free text such as a reader's name passes through untranslated.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable


@dataclass(frozen=True)
class StatePart:
    text: str
    args: tuple[str, ...] = ()

    def render(self, translate: Callable[[str], str] = str) -> str:
        out = translate(self.text)
        for number, arg in enumerate(self.args, 1):
            out = out.replace(f"%{number}", translate(str(arg)))
        return out


def english(parts: Iterable[StatePart]) -> str:
    return "; ".join(part.render() for part in parts)
