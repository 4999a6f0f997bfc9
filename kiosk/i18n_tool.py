"""Maintains the Qt translation sources: one .ts per source module and language in kiosk/i18n/.

    python -m kiosk.i18n_tool update         refresh .ts files from the code (pyside6-lupdate);
                                              English entries are filled from the (English) source
    python -m kiosk.i18n_tool todo           list zh_CN entries still untranslated (JSON lines)
    python -m kiosk.i18n_tool apply F.json   fill zh_CN translations: {"Context": {"source": "译文"}}
    python -m kiosk.i18n_tool build          compile every .ts to .qm (pyside6-lrelease), at install
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = Path(__file__).resolve().parent / "i18n"
LANGUAGES = ("zh_CN", "en")
SOURCE_DIRS = ("kiosk", "screens", "devices", "printing", "sync")
MARKERS = re.compile(r"\btr\(|QCoreApplication\.translate\(|QT_TRANSLATE_NOOP\(")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def translatable_sources() -> list[Path]:
    found = []
    for top in SOURCE_DIRS:
        for path in sorted((ROOT / top).rglob("*.py")):
            if path.name != "i18n_tool.py" and MARKERS.search(path.read_text(encoding="utf-8")):
                found.append(path)
    return found


def ts_path(source: Path, lang: str) -> Path:
    module = ".".join(source.relative_to(ROOT).with_suffix("").parts)
    return I18N / f"{module}_{lang}.ts"


def update() -> None:
    I18N.mkdir(exist_ok=True)
    for source in translatable_sources():
        targets = [str(ts_path(source, lang)) for lang in LANGUAGES]
        subprocess.run([_tool("lupdate"), "-silent", "-no-obsolete", "-locations", "none",
                        str(source), "-ts", *targets], check=True)
        if ET.parse(targets[0]).find(".//message") is None:
            for target in targets:   # a marker only in a comment or docstring: nothing to translate
                Path(target).unlink()
            continue
        for target in targets:
            _set_language(Path(target))
        _fill_english(ts_path(source, "en"))
    expected = {ts_path(s, lang).name for s in translatable_sources() for lang in LANGUAGES}
    for stale in I18N.glob("*.ts"):
        if stale.name not in expected:
            stale.unlink()
    for orphan in I18N.glob("*.qm"):
        if not orphan.with_suffix(".ts").exists():
            orphan.unlink()


def _set_language(path: Path) -> None:
    tree = ET.parse(path)
    tree.getroot().set("language", path.stem.rsplit("_", 1)[-1] if path.stem.endswith("_en")
                       else "zh_CN")
    _write(tree, path)


def _fill_english(path: Path) -> None:
    tree = ET.parse(path)
    for message in tree.iter("message"):
        translation = message.find("translation")
        if translation.get("type") == "unfinished" or not _translated(message):
            _set_translation(message, message.findtext("source"), forms=2)
    _write(tree, path)


def _translated(message: ET.Element) -> bool:
    translation = message.find("translation")
    if message.get("numerus") == "yes":
        forms = translation.findall("numerusform")
        return bool(forms) and all((f.text or "").strip() for f in forms)
    return bool((translation.text or "").strip())


def _set_translation(message: ET.Element, text: str, forms: int) -> None:
    """Plain messages get the text; numerus (%n) messages one form per plural form of the
    language (Chinese has one, English two)."""
    translation = message.find("translation")
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for old in translation.findall("numerusform"):
            translation.remove(old)
        translation.text = None
        for _ in range(forms):
            ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = text


def _write(tree: ET.ElementTree, path: Path) -> None:
    ET.indent(tree)
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")


def unfinished(lang: str = "zh_CN") -> list[tuple[str, str, str]]:
    rows = []
    for path in sorted(I18N.glob(f"*_{lang}.ts")):
        for context in ET.parse(path).iter("context"):
            name = context.findtext("name")
            for message in context.iter("message"):
                translation = message.find("translation")
                if translation.get("type") == "unfinished" or not _translated(message):
                    rows.append((path.name, name, message.findtext("source")))
    return rows


def apply(mapping: dict[str, dict[str, str]], lang: str = "zh_CN") -> int:
    filled = 0
    for path in sorted(I18N.glob(f"*_{lang}.ts")):
        tree = ET.parse(path)
        changed = False
        for context in tree.iter("context"):
            table = mapping.get(context.findtext("name"), {})
            for message in context.iter("message"):
                text = table.get(message.findtext("source"))
                if text:
                    _set_translation(message, text, forms=1 if lang == "zh_CN" else 2)
                    changed = True
                    filled += 1
        if changed:
            _write(tree, path)
    return filled


def build() -> None:
    files = sorted(I18N.glob("*.ts"))
    if files:
        for ts in files:
            # written aside and renamed into place: a running kiosk has the old .qm mapped into
            # memory, and rewriting that file in place kills it with SIGBUS at its next tr()
            qm = ts.with_suffix(".qm")
            fresh = qm.with_name(qm.name + ".new")
            subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(fresh)], check=True)
            os.replace(fresh, qm)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in ("update", "todo", "apply", "build"):
        print(__doc__)
        return 2
    if argv[0] == "update":
        update()
    elif argv[0] == "build":
        build()
    elif argv[0] == "todo":
        for row in unfinished():
            print(json.dumps(row, ensure_ascii=False))
    else:
        mapping = json.loads(Path(argv[1]).read_text(encoding="utf-8"))
        print(f"filled {apply(mapping)} translations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
