"""Configuration: the shipped file validates, and bad files fail with messages naming the key."""
from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk import config
from kiosk.config_schema import SCHEMA, Field

ROOT = Path(__file__).resolve().parents[2]


def _keys(schema, prefix=""):
    for key, spec in schema.items():
        if isinstance(spec, Field):
            yield prefix + key
        else:
            yield from _keys(spec, f"{prefix}{key}.")


def test_shipped_config_validates_and_documents_every_key():
    cfg = config.load(ROOT / "config.toml")
    assert cfg.ui.language == "zh_CN"
    raw = tomllib.loads((ROOT / "config.toml").read_text(encoding="utf-8"))
    for dotted in _keys(SCHEMA):
        node = raw
        for part in dotted.split("."):
            assert part in node, f"config.toml lacks {dotted}"
            node = node[part]


def write(tmp_path, text):
    path = tmp_path / "c.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, words", [
    ("[ui]\nidle_timeout_s = 5\n", ["[ui] idle_timeout_s = 5", "from 15 to 1800"]),
    ("[ui]\nlanguage = 'fr'\n", ["language = 'fr'", "'zh_CN', 'en'"]),
    ("[ui]\nelderly_mode = 'yes'\n", ["elderly_mode", "true or false", "got str"]),
    ("[kiosk]\nregion_code = '12'\n", ["region_code = '12'", r"\d{6}"]),
    ("[ui]\nidle_timeout = 90\n", ["unknown key 'idle_timeout'", "idle_timeout_s"]),
    ("[nonsense]\nx = 1\n", ["unknown key 'nonsense'"]),
    ("[camera.face]\nrotation = 45\n", ["[camera.face] rotation = 45", "0, 90, 180, 270"]),
])
def test_bad_values_name_key_value_and_what_is_allowed(tmp_path, text, words):
    with pytest.raises(config.ConfigError) as err:
        config.load(write(tmp_path, text))
    for word in words:
        assert word in str(err.value)


def test_several_errors_are_all_reported(tmp_path):
    with pytest.raises(config.ConfigError) as err:
        config.load(write(tmp_path, "[ui]\nidle_timeout_s = 1\nwarning_s = 5\n"))
    assert "idle_timeout_s" in str(err.value) and "warning_s" in str(err.value)


def test_not_toml_is_reported_without_traceback(tmp_path):
    path = write(tmp_path, "[ui\n")
    result = subprocess.run([sys.executable, "-m", "kiosk", "config", "check", str(path)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "not valid TOML" in result.stderr and "Traceback" not in result.stderr


def test_config_check_command(tmp_path):
    # the repo's config.toml is the demo's: fine for --demo, refused for a real kiosk
    ok = subprocess.run([sys.executable, "-m", "kiosk", "--demo", "config", "check",
                         str(ROOT / "config.toml")], capture_output=True, text=True)
    assert ok.returncode == 0 and "OK" in ok.stdout
    bad = write(tmp_path, "[ui]\nwarning_s = 10\n")
    result = subprocess.run([sys.executable, "-m", "kiosk", "config", "check", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "warning_s = 10" in result.stderr and "Traceback" not in result.stderr


def test_set_value_keeps_comments_and_validates(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text((ROOT / "config.toml").read_text(encoding="utf-8"), encoding="utf-8")
    config.set_value(path, "ui.idle_timeout_s", 120)
    text = path.read_text(encoding="utf-8")
    assert "idle_timeout_s = 120" in text
    assert "# seconds without a touch before the idle warning" in text
    assert config.load(path).ui.idle_timeout_s == 120
    with pytest.raises(config.ConfigError):
        config.set_value(path, "ui.idle_timeout_s", 1)
    assert config.load(path).ui.idle_timeout_s == 120


def test_demo_only_settings_refused_outside_demo():
    from kiosk.app import check_demo_only_settings
    cfg = config.defaults()
    with pytest.raises(config.ConfigError, match="embedded"):
        check_demo_only_settings(cfg, demo=False)
    check_demo_only_settings(cfg, demo=True)


@pytest.mark.parametrize("head, tail, expected", [(6, 4, "110101********1234"),
                                                   (3, 4, "110***********1234")])
def test_mask_id(head, tail, expected):
    privacy = {"id_keep_head": head, "id_keep_tail": tail, "mask_char": "*"}
    assert config.mask_id("110101199001011234", privacy) == expected
