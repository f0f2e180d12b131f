"""Usage mistakes on the command line end in click's short message and exit 2, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["techniques", "--no-such-option", "x"], "No such option: --no-such-option"),
        (["no-such-command"], "No such command 'no-such-command'"),
        (["build"], "Missing argument"),
        (["query", "search", "-p"], "requires an argument"),
        (["stats", "--format", "yaml"], "Invalid value"),
    ],
)
def test_usage_errors_are_one_message_and_exit_2(args: list[str], message: str, tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg", *args], cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert message in proc.stderr
    assert proc.stdout == ""
