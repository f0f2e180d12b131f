"""Damaged and hostile input: clear one-line messages naming file and line, good records kept,
bounded memory on large listings."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import loaders
from kg.errors import InputError
from kg.records import Paper
from loaders.base import MAX_LINE_BYTES
from loaders.hf_daily import DailyRecord, render_page

ROOT = Path(__file__).resolve().parents[1]
FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"

A1 = "We describe a first invented method and measure it on a toy benchmark."
A2 = "A second invented abstract, long enough to look like one, with 2times less memory."
A3 = "The third made-up abstract reports 10\\% fewer operations on an imaginary chip."


def page(*records: tuple[str, str], layout: str = "spaced") -> str:
    return render_page([DailyRecord(title=t, abstract=a) for t, a in records], layout, "Aug 12")  # type: ignore[arg-type]


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    f = tmp_path / name
    if isinstance(content, bytes):
        f.write_bytes(content)
    else:
        f.write_text(content, encoding="utf-8")
    return f


def one_line(exc: pytest.ExceptionInfo[InputError]) -> str:
    msg = str(exc.value)
    assert "\n" not in msg
    return msg


def test_empty_file(tmp_path: Path) -> None:
    f = write(tmp_path, "empty.txt", "")
    with pytest.raises(InputError) as exc:
        loaders.load_file(f)
    assert one_line(exc) == f"{f}: empty file: no paper records"


def test_whitespace_only_file(tmp_path: Path) -> None:
    f = write(tmp_path, "blank.txt", "\n   \n\t\n")
    with pytest.raises(InputError, match="only whitespace"):
        loaders.load_paths([f])


def test_binary_file(tmp_path: Path) -> None:
    f = write(tmp_path, "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError) as exc:
        loaders.load_file(f)
    assert one_line(exc) == f"{f}:3: binary file (NUL bytes), not a paper listing"


def test_non_utf8_file(tmp_path: Path) -> None:
    text = page(("Caf\u00e9 Models for R\u00e9sum\u00e9s", A1), ("Na\u00efve Routing for Experts", A2))
    f = write(tmp_path, "latin1.txt", text.encode("latin-1"))
    with pytest.raises(InputError) as exc:
        loaders.load_file(f)
    assert one_line(exc) == (
        f"{f}:13: no paper records read: 2 lines are not valid UTF-8, first: "
        "not valid UTF-8 (byte 0xe9 at column 4) (is the file UTF-8?)"
    )
    # the abstracts of the unreadable titles are reported, not taken for titles
    report = loaders.load_paths([f, FIX / "refs.bib"]).reports[0]
    assert report.papers == () and "not valid UTF-8" in report.errors[0]


def test_utf16_file(tmp_path: Path) -> None:
    f = write(tmp_path, "utf16.txt", page(("A Title", A1)).encode("utf-16"))
    with pytest.raises(InputError, match="UTF-16"):
        loaders.load_file(f)


def test_partly_non_utf8_file_keeps_the_good_records(tmp_path: Path) -> None:
    good = page(("First Paper", A1), ("Second Paper", A2), ("Third Paper", A3)).encode("utf-8")
    damaged = good.replace(b"A second invented", b"A second inv\xe9nted")
    f = write(tmp_path, "partly.txt", damaged)
    report = loaders.load_file(f)
    assert [p.title for p in report.papers] == ["First Paper", "Third Paper"]
    assert [(s.line, s.reason) for s in report.skipped] == [
        (19, "not valid UTF-8 (byte 0xe9 at column 13)"),
        (17, "title whose abstract line could not be read"),
    ]
    nonblank = sum(1 for ln in damaged.split(b"\n") if ln.strip())
    assert report.consumed_lines + len(report.skipped) == nonblank


@pytest.mark.parametrize("layout", ["compact", "spaced"])
def test_listing_cut_off_after_a_title(tmp_path: Path, layout: str) -> None:
    text = page(("First Paper", A1), ("Second Paper", A2), layout=layout) + "A Title Without Its Abstract\n"
    f = write(tmp_path, "cut.txt", text)
    report = loaders.load_file(f)
    assert [p.title for p in report.papers] == ["First Paper", "Second Paper"]
    last = len(text.rstrip("\n").split("\n"))
    assert [(s.line, s.reason) for s in report.skipped] == [
        (last, "title without an abstract (the listing is cut off after a title)")
    ]
    assert report.errors == (f"{f}:{last}: listing cut off after a title",)


def test_only_a_title(tmp_path: Path) -> None:
    f = write(tmp_path, "title.txt", "Subscribe\nJust A Title\n")
    with pytest.raises(InputError) as exc:
        loaders.load_file(f)
    assert one_line(exc).startswith(f"{f}: no paper records read (listing cut off after a title)")


def test_lost_abstract_and_lost_title_resynchronise(tmp_path: Path) -> None:
    long_abstract = "An invented abstract that is far too long for any title. " * 10
    lines = [
        "Subscribe",
        "Paper One",
        long_abstract,
        "Paper Two Lost Its Abstract",
        "Paper Three",
        long_abstract + "three",
        long_abstract + "orphan",
        "Paper Four",
        "Short abstract of four.",
        "·",
        "Paper Five",
        long_abstract + "five",
    ]
    f = write(tmp_path, "resync.txt", "\n".join(lines) + "\n")
    report = loaders.load_file(f)
    assert [p.title for p in report.papers] == ["Paper One", "Paper Three", "Paper Four", "Paper Five"]
    assert [(s.line, s.reason) for s in report.skipped] == [
        (4, "title without an abstract"),
        (7, "abstract-like line without a title (too long for a title)"),
    ]
    # a lone separator after an abstract is metadata of that paper, consumed
    assert report.consumed_lines + len(report.skipped) == len(lines)


def test_control_characters_are_kept_raw_and_removed_from_text(tmp_path: Path) -> None:
    f = write(tmp_path, "ctrl.txt", page(("Bell\x07 Title", "An abstract\x1b[31m with escapes."), ("Fine", A1)))
    report = loaders.load_file(f)
    p = report.papers[0]
    assert p.title == "Bell\x07 Title" and p.abstract == "An abstract\x1b[31m with escapes."
    assert p.title_text == "Bell Title" and "\x07" not in p.text and "\x1b" not in p.text
    assert report.skipped == ()
    assert report.warnings == (f"{f}:13: control characters in the title or abstract; removed from the normalised text",)


def test_nul_bytes_inside_a_listing(tmp_path: Path) -> None:
    # the NUL lies past the 64 KiB head: the file is read and the line reported
    lines = ["Subscribe", "First Paper", "word " * 14000, "Second Paper", "bad\x00line", "Third Paper", A3]
    f = write(tmp_path, "nul.txt", "\n".join(lines).encode())
    report = loaders.load_file(f, "hf-daily")
    assert [p.title for p in report.papers] == ["First Paper", "Third Paper"]
    assert [(s.line, s.reason) for s in report.skipped] == [
        (5, "NUL bytes (binary data)"),
        (4, "title whose abstract line could not be read"),
    ]


@pytest.mark.parametrize(
    "title",
    [
        "<script>alert('x')</script> Attention Is <b>All</b>",
        "MATCH (n) DETACH DELETE n // Efficient Pruning",
        "Robert'); DROP TABLE papers;-- and {x: $y} in Cypher",
    ],
)
def test_titles_with_html_or_cypher_are_data(tmp_path: Path, title: str) -> None:
    f = write(tmp_path, "odd.txt", page((title, A1)))
    report = loaders.load_file(f)
    [p] = report.papers
    assert p.title == title
    assert p.id.startswith("paper/t-") and p.id == loaders.load_file(f).papers[0].id
    assert Paper.model_validate_json(p.model_dump_json()) == p
    if "<" in title or "MATCH" in title:
        assert any(w.startswith(f"{f}:13: title contains") for w in report.warnings)


def test_overlong_line_is_skipped_not_held(tmp_path: Path) -> None:
    text = page(("First Paper", A1)) + "y" * (MAX_LINE_BYTES + 10) + "\n\n" + page(("Second Paper", A2))
    f = write(tmp_path, "long.txt", text)
    report = loaders.load_file(f)
    assert [p.title for p in report.papers][:1] == ["First Paper"] and "Second Paper" in [p.title for p in report.papers]
    assert any(s.reason.startswith("line longer than") for s in report.skipped)


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    text = page(("First Paper", A1), ("Second Paper", A2))
    f = write(tmp_path, "dos.txt", b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    report = loaders.load_file(f)
    assert [(p.title, p.abstract) for p in report.papers] == [("First Paper", A1), ("Second Paper", A2)]
    assert report.skipped == ()


def test_truncated_json_keeps_the_entries_before(tmp_path: Path) -> None:
    data = (FIX / "daily_papers.json").read_text(encoding="utf-8")
    cut = data[: data.index('"title": "Toy KV Caches at 2 Bits",\n    "numComments"')]
    f = write(tmp_path, "cut.json", cut)
    report = loaders.load_file(f)
    assert [p.arxiv_id for p in report.papers] == ["2403.03507"]
    [err] = report.errors
    assert err == f"{f}:24: unexpected end of file inside an entry (file cut off?); entries before it were kept"


def test_json_syntax_error_names_the_line(tmp_path: Path) -> None:
    entries = [{"paper": {"id": f"2501.0000{i}", "title": f"Paper {i}", "summary": A1}} for i in range(3)]
    text = json.dumps(entries, indent=1).replace('"Paper 2"', "'Paper 2'")
    f = write(tmp_path, "broken.json", text)
    report = loaders.load_file(f)
    assert [p.title for p in report.papers] == ["Paper 0", "Paper 1"]
    bad_line = text.split("\n").index(next(ln for ln in text.split("\n") if "'Paper 2'" in ln)) + 1
    assert report.errors[0].startswith(f"{f}:{bad_line}: invalid JSON")


def test_truncated_xml_keeps_the_entries_before(tmp_path: Path) -> None:
    data = (FIX / "arxiv_query.xml").read_text(encoding="utf-8")
    f = write(tmp_path, "cut.xml", data[: data.index("<title>A Made-Up Study")])
    report = loaders.load_file(f)
    assert [p.arxiv_id for p in report.papers] == ["2403.03507"]
    assert report.errors and report.errors[0].startswith(f"{f}:") and "XML error" in report.errors[0]


def test_xml_entity_declarations_are_refused(tmp_path: Path) -> None:
    bomb = textwrap.dedent(
        """\
        <?xml version="1.0"?>
        <!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
        <feed xmlns="http://www.w3.org/2005/Atom"><entry><title>&b;</title><summary>x</summary></entry></feed>
        """
    )
    f = write(tmp_path, "bomb.xml", bomb)
    with pytest.raises(InputError, match="document type declarations are not accepted"):
        loaders.load_file(f, "arxiv-atom")


def test_unclosed_bibtex_entry_reports_its_lines(tmp_path: Path) -> None:
    good = (FIX / "refs.bib").read_text(encoding="utf-8")
    f = write(tmp_path, "cut.bib", good + "\n@article{cut,\n  title = {Never Closed},\n  abstract = {Gone\n")
    report = loaders.load_file(f)
    assert len(report.papers) == 3
    assert [s.reason for s in report.skipped[-3:]] == ["inside a BibTeX entry that is never closed"] * 3
    assert any("not closed" in e for e in report.errors)


def test_one_bad_file_among_good_ones(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", page(("First Paper", A1)))
    bad = write(tmp_path, "bad.bin", b"\x00\x01\x02")
    result = loaders.load_paths([good, bad])
    assert result.paper_count == 1
    assert result.reports[1].errors == (f"{bad}:1: binary file (NUL bytes), not a paper listing",)
    with pytest.raises(InputError, match="no paper records read from 2 files"):
        loaders.load_paths([bad, write(tmp_path, "empty.txt", "")])


def test_missing_paths(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        loaders.load_paths([tmp_path / "nope.txt"])
    (tmp_path / "empty_dir").mkdir()
    with pytest.raises(InputError, match="directory holds no files"):
        loaders.load_paths([tmp_path / "empty_dir"])


STREAM = r"""
import json, resource, sys
sys.path.insert(0, sys.argv[3])
from kg.records import Paper
from loaders import iter_file
from loaders.hf_daily import DailyRecord, iter_page
words = "low rank cache expert sparse quantised memory 3times faster \\% model".split()
def records(mb):
    size = i = 0
    while size < mb * 1e6:
        a = " ".join(words[(i + k) % len(words)] for k in range(180))
        r = DailyRecord(title=f"Paper {i} on {words[i % 9]}", abstract=a, author_count=i % 7 + 1 if i % 2 else None,
                        date_text="Mar 6, 2024" if i % 2 else None)
        size += len(a) + 40
        i += 1
        yield r
with open(sys.argv[1], "w", encoding="utf-8") as fp:
    for piece in iter_page(records(float(sys.argv[2])), "spaced", "Aug 12"):
        fp.write(piece)
base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
n = sum(isinstance(x, Paper) for x in iter_file(sys.argv[1]))
print(json.dumps({"papers": n, "peak_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, "base_kb": base}))
"""


def _stream(tmp_path: Path, mb: float) -> dict[str, int]:
    out = subprocess.run(
        [sys.executable, "-c", STREAM, str(tmp_path / f"l{mb}.txt"), str(mb), str(ROOT)],
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return json.loads(out.stdout)


def test_large_listing_streams_in_bounded_memory(tmp_path: Path) -> None:
    """Peak RSS does not grow with the listing: 4 MB and 16 MB peak within a few MB of each other.
    (bench/bench_loaders.py does the same with 20 MB and 200 MB.)"""
    small, big = _stream(tmp_path, 4), _stream(tmp_path, 16)
    assert big["papers"] > 3.5 * small["papers"] > 0
    assert big["peak_kb"] - small["peak_kb"] < 8 * 1024, (small, big)
