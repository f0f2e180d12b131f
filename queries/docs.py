"""The reference of the named queries, generated from the registry (``queries/README.md``).

    .venv/bin/python -m queries.docs > queries/README.md

``tests/test_queries_registry.py`` fails when the file and the registry disagree.

>>> "## techniques-for-model" in markdown()
True
"""

from __future__ import annotations

import sys

from queries.registry import list_queries

HEADER = """# Named queries

Each question below is one named query: a Cypher file for Neo4j (`queries/<name>.cypher`) and an
implementation over the in-memory graph, with one shared finishing step, so that both stores give the
same rows in the same order. Entity parameters take a name, alias, acronym or id (`llama 2`, `A100`,
`PTQ`, `method/galore`); an ambiguous name is refused with its candidates, a misspelt one gets
suggestions. Every answer keeps its evidence: paper ids and the sentences of the edges behind it.

From the command line:

    kg query --list
    kg query NAME -p key=value [-p key=value ...] [--format table|json|csv] [--store DIR|bolt://...]
    kg techniques --model llama-2-7b      kg techniques --target microcontroller
    kg path GaLore A100                   kg show vattention
    kg search "kv cache"                  kg gaps --against ssm
    kg cypher "MATCH (m:Method) RETURN m.name LIMIT 5" --store bolt://localhost:7687

From Python (the CLI and the web explorer call the same functions):

    from kg.store import open_store
    import queries

    store = open_store(".kg")                               # or "bolt://localhost:7687"
    result = queries.run(store, "techniques-for-model", {"model": "llama-2-7b"})
    result.columns, result.rows, result.notes               # frozen QueryResult
    queries.techniques_for_model(store, "llama")            # the same, as a function
    queries.resolve(store, "A100").entity.id                # 'hardware/nvidia-a100'

Errors are `kg.errors.KGError`s: `UnknownNameError` / `AmbiguousNameError` (with `candidates`) and
`ParameterError` (what a parameter expects).
"""


def markdown() -> str:
    """The reference page: the header, then one section per query (parameters, columns, examples)."""
    out = [HEADER]
    for spec in list_queries():
        out.append(f"## {spec.name}\n")
        out.append(f"**{spec.title}**\n")
        out.append(spec.description + "\n")
        if spec.params:
            out.append("| parameter | type | default | meaning |")
            out.append("|---|---|---|---|")
            for p in spec.params:
                kind = {"entity": " / ".join(p.labels) or "any entity", "choice": " \\| ".join(p.choices)}.get(
                    p.type, p.type
                )
                default = "required" if p.required else ("" if p.default is None else f"`{p.default}`")
                out.append(f"| `{p.name}` | {kind} | {default} | {p.help} |")
            out.append("")
        out.append("Columns: " + ", ".join(f"`{c}`" for c in spec.columns) + "\n")
        examples = [
            f"kg query {spec.name}" + "".join(f" -p {k}={v!r}" if " " in str(v) else f" -p {k}={v}" for k, v in ex.items())
            for ex in spec.examples
        ]
        out.append("Examples:\n\n" + "\n".join(f"    {e}" for e in examples) + "\n")
    return "\n".join(out)


def main() -> int:
    sys.stdout.write(markdown())
    return 0


if __name__ == "__main__":
    sys.exit(main())
