"""Loading, validating and editing config.toml, the one source of truth for configuration.

Validation names the key, the value and what is allowed, so staff can fix a file without a traceback.
Edits go through tomlkit so the file keeps its comments.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path
from typing import Any, Iterator, Mapping

from kiosk.config_schema import SCHEMA, Field
from kiosk.errors import KioskError

SEARCH_PATH = (Path("config.toml"), Path("/etc/kiosk/config.toml"))


class ConfigError(KioskError):
    """A configuration problem, worded for the person editing the file."""
    code = "config_invalid"


class Section(Mapping[str, Any]):
    """A read-only view of one validated table; keys are also attributes."""

    def __init__(self, values: dict[str, Any]):
        self._values = values

    def __getattr__(self, name: str) -> Any:
        try:
            return self._values[name]
        except KeyError:
            raise AttributeError(name) from None

    def __getitem__(self, key: str) -> Any:
        return self._values[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def __repr__(self) -> str:
        return f"Section({self._values!r})"


class Config(Section):
    """The validated configuration, plus where it came from."""

    def __init__(self, values: dict[str, Any], path: Path | None):
        super().__init__(values)
        self.__dict__["path"] = path

    @property
    def base_dir(self) -> Path:
        return self.path.parent if self.path else Path.cwd()

    def data_path(self, *parts: str) -> Path:
        """A path inside the kiosk's data directory, created on first use."""
        data = Path(self.kiosk.data_dir)
        if not data.is_absolute():
            data = self.base_dir / data
        data.mkdir(parents=True, exist_ok=True)
        return data.joinpath(*parts)


def find_config(explicit: str | os.PathLike | None) -> Path:
    if explicit:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(f"configuration file {path} does not exist")
        return path
    for candidate in SEARCH_PATH:
        if candidate.is_file():
            return candidate
    raise ConfigError("no configuration file: looked for " + ", ".join(str(p) for p in SEARCH_PATH))


def load(path: str | os.PathLike | None = None, overrides: dict[str, Any] | None = None) -> Config:
    """Read and validate a config file (found on the search path when none is given)."""
    found = find_config(path)
    try:
        raw = tomllib.loads(found.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{found}: not valid TOML: {exc}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"{found}: not UTF-8 text") from None
    if overrides:
        _merge(raw, overrides)
    return Config(validate(raw, source=str(found)), found.resolve())


def defaults() -> Config:
    """The configuration with every key at its default (for tests and tools)."""
    return Config(validate({}), None)


def validate(raw: Mapping[str, Any], source: str = "config") -> dict[str, Any]:
    errors: list[str] = []
    values = _validate_table(raw, SCHEMA, [], errors)
    privacy = values["privacy"]
    if privacy["id_keep_head"] + privacy["id_keep_tail"] > MAX_ID_SHOWN:
        errors.append(f"[privacy] id_keep_head + id_keep_tail = "
                      f"{privacy['id_keep_head'] + privacy['id_keep_tail']}: an ID mask may show "
                      f"at most {MAX_ID_SHOWN} digits")
    if errors:
        raise ConfigError(f"{source}: " + ("\n  " if len(errors) > 1 else "") + "\n  ".join(errors))
    return values


def _validate_table(raw: Mapping[str, Any], schema: dict[str, Any], where: list[str],
                    errors: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    table = "[" + ".".join(where) + "] " if where else ""
    for key in raw:
        if key not in schema:
            allowed = ", ".join(schema)
            errors.append(f"{table}unknown key {key!r} (allowed here: {allowed})")
    for key, spec in schema.items():
        value = raw.get(key)
        if isinstance(spec, dict):
            if value is not None and not isinstance(value, dict):
                errors.append(f"{table}{key} must be a table, got {value!r}")
                value = None
            out[key] = Section(_validate_table(value or {}, spec, where + [key], errors))
            continue
        if value is None:
            out[key] = spec.default
            continue
        problem = _check(value, spec)
        if problem is not None:
            errors.append(f"{table}{key} = {value!r}: must be {spec.allowed()}{problem}")
            out[key] = spec.default
        else:
            out[key] = float(value) if spec.type is float else value
    return out


def _check(value: Any, spec: Field) -> str | None:
    """None when the value fits the field; else '' or a short extra reason."""
    if spec.type is float:
        ok_type = isinstance(value, (int, float)) and not isinstance(value, bool)
    elif spec.type is int:
        ok_type = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok_type = isinstance(value, spec.type)
    if not ok_type:
        return f" (got {type(value).__name__})"
    if spec.choices is not None and value not in spec.choices:
        return ""
    if spec.min is not None and value < spec.min or spec.max is not None and value > spec.max:
        return ""
    if spec.pattern is not None and not re.fullmatch(spec.pattern, value):
        return ""
    return None


def _merge(into: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        if isinstance(value, Mapping) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def parse_value(dotted_key: str, text: str) -> Any:
    """Turn a command-line string into the type the schema wants for dotted_key."""
    spec = field_for(dotted_key)
    if spec.type is bool:
        if text.lower() in ("true", "yes", "1", "on"):
            return True
        if text.lower() in ("false", "no", "0", "off"):
            return False
        raise ConfigError(f"{dotted_key} = {text!r}: must be true or false")
    try:
        return spec.type(text) if isinstance(spec.type, type) else float(text)
    except ValueError:
        raise ConfigError(f"{dotted_key} = {text!r}: must be {spec.allowed()}") from None


def field_for(dotted_key: str) -> Field:
    node: Any = SCHEMA
    for part in dotted_key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ConfigError(f"unknown key {dotted_key!r}")
        node = node[part]
    if not isinstance(node, Field):
        raise ConfigError(f"{dotted_key!r} is a table, not a key")
    return node


def set_value(path: str | os.PathLike, dotted_key: str, value: Any) -> None:
    """Change one key in the file, keeping its comments and layout; the result must validate."""
    import tomlkit   # only staff edits need it; kept off the start-up path
    field_for(dotted_key)
    path = Path(path)
    doc = tomlkit.parse(path.read_text(encoding="utf-8"))
    parts = dotted_key.split(".")
    node = doc
    for part in parts[:-1]:
        if part not in node:
            node[part] = tomlkit.table()
        node = node[part]
    node[parts[-1]] = value
    text = tomlkit.dumps(doc)
    validate(tomllib.loads(text), source=str(path))
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


MAX_ID_SHOWN = 10        # digits of an ID number a mask may show in all (GB/T 35273: 6 + 4)
MIN_ID_HIDDEN = 8        # and it always hides at least this many


def mask_id(number: str, privacy: Mapping[str, Any], min_hidden: int = MIN_ID_HIDDEN) -> str:
    """Mask an ID number for screens and paper as configured (e.g. first 6 + last 4).

    Whatever the configuration says, at most MAX_ID_SHOWN characters are shown and at least
    `min_hidden` (MIN_ID_HIDDEN for identity numbers) hidden (a 17-digit head + tail would print
    the whole number): the larger of head and tail gives way first. A card's own number (not an
    identity number) keeps enough to recognise the card: its callers pass a smaller min_hidden."""
    head, tail = privacy["id_keep_head"], privacy["id_keep_tail"]
    shown = max(0, min(head + tail, MAX_ID_SHOWN, len(number) - min_hidden))
    while head + tail > shown:
        if head >= tail:
            head -= 1
        else:
            tail -= 1
    if len(number) <= head + tail or shown == 0:
        return privacy["mask_char"] * len(number)
    return number[:head] + privacy["mask_char"] * (len(number) - head - tail) + number[len(number) - tail:]
