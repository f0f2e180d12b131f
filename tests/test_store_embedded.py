"""The embedded store survives crashes, Ctrl-C and corruption without losing or faking a graph."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kg.errors import CorruptStore, StoreUnavailable
from kg.graph import dumps, from_json
from kg.store import open_store
from kg.store.embedded import EmbeddedStore

ROOT = Path(__file__).resolve().parents[1]

# A child process that rewrites a large graph forever, alternating two versions, so that a
# signal lands in the middle of a write sooner or later.
WRITER = textwrap.dedent(
    """
    import signal
    import sys
    from kg.graph import new_graph, add_node

    # A shell without job control starts background jobs with SIGINT ignored, and Python keeps
    # that; restore Ctrl-C's usual KeyboardInterrupt so the test sees a real interrupted write.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    from kg.store.embedded import EmbeddedStore

    def big(version):
        g = new_graph()
        for i in range(20000):
            add_node(g, f"method/m{i}", "Method", {"name": f"m{i}", "v": version, "pad": "x" * 40})
        return g

    store = EmbeddedStore(sys.argv[1])
    graphs = [big(1), big(2)]
    store.write(graphs[0])
    print("ready", flush=True)
    i = 1
    while True:
        store.write(graphs[i % 2])
        i += 1
    """
)


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_writer_leaves_a_whole_graph(tmp_path, sig):
    data = tmp_path / "kg"
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data)], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    try:
        assert proc.stdout is not None and proc.stdout.readline().strip() == b"ready"
        time.sleep(0.7)
        proc.send_signal(sig)
        proc.wait(timeout=30)
    finally:
        proc.kill()  # never leave a writer spinning when the test fails
        proc.wait()
    g = EmbeddedStore(data).read()
    assert g.number_of_nodes() == 20000
    assert {d["v"] for _, d in g.nodes(data=True)} in ({1}, {2})
    # The next write cleans any temporary file a killed writer left behind.
    EmbeddedStore(data).write(from_json(dumps(g)).copy())
    g2 = g.copy()
    g2.nodes["method/m0"]["v"] = 3
    EmbeddedStore(data).write(g2)
    assert not list(data.glob(".graph-*.tmp"))


def test_corrupt_file_is_a_clear_error(tmp_path):
    data = tmp_path / "kg"
    data.mkdir()
    (data / "graph.json").write_text('{"nodes": [', encoding="utf-8")
    with pytest.raises(CorruptStore, match="graph.json"):
        open_store(str(data)).read()
    (data / "graph.json").write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(CorruptStore, match="not UTF-8"):
        open_store(str(data)).read()
    # The corrupt file is left for the user to inspect, never replaced by an empty graph.
    assert (data / "graph.json").read_bytes().startswith(b"\xff\xfe")


def test_store_path_that_is_a_file_is_refused(tmp_path):
    f = tmp_path / "not-a-dir"
    f.write_text("x")
    with pytest.raises(StoreUnavailable, match="not a directory"):
        open_store(str(f)).read()


def test_unwritable_directory_is_a_clear_error(tmp_path):
    if os.geteuid() == 0:
        # root ignores permission bits; use a path under a regular file instead
        target = tmp_path / "file"
        target.write_text("x")
        store = open_store(str(target / "sub"))
    else:
        ro = tmp_path / "ro"
        ro.mkdir(mode=0o500)
        store = open_store(str(ro / "sub"))
    from kg.graph import add_node, new_graph

    g = new_graph()
    add_node(g, "method/x", "Method", {"name": "x"})
    with pytest.raises(StoreUnavailable, match="cannot write"):
        store.write(g)
