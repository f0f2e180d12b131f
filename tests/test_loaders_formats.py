"""The structured formats (HF API JSON, arXiv Atom, BibTeX, effkg JSONL), detection, merging
across formats, the JSONL round trip and the loader registry."""

from __future__ import annotations

import datetime as dt
import doctest
import importlib
import io
import sys
import textwrap
from pathlib import Path

import pytest

import loaders
from kg.errors import InputError, UnknownNameError
from kg.records import Paper
from loaders import registry
from loaders.jsonl import dump_papers

FIX = Path(__file__).resolve().parent / "fixtures" / "loaders"
SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "seeds"
GALORE = "GaLore: Memory-Efficient LLM Training by Gradient Low-Rank Projection"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("daily_papers.json", "hf-api"), ("arxiv_query.xml", "arxiv-atom"), ("refs.bib", "bibtex")],
)
def test_format_is_detected_from_content_not_suffix(name: str, fmt: str, tmp_path: Path) -> None:
    assert loaders.detect_format(FIX / name) == fmt
    renamed = tmp_path / "listing.dat"
    renamed.write_bytes((FIX / name).read_bytes())
    assert loaders.detect_format(renamed) == fmt


def test_seed_listings_are_detected_as_hf_daily() -> None:
    for f in sorted(SEEDS.glob("*.txt")):
        assert loaders.detect_format(f) == "hf-daily"


def test_hf_api_entries() -> None:
    report = loaders.load_file(FIX / "daily_papers.json")
    assert report.format == "hf-api"
    galore, toy = report.papers
    assert galore.id == "paper/2403.03507" and galore.arxiv_id == "2403.03507"
    assert galore.title == GALORE
    assert galore.abstract.startswith("A fixture abstract written for the effkg tests.\nIt projects")
    assert "3× smaller" in galore.text
    assert galore.authors == ("Ada Example", "Bo Sample", "Cy Placeholder") and galore.author_count == 3
    assert (galore.date, galore.year, galore.year_inferred, galore.upvotes) == (dt.date(2024, 3, 6), 2024, False, 190)
    assert galore.date_text == "2024-03-06T18:56:29.000Z"
    assert galore.code_urls == ("https://github.com/example/galore-fixture",)
    assert galore.occurrences[0].line == 2 and galore.occurrences[0].format == "hf-api"
    assert toy.organisation == "Toy Lab" and "50% less memory" in toy.text
    # the entry without a title is reported with its line, not dropped silently
    [skip] = report.skipped
    assert skip.line == 38 and "title" in skip.reason


def test_arxiv_atom_entries() -> None:
    report = loaders.load_file(FIX / "arxiv_query.xml")
    galore, study = report.papers
    assert galore.id == "paper/2403.03507"
    assert galore.title == GALORE  # the feed's line break inside the title is not part of it
    assert galore.abstract.startswith("A fixture abstract") and galore.abstract.endswith("7B scale.")
    assert "\n" in galore.abstract and "\n" not in galore.text[galore.abstract_offset :]
    assert galore.categories == ("cs.LG", "cs.CL")
    assert galore.authors == ("Ada Example", "Bo Sample", "Cy Placeholder")
    assert galore.date == dt.date(2024, 3, 6) and galore.occurrences[0].line == 8
    assert galore.code_urls == ("https://github.com/example/galore-fixture",)
    assert study.title == "A Made-Up Study of $O(n^2)$ Attention on <Tiny> Devices"
    assert study.title_text == "A Made-Up Study of O(n^2) Attention on <Tiny> Devices"
    assert "1.5× speedup" in study.text
    # markup-looking titles are loaded verbatim and reported
    assert any("HTML-like" in w and ":34:" in w for w in report.warnings)


def test_bibtex_entries() -> None:
    report = loaders.load_file(FIX / "refs.bib")
    galore, tiny, bare = report.papers
    assert galore.id == "paper/2403.03507"
    assert galore.title == "{GaLore}: Memory-Efficient {LLM} Training by Gradient Low-Rank Projection"
    assert galore.title_text == GALORE
    assert galore.authors == ("Ada Example", "Bo Sample", "Cy Placeholder")
    assert (galore.year, galore.date, galore.date_text) == (2024, None, "March 2024")
    assert galore.categories == ("cs.LG",)
    assert tiny.title_text == "Tiny MoE Routing on Microcontrollers"
    assert tiny.authors == ("Jana Müller", "Piotr Kałuża")
    assert "40% of the flash" in tiny.text
    assert bare.abstract == "" and any("no abstract" in w for w in report.warnings)
    # text outside entries is a BibTeX comment: reported line by line
    assert [(s.line, s.reason.split(" (")[0]) for s in report.skipped] == [
        (1, "text outside any BibTeX entry"),
        (28, "text outside any BibTeX entry"),
    ]
    nonblank = sum(1 for ln in (FIX / "refs.bib").read_text(encoding="utf-8").splitlines() if ln.strip())
    assert report.consumed_lines + len(report.skipped) == nonblank


def test_one_paper_across_five_formats(tmp_path: Path) -> None:
    """GaLore is in three seed listings, the API JSON, the Atom feed, BibTeX and a JSONL line."""
    jsonl = tmp_path / "extra.jsonl"
    jsonl.write_text(
        '{"title": "GaLore: memory-efficient LLM training by gradient low-rank projection", '
        '"abstract": "A line written by hand.", "upvotes": 3}\n',
        encoding="utf-8",
    )
    result = loaders.load_paths([SEEDS, FIX, jsonl])
    [galore] = [p for p in result.papers if p.arxiv_id == "2403.03507"]
    assert galore.id == "paper/2403.03507"
    formats = sorted({o.format for o in galore.occurrences})
    assert formats == ["arxiv-atom", "bibtex", "hf-api", "hf-daily", "jsonl"]
    assert len(galore.occurrences) == 7
    assert [o for o in galore.occurrences] == sorted(galore.occurrences, key=lambda o: (o.file, o.line, o.format, o.loader))
    # no other paper kept the title: merged by normalised title and by arXiv id
    assert sum(1 for p in result.papers if "GaLore: Memory-Efficient" in p.title_text) == 1
    fields = {d.split(":")[0] for d in galore.disagreements}
    assert {"abstract", "upvotes", "author_count"} <= fields
    assert all(d.startswith(galore.id + " ") for d in result.disagreements if "GaLore" in d or "fixture" in d)
    # determinism: the same inputs in another order give the same papers
    again = loaders.load_paths([jsonl, FIX, SEEDS])
    assert again.papers == result.papers


def test_jsonl_round_trip_of_the_seeds_is_exact(tmp_path: Path) -> None:
    result = loaders.load_paths([SEEDS])
    out = tmp_path / "papers.jsonl"
    with out.open("w", encoding="utf-8") as fp:
        assert dump_papers(result.papers, fp) == result.paper_count
    assert loaders.detect_format(out) == "jsonl"
    back = loaders.load_paths([out])
    assert back.papers == result.papers
    assert back.reports[0].consumed_lines == result.paper_count
    # loading the export together with its sources changes nothing either
    assert loaders.load_paths([SEEDS, out]).papers == result.papers
    # and through the graph's property round trip
    assert tuple(Paper.from_props(p.to_props()) for p in back.papers) == result.papers


def test_jsonl_bad_lines_are_reported(tmp_path: Path) -> None:
    good = loaders.load_paths([SEEDS]).papers[0]
    buf = io.StringIO()
    dump_papers([good], buf)
    f = tmp_path / "mixed.jsonl"
    f.write_text(
        buf.getvalue() + "not json\n[1, 2]\n" + '{"id": "paper/x", "title": 5, "abstract": "", "text": "", "occurrences": []}\n',
        encoding="utf-8",
    )
    report = loaders.load_file(f, "jsonl")
    assert report.papers == (good,)
    assert [s.line for s in report.skipped] == [2, 3, 4]
    assert "invalid JSON" in report.skipped[0].reason and "not a valid Paper" in report.skipped[2].reason


def test_unknown_input_format_names_the_known_ones() -> None:
    with pytest.raises(UnknownNameError) as exc:
        loaders.load_file(FIX / "refs.bib", "bibtext")
    assert "bibtex" in str(exc.value)


def test_forced_format_that_does_not_fit_reports_nothing_usable() -> None:
    with pytest.raises(InputError) as exc:
        loaders.load_file(FIX / "refs.bib", "hf-api")
    assert "refs.bib" in str(exc.value) and "invalid JSON" in str(exc.value)


def test_builtins_are_entry_points_and_third_party_loaders_plug_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert registry.available() == ["arxiv-atom", "bibtex", "hf-api", "hf-daily", "jsonl"]
    # a real distribution on sys.path, found through importlib.metadata like any installed plugin
    (tmp_path / "effkg_tsv_plugin.py").write_text(
        textwrap.dedent(
            '''
            from loaders.base import BaseLoader, iter_lines, make_paper

            class TsvLoader(BaseLoader):
                name = "tsv"
                suffixes = (".tsv",)

                def sniff(self, head):
                    return 0.99 if head.startswith("title\\tabstract") else 0.0

                def iter_records(self, path, ctx):
                    for line in iter_lines(path):
                        if line.number == 1 or not line.text:
                            ctx.consumed_lines += line.number == 1
                            continue
                        title, abstract = line.text.split("\\t")
                        ctx.consumed_lines += 1
                        yield make_paper(ctx, line.number, title, abstract)
            '''
        ),
        encoding="utf-8",
    )
    dist = tmp_path / "effkg_tsv_plugin-1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: effkg-tsv-plugin\nVersion: 1.0\n", encoding="utf-8")
    (dist / "entry_points.txt").write_text("[effkg.loaders]\ntsv = effkg_tsv_plugin:TsvLoader\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    registry.clear_cache()
    try:
        assert "tsv" in registry.available()
        listing = tmp_path / "papers.tsv"
        listing.write_text("title\tabstract\nA Plugged Paper\tRead by a plugin, 2times faster.\n", encoding="utf-8")
        assert loaders.detect_format(listing) == "tsv"
        [paper] = loaders.load_file(listing).papers
        assert paper.occurrences[0].loader == "TsvLoader" and paper.occurrences[0].format == "tsv"
        assert "2× faster" in paper.text
    finally:
        registry.clear_cache()
        sys.modules.pop("effkg_tsv_plugin", None)


@pytest.mark.parametrize(
    "module", ["loaders.hf_daily", "loaders.hf_api", "loaders.bibtex", "loaders.jsonl", "loaders.registry", "loaders.api"]
)
def test_docstring_examples(module: str) -> None:
    result = doctest.testmod(importlib.import_module(module), optionflags=doctest.ELLIPSIS)
    assert result.failed == 0 and result.attempted > 0
