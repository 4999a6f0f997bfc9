"""Runtime translation: installs the compiled .qm files of one language (one per source module)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

I18N_DIR = Path(__file__).resolve().parent / "i18n"
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}

_installed: list[QTranslator] = []
_current = "zh_CN"


def install(language: str) -> int:
    """Switch the application's translations to `language`; returns how many files were loaded."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    for qm in sorted(I18N_DIR.glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(qm)):
            app.installTranslator(translator)
            _installed.append(translator)
    QLocale.setDefault(QLocale(language))
    global _current
    _current = language
    return len(_installed)


def locale() -> QLocale:
    return QLocale(current_language())


def current_language() -> str:
    return _current
