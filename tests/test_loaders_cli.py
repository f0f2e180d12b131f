"""``kg load``: JSON on stdout, messages on stderr, non-zero exit when nothing usable was read."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from kg.cli import app, main

ROOT = Path(__file__).resolve().parents[1]
SEEDS = (ROOT / ".." / "shared" / "seeds").resolve()
FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"


def test_dry_run_json_lists_records_and_the_skip_report() -> None:
    result = CliRunner().invoke(app, ["load", str(SEEDS), "--dry-run", "--format", "json"])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    assert doc["dry_run"] is True
    assert doc["totals"]["records"] == 588 and doc["totals"]["papers"] == 484
    assert [f["records"] for f in doc["files"]] == [119, 110, 210, 96, 53]
    assert all(f["skipped"] == [] and f["format"] == "hf-daily" for f in doc["files"])
    assert len(doc["papers"]) == 484 and len(doc["disagreements"]) == 1
    assert {"id", "title", "abstract", "text", "offset_map", "occurrences"} <= doc["papers"][0].keys()


def test_skipped_lines_go_to_stderr_and_into_the_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "cut.txt"
    f.write_text("Subscribe\nA Paper\nIts abstract.\nA Title Left Alone\n", encoding="utf-8")
    assert main(["load", str(f), "--dry-run", "--format", "json"]) == 0
    out, err = capsys.readouterr()
    doc = json.loads(out)
    assert doc["files"][0]["skipped"] == [
        {"file": str(f), "line": 4, "reason": "title without an abstract (the listing is cut off after a title)",
         "text": "A Title Left Alone"}
    ]
    assert f"error: {f}:4: listing cut off after a title" in err
    assert f"skipped: {f}:4: title without an abstract" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty file: no paper records"),
        (b"\x00\x01binary", ":1: binary file (NUL bytes), not a paper listing"),
        ("Caf\u00e9\nR\u00e9sum\u00e9 text\n".encode("latin-1"), ":1: no paper records read: 2 lines are not valid UTF-8"),
    ],
)
def test_unusable_input_exits_non_zero_with_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes, message: str
) -> None:
    f = tmp_path / "bad.txt"
    f.write_bytes(content)
    assert main(["load", str(f), "--dry-run", "--format", "json"]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().split("\n")
    assert len(lines) == 1 and lines[0].startswith(f"kg: error: {f}") and message in lines[0]


def test_input_format_option_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(FIX / "refs.bib"), "-i", "bibtex", "--format", "csv", "--dry-run"]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows][0] == "paper/2403.03507" and len(rows) == 3
    assert "skipped: " in err  # the comment lines of the BibTeX file


def test_unknown_input_format(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(FIX / "refs.bib"), "-i", "bibtext"]) == 1
    assert "unknown input format 'bibtext' (did you mean: bibtex?)" in capsys.readouterr().err


def test_bad_reference_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(SEEDS), "--reference-date", "yesterday"]) == 2
    assert "--reference-date must be YYYY-MM-DD" in capsys.readouterr().err


def test_table_and_note_without_dry_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["load", str(SEEDS / "004_c6de1d692829c1d8.txt"), "--reference-date", "2025-12-31"]) == 0
    out, err = capsys.readouterr()
    assert "spaced" in out and "53" in out
    assert "53 records in 1 files -> 53 papers" in err
    assert "kg build" in err


def test_help_is_fast_and_lists_the_options() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kg", "load", "--help"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True
    ).stdout
    for opt in ("--input-format", "--dry-run", "--format", "--reference-date"):
        assert opt in out
