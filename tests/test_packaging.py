"""Packaging facts a user relies on: the version, the import name, the console script."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import aiact

ROOT = Path(__file__).resolve().parent.parent


def test_version_matches_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]
    assert aiact.__version__ == project["version"]


def test_all_parts_install_under_one_import_name() -> None:
    import aiact.engine
    import aiact.questionnaires
    import aiact.reports
    import aiact.rules

    for module in (aiact.engine, aiact.rules, aiact.questionnaires, aiact.reports):
        assert module.__name__.startswith("aiact.")


def test_console_script_reports_its_version() -> None:
    script = shutil.which("aiact") or str(Path(__import__("sys").executable).with_name("aiact"))
    out = subprocess.run([script, "--version"], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"aiact, version {re.escape(aiact.__version__)}", out)


def test_the_command_line_pauses_collection_only_until_the_engine_is_built() -> None:
    script = (
        "import gc, aiact.main\n"
        "imported_on = gc.isenabled()\n"
        "from aiact import default_engine, pause_collection_for_start_up\n"
        "pause_collection_for_start_up()\n"
        "paused = not gc.isenabled()\n"
        "default_engine()\n"
        "print(imported_on, paused, gc.isenabled(), gc.get_freeze_count() > 10_000)\n"
        "pause_collection_for_start_up()\n"  # once the engine exists, nothing would resume: no pause
        "print(gc.isenabled())\n"
    )
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["True", "True", "True", "True", "True"]


def test_a_library_user_keeps_the_collector_as_set() -> None:
    script = "import gc, aiact\nfrom aiact import default_engine\ndefault_engine()\nprint(gc.isenabled())\n"
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert shown.split() == ["True"]


ROOT = Path(__file__).resolve().parent.parent
def _aiact_imports(path: Path) -> set[str]:
    """The aiact modules a source file imports (``aiact.x.y`` as written; relative imports stay in the folder)."""
    import ast

    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name for name in names if name == "aiact" or name.startswith("aiact.")}
    return found


def test_no_module_imports_a_click_command_but_the_commands_themselves() -> None:
    """A command module is a front door's leaf: the web pages and other commands share what lies below it
    (aiact.outputs, aiact.batch, the four folders), so neither front door depends on the other's commands."""
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for folder in ("cli", "web", "engine", "rules", "questionnaires", "reports", "benchmarks")
        for path in sorted((ROOT / folder).rglob("*.py"))
        if "commands" not in path.relative_to(ROOT).parts
        for module in sorted(_aiact_imports(path))
        if module == "aiact.commands" or module.startswith("aiact.commands.")
    ]
    assert offenders == []

