"""Start a real Neo4j Community 5.26 server (embedded, Bolt on 127.0.0.1) for tests, benchmarks and people.

The server is the small Maven project in ``tools/neo4j-server/``; this module builds it when its jar is
missing or older than its sources, starts it on a free port with a throw-away data directory, waits for
its ``READY bolt://...`` line and stops it again.

>>> import sys; sys.path.insert(0, "tools")                  # doctest: +SKIP
>>> from neo4j_launcher import Neo4jServer                    # doctest: +SKIP
>>> with Neo4jServer() as server:                              # doctest: +SKIP
...     print(server.uri.startswith("bolt://127.0.0.1:"))
True

(``tests/conftest.py`` puts ``tools/`` on ``sys.path`` itself; bench scripts do the same.)

From a shell::

    .venv/bin/python tools/neo4j_launcher.py build        # build the jar (mvn) if needed
    .venv/bin/python tools/neo4j_launcher.py start        # run until Ctrl-C; prints URI, user, password

The JVM holds the read end of a pipe on its stdin and exits when it reaches end-of-file, so a server never
outlives the Python process that started it, even when that process is killed.
"""

from __future__ import annotations

import argparse
import fcntl
import hashlib
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from types import TracebackType

if __package__ in (None, ""):
    # Run as a script (`python tools/neo4j_launcher.py`): make the repo importable for kg.errors.
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.errors import StoreUnavailable

log = logging.getLogger(__name__)

REPO_ROOT = Path(__file__).resolve().parents[1]
PROJECT_DIR = REPO_ROOT / "tools" / "neo4j-server"
JAR_PATH = PROJECT_DIR / "target" / "neo4j-server.jar"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"
LOG_NAME = "launcher.log"
READY_RE = re.compile(r"^READY (bolt://127\.0\.0\.1:(\d+))\s*$", re.MULTILINE)


class Neo4jLaunchError(StoreUnavailable):
    """The Neo4j server could not be built, started or stopped; the message carries the log tail."""


def _java() -> str:
    """The java executable: ``$JAVA``, else ``$JAVA_HOME/bin/java``, else ``java`` on PATH."""
    explicit = os.environ.get("JAVA")
    if explicit:
        return explicit
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    found = shutil.which("java")
    if found is None:
        raise Neo4jLaunchError("java not found: install a JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)")
    return found


def _sources_newer_than(jar: Path) -> bool:
    built = jar.stat().st_mtime
    sources = [PROJECT_DIR / "pom.xml", *(PROJECT_DIR / "src").rglob("*")]
    return any(p.is_file() and p.stat().st_mtime > built for p in sources)


def needs_build() -> bool:
    """True when the launcher jar or its dependencies are missing, or a source file is newer.

    >>> isinstance(needs_build(), bool)
    True
    """
    lib = JAR_PATH.parent / "lib"
    if not JAR_PATH.is_file() or not lib.is_dir() or not any(lib.glob("neo4j-bolt-*.jar")):
        return True
    return _sources_newer_than(JAR_PATH)


def build(*, force: bool = False, quiet: bool = True) -> Path:
    """Build ``tools/neo4j-server`` with Maven when needed and return the jar's path.

    Tries offline first (fast, and works without network once ~/.m2 holds the artifacts), then online.
    A lock file serialises concurrent builds (pytest-xdist workers, parallel shells).

    >>> build().name                                             # doctest: +SKIP
    'neo4j-server.jar'
    """
    # One lock per checkout (str hash() is salted per process, so use a stable digest).
    digest = hashlib.sha1(str(PROJECT_DIR).encode()).hexdigest()[:12]
    lock_path = Path(tempfile.gettempdir()) / f"effkg-neo4j-build-{digest}.lock"
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not force and not needs_build():
            return JAR_PATH
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jLaunchError("mvn not found: install Maven 3 (Debian: apt-get install maven)")
        base = [mvn, "-B", *(["-q"] if quiet else []), "package"]
        started = time.monotonic()
        attempts: list[subprocess.CompletedProcess[str]] = []
        for offline in (True, False):
            cmd = [base[0], "-o", *base[1:]] if offline else base
            log.info("building Neo4j launcher: %s", " ".join(cmd))
            proc = subprocess.run(cmd, cwd=PROJECT_DIR, capture_output=True, text=True, check=False)
            attempts.append(proc)
            if proc.returncode == 0 and JAR_PATH.is_file():
                log.info("built %s in %.1fs", JAR_PATH, time.monotonic() - started)
                return JAR_PATH
        tail = _tail_text((attempts[-1].stdout or "") + (attempts[-1].stderr or ""), 40)
        raise Neo4jLaunchError(f"mvn package failed in {PROJECT_DIR} (exit {attempts[-1].returncode}):\n{tail}")


def port_is_free(port: int) -> bool:
    """True when a listener could bind 127.0.0.1:``port`` now.

    >>> port_is_free(0)
    True
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        # Same option as Neo4j's listener: a port in TIME_WAIT after a stop counts as free.
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _tail_text(text: str, lines: int) -> str:
    return "\n".join(text.splitlines()[-lines:])


def _tail_file(path: Path, lines: int) -> str:
    if not path.is_file():
        return f"({path} does not exist)"
    with open(path, "rb") as fh:
        # Only the end matters; debug.log can be large.
        fh.seek(max(0, path.stat().st_size - 64_000))
        return _tail_text(fh.read().decode("utf-8", "replace"), lines)


class Neo4jServer:
    """One Neo4j server process: Bolt on 127.0.0.1, user ``neo4j``, database ``neo4j``.

    ``data_dir=None`` uses a fresh temporary directory, removed by :meth:`close`. ``port=0`` picks a free
    port; :meth:`restart` keeps the port when it can, so ``uri`` normally stays valid. ``fast_startup``
    (default) runs the JVM with the C1 compiler only: about half the startup time on a small machine; pass
    ``False`` for long throughput benchmarks.

    >>> server = Neo4jServer(password="secret")                  # doctest: +SKIP
    >>> server.start().uri                                       # doctest: +SKIP
    'bolt://127.0.0.1:40123'
    >>> server.close()                                           # doctest: +SKIP
    """

    def __init__(
        self,
        data_dir: str | os.PathLike[str] | None = None,
        *,
        port: int = 0,
        password: str | None = None,
        heap: str = "1g",
        pagecache: str = "64m",
        startup_timeout: float = 180.0,
        fast_startup: bool = True,
        extra_jvm_args: Sequence[str] = (),
    ) -> None:
        self._owns_dir = data_dir is None
        self.data_dir = Path(data_dir) if data_dir is not None else Path(tempfile.mkdtemp(prefix="effkg-neo4j-"))
        self.requested_port = port
        self.port: int | None = None
        self.user = DEFAULT_USER
        self.password = password if password is not None else secrets.token_urlsafe(12)
        self.database = DEFAULT_DATABASE
        self.heap = heap
        self.pagecache = pagecache
        self.startup_timeout = startup_timeout
        self.fast_startup = fast_startup
        self.extra_jvm_args = tuple(extra_jvm_args) + tuple(os.environ.get("EFFKG_NEO4J_JAVA_OPTS", "").split())
        self.startup_seconds: float | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    # -- addresses -----------------------------------------------------------------------------------
    @property
    def uri(self) -> str:
        """``bolt://127.0.0.1:PORT`` (direct connection); valid once started."""
        return f"bolt://127.0.0.1:{self._require_port()}"

    @property
    def routing_uri(self) -> str:
        """``neo4j://127.0.0.1:PORT`` (routing driver; a single server answers its own routing table)."""
        return f"neo4j://127.0.0.1:{self._require_port()}"

    @property
    def auth(self) -> tuple[str, str]:
        """``(user, password)`` as the neo4j driver takes it."""
        return (self.user, self.password)

    @property
    def log_path(self) -> Path:
        """The JVM's stdout+stderr (``READY`` line, startup errors); Neo4j's own log is ``logs/debug.log``."""
        return self.data_dir / LOG_NAME

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None

    def _require_port(self) -> int:
        if self.port is None:
            raise Neo4jLaunchError("Neo4j server has not been started")
        return self.port

    # -- lifecycle -----------------------------------------------------------------------------------
    def is_running(self) -> bool:
        """True while the server process is alive."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> Neo4jServer:
        """Build if needed, start the JVM and wait for ``READY``; returns ``self``.

        Raises :class:`Neo4jLaunchError` with the log tail when the server exits or times out.
        """
        if self.is_running():
            return self
        jar = build()
        port = self.port if self.port is not None else self.requested_port
        # Checked here because the JVM only finds out after starting every database (seconds).
        if port != 0 and not port_is_free(port):
            if self.requested_port == 0:
                # A restart reuses the old port; if someone took it meanwhile, any free one will do.
                log.warning("port %d is taken; restarting Neo4j on a free port", port)
                port = 0
            else:
                raise Neo4jLaunchError(f"port {port} on 127.0.0.1 is already in use")
        self._spawn(jar, port)
        return self

    def _spawn(self, jar: Path, port: int) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        cmd = [
            _java(),
            f"-Xms{self.heap}",
            f"-Xmx{self.heap}",
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:-UsePerfData",  # no /tmp/hsperfdata files
            "-Dfile.encoding=UTF-8",
            # C1 only: on two busy cores C2 compile threads double the startup time and short test
            # workloads never repay them. Long benchmarks can pass fast_startup=False.
            *(["-XX:TieredStopAtLevel=1"] if self.fast_startup else []),
            *self.extra_jvm_args,
            "-jar",
            str(jar),
            "--data",
            str(self.data_dir),
            "--port",
            str(port),
            "--password",
            self.password,
            "--pagecache",
            self.pagecache,
        ]
        started = time.monotonic()
        with open(self.log_path, "ab") as out:
            out.write(f"--- launcher: starting on port {port} ---\n".encode())
            out.flush()
            offset = out.tell()
            self._proc = subprocess.Popen(  # noqa: S603 - fixed command line
                cmd,
                stdin=subprocess.PIPE,  # held open by us; EOF tells the server to exit
                stdout=out,
                stderr=subprocess.STDOUT,
                cwd=self.data_dir,
                start_new_session=True,  # Ctrl-C reaches us, and we stop the server in order
            )
        deadline = started + self.startup_timeout
        while True:
            match = READY_RE.search(self._read_log_from(offset))
            if match:
                self.port = int(match.group(2))
                self.startup_seconds = time.monotonic() - started
                log.info("Neo4j ready at %s in %.1fs (pid %d)", match.group(1), self.startup_seconds, self._proc.pid)
                return
            code = self._proc.poll()
            if code is not None:
                self._proc = None
                raise Neo4jLaunchError(
                    f"Neo4j server exited with status {code} before it was ready\n{self._diagnostics()}"
                )
            if time.monotonic() > deadline:
                self._hard_kill()
                raise Neo4jLaunchError(
                    f"Neo4j server not ready after {self.startup_timeout:.0f}s\n{self._diagnostics()}"
                )
            time.sleep(0.05)

    def _read_log_from(self, offset: int) -> str:
        with open(self.log_path, "rb") as fh:
            fh.seek(offset)
            return fh.read().decode("utf-8", "replace")

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the launcher log (JVM stdout/stderr)."""
        return _tail_file(self.log_path, lines)

    def _diagnostics(self) -> str:
        return (
            f"--- {self.log_path} (tail) ---\n{self.log_tail(40)}\n"
            f"--- {self.data_dir / 'logs' / 'debug.log'} (tail) ---\n"
            f"{_tail_file(self.data_dir / 'logs' / 'debug.log', 20)}"
        )

    def stop(self, timeout: float = 60.0) -> None:
        """Shut down cleanly (SIGTERM, the store is checkpointed); SIGKILL only after ``timeout`` seconds."""
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout)
            except subprocess.TimeoutExpired:
                log.warning("Neo4j (pid %d) ignored SIGTERM for %.0fs; killing it", proc.pid, timeout)
                self._hard_kill()
        self._close_stdin(proc)
        self._proc = None

    def kill(self) -> None:
        """SIGKILL the server, as a crash would: no checkpoint, recovery runs on the next start."""
        self._hard_kill()
        self._proc = None

    def _hard_kill(self) -> None:
        proc = self._proc
        if proc is None:
            return
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        self._close_stdin(proc)

    @staticmethod
    def _close_stdin(proc: subprocess.Popen[bytes]) -> None:
        if proc.stdin is not None and not proc.stdin.closed:
            proc.stdin.close()

    def restart(self) -> Neo4jServer:
        """Stop (if running) and start again on the same data directory and, when free, the same port."""
        self.stop()
        return self.start()

    def close(self) -> None:
        """Stop the server and remove the data directory if this object created it."""
        self.stop()
        if self._owns_dir:
            shutil.rmtree(self.data_dir, ignore_errors=True)

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        where = self.uri if self.port is not None else "not started"
        return f"Neo4jServer({where}, data_dir={str(self.data_dir)!r}, running={self.is_running()})"


def main(argv: Sequence[str] | None = None) -> int:
    """CLI: ``build`` or ``start``; see ``--help``."""
    parser = argparse.ArgumentParser(prog="neo4j_launcher", description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="build tools/neo4j-server with Maven if needed")
    p_build.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p_start = sub.add_parser("start", help="start a server and keep it running until Ctrl-C / SIGTERM")
    p_start.add_argument("--data", help="data directory to keep (default: a temporary one, removed at exit)")
    p_start.add_argument("--port", type=int, default=0, help="Bolt port (default: a free one)")
    p_start.add_argument("--password", help="password of user neo4j (default: random, printed)")
    p_start.add_argument("--heap", default="1g", help="JVM heap, e.g. 1g (default 1g)")
    p_start.add_argument("--pagecache", default="64m", help="page cache size (default 64m)")
    p_start.add_argument("--full-jit", action="store_true", help="C2 JIT too: slower start, faster long runs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    try:
        if args.command == "build":
            print(build(force=args.force, quiet=False))
            return 0
        server = Neo4jServer(
            args.data,
            port=args.port,
            password=args.password,
            heap=args.heap,
            pagecache=args.pagecache,
            fast_startup=not args.full_jit,
        )
        # SIGTERM -> KeyboardInterrupt path, so `kill` from another shell also stops the server cleanly.
        signal.signal(signal.SIGTERM, signal.default_int_handler)
        with server:
            print(f"NEO4J_URI={server.uri}")
            print(f"NEO4J_USER={server.user}")
            print(f"NEO4J_PASSWORD={server.password}")
            print(f"NEO4J_DATABASE={server.database}")
            print(f"# pid: {server.pid}  data: {server.data_dir}  log: {server.log_path}  (Ctrl-C stops)", flush=True)
            try:
                while server.is_running():
                    time.sleep(0.5)
            except KeyboardInterrupt:
                pass
            if not server.is_running():
                print(f"server exited unexpectedly\n{server.log_tail()}", file=sys.stderr)
                return 1
        return 0
    except Neo4jLaunchError as e:
        print(f"error: {e}", file=sys.stderr)
        return e.exit_code


if __name__ == "__main__":
    sys.exit(main())
