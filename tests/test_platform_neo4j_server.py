"""The test Neo4j server is real: Cypher over bolt:// and neo4j://, auth, clean stop, crash and restart.

Timings land in ``artifacts/platform-timings.jsonl`` (one JSON object per line) for the run report.
"""

from __future__ import annotations

import doctest
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, ServiceUnavailable

from tests.conftest import REPO_ROOT, ExternalNeo4j
import neo4j_launcher
from neo4j_launcher import Neo4jLaunchError, Neo4jServer

pytestmark = pytest.mark.neo4j

LAUNCHER = REPO_ROOT / "tools" / "neo4j_launcher.py"


def record_timing(artifacts_dir: Path, name: str, seconds: float) -> None:
    """Append one timing to the run's timing log (append-only, so parallel workers do not clash)."""
    with open(artifacts_dir / "platform-timings.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"name": name, "seconds": round(seconds, 4), "pid": os.getpid()}) + "\n")


def count_nodes(uri: str, auth: tuple[str, str], label: str) -> int:
    with GraphDatabase.driver(uri, auth=auth) as driver:
        records, _, _ = driver.execute_query(f"MATCH (n:{label}) RETURN count(n) AS c")
        return int(records[0]["c"])


def port_accepts(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_cypher_round_trip_over_bolt_and_routing_uris(neo4j_empty, artifacts_dir):
    if isinstance(neo4j_empty, Neo4jServer):
        record_timing(artifacts_dir, "neo4j_session_startup", neo4j_empty.startup_seconds or 0.0)
    for uri, tag in ((neo4j_empty.uri, "direct"), (neo4j_empty.routing_uri, "routed")):
        with GraphDatabase.driver(uri, auth=neo4j_empty.auth) as driver:
            driver.verify_connectivity()
            summary = driver.execute_query(
                "CREATE (:PlatformProbe {via: $via, n: $n})", via=tag, n=len(tag), database_=neo4j_empty.database
            ).summary
            assert summary.counters.nodes_created == 1
            # A read routed to a reader must see the write (single server: it is its own reader).
            records, _, _ = driver.execute_query(
                "MATCH (p:PlatformProbe) RETURN p.via AS via ORDER BY via",
                database_=neo4j_empty.database,
                routing_="r",
            )
    assert [r["via"] for r in records] == ["direct", "routed"]
    if not isinstance(neo4j_empty, ExternalNeo4j):
        assert neo4j_empty.uri.startswith("bolt://127.0.0.1:")


def test_wrong_password_fails_fast_with_an_auth_error(neo4j_server, artifacts_dir):
    # One bad attempt only: Neo4j locks a user for a few seconds after repeated failures,
    # which would break every later test on the shared server.
    started = time.perf_counter()
    with pytest.raises(AuthError):
        with GraphDatabase.driver(neo4j_server.uri, auth=(neo4j_server.user, neo4j_server.password + "x")) as bad:
            bad.verify_connectivity()
    elapsed = time.perf_counter() - started
    record_timing(artifacts_dir, "neo4j_wrong_password", elapsed)
    assert elapsed < 5.0, f"auth failure took {elapsed:.2f}s"
    # The right password still works right after (the failure counter is reset by a success).
    with GraphDatabase.driver(neo4j_server.uri, auth=neo4j_server.auth) as good:
        good.verify_connectivity()


def test_stop_restart_kill_and_recover_keep_committed_data(neo4j_private_server, artifacts_dir):
    server = neo4j_private_server
    port = server.port
    with GraphDatabase.driver(server.uri, auth=server.auth) as driver:
        driver.execute_query("UNWIND range(1, 50) AS i CREATE (:Kept {i: i})")

    started = time.perf_counter()
    server.restart()
    record_timing(artifacts_dir, "neo4j_clean_restart", time.perf_counter() - started)
    assert server.port == port, "restart should keep the port so URIs stay valid"
    assert count_nodes(server.uri, server.auth, "Kept") == 50

    with GraphDatabase.driver(server.uri, auth=server.auth) as driver:
        driver.execute_query("CREATE (:Kept {i: 51})")
    pid = server.pid
    server.kill()
    assert not server.is_running()
    assert pid is not None and not port_accepts(port)
    with pytest.raises(ServiceUnavailable):
        with GraphDatabase.driver(server.uri, auth=server.auth, connection_timeout=2) as driver:
            driver.verify_connectivity()

    # Recover through the CLI in a child process, then SIGKILL that child: its server must not outlive it.
    child = subprocess.Popen(
        [sys.executable, str(LAUNCHER), "start", "--data", str(server.data_dir), "--port", str(port),
         "--password", server.password],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        lines: list[str] = []
        jvm_pid = None
        assert child.stdout is not None
        for line in child.stdout:
            lines.append(line)
            if line.startswith("# pid: "):
                jvm_pid = int(line.split()[2])
                break
        assert jvm_pid is not None, "".join(lines)
        assert f"NEO4J_URI=bolt://127.0.0.1:{port}\n" in lines
        # Committed before the crash, so recovery must bring node 51 back.
        assert count_nodes(server.uri, server.auth, "Kept") == 51
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    deadline = time.monotonic() + 30
    while port_accepts(port) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not port_accepts(port), "the server outlived the process that started it"
    record_timing(artifacts_dir, "neo4j_orphan_exit_after_parent_kill", 30 - (deadline - time.monotonic()))


def test_startup_failure_reports_the_server_log(tmp_path):
    server = Neo4jServer(tmp_path / "bad", pagecache="lots")
    with pytest.raises(Neo4jLaunchError) as info:
        server.start()
    server.close()
    message = str(info.value)
    assert "exited with status 2 before it was ready" in message
    assert "--pagecache is not a size: lots" in message, message


def test_a_taken_port_is_refused_before_starting_a_jvm(tmp_path):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        started = time.perf_counter()
        with pytest.raises(Neo4jLaunchError, match=f"port {port} on 127.0.0.1 is already in use"):
            Neo4jServer(tmp_path / "second", port=port).start()
    assert time.perf_counter() - started < 5


def test_launcher_doctests():
    result = doctest.testmod(neo4j_launcher, optionflags=doctest.ELLIPSIS)
    assert result.failed == 0
