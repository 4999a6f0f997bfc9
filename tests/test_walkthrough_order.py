"""The walkthrough's states run as areas, one area's states together: two areas never share an
order (their states would interleave and each would find the other's screen), and the states that
stop the embedded platform for good come last (orders 1980 on)."""
from __future__ import annotations

from collections import defaultdict

from walkthrough.walker import load_steps


def test_no_two_areas_share_an_order():
    areas_at = defaultdict(set)
    for st in load_steps():
        areas_at[st.order].add(st.area)
    shared = {order: areas for order, areas in areas_at.items() if len(areas) > 1}
    assert not shared, shared


def test_the_states_that_stop_the_platform_come_last():
    import inspect
    stoppers = [st for st in load_steps()
                if "embedded_platform.stop()" in inspect.getsource(st.fn)
                or "server.stop()" in inspect.getsource(st.fn)]
    assert stoppers
    assert all(st.order >= 1980 for st in stoppers), [(s.order, s.name) for s in stoppers]
