"""Liveness from landmarks over frames: the live scene passes each challenge, a still photo fails."""
from __future__ import annotations

import random
import sys
import types

import pytest

from devices.camera import liveness
from devices.camera.errors import CameraError
from devices.camera.liveness import (BLINK, FAILED, PASSED, TURN_LEFT, TURN_RIGHT, LivenessCheck,
                                     load_vendor_hook, plan_steps, run_vendor_hook)

FPS = 25


def play(analyzer, scene, check, clock, seconds, every=2):
    """Feed every `every`-th frame (detection is slower than the camera) in simulated time."""
    state = check.state
    for index in range(0, int(seconds * FPS), every):
        clock.now = index / FPS
        state = check.feed(analyzer.analyze(scene.frame(index)))
        if state.status != liveness.PENDING:
            break
    return state


@pytest.fixture(scope="module")
def live_scene(models):
    from devices.virtual import camera_twin
    return camera_twin.face_scene()


@pytest.fixture(scope="module")
def photo_scene(models):
    from devices.virtual import camera_twin
    return camera_twin.PhotoScene()


@pytest.mark.parametrize("steps", [[BLINK, TURN_LEFT], [TURN_RIGHT]])
def test_a_live_face_meets_the_challenge(analyzer, live_scene, clock, steps):
    check = LivenessCheck(steps, timeout_s=10, clock=clock)
    state = play(analyzer, live_scene, check, clock, 10)
    assert state.status == PASSED and state.done == tuple(steps)


def test_a_printed_photo_moved_and_tilted_fails(analyzer, photo_scene, clock):
    check = LivenessCheck([BLINK, TURN_LEFT], timeout_s=4, clock=clock)
    state = play(analyzer, photo_scene, check, clock, 6)
    assert state.status == FAILED and state.reason == liveness.TIMEOUT
    assert state.done == ()                              # not even the blink


def test_turning_the_wrong_way_does_not_count(analyzer, poses, clock):
    """Unmirrored, the citizen's left is the image's right: image-left poses are a right turn."""
    frames = ["front"] * 3 + ["left1", "left2", "left3", "left3", "left3"]
    check = LivenessCheck([TURN_LEFT], timeout_s=10, clock=clock)
    for name in frames:
        state = check.feed(analyzer.analyze(poses[name]))
    assert state.status == liveness.PENDING
    mirrored = LivenessCheck([TURN_LEFT], timeout_s=10, mirrored=True, clock=clock)
    for name in frames:
        state = mirrored.feed(analyzer.analyze(poses[name]))
    assert state.status == PASSED


def test_a_blink_needs_open_eyes_before_and_after(analyzer, poses, clock):
    check = LivenessCheck([BLINK], clock=clock)
    for name in ["blink", "blink", "front", "front"]:        # closed first: no open baseline yet
        state = check.feed(analyzer.analyze(poses[name]))
    assert state.status == liveness.PENDING
    for name in ["front", "blink", "front"]:
        state = check.feed(analyzer.analyze(poses[name]))
    assert state.status == PASSED


def test_steps_follow_config_and_the_turn_side_varies():
    assert plan_steps("blink") == [BLINK]
    assert plan_steps("vendor") == []
    sides = {plan_steps("turn", random.Random(seed))[0] for seed in range(20)}
    assert sides == {TURN_LEFT, TURN_RIGHT}
    assert plan_steps("blink_turn", random.Random(1))[0] == BLINK


@pytest.fixture
def vendor_module():
    """A vendor adapter module as an integrator would write it, importable by name."""
    module = types.ModuleType("kiosk_test_vendor_liveness")
    module.answers = []

    def check(timeout_s):
        module.answers.append(timeout_s)
        return module.reply

    def broken(timeout_s):
        raise OSError("infrared sensor not connected")

    module.check, module.broken, module.reply = check, broken, True
    sys.modules[module.__name__] = module
    yield module
    del sys.modules[module.__name__]


def test_vendor_hook_is_loaded_by_name_and_its_answers_understood(vendor_module):
    hook = load_vendor_hook("kiosk_test_vendor_liveness:check")
    assert run_vendor_hook(hook, 5.0).live and vendor_module.answers == [5.0]
    vendor_module.reply = (False, "ir_no_depth")
    verdict = run_vendor_hook(hook, 5.0)
    assert not verdict.live and verdict.reason == "ir_no_depth"
    vendor_module.reply = False
    assert run_vendor_hook(hook, 5.0).reason == liveness.VENDOR_REJECTED


@pytest.mark.parametrize("spec", ["nocolon", "no_such_module_xyz:check",
                                  "kiosk_test_vendor_liveness:missing"])
def test_bad_vendor_hooks_are_typed_errors(vendor_module, spec):
    with pytest.raises(CameraError) as err:
        load_vendor_hook(spec)
    assert err.value.code == "vendor_liveness"


def test_a_failing_vendor_device_is_an_error_never_a_pass(vendor_module):
    with pytest.raises(CameraError) as err:
        run_vendor_hook(load_vendor_hook("kiosk_test_vendor_liveness:broken"), 1.0)
    assert "infrared" in err.value.message
    vendor_module.reply = "yes"                          # not a verdict
    with pytest.raises(CameraError):
        run_vendor_hook(load_vendor_hook("kiosk_test_vendor_liveness:check"), 1.0)
