"""`kiosk devices camera-check | verify-face | scan-qr`, run through the real CLI entry point."""
from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

from kiosk.cli import main


@pytest.fixture(scope="module")
def images(tmp_path_factory, astronaut_bgr, poses, other_person_frame):
    """Sample-photo files for the tools (package images and synthetic frames only)."""
    from devices.virtual.camera_twin import qr_scene_image
    folder = tmp_path_factory.mktemp("images")
    files = {"reference": astronaut_bgr, "probe": poses["front"], "other": other_person_frame,
             "blank": np.full((200, 200, 3), 128, np.uint8), "qr": qr_scene_image()}
    for name, image in files.items():
        cv2.imwrite(str(folder / f"{name}.png"), image)
    (folder / "broken.png").write_bytes(b"not a png")
    return {name: str(folder / f"{name}.png") for name in list(files) + ["broken"]}


def test_verify_face_match_json(images, capsys):
    assert main(["devices", "verify-face", "--reference", images["reference"],
                 "--probe", images["probe"], "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["match"] is True and out["reason"] == "match" and out["score"] < 0.3
    assert out["threshold"] == 0.5


def test_verify_face_other_person_and_no_face(images, capsys):
    assert main(["devices", "verify-face", "--reference", images["reference"],
                 "--probe", images["other"]]) == 1
    assert "different person" in capsys.readouterr().out
    assert main(["devices", "verify-face", "--reference", images["reference"],
                 "--probe", images["blank"], "--json"]) == 2
    assert json.loads(capsys.readouterr().out)["reason"] == "no_face"
    assert main(["devices", "verify-face", "--reference", images["broken"],
                 "--probe", images["probe"]]) == 2
    # a stricter threshold turns the same pair into a rejection
    assert main(["devices", "verify-face", "--reference", images["reference"],
                 "--probe", images["probe"], "--threshold", "0.01"]) == 1


def test_scan_qr(images, capsys):
    assert main(["devices", "scan-qr", images["qr"]]) == 0
    assert capsys.readouterr().out.strip() == "SL-990100-20261122-000123"
    assert main(["devices", "scan-qr", images["blank"]]) == 2
    assert main(["devices", "scan-qr", images["broken"]]) == 1


def test_camera_check(fresh_twins, tmp_path, capsys):
    assert main(["devices", "camera-check", "--source", "virtual:qr", "--seconds", "0.6"]) == 0
    out = capsys.readouterr().out
    assert "resolution 640x480" in out
    fps = float(out.split("measured ")[1].split(" fps")[0])
    assert 0 < fps <= 30                    # frames came, never faster than the camera's 25 fps
    assert main(["devices", "camera-check", "--source", str(tmp_path / "nope.avi"),
                 "--seconds", "0.5"]) == 1
    assert "does not exist" in capsys.readouterr().err
