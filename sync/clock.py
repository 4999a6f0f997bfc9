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


class SignedClock:
    """The platform's time as it signed it: the only clock remote commands are judged by.

    The Date header is unsigned: anyone between kiosk and platform (or a TLS front that is not
    the platform) can shift it, and a shifted Date made an hour-old command look fresh. Each
    heartbeat sends a fresh nonce; the platform answers with {"kiosk_id", "nonce", "server_time"}
    signed by its command key, so the time cannot be forged nor replayed from an older answer.
    Until one signed time arrived (or while the kiosk's clock is off by more than threshold_s)
    `trusted` is False and commands are refused.
    """

    def __init__(self, kiosk_id: str, platform_key: Any, *, threshold_s: float = DEFAULT_THRESHOLD_S,
                 alert: Callable[[str, str, dict], None] | None = None,
                 clock: Callable[[], float] = time.time):
        self.kiosk_id = kiosk_id
        self._key = platform_key
        self.threshold_s = threshold_s
        self._alert = alert if alert is not None else (lambda code, message, details: None)
        self._clock = clock
        self._skew: float | None = None
        self._alerted = False
        self._lock = threading.Lock()

    def nonce(self) -> str:
        import secrets
        value = secrets.token_urlsafe(16)
        with self._lock:
            self._pending = value
        return value

    def observe(self, signed: Any, sent_at: float, received_at: float) -> bool:
        """Take a heartbeat answer's signed_time; True when it verified."""
        import base64
        import binascii
        import json
        from cryptography.exceptions import InvalidSignature
        with self._lock:
            expected, self._pending = getattr(self, "_pending", None), None
        try:
            text = signed["payload"]
            self._key.verify(base64.b64decode(signed["signature"], validate=True),
                             text.encode("utf-8"))
            data = json.loads(text)
            server = float(data["server_time"])
            fresh = data["nonce"] == expected and data["kiosk_id"] == self.kiosk_id
        except (InvalidSignature, KeyError, TypeError, ValueError, binascii.Error,
                AttributeError):
            self._alert("security_signed_time_invalid", "the heartbeat answer's signed time "
                        "did not verify", {"security": True})
            return False
        if not fresh or expected is None:
            self._alert("security_signed_time_replayed", "the heartbeat answer's signed time is "
                        "not the answer to this heartbeat", {"security": True})
            return False
        skew = server - (sent_at + received_at) / 2
        with self._lock:
            self._skew = skew
            skewed = abs(skew) > self.threshold_s
            crossing = skewed != self._alerted
            self._alerted = skewed
        if crossing and skewed:
            self._alert("security_clock_skew", f"the kiosk clock is {skew:+.0f} s off the "
                        "platform's signed time: remote commands are refused until it is set",
                        {"security": True, "skew_s": round(skew, 1)})
        elif crossing:
            self._alert("security_clock_skew_recovered", "the kiosk clock agrees with the "
                        "platform's signed time again", {"skew_s": round(skew, 1)})
        return True

    @property
    def skew_s(self) -> float | None:
        return self._skew

    @property
    def trusted(self) -> bool:
        return self._skew is not None and abs(self._skew) <= self.threshold_s

    def now(self) -> float:
        return self._clock() + (self._skew or 0.0)
