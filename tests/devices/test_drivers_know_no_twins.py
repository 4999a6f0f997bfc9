"""The drivers never reach their twins: no module of devices/ outside devices/virtual imports
devices.virtual (directly, relatively or by a module name string) or compares anything with a
"virtual" literal. Twins come in through devices.openers only (DESIGN.md, devices/)."""
from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEVICES = ROOT / "devices"
TWINS = DEVICES / "virtual"


def driver_modules() -> list[Path]:
    paths = [p for p in sorted(DEVICES.rglob("*.py")) if TWINS not in p.parents]
    assert len(paths) > 20, "the scan must see the drivers"     # a moved tree is not a pass
    return paths


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_names(path: Path, tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import statement (or an importlib call with a literal) in the file names,
    relative imports resolved."""
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            found.append((node.lineno, module))
            found += [(node.lineno, f"{module}.{alias.name}") for alias in node.names]
        elif (isinstance(node, ast.Call) and node.args and isinstance(node.args[0], ast.Constant)
              and isinstance(node.args[0].value, str)
              and getattr(node.func, "attr", getattr(node.func, "id", "")) in
              ("import_module", "__import__")):
            found.append((node.lineno, node.args[0].value))
    return found


def virtual_literals(tree: ast.AST) -> list[int]:
    """Lines where a "virtual..." string is compared with, or used as a prefix test on, anything."""
    def is_virtual(node: ast.AST) -> bool:
        return (isinstance(node, ast.Constant) and isinstance(node.value, str)
                and node.value.startswith("virtual"))
    lines = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare) and any(map(is_virtual, [node.left, *node.comparators])):
            lines.append(node.lineno)
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") in
              ("startswith", "endswith", "partition", "split", "removeprefix")
              and any(map(is_virtual, node.args))):
            lines.append(node.lineno)
        elif isinstance(node, ast.match_case) and any(map(is_virtual, ast.walk(node.pattern))):
            lines.append(node.pattern.lineno)
    return lines


def test_no_driver_imports_or_branches_on_the_twins():
    imports, branches = [], []
    for path in driver_modules():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        where = path.relative_to(ROOT)
        imports += [f"{where}:{line} {name}" for line, name in imported_names(path, tree)
                    if name == "devices.virtual" or name.startswith("devices.virtual.")]
        branches += [f"{where}:{line}" for line in virtual_literals(tree)]
    assert imports == [], "drivers import their twins"
    assert branches == [], "drivers branch on 'virtual'"


def test_the_scan_sees_what_it_forbids():
    """The two checks above catch each spelling they claim to (else their silence means nothing)."""
    sample = DEVICES / "camera" / "capture.py"
    tree = ast.parse("from devices.virtual import camera_twin\n"
                     "from ..virtual.camera_twin import open_virtual\n"
                     "import devices.virtual.escpos_printer\n"
                     "importlib.import_module('devices.virtual.ssc_card')\n"
                     "if kind == 'virtual': pass\n"
                     "if source.startswith('virtual:'): pass\n")
    names = [name for _, name in imported_names(sample, tree)]
    assert {"devices.virtual", "devices.virtual.camera_twin", "devices.virtual.escpos_printer",
            "devices.virtual.ssc_card"} <= set(names)
    assert virtual_literals(tree) == [5, 6]
