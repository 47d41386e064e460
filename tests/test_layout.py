"""The package keeps its shape: layers and no cycles (import-linter), short functions (ruff), one way into the database.

See docs/design.md, "Layout", for what each stage holds and may import.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "amendtrack"
BIN = Path(sys.executable).parent
STAGES = ("model", "read", "compare", "store", "report", "render")


def _tool(name: str) -> Path:
    path = BIN / name
    if not path.exists():
        pytest.skip(f"{name} is not installed beside this Python (pip install '.[test]')")
    return path


def test_the_layers_and_no_cycles_hold() -> None:
    """cli → api → render | store → report | read → compare → model (pyproject.toml's contracts)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the checkout's package, not an installed copy
    done = subprocess.run([_tool("lint-imports"), "--no-cache"], cwd=ROOT, capture_output=True, text=True, env=env)
    assert done.returncode == 0, done.stdout[-3000:]
    assert "4 kept, 0 broken" in done.stdout


def test_ruff_finds_nothing_and_no_function_is_too_complex() -> None:
    """C901 at 15 among the rules (pyproject.toml), over the package, the tests, the benchmarks and docs."""
    done = subprocess.run([_tool("ruff"), "check", "."], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:]


def _python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "versions" not in p.parts)


def test_the_folder_listing_shows_the_stages() -> None:
    folders = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    assert set(STAGES) <= folders
    modules = {p.name for p in PACKAGE.glob("*.py")}
    assert modules == {
        "__init__.py",
        "__main__.py",
        "api.py",
        "console.py",
        "errors.py",
        "resources.py",
        "standalone.py",
    }
    assert "cli" in folders  # the command line: the group, and one module per kind of command


def _calls(tree: ast.AST) -> set[str]:
    """Names of everything called in a module (`create_engine(…)`, `Session(…)`, `engine_for(…)`)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            names.add(func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else "")
    return names


def test_only_the_store_engine_opens_a_database() -> None:
    """reading() and writing() in store/engine.py are the only ways in: no engine or session made elsewhere."""
    opening = {"create_engine", "engine_for", "Session", "sessionmaker", "connect"}
    found = {}
    for path in _python_files():
        made = _calls(ast.parse(path.read_text(encoding="utf-8"))) & opening
        if made:
            found[path.relative_to(PACKAGE).as_posix()] = sorted(made)
    assert found == {
        "store/engine.py": ["Session", "connect", "create_engine", "engine_for"],  # sqlite3.connect: an empty file
    }


@pytest.mark.parametrize(
    "module", ["console.py", *sorted(p.relative_to(PACKAGE).as_posix() for p in (PACKAGE / "cli").glob("*.py"))]
)
def test_the_cli_has_no_sql_and_no_store(module: str) -> None:
    text = (PACKAGE / module).read_text(encoding="utf-8")
    tree = ast.parse(text)
    imported = {
        alias.name if isinstance(node, ast.Import) else f"{node.module}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for alias in node.names
    }
    assert not any(name.startswith(("sqlalchemy", "amendtrack.store")) for name in imported)
    assert not any(word in text for word in ("select(", "session", "Session", "amendtrack.store"))
    assert len(text.splitlines()) < 500


def test_every_package_is_installed() -> None:
    """setup.cfg lists packages by hand (templates and data are mapped in): a new subpackage must be listed too."""
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    found = {
        ".".join(p.parent.relative_to(ROOT).parts) for p in PACKAGE.rglob("__init__.py") if "__pycache__" not in p.parts
    }
    assert found <= listed, sorted(found - listed)
