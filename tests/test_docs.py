"""Executable documentation: every command has help and is in the README; module examples run."""

from __future__ import annotations

import doctest
import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def command_names() -> list[str]:
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)  # type: ignore[attr-defined]


def test_there_are_commands():
    assert {"build", "stats", "export", "load"} <= set(command_names())


@pytest.mark.parametrize("name", command_names())
def test_every_command_has_help_and_is_documented(name):
    result = CliRunner().invoke(app, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage" in result.output
    assert re.search(rf"`kg {re.escape(name)}\b", README), f"`kg {name}` is not described in README.md"


def _modules() -> list[str]:
    names = []
    for pkg in ("kg", "loaders", "ontology", "queries"):
        module = importlib.import_module(pkg)
        names.append(pkg)
        for info in pkgutil.walk_packages(module.__path__, prefix=f"{pkg}."):
            if not info.name.endswith("__main__"):  # importing it would run the CLI
                names.append(info.name)
    return sorted(names)


@pytest.mark.parametrize("module_name", _modules())
def test_docstring_examples_run(module_name):
    module = importlib.import_module(module_name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} doctest examples failed in {module_name}"
