"""Shared fixtures: the seed corpus, a real Neo4j server, a real headless Chromium, an artifacts folder.

Nothing here skips: a missing seed folder, Neo4j, Java, Maven or Chromium fails the tests that need it,
with a message that says what to install (``make setup`` installs all of it).

Fixtures
--------
``seeds_dir``            Path of the seed listings (``$EFFKG_SEEDS`` or ``<repo>/../shared/seeds``).
``neo4j_server``         one server for the whole session (per xdist worker): ``.uri`` (bolt://),
                         ``.routing_uri`` (neo4j://), ``.user``, ``.password``, ``.database``, ``.auth``.
                         With ``$NEO4J_URI`` set, that server is used instead (``$NEO4J_USER``,
                         ``$NEO4J_PASSWORD``, ``$NEO4J_DATABASE``); its database must be empty at start.
``neo4j_uri``            ``neo4j_server.uri``.
``neo4j_driver``         one official-driver ``Driver`` on the session server.
``neo4j_empty``          the session server, wiped (data, constraints, indexes) before the test.
``neo4j_private_server`` a server of the test's own (``Neo4jServer``: ``stop``/``kill``/``restart``), for
                         fault tests; never kill the shared one. It costs a JVM start (~5-10 s).
``chromium_path``        ``/usr/bin/chromium`` (or ``$CHROMIUM_PATH``).
``browser``              a Playwright ``Browser`` on that Chromium, headless, for the session.
``page``                 a fresh Playwright ``Page`` (own context) per test.
``artifacts_dir``        ``<repo>/artifacts/`` (gitignored) for screenshots and reports.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
# The launcher is a standalone script in tools/; import it by directory, not as a `tools` package
# (an unrelated installed `tools` package would shadow a namespace package).
if str(REPO_ROOT / "tools") not in sys.path:
    sys.path.insert(0, str(REPO_ROOT / "tools"))

from neo4j_launcher import Neo4jLaunchError, Neo4jServer  # noqa: E402

if TYPE_CHECKING:
    from neo4j import Driver
    from playwright.sync_api import Browser, Page

# Playwright must use the system Chromium; it never downloads a browser of its own.
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


# -- seeds ---------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def onto() -> Any:
    """The shipped ontology, loaded once (tests that reload or clear it define their own)."""
    import ontology

    return ontology.load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The folder of seed listings; ``$EFFKG_SEEDS`` overrides the default ``<repo>/../shared/seeds``."""
    override = os.environ.get("EFFKG_SEEDS")
    path = Path(override) if override else REPO_ROOT / ".." / "shared" / "seeds"
    path = path.resolve()
    if not path.is_dir() or not any(path.glob("*.txt")):
        pytest.fail(
            f"seed folder {path} is missing or holds no *.txt listings "
            "(expected ../shared/seeds beside the repo, or set EFFKG_SEEDS)",
            pytrace=False,
        )
    return path


# -- Neo4j ---------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ExternalNeo4j:
    """A server given by ``$NEO4J_URI``: same attributes as :class:`Neo4jServer`, but not ours to stop."""

    uri: str
    user: str
    password: str
    database: str

    @property
    def routing_uri(self) -> str:
        scheme, _, rest = self.uri.partition("://")
        _, plus, security = scheme.partition("+")  # keep +s / +ssc
        return f"neo4j{plus}{security}://{rest}"

    @property
    def auth(self) -> tuple[str, str]:
        return (self.user, self.password)


def _external_server() -> ExternalNeo4j | None:
    uri = os.environ.get("NEO4J_URI")
    if not uri:
        return None
    if os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1") not in ("", "0", "1"):
        pytest.fail("NEO4J_URI cannot be shared by several xdist workers: run pytest with -n 0", pytrace=False)
    return ExternalNeo4j(
        uri=uri,
        user=os.environ.get("NEO4J_USER", "neo4j"),
        password=os.environ.get("NEO4J_PASSWORD", ""),
        database=os.environ.get("NEO4J_DATABASE", "neo4j"),
    )


def _node_count(driver: Driver, database: str) -> int:
    records, _, _ = driver.execute_query("MATCH (n) RETURN count(n) AS c", database_=database)
    return int(records[0]["c"])


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[Neo4jServer | ExternalNeo4j]:
    """The session's Neo4j: started here (and stopped at the end), or ``$NEO4J_URI`` if set and empty."""
    external = _external_server()
    if external is not None:
        from neo4j import GraphDatabase
        from neo4j.exceptions import Neo4jError, ServiceUnavailable

        try:
            with GraphDatabase.driver(external.uri, auth=external.auth) as driver:
                count = _node_count(driver, external.database)
        except (Neo4jError, ServiceUnavailable, OSError) as e:
            pytest.fail(f"NEO4J_URI={external.uri} is not usable: {e}", pytrace=False)
        if count:
            pytest.fail(
                f"NEO4J_URI={external.uri} database {external.database!r} holds {count} nodes; the tests wipe "
                "their database, so they only run against an empty one",
                pytrace=False,
            )
        yield external
        # Everything in it was written by this session (it was empty), so leave it empty for the next run.
        with GraphDatabase.driver(external.uri, auth=external.auth) as driver:
            wipe_database(driver, external.database)
        return
    server = Neo4jServer()
    try:
        server.start()
    except Neo4jLaunchError as e:
        server.close()
        pytest.fail(f"could not start the test Neo4j server (run `make setup`):\n{e}", pytrace=False)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def neo4j_uri(neo4j_server: Neo4jServer | ExternalNeo4j) -> str:
    """``bolt://`` URI of the session server."""
    return neo4j_server.uri


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: Neo4jServer | ExternalNeo4j) -> Iterator[Driver]:
    """One official driver on the session server (closed at the end)."""
    from neo4j import GraphDatabase

    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as driver:
        yield driver


def _quote(name: str) -> str:
    return "`" + name.replace("`", "``") + "`"


def wipe_database(driver: Driver, database: str) -> None:
    """Delete every node, relationship, constraint and index (but the built-in token lookups)."""
    with driver.session(database=database) as session:
        # Batched so a big graph (the whole seed build) does not need one huge transaction.
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()
        for rec in list(session.run("SHOW CONSTRAINTS YIELD name")):
            session.run(f"DROP CONSTRAINT {_quote(rec['name'])} IF EXISTS").consume()
        for rec in list(session.run("SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name")):
            session.run(f"DROP INDEX {_quote(rec['name'])} IF EXISTS").consume()


@pytest.fixture
def neo4j_empty(
    neo4j_server: Neo4jServer | ExternalNeo4j, neo4j_driver: Driver
) -> Neo4jServer | ExternalNeo4j:
    """The session server with an empty database (wiped before the test)."""
    if isinstance(neo4j_server, Neo4jServer) and not neo4j_server.is_running():
        pytest.fail(f"the session Neo4j server died; log tail:\n{neo4j_server.log_tail()}", pytrace=False)
    wipe_database(neo4j_driver, neo4j_server.database)
    return neo4j_server


@pytest.fixture
def neo4j_private_server() -> Iterator[Neo4jServer]:
    """A Neo4j server for this test alone (may be stopped, killed, restarted); removed afterwards."""
    server = Neo4jServer()
    try:
        server.start()
    except Neo4jLaunchError as e:
        server.close()
        pytest.fail(f"could not start a Neo4j server (run `make setup`):\n{e}", pytrace=False)
    try:
        yield server
    finally:
        server.close()


# -- browser -------------------------------------------------------------------------------------------
@pytest.fixture(scope="session")
def chromium_path() -> Path:
    """The system Chromium (``$CHROMIUM_PATH`` or /usr/bin/chromium); fails when it is missing."""
    path = Path(os.environ.get("CHROMIUM_PATH") or "/usr/bin/chromium")
    if not (path.is_file() and os.access(path, os.X_OK)):
        found = shutil.which("chromium")
        hint = f" (there is one at {found}: set CHROMIUM_PATH)" if found else ""
        pytest.fail(
            f"Chromium not found at {path}{hint}; install it with `make setup` (apt-get install chromium)",
            pytrace=False,
        )
    return path


@pytest.fixture(scope="session")
def browser(chromium_path: Path) -> Iterator[Browser]:
    """A headless Chromium driven by Playwright, shared by the session."""
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    try:
        try:
            b = pw.chromium.launch(executable_path=str(chromium_path), headless=True, args=list(CHROMIUM_ARGS))
        except PlaywrightError as e:
            pytest.fail(f"Chromium at {chromium_path} did not start under Playwright: {e}", pytrace=False)
        try:
            yield b
        finally:
            b.close()
    finally:
        pw.stop()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A new page in its own browser context (no cookies or storage shared between tests)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """``<repo>/artifacts/``: screenshots and other outputs worth looking at after a run (gitignored)."""
    path = REPO_ROOT / "artifacts"
    path.mkdir(exist_ok=True)
    return path
