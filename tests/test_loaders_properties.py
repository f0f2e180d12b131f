"""Round trips: listings generated from random records, in every layout and format, parse back to
exactly those records."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import loaders
from kg.ids import normalise_title
from kg.records import Paper
from loaders.base import LoadContext, make_paper
from loaders.dates import MONTHS
from loaders.hf_daily import HEADER_LINES, HEADER_PHRASES, TITLE_MAX, DailyRecord, is_metadata_line, render_page
from loaders.jsonl import dump_papers

# EFFKG_HYPOTHESIS_EXAMPLES=1500 for a deeper run (passes; about a minute)
SETTINGS = settings(
    max_examples=int(os.environ.get("EFFKG_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# printable text without line breaks; includes markup and symbols that listings carry
CHARS = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Zs"),
    exclude_characters="\u2028\u2029\x85",
)


def _title_ok(t: str) -> bool:
    # the format's own limits: a title is one line of text, not page furniture or metadata
    return (
        t == t.strip()
        and bool(normalise_title(t))
        and not is_metadata_line(t)
        and t not in HEADER_LINES
        and not t.startswith(HEADER_PHRASES)
    )


TITLES = st.text(CHARS, min_size=1, max_size=120).filter(_title_ok)
ABSTRACTS = st.text(CHARS, min_size=1, max_size=700).filter(lambda a: a == a.strip() and a and not is_metadata_line(a))
DATE_TEXTS = st.builds(
    lambda m, d, y: f"{m} {d}" + (f", {y}" if y else ""),
    st.sampled_from(MONTHS),
    st.integers(1, 28),
    st.one_of(st.none(), st.integers(2015, 2024)),
)
ORGS = st.text(st.characters(categories=("L", "N"), codec="utf-8"), min_size=1, max_size=40).map(lambda s: "Org " + s)


@st.composite
def daily_records(draw: st.DrawFn) -> DailyRecord:
    title, abstract = draw(TITLES), draw(ABSTRACTS)
    kind = draw(st.sampled_from(["none", "authors", "authors+date", "org+date", "date"]))
    authors = draw(st.integers(1, 60)) if kind.startswith("authors") else None
    org = draw(ORGS) if kind == "org+date" else None
    date = draw(DATE_TEXTS) if kind.endswith("date") else None
    upvotes = draw(st.one_of(st.none(), st.integers(0, 9999))) if date else None
    return DailyRecord(title, abstract, authors, org, date, upvotes)


def _load_text(text: str, fmt: str | None = None, suffix: str = ".txt") -> loaders.LoadResult:
    with tempfile.TemporaryDirectory() as tmp:
        f = Path(tmp) / f"listing{suffix}"
        f.write_text(text, encoding="utf-8")
        report = loaders.load_file(f, fmt)
        return report  # type: ignore[return-value]


@SETTINGS
@given(st.lists(daily_records(), min_size=1, max_size=8), st.sampled_from(["compact", "spaced"]), st.booleans())
def test_daily_pages_parse_back_to_their_records(records: list[DailyRecord], layout: str, page_date: bool) -> None:
    text = render_page(records, layout, "Aug 12" if page_date and layout == "spaced" else None)  # type: ignore[arg-type]
    report = _load_text(text)
    assert report.format == "hf-daily" and report.layout == layout
    got = [
        DailyRecord(p.title, p.abstract, p.author_count, p.organisation, p.date_text, p.upvotes) for p in report.papers
    ]
    assert got == records
    assert report.skipped == ()
    assert report.consumed_lines == sum(1 for ln in text.split("\n") if ln.strip())
    for rec, p in zip(records, report.papers):
        if rec.date_text and "," in rec.date_text:
            assert p.year == int(rec.date_text[-4:]) and not p.year_inferred
        elif rec.date_text:
            assert p.year_inferred and p.date is not None and p.date <= dt.date(2025, 12, 31)


@SETTINGS
@given(st.lists(daily_records(), min_size=2, max_size=6), st.sampled_from(["compact", "spaced"]))
def test_a_page_cut_off_after_a_title_keeps_every_earlier_record(records: list[DailyRecord], layout: str) -> None:
    text = render_page(records, layout)  # type: ignore[arg-type]
    text += "\n" + records[-1].title + "\n" if layout == "spaced" else records[-1].title + "\n"
    report = _load_text(text)
    assert [(p.title, p.abstract) for p in report.papers] == [(r.title, r.abstract) for r in records]
    assert len(report.skipped) == 1 and "cut off" in report.skipped[0].reason


API_TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=300)


@st.composite
def api_entries(draw: st.DrawFn) -> dict:
    arxiv = f"{draw(st.integers(2001, 2512)):04d}.{draw(st.integers(0, 99999)):05d}"
    title = draw(st.text(CHARS, min_size=1, max_size=100).filter(lambda t: normalise_title(" ".join(t.split()))))
    return {
        "paper": {
            "id": arxiv,
            "title": title,
            "summary": draw(API_TEXT),
            "authors": [{"name": n} for n in draw(st.lists(st.text(CHARS, min_size=1, max_size=20).map(str.strip).filter(bool), max_size=4))],
            "publishedAt": draw(st.dates(dt.date(2000, 1, 1), dt.date(2030, 1, 1))).isoformat() + "T00:00:00.000Z",
            "upvotes": draw(st.integers(0, 10**6)),
        },
        "numComments": 0,
    }


@SETTINGS
@given(st.lists(api_entries(), min_size=1, max_size=6), st.sampled_from([None, 1, 2]))
def test_hf_api_json_parses_back(entries: list[dict], indent: int | None) -> None:
    report = _load_text(json.dumps(entries, indent=indent, ensure_ascii=bool(indent)), suffix=".json")
    assert report.format == "hf-api"
    assert len(report.papers) == len(entries)
    for e, p in zip(entries, report.papers):
        src = e["paper"]
        assert p.arxiv_id == src["id"] and p.id == f"paper/{src['id']}"
        assert p.title == " ".join(src["title"].split()) and p.abstract == src["summary"]
        assert p.authors == tuple(a["name"] for a in src["authors"])
        assert p.upvotes == src["upvotes"] and p.date == dt.date.fromisoformat(src["publishedAt"][:10])


XML_TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")), min_size=1, max_size=200
).map(str.strip).filter(bool)


@st.composite
def atom_entries(draw: st.DrawFn) -> dict:
    return {
        "id": f"{draw(st.integers(2001, 2512)):04d}.{draw(st.integers(0, 99999)):05d}v{draw(st.integers(1, 9))}",
        "title": draw(XML_TEXT.filter(lambda t: normalise_title(" ".join(t.split())))),
        "summary": draw(XML_TEXT),
        "authors": draw(st.lists(XML_TEXT.map(lambda s: " ".join(s.split())).filter(bool), max_size=3)),
        "cats": draw(st.lists(st.sampled_from(["cs.LG", "cs.CL", "cs.AR", "stat.ML"]), min_size=1, max_size=3, unique=True)),
    }


def _atom(entries: list[dict]) -> str:
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" xmlns:arxiv="http://arxiv.org/schemas/atom">']
    for e in entries:
        out.append(
            f"<entry><id>http://arxiv.org/abs/{e['id']}</id><published>2024-01-02T00:00:00Z</published>\n"
            f"<title>{escape(e['title'])}</title>\n<summary>\n  {escape(e['summary'])}\n</summary>\n"
            + "".join(f"<author><name>{escape(a)}</name></author>" for a in e["authors"])
            + f'<arxiv:primary_category term="{e["cats"][0]}"/>'
            + "".join(f'<category term="{c}"/>' for c in e["cats"])
            + "</entry>"
        )
    out.append("</feed>\n")
    return "\n".join(out)


@SETTINGS
@given(st.lists(atom_entries(), min_size=1, max_size=5))
def test_arxiv_atom_parses_back(entries: list[dict]) -> None:
    report = _load_text(_atom(entries), suffix=".xml")
    assert report.format == "arxiv-atom"
    assert [(p.arxiv_id, p.title, p.abstract, p.authors, p.categories) for p in report.papers] == [
        (e["id"].split("v")[0], " ".join(e["title"].split()), e["summary"], tuple(e["authors"]), tuple(e["cats"]))
        for e in entries
    ]


BIB_TEXT = st.text(
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs"), exclude_characters="{}\\@%\"#"),
    min_size=1,
    max_size=200,
).map(lambda s: " ".join(s.split())).filter(bool)


@SETTINGS
@given(
    st.lists(
        st.tuples(
            BIB_TEXT.filter(normalise_title), BIB_TEXT, st.integers(1990, 2030), st.sampled_from(["{", '"']), st.booleans()
        ),
        min_size=1,
        max_size=5,
    )
)
def test_bibtex_parses_back(entries: list[tuple[str, str, int, str, bool]]) -> None:
    parts = ["% generated\n"]
    for i, (title, abstract, year, delim, wrap) in enumerate(entries):
        close = "}" if delim == "{" else '"'
        sep = "\n      " if wrap else " "
        parts.append(
            f"@article{{key{i},\n  title = {delim}{title}{close},\n"
            f"  abstract = {{{abstract}}},{sep}year = {year}\n}}\n\n"
        )
    report = _load_text("".join(parts), suffix=".bib")
    assert report.format == "bibtex"
    assert [(p.title, p.abstract, p.year) for p in report.papers] == [(t, a, y) for t, a, y, _, _ in entries]


@SETTINGS
@given(st.lists(st.tuples(TITLES, ABSTRACTS, st.one_of(st.none(), st.integers(0, 500))), min_size=1, max_size=6))
def test_jsonl_round_trip(items: list[tuple[str, str, int | None]]) -> None:
    ctx = LoadContext(file="generated.txt", format="hf-daily", loader="HfDailyLoader")
    papers = [make_paper(ctx, i + 1, t, a, upvotes=u) for i, (t, a, u) in enumerate(items)]
    buf = io.StringIO()
    dump_papers(papers, buf)
    report = _load_text(buf.getvalue(), suffix=".jsonl")
    assert report.format == "jsonl"
    assert list(report.papers) == papers
    assert all(Paper.from_props(p.to_props()) == p for p in papers)


def test_title_limit_is_generous() -> None:
    # real titles are far shorter; the generators above stay within the limit the parser uses
    assert TITLE_MAX >= 300
