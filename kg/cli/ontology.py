"""``kg ontology``: the taxonomy tree with paper counts; ``show``, ``facets`` and ``check``."""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import typer

from kg.cli.common import DatabaseOpt, FormatOpt, OutputFormat, PasswordOpt, StoreOpt, UserOpt, emit, emit_json, info

if TYPE_CHECKING:
    import networkx as nx


class Scheme(str, Enum):
    technique = "technique"
    topic = "topic"
    hwclass = "hwclass"


_SCHEME_LABEL = {"technique": "Technique", "topic": "Topic", "hwclass": "HardwareClass"}

app = typer.Typer(
    name="ontology",
    help="The technique taxonomy with paper counts; `kg ontology show TERM` for one concept.",
    invoke_without_command=True,
    no_args_is_help=False,
)


def register(parent: typer.Typer) -> None:
    parent.add_typer(app, name="ontology")


def _graph(store: str | None, user: str, password: str, database: str | None) -> nx.MultiDiGraph:
    """The built graph, or an empty one when nothing was built yet (counts are then zero)."""
    from kg.cli.common import open_store

    with open_store(store, user, password, database) as st:
        return st.read()


@app.callback()
def tree_cmd(
    ctx: typer.Context,
    root: Annotated[str | None, typer.Option("--root", "-r", help="Start at this concept (id, label or alias).")] = None,
    scheme: Annotated[Scheme, typer.Option("--scheme", help="Which hierarchy to show.")] = Scheme.technique,
    depth: Annotated[int | None, typer.Option("--depth", "-d", min=0, help="Show at most this many levels.")] = None,
    min_papers: Annotated[int, typer.Option("--min-papers", min=0, help="Hide concepts with fewer papers.")] = 0,
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Show the taxonomy as a tree with the number of papers that study each concept (or a descendant).

    Examples:

      kg ontology --depth 1

      kg ontology --root "KV cache compression" --format json

      kg ontology --scheme topic
    """
    if ctx.invoked_subcommand is not None:
        return
    import ontology
    from ontology.report import paper_counts, tree_rows

    onto = ontology.load()
    label = ontology.NodeLabel(_SCHEME_LABEL[scheme.value])
    root_id = None
    if root is not None:
        root_id = _one(onto.resolve(root, label)).id
    counts = paper_counts(onto, _graph(store, user, password, database))
    rows = tree_rows(onto, counts, root=root_id, label=label, max_depth=depth, min_papers=min_papers)
    if fmt is OutputFormat.table:
        # every id of one tree starts with its scheme ("technique/"): the table shows the rest, so that the
        # tree still fits an 80-column terminal (JSON and CSV keep the full ids)
        prefix = label.value.lower() + "/"
        for r in rows:
            others = ", ".join(x.removeprefix(prefix) for x in r["also_under"])
            r["tree"] = "  " * r["depth"] + r["name"] + (f"  (also under {others})" if others else "")
            r["key"] = r["id"].removeprefix(prefix)
        emit(rows, fmt, columns=["tree", "key", "papers"], title=f"{label.value} taxonomy ({prefix}KEY)",
             keep_whole=("key", "papers"))
        return
    emit(rows, fmt, columns=["id", "name", "depth", "papers", "direct", "also_under"])


def _one(found: tuple[Any, ...]) -> Any:
    if len(found) > 1:
        info("several concepts match; using " + found[0].id + " (others: " + ", ".join(c.id for c in found[1:]) + ")")
    return found[0]


@app.command("show")
def show_cmd(
    term: Annotated[str, typer.Argument(help="A concept id (technique/lora), a label or an alias (PTQ, KV cache).")],
    store: StoreOpt = None,
    fmt: FormatOpt = OutputFormat.table,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Show one concept: definition, aliases, parents, children, properties and paper counts.

    Examples:

      kg ontology show PTQ

      kg ontology show technique/kv-cache-quantization --format json
    """
    import ontology
    from ontology.report import concept_view, paper_counts

    onto = ontology.load()
    found = onto.resolve(term)  # UnknownNameError (with close matches) when nothing fits
    counts = paper_counts(onto, _graph(store, user, password, database))
    views = [concept_view(onto, c, counts) for c in found]
    if fmt is OutputFormat.json:
        emit_json(views[0] if len(views) == 1 else views)
        return
    rows = [
        {"concept": v["id"], "field": key, "value": _text(value)}
        for v in views
        for key, value in v.items()
        if value not in (None, "", [], {})
    ]
    emit(rows, fmt, columns=["concept", "field", "value"] if len(views) > 1 else ["field", "value"])


def _text(value: Any) -> str:
    if isinstance(value, dict):
        return "; ".join(f"{k}={_text(v)}" for k, v in value.items())
    if isinstance(value, list):
        return ", ".join(item["id"] if isinstance(item, dict) else str(item) for item in value)
    return str(value)


@app.command("facets")
def facets_cmd(
    facet: Annotated[str | None, typer.Argument(help="One facet: regime, target, format, granularity, bit_config.")] = None,
    fmt: FormatOpt = OutputFormat.table,
) -> None:
    """List the quantization facet values and their labels.

    Example: kg ontology facets format
    """
    import ontology
    from kg.errors import UnknownNameError

    onto = ontology.load()
    values = onto.facets(facet)
    if facet is not None and not values:
        names = sorted({f.facet for f in onto.facets()})
        raise UnknownNameError(facet, kind="facet", candidates=names)
    rows = [
        {"id": f.id, "facet": f.facet, "name": f.pref_label, "aliases": list(f.alt_labels), "parents": list(f.parents),
         **{k: v for k, v in f.props.items() if k in ("bits", "weight_bits", "activation_bits", "kv_bits")}}
        for f in values
    ]
    emit(rows, fmt, columns=["id", "facet", "name", "aliases", "bits", "weight_bits", "activation_bits", "kv_bits"])


@app.command("check")
def check_cmd(fmt: FormatOpt = OutputFormat.table) -> None:
    """Check the ontology files: labels, definitions, undeclared label collisions, required ids.

    Exits 1 when there are problems. Example: kg ontology check
    """
    import ontology
    from ontology.lint import lint

    onto = ontology.load()
    problems = lint(onto)
    emit([{"problem": p} for p in problems], fmt, columns=["problem"], empty="")
    info(f"{len(onto)} concepts, {len(onto.facets())} facet values in {len(onto.files)} files: "
         + (f"{len(problems)} problems" if problems else "no problems"))
    if problems:
        raise typer.Exit(1)
