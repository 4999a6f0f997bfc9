"""What config.toml may contain: every key, its type, its default and what values are allowed.

Each section is declared once here; config.toml at the repo root is the annotated copy staff read.
Device sections belong to the device issues; add keys to your own section only.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Field:
    type: type | tuple[type, ...]
    default: Any
    help: str
    min: float | None = None
    max: float | None = None
    choices: tuple[Any, ...] | None = None
    pattern: str | None = None  # a regular expression a string must match in full

    def allowed(self) -> str:
        """The human description of what is allowed, used in error messages."""
        kind = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
                list: "a list"}.get(self.type if isinstance(self.type, type) else float, "a value")
        if self.choices is not None:
            return "one of " + ", ".join(repr(c) for c in self.choices)
        if self.min is not None and self.max is not None:
            return f"{kind} from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"{kind} of at least {self.min:g}"
        if self.pattern is not None:
            return f"{kind} matching {self.pattern}"
        return kind


def _camera_source(default_source: str) -> dict[str, Field]:
    return {
        "source": Field(str, default_source,
                        "device index ('0'), device path, video file, stream URL, or 'virtual:SCENE'"),
        "width": Field(int, 640, "capture width in pixels", min=160, max=4096),
        "height": Field(int, 480, "capture height in pixels", min=120, max=4096),
        "fps": Field(int, 25, "frames per second requested from the camera", min=1, max=60),
        "rotation": Field(int, 0, "rotate frames clockwise by this many degrees", choices=(0, 90, 180, 270)),
        "mirror": Field(bool, False, "mirror frames horizontally"),
    }


SCHEMA: dict[str, dict[str, Any]] = {
    "kiosk": {
        "id": Field(str, "KIOSK-DEMO-0001", "this kiosk's identifier on the platform",
                    pattern=r"[A-Za-z0-9_.-]{1,64}"),
        "hall_name": Field(str, "示范市政务服务中心", "hall name shown on the home screen"),
        "hall_name_en": Field(str, "Demo City Government Service Center", "hall name in English"),
        "region_code": Field(str, "990100", "GB/T 2260 region code (6 digits)", pattern=r"\d{6}"),
        "data_dir": Field(str, "var", "where the kiosk keeps its cache, outbox and journal "
                          "(relative paths are relative to the config file)"),
        # the safety net of kiosk.restart_policy: a fresh process now and then, between sessions
        "restart_after_hours": Field(float, 72.0, "restart the kiosk when idle after this many "
                                     "hours of uptime (0 = never)", min=0, max=8760),
        "restart_after_sessions": Field(int, 5000, "restart the kiosk when idle after this many "
                                        "citizen sessions (0 = never)", min=0, max=100000),
    },
    "platform": {
        "url": Field(str, "embedded", "platform base URL, or 'embedded' for the built-in reference "
                     "platform (demo only)"),
        "ca_bundle": Field(str, "", "CA bundle to verify the platform's TLS certificate ('' = system)"),
        "client_cert": Field(str, "", "client certificate for mutual TLS ('' = none)"),
        "client_key": Field(str, "", "private key of the client certificate"),
        "proxy": Field(str, "", "HTTP(S) proxy URL ('' = none)"),
        "connect_timeout_s": Field(float, 3.0, "TCP/TLS connect timeout", min=0.5, max=60),
        "read_timeout_s": Field(float, 10.0, "time to wait for a response", min=1, max=300),
        "verify_tls": Field(bool, True, "verify TLS certificates (can only be false with --demo)"),
        "catalog_refresh_minutes": Field(int, 30, "how often to refresh the service catalog",
                                         min=1, max=1440),
    },
    "ui": {
        "language": Field(str, "zh_CN", "default language", choices=("zh_CN", "en")),
        "idle_timeout_s": Field(int, 90, "seconds without a touch before the idle warning",
                                min=15, max=1800),
        "warning_s": Field(int, 30, "seconds the idle warning counts down (WCAG 2.2.1: 20 or more)",
                           min=20, max=300),
        "elderly_mode": Field(bool, False, "start sessions in elderly mode (larger text and targets)"),
        "orientation": Field(str, "portrait", "screen orientation", choices=("portrait", "landscape")),
        "attract_after_s": Field(int, 60, "seconds on the home screen before the attract loop",
                                 min=10, max=3600),
    },
    # voice guidance (screens/speech.py, policy in kiosk/speech.py)
    "speech": {
        "enabled": Field(bool, False, "voice guidance on at the start of every session"),
        "with_large_text": Field(bool, False, "turn voice guidance on when the citizen turns "
                                 "large text on"),
        "engine": Field(str, "speechd", "QtTextToSpeech engine ('speechd' = speech-dispatcher "
                        "with espeak-ng; a province's own engine plugin by its name; 'mock' "
                        "says nothing, for tests)", pattern=r"[A-Za-z0-9_.-]{1,64}"),
        "volume": Field(int, 80, "speech volume in percent", min=0, max=100),
        "rate": Field(float, -0.2, "speech rate, -1 slowest to 1 fastest, 0 the voice's normal",
                      min=-1, max=1),
        "voice_zh_CN": Field(str, "Chinese (Mandarin", "part of the Chinese voice's name"),
        "voice_en": Field(str, "English", "part of the English voice's name"),
        "headphones": Field(str, "never", "whether speech reaches the citizen alone: 'never' "
                            "(a loudspeaker: nothing personal is said) or 'always' (a handset "
                            "or headphones only)", choices=("never", "always")),
    },
    "privacy": {
        "id_keep_head": Field(int, 6, "ID number digits shown at the start when masked", min=0, max=10),
        "id_keep_tail": Field(int, 4, "ID number digits shown at the end when masked", min=0, max=8),
        "mask_char": Field(str, "*", "character that hides masked digits", pattern=r".{1}"),
    },
    "staff": {
        "pin_hash": Field(str, "", "argon2id hash of the staff PIN, written by `kiosk staff "
                          "set-pin`; '' disables the staff menu except in --demo, where the PIN "
                          "is 000000", pattern=r"(\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$"
                          r"[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+)?"),
        "pin_sha256": Field(str, "", "no longer accepted (an unsalted hash of six digits is "
                            "cracked in a second): set the PIN again with `kiosk staff set-pin`",
                            pattern=r"([0-9a-f]{64})?"),
        "max_pin_attempts": Field(int, 5, "wrong PINs before the staff menu locks", min=1, max=20),
        "lockout_s": Field(int, 300, "how long the staff menu stays locked the first time; each "
                           "further lock-out doubles it (at most a day)", min=10, max=86400),
    },
    "idcard": {
        "enabled": Field(bool, True, "use a resident ID card reader"),
        "port": Field(str, "virtual:idcard", "serial port, 'auto' to probe, or 'virtual:idcard'"),
        "baud": Field(int, 115200, "baud rate", choices=(9600, 19200, 38400, 57600, 115200)),
        "poll_interval_ms": Field(int, 300, "how often to look for a card", min=100, max=5000),
        "command_timeout_ms": Field(int, 1500, "time to wait for one reply", min=100, max=10000),
        "retries": Field(int, 2, "retries of a failed command before giving up", min=0, max=10),
        "read_fingerprint": Field(bool, False, "read text + photo + fingerprint (30 10)"),
        "wlt_decoder": Field(str, "", "vendor WLT photo decoder shared library, PATH or "
                             "PATH:FUNCTION ('' = none: the photo is not decoded)"),
    },
    "smartcard": {
        "enabled": Field(bool, True, "use a PC/SC smart card reader"),
        "reader": Field(str, "virtual:ssc",
                        "reader name (substring); '' = the first reader; 'virtual:ssc' = the "
                        "virtual card in vpcd's second reader (starts pcscd if needed)"),
        "pin_entry": Field(str, "screen", "where the citizen types a card PIN",
                           choices=("screen", "pinpad")),
        "apdu_timeout_ms": Field(int, 3000, "time a card may take to answer one command before "
                                 "it counts as mute", min=500, max=30000),
        "pin_timeout_s": Field(int, 60, "how long the PIN keypad waits for the citizen",
                               min=15, max=300),
        "shuffle_pin_keys": Field(bool, True, "draw the on-screen PIN keys in a new random order "
                                  "for each entry (随机键盘), so nobody behind the citizen reads "
                                  "the PIN from the hand"),
    },
    "camera": {
        "face": _camera_source("virtual:face"),
        "document": _camera_source("virtual:document"),
        "qr": _camera_source("virtual:qr"),
    },
    "face": {
        "enabled": Field(bool, True, "offer face verification"),
        "threshold": Field(float, 0.5, "largest embedding distance accepted as the same person",
                           min=0.1, max=1.0),
        "max_attempts": Field(int, 3, "failed attempts before offering staff help", min=1, max=10),
        "liveness": Field(str, "blink_turn", "liveness challenge",
                          choices=("blink_turn", "blink", "turn", "vendor")),
        "vendor_liveness": Field(str, "", "vendor liveness device adapter (module:callable)"),
        "challenge_timeout_s": Field(float, 10.0, "time the citizen has for the liveness challenge",
                                     min=3, max=60),
        "min_face_fraction": Field(float, 0.18, "smallest face width, as a fraction of the frame "
                                   "width, before asking the citizen to come closer",
                                   min=0.05, max=0.6),
        "min_sharpness": Field(float, 40.0, "smallest sharpness (variance of the Laplacian on the "
                               "face) accepted", min=1, max=1000),
    },
    "identify": {
        "ways": Field(list, ["idcard", "ssc", "phone", "face"], "ways a citizen may identify, in the "
                      "order shown (idcard, ssc, phone, face); a catalogue item's own policy "
                      "narrows them for its tasks"),
        "face_check_tasks": Field(list, ["print_licences"], "tasks that need the face matched to "
                                  "the card or phone code first (人证比对)"),
        "face_login_tasks": Field(list, ["home", "case", "queue", "evaluation"], "tasks a citizen "
                                  "may start by face login (face is always one way among others)"),
        "phone_code_timeout_s": Field(float, 8.0, "time to wait for the platform to verify a "
                                      "phone code", min=2, max=30),
    },
    "document_capture": {
        "dpi": Field(int, 200, "resolution of saved pages", min=100, max=600),
        "jpeg_quality": Field(int, 85, "JPEG quality of saved pages", min=30, max=100),
    },
    "receipt_printer": {
        "enabled": Field(bool, True, "use an ESC/POS receipt printer"),
        "transport": Field(str, "virtual", "how the printer is connected",
                           choices=("serial", "usb", "network", "virtual")),
        "port": Field(str, "", "serial port (transport = serial)"),
        "baud": Field(int, 19200, "serial baud rate", choices=(9600, 19200, 38400, 57600, 115200)),
        "host": Field(str, "127.0.0.1", "printer address (transport = network)"),
        "tcp_port": Field(int, 9100, "printer TCP port (transport = network)", min=1, max=65535),
        "usb_vendor": Field(int, 0, "USB vendor id (transport = usb)", min=0, max=65535),
        "usb_product": Field(int, 0, "USB product id (transport = usb)", min=0, max=65535),
        "chars_per_line": Field(int, 48, "characters per line (48 for 80 mm paper, 32 for 58 mm)",
                                min=24, max=64),
        "status_poll_s": Field(int, 10, "how often to ask the printer for its status", min=1, max=600),
    },
    "certificate_printer": {
        "enabled": Field(bool, True, "print certificates through CUPS"),
        "queue": Field(str, "virtual:kiosk-a4", "CUPS queue name, or 'virtual:NAME' for a private "
                       "cupsd + ippeveprinter stand-in (demo and tests; needs root)"),
        "cups_server": Field(str, "", "CUPS server (host:port or socket path; '' = default)"),
        "media": Field(str, "iso_a4_210x297mm", "media name"),
        "duplex": Field(bool, False, "print on both sides"),
        "job_timeout_s": Field(int, 120, "time a job may take before it counts as failed",
                               min=10, max=3600),
        "trust_roots": Field(str, "", "PEM file of the CAs whose signed PDFs may be printed ('' = "
                             "the embedded reference platform's test CA, demo only)"),
        "citizen_attempts": Field(int, 2, "prints a citizen may start per document and session "
                                  "(the first and one retry); staff retries are unlimited",
                                  min=1, max=5),
    },
    "sync": {
        "outbox": Field(str, "outbox.sqlite3", "outbox database (relative to data_dir)"),
        "key_file": Field(str, "outbox.key", "outbox encryption key (relative to data_dir)"),
        "credential_file": Field(str, "credential.json", "kiosk credential (relative to data_dir)"),
        "batch_size": Field(int, 50, "records sent per request", min=1, max=1000),
        "max_attempts": Field(int, 20, "deliveries tried before a record is dead-lettered",
                              min=1, max=1000),
        "backoff_base_s": Field(float, 2.0, "first retry delay", min=0.05, max=600),
        "backoff_max_s": Field(float, 600.0, "longest retry delay", min=1, max=86400),
        "heartbeat_s": Field(int, 60, "heartbeat interval until the platform sets one",
                             min=5, max=3600),
        "min_free_mb": Field(int, 64, "free disk space below which the outbox refuses new records",
                             min=1, max=100000),
        "ordered_kinds": Field(list, ["submission"], "record kinds delivered strictly in the order "
                               "they were queued"),
        "commands_db": Field(str, "commands.sqlite3", "remote commands already executed "
                             "(relative to data_dir)"),
    },
    # the kiosk session (cage) reads these at each start: packaging/kiosk-session-setup
    "display": {
        "rotation": Field(int, 0, "rotate the screen clockwise by this many degrees for a panel "
                          "mounted turned (the kiosk session only)", choices=(0, 90, 180, 270)),
        "touch_matrix": Field(str, "auto", "touch calibration: 'auto' turns touches with the "
                              "screen, '' leaves the panel's own, or six numbers (a libinput "
                              "calibration matrix)",
                              pattern=r"auto|(-?[0-9.]+( -?[0-9.]+){5})?"),
    },
}
