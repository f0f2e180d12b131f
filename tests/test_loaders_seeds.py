"""The five seed listings: exact counts, every line accounted for, byte-exact text, merging.

The expected numbers were established by reading the files (see ``EXPECTED_RECORDS``) and are
re-derived here by a second, independent method that does not use the loaders: in every seed
listing an abstract is a single line of at least 300 characters and no other line is that long,
and the title is the nearest non-blank line before it (minus the page text glued to the first
title of the compact layout).
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

import loaders
from kg.records import TITLE_SEPARATOR
from loaders.normalise import normalise

SEEDS = Path(os.environ.get("EFFKG_SEEDS", Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds")).resolve()

# Read off the files by hand: title/abstract pairs per file, and the layout of each page.
EXPECTED_RECORDS = {
    "000_fae59587c5a63642.txt": 119,
    "001_6bb294b536a9a93a.txt": 110,
    "002_42910e7a6f046131.txt": 210,
    "003_0e8d6c77b977e46e.txt": 96,
    "004_c6de1d692829c1d8.txt": 53,
}
EXPECTED_LAYOUT = {
    "000_fae59587c5a63642.txt": "compact",
    "001_6bb294b536a9a93a.txt": "spaced",
    "002_42910e7a6f046131.txt": "compact",
    "003_0e8d6c77b977e46e.txt": "spaced",
    "004_c6de1d692829c1d8.txt": "spaced",
}
EXPECTED_UNIQUE = 484
# how many papers occur 1, 2, 3 or 4 times over the five files
EXPECTED_MULTIPLICITY = {1: 403, 2: 59, 3: 21, 4: 1}


def _lines(name: str) -> list[str]:
    return (SEEDS / name).read_text(encoding="utf-8").split("\n")


def _independent_pairs(name: str) -> list[tuple[int, str, str]]:
    """(title line, title, abstract) by the long-line rule, without the loaders."""
    lines = _lines(name)
    out = []
    for i, line in enumerate(lines):
        if len(line) >= 300:
            j = i - 1
            while not lines[j].strip():
                j -= 1
            title = lines[j]
            title = title[len("Subscribe") :] if title.startswith("Subscribe") and j < 5 else title
            out.append((j + 1, title, line))
    return out


def _key(title: str) -> str:
    # a different identity function from kg.ids.normalise_title: letters and digits only
    return re.sub(r"[^a-z0-9]", "", title.lower())


@pytest.fixture(scope="module")
def result() -> loaders.LoadResult:
    return loaders.load_paths([SEEDS])


@pytest.fixture(scope="module")
def reports(result: loaders.LoadResult) -> dict[str, object]:
    return {Path(r.file).name: r for r in result.reports}


def test_the_seed_folder_holds_the_five_listings() -> None:
    assert sorted(p.name for p in SEEDS.glob("*.txt")) == sorted(EXPECTED_RECORDS)


@pytest.mark.parametrize("name", sorted(EXPECTED_RECORDS))
def test_records_per_file_match_two_independent_counts(name: str, reports: dict) -> None:
    report = reports[name]
    assert len(_independent_pairs(name)) == EXPECTED_RECORDS[name]
    assert len(report.papers) == EXPECTED_RECORDS[name]
    assert report.format == "hf-daily"
    assert report.layout == EXPECTED_LAYOUT[name]


def test_unique_papers_match_an_independent_count(result: loaders.LoadResult) -> None:
    keys = {_key(t) for name in EXPECTED_RECORDS for _, t, _ in _independent_pairs(name)}
    assert len(keys) == EXPECTED_UNIQUE
    assert result.paper_count == EXPECTED_UNIQUE
    assert result.record_count == sum(EXPECTED_RECORDS.values())
    assert len({p.id for p in result.papers}) == EXPECTED_UNIQUE
    assert [p.id for p in result.papers] == sorted(p.id for p in result.papers)


@pytest.mark.parametrize("name", sorted(EXPECTED_RECORDS))
def test_every_nonblank_line_is_accounted_for(name: str, reports: dict) -> None:
    report = reports[name]
    nonblank = sum(1 for line in _lines(name) if line.strip())
    assert report.consumed_lines + len(report.skipped) == nonblank
    # the seeds are clean: nothing skipped, nothing to warn about
    assert report.skipped == ()
    assert report.errors == ()
    assert report.warnings == ()


@pytest.mark.parametrize("name", sorted(EXPECTED_RECORDS))
def test_titles_and_abstracts_are_byte_exact(name: str, reports: dict) -> None:
    report = reports[name]
    expected = _independent_pairs(name)
    got = [(p.occurrences[0].line, p.title, p.abstract) for p in report.papers]
    assert got == expected
    raw = (SEEDS / name).read_bytes()
    for _, title, abstract in got:
        assert title.encode("utf-8") in raw and abstract.encode("utf-8") in raw


def test_repeated_papers_are_one_paper_with_every_occurrence(result: loaders.LoadResult) -> None:
    occurrences: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for name in EXPECTED_RECORDS:
        for line, title, _ in _independent_pairs(name):
            occurrences[_key(title)].add((name, line))
    by_key = {_key(p.title): p for p in result.papers}
    assert by_key.keys() == occurrences.keys()
    for key, expected in occurrences.items():
        paper = by_key[key]
        assert {(Path(o.file).name, o.line) for o in paper.occurrences} == expected
        assert all(o.format == "hf-daily" and o.loader == "HfDailyLoader" for o in paper.occurrences)
    assert Counter(len(p.occurrences) for p in result.papers) == EXPECTED_MULTIPLICITY


def test_a_paper_in_four_listings(result: loaders.LoadResult) -> None:
    [paper] = [p for p in result.papers if len(p.occurrences) == 4]
    assert paper.title == "SHERL: Synthesizing High Accuracy and Efficient Memory for Resource-Limited Transfer Learning"
    assert [(Path(o.file).name[:3], o.line) for o in paper.occurrences] == [
        ("000", 23),
        ("002", 179),
        ("003", 53),
        ("004", 61),
    ]
    # the occurrence with metadata (004: "Jul 10, 2024 2", 7 authors) supplies date and upvotes
    assert (paper.date, paper.date_text, paper.upvotes, paper.author_count) == (dt.date(2024, 7, 10), "Jul 10, 2024", 2, 7)
    assert paper.disagreements == ()


def test_metadata_blocks_of_the_spaced_layout(reports: dict) -> None:
    papers = {p.title: p for p in reports["004_c6de1d692829c1d8.txt"].papers}
    galore = papers["GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection"]
    assert (galore.date, galore.date_text, galore.year, galore.year_inferred) == (
        dt.date(2024, 3, 6),
        "Mar 6, 2024",
        2024,
        False,
    )
    assert (galore.upvotes, galore.author_count, galore.organisation) == (15, 6, None)
    var = papers["Memory-Efficient Visual Autoregressive Modeling with Scale-Aware KV Cache Compression"]
    # "May 26 2": a year-less date (the page is dated Dec 9 of the inferred year 2025) and 2 upvotes
    assert (var.date, var.date_text, var.year_inferred, var.upvotes, var.author_count) == (
        dt.date(2025, 5, 26),
        "May 26",
        True,
        2,
        4,
    )
    memtrack = [p for t, p in papers.items() if t.startswith("MEMTRACK")][0]
    assert (memtrack.organisation, memtrack.author_count, memtrack.upvotes) == ("PatronusAI Patronus AI", None, 2)
    assert memtrack.date == dt.date(2025, 10, 1)
    # papers printed without a metadata block carry none
    for title in ("FlowTok: Flowing Seamlessly Across Text and Image Tokens", "Kinetics: Rethinking Test-Time Scaling Laws"):
        p = papers[title]
        assert (p.date, p.upvotes, p.author_count, p.organisation) == (None, None, None, None)
    with_counts = [p for p in papers.values() if p.author_count is not None]
    assert len(with_counts) == 48
    assert sum(1 for p in papers.values() if p.upvotes is not None) == 11
    assert sum(1 for p in papers.values() if p.date is not None) == 49


def test_compact_and_spaced_pages_carry_no_dates(reports: dict) -> None:
    for name in ("000_fae59587c5a63642.txt", "001_6bb294b536a9a93a.txt", "002_42910e7a6f046131.txt"):
        assert all(p.date is None and p.year is None and p.upvotes is None for p in reports[name].papers)


def test_reference_date_moves_inferred_years_only() -> None:
    report = loaders.load_file(SEEDS / "004_c6de1d692829c1d8.txt", reference_date=dt.date(2024, 7, 1))
    papers = {p.title: p for p in report.papers}
    var = papers["Memory-Efficient Visual Autoregressive Modeling with Scale-Aware KV Cache Compression"]
    assert var.date == dt.date(2023, 5, 26) and var.year_inferred
    galore = papers["GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection"]
    assert galore.date == dt.date(2024, 3, 6) and not galore.year_inferred
    # written years after the page date that the reference date implies are reported
    assert any("after the page date" in w for w in report.warnings)


def test_disagreeing_copies_are_reported(result: loaders.LoadResult) -> None:
    [dolphin] = [p for p in result.papers if p.title.startswith("Dolphin: Long Context")]
    assert len(dolphin.occurrences) == 2
    assert len(dolphin.disagreements) == 1 and dolphin.disagreements[0].startswith("abstract: ")
    assert "huggingface.co" in dolphin.disagreements[0] and "hf.882286.xyz" in dolphin.disagreements[0]
    # the abstract kept is that of the occurrence with metadata (004), the richest record
    [in_004] = [o for o in dolphin.occurrences if Path(o.file).name.startswith("004")]
    assert (in_004.line, dolphin.abstract) in {(t, a) for t, _, a in _independent_pairs(Path(in_004.file).name)}
    assert dolphin.author_count == 4 and dolphin.upvotes == 4
    assert "https://huggingface.co/NexaAIDev/Dolphin" in dolphin.code_urls
    assert result.disagreements == (f"{dolphin.id} {dolphin.disagreements[0]}",)


def test_normalised_text_and_anchors_on_the_seeds(result: loaders.LoadResult) -> None:
    repaired = 0
    for p in result.papers:
        assert p.text.startswith(p.title_text) and TITLE_SEPARATOR not in p.title_text
        assert p.raw_span(0, len(p.title_text)) == ("title", 0, len(p.title))
        assert p.raw_span(p.abstract_offset, len(p.text)) == ("abstract", 0, len(p.abstract))
        # words holding a repaired piece (URLs aside: a removed closing brace ends inside them)
        for m in re.finditer(r"(?<!\S)(?=[^\s/]*(?:×|%|[A-Za-z]\d[A-Za-z]))[^\s/]+(?!\S)", p.text):
            part, start, end = p.raw_span(m.start(), m.end())
            raw = (p.title if part == "title" else p.abstract)[start:end]
            if raw != m.group(0):
                repaired += 1
                assert normalise(raw).text == m.group(0), (p.id, m.group(0), raw)
        # sentences: split after . ! ? followed by a capital (URLs and numbers stay whole)
        for m in re.finditer(r"\S.*?(?:[.!?](?=\s+[A-Z])|$)", p.text[p.abstract_offset :]):
            part, start, end = p.raw_span(p.abstract_offset + m.start(), p.abstract_offset + m.end())
            assert part == "abstract"
            assert normalise(p.abstract[start:end]).text == m.group(0).strip()
    assert repaired > 100


def test_repairs_seen_in_the_seeds(result: loaders.LoadResult) -> None:
    by_title = {p.title: p for p in result.papers}
    m3 = by_title["M$^3$ViT: Mixture-of-Experts Vision Transformer for Efficient Multi-task Learning with Model-Accelerator Co-design"]
    assert m3.title_text.startswith("M3ViT: ") and "M^3ViT" not in m3.text and "M3ViT" in m3.text[m3.abstract_offset :]
    assert m3.raw_span(0, 5) == ("title", 0, 8)
    text = "\n".join(p.text for p in result.papers)
    assert "\\%" not in text and "$^" not in text and "\\times" not in text
    assert re.search(r"\d×", text) and not re.search(r"\dtimes\b", text)
    assert "sometimes" in text  # ordinary words stay
