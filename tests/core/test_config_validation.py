"""Config validation at both ends of every range, for every key that has one: the schema is walked,
so a key added later is held to the same rule. Values just outside a range are refused with the
key, the value and what is allowed; the ends themselves are accepted."""
from __future__ import annotations

import pytest

from kiosk import config
from kiosk.config_schema import SCHEMA, Field


def _fields(schema=SCHEMA, where=()):
    for key, spec in schema.items():
        if isinstance(spec, dict):
            yield from _fields(spec, where + (key,))
        else:
            yield where + (key,), spec


def _nested(path, value):
    raw: dict = {}
    node = raw
    for part in path[:-1]:
        node = node.setdefault(part, {})
    node[path[-1]] = value
    return raw


def _step(spec: Field) -> float:
    return 1 if spec.type is int else 0.001


RANGED = [(".".join(p), s) for p, s in _fields() if s.type in (int, float)
          and (s.min is not None or s.max is not None)]


def test_the_schema_has_ranges_to_check():
    assert sum(s.max is not None for _, s in RANGED) >= 20
    assert sum(s.min is not None for _, s in RANGED) >= 20


@pytest.mark.parametrize("dotted,spec", [r for r in RANGED if r[1].max is not None],
                         ids=[r[0] for r in RANGED if r[1].max is not None])
def test_above_the_maximum_is_refused_and_the_maximum_accepted(dotted, spec):
    path = tuple(dotted.split("."))
    too_high = spec.type(spec.max + _step(spec))
    with pytest.raises(config.ConfigError) as err:
        config.validate(_nested(path, too_high))
    message = str(err.value)
    assert path[-1] in message and repr(too_high) in message and spec.allowed() in message
    # siblings at their minimum, so a rule across keys (e.g. an ID mask's head + tail) holds
    raw = _nested(path, spec.type(spec.max))
    table = raw
    for part in path[:-1]:
        table = table[part]
    node_schema = SCHEMA
    for part in path[:-1]:
        node_schema = node_schema[part]
    for key, sibling in node_schema.items():
        if key != path[-1] and isinstance(sibling, Field) and sibling.min is not None \
                and sibling.type in (int, float):
            table[key] = sibling.type(sibling.min)
    values = config.validate(raw)
    node = values
    for part in path:
        node = node[part]
    assert node == spec.max


@pytest.mark.parametrize("dotted,spec", [r for r in RANGED if r[1].min is not None],
                         ids=[r[0] for r in RANGED if r[1].min is not None])
def test_below_the_minimum_is_refused_and_the_minimum_accepted(dotted, spec):
    path = tuple(dotted.split("."))
    too_low = spec.type(spec.min - _step(spec))
    with pytest.raises(config.ConfigError, match=path[-1]):
        config.validate(_nested(path, too_low))
    config.validate(_nested(path, spec.type(spec.min)))


def test_every_refused_value_is_reported():
    """Several bad keys: every one is reported, none is quietly replaced by its default."""
    raw = {"staff": {"max_pin_attempts": 21, "lockout_s": -1}, "kiosk": {"region_code": "12"}}
    with pytest.raises(config.ConfigError) as err:
        config.validate(raw)
    text = str(err.value)
    assert "max_pin_attempts = 21" in text and "region_code = '12'" in text
    assert text.count("\n  ") == len([line for line in text.splitlines()[1:] if line.strip()])


def test_types_choices_and_patterns():
    for raw, words in (({"staff": {"max_pin_attempts": True}}, "got bool"),
                       ({"staff": {"max_pin_attempts": 3.0}}, "got float"),
                       ({"kiosk": {"id": "has space"}}, "matching"),
                       ({"kiosk": {"nope": 1}}, "unknown key 'nope'"),
                       ({"kiosk": 5}, "must be a table")):
        with pytest.raises(config.ConfigError, match=words):
            config.validate(raw)
    assert config.validate({"staff": {"max_pin_attempts": 3}})["staff"]["max_pin_attempts"] == 3
