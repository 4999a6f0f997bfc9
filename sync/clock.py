"""Clock-skew detection against the platform's Date header.

A kiosk with a wrong clock signs audit records with wrong times, rejects valid commands as expired
(or accepts stale ones) and fails TLS validity checks. Every platform answer carries a Date header;
comparing it with the midpoint of the request's local send/receive times gives the skew to within
about a second (the header's resolution) plus half the round trip.
"""
from __future__ import annotations

import email.utils
import threading
import time
from typing import Any, Callable

DEFAULT_THRESHOLD_S = 120.0


class ClockSkew:
    def __init__(self, threshold_s: float = DEFAULT_THRESHOLD_S,
                 alert: Callable[[str, str, dict], None] | None = None,
                 clock: Callable[[], float] = time.time):
        self.threshold_s = threshold_s
        self._alert = alert if alert is not None else (lambda code, message, details: None)
        self._clock = clock
        self._lock = threading.Lock()
        self._skew: float | None = None
        self._alerted = False

    @property
    def skew_s(self) -> float | None:
        """Platform time minus local time (positive: the kiosk is behind); None before any answer."""
        return self._skew

    @property
    def skewed(self) -> bool:
        return self._skew is not None and abs(self._skew) > self.threshold_s

    def platform_now(self) -> float:
        """The platform's idea of now, for judging command expiry with a wrong local clock."""
        return self._clock() + (self._skew or 0.0)

    def observe(self, date_header: str | None, sent_at: float, received_at: float) -> float | None:
        if not date_header:
            return None
        try:
            server = email.utils.parsedate_to_datetime(date_header).timestamp()
        except (TypeError, ValueError, IndexError):
            return None
        # the header is truncated to whole seconds: +0.5 centres the error
        skew = server + 0.5 - (sent_at + received_at) / 2
        with self._lock:
            self._skew = skew
            crossing = self.skewed != self._alerted
            if crossing:
                self._alerted = self.skewed
        if crossing and self._alerted:
            self._alert("clock_skew", f"the kiosk clock differs from the platform by {skew:+.0f} s",
                        {"skew_s": round(skew, 1)})
        elif crossing:
            self._alert("clock_skew_recovered", "the kiosk clock agrees with the platform again",
                        {"skew_s": round(skew, 1)})
        return skew

    def response_hook(self, response: Any, *args: Any, **kwargs: Any) -> Any:
        """A requests response hook: session.hooks['response'].append(skew.response_hook)."""
        received = self._clock()
        elapsed = getattr(response, "elapsed", None)
        sent = received - elapsed.total_seconds() if elapsed is not None else received
        self.observe(response.headers.get("Date"), sent, received)
        return response
