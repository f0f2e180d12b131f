"""The ``kg`` command line: thin commands over the library API.

Every command opens the core object (a store, the ontology) and calls one library function.
Errors a user can cause are :class:`kg.errors.KGError`: they print one line on stderr and exit
non-zero; anything else is a bug and keeps its traceback.
"""

from __future__ import annotations

import importlib
import sys
from typing import Annotated

import typer

from kg import __version__

app = typer.Typer(
    name="kg",
    help="effkg: a knowledge graph of ML efficiency techniques, models and hardware, built from papers.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help: rendering it with rich imports ~0.15 s of markdown and layout code
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"kg (effkg) {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log progress and driver messages on stderr.")
    ] = False,
) -> None:
    """effkg: which efficiency techniques were applied to which models, on which hardware, with what results."""
    configure_logging(verbose)


def configure_logging(verbose: bool = False) -> None:
    """The application (not the library) decides where logs go: stderr, prefixed, warnings only
    unless ``--verbose``. The Neo4j driver's own chatter stays quiet: its failures reach the user
    as our one-line errors."""
    import logging

    root = logging.getLogger()
    if not any(getattr(h, "_effkg", False) for h in root.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("kg: %(levelname)s: %(message)s"))
        handler._effkg = True  # type: ignore[attr-defined]
        root.addHandler(handler)
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    logging.getLogger("neo4j").setLevel(logging.INFO if verbose else logging.CRITICAL + 1)


# Command modules each expose register(app); a missing module (work in progress) is skipped,
# but an import error inside an existing module still surfaces.
COMMAND_MODULES = (
    "kg.cli.build",
    "kg.cli.load",
    "kg.cli.inspect",
    "kg.cli.ontology",
    "kg.cli.validate",
    "kg.cli.query",
    "kg.cli.serve",
    "kg.cli.eval",
)
for _name in COMMAND_MODULES:
    try:
        _module = importlib.import_module(_name)
    except ModuleNotFoundError as _exc:
        if _exc.name != _name:
            raise
        continue
    _module.register(app)


def _click_exceptions() -> tuple[tuple[type[Exception], ...], tuple[type[Exception], ...]]:
    """Usage-error and abort classes of click and of the copy of click that newer typer releases
    bundle (``typer._click``): typer raises the latter, so catching click's alone lets a mistyped
    option end in a traceback."""
    import click

    usage: list[type[Exception]] = [click.exceptions.ClickException]
    aborts: list[type[Exception]] = [click.exceptions.Abort, typer.Abort]
    try:
        from typer._click import exceptions as bundled  # type: ignore[import-not-found]
    except ImportError:
        pass
    else:
        usage.append(bundled.ClickException)  # its Abort is typer.Abort
    return tuple(usage), tuple(aborts)


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kg`` script and ``python -m kg``; returns the exit code."""
    from kg.errors import KGError

    try:
        rv = app(args=argv, prog_name="kg", standalone_mode=False)
    except KGError as exc:
        typer.echo(f"kg: error: {exc}", err=True)
        return exc.exit_code
    except KeyboardInterrupt:
        typer.echo("kg: interrupted; the store keeps its previous graph", err=True)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        # click is imported only here: a successful command never pays for it.
        usage_errors, aborts = _click_exceptions()
        if isinstance(exc, usage_errors):
            exc.show()  # type: ignore[attr-defined]
            return int(exc.exit_code)  # type: ignore[attr-defined]
        if isinstance(exc, aborts):
            typer.echo("kg: aborted", err=True)
            return 130
        raise
    return rv if isinstance(rv, int) else 0


def run() -> None:
    sys.exit(main())
