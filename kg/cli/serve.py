"""``kg serve``: the graph explorer in the browser, over either store."""

from __future__ import annotations

from typing import Annotated

import typer

from kg.cli.common import DatabaseOpt, PasswordOpt, StoreOpt, UserOpt, info


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)


def serve_cmd(
    store: StoreOpt = None,
    host: Annotated[
        str, typer.Option("--host", help="Interface to bind; the default keeps the explorer on this machine.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", "-p", min=0, max=65535, help="Port (0 picks a free one).")] = 8765,
    open_browser: Annotated[
        bool, typer.Option("--open/--no-open", help="Open the explorer in the default browser once it listens.")
    ] = False,
    user: UserOpt = "neo4j",
    password: PasswordOpt = "",
    database: DatabaseOpt = None,
) -> None:
    """Open the web explorer: search, graph canvas, evidence panel, paths and named queries (read-only).

    Example: kg serve --store .kg --port 8765 --open
    """
    import socket

    import uvicorn

    from kg.cli.common import open_store
    from kg.errors import KGError
    from kg.web import create_app
    from kg.web.assets import missing

    st = open_store(store, user, password, database)
    try:
        if st.stats().total_nodes == 0:
            info(f"kg serve: warning: the store {st.uri} is empty; run `kg build SOURCES --store {st.uri}` first")
        absent = missing()
        if absent:
            info(f"kg serve: warning: {', '.join(absent)} not installed; run `npm ci` in the repository root "
                 "or the canvas will not draw")
        if host not in ("127.0.0.1", "localhost", "::1"):
            info(f"kg serve: warning: binding {host} makes the explorer reachable from other machines")
        try:
            # Bind first so a busy port is a clear one-line error, and port 0 reports the real port.
            family = socket.AF_INET6 if ":" in host else socket.AF_INET
            sock = socket.socket(family, socket.SOCK_STREAM)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        except OSError as exc:
            raise KGError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc
        real_port = sock.getsockname()[1]
        shown = f"[{host}]" if ":" in host else host
        url = f"http://{shown}:{real_port}/"
        info(f"effkg explorer on {url} ({st.kind} store {st.uri}); Ctrl-C stops it")
        loopback = host in ("127.0.0.1", "localhost", "::1")
        # On this machine only, answer only to this machine's names (DNS rebinding).
        app = create_app(st, allowed_hosts=["127.0.0.1", "localhost", "::1"] if loopback else None)
        config = uvicorn.Config(app, log_level="warning", access_log=False)
        server = uvicorn.Server(config)
        import threading

        # Neo4j compiles each query on first use (a second or so); do it now, not on the user's first click.
        threading.Thread(target=app.state.explorer.warm_up, name="explorer-warm-up", daemon=True).start()
        if open_browser:
            import webbrowser

            threading.Timer(0.8, lambda: webbrowser.open(url)).start()
        server.run(sockets=[sock])
    finally:
        st.close()
