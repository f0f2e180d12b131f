"""The explorer's web app: a read-only JSON API under ``/api`` and one page that uses nothing else.

``create_app(store)`` builds the app from a store handed to it, so tests run it in-process. The
handlers only parse parameters and serialise what :class:`kg.web.explorer.Explorer` returns; every
user error is a :class:`kg.errors.KGError` and becomes a 4xx JSON answer with a message.

>>> import tempfile
>>> from fastapi.testclient import TestClient
>>> from kg.store import open_store
>>> client = TestClient(create_app(open_store(tempfile.mkdtemp())))
>>> client.get("/api/meta").json()["store"]
'embedded'
>>> client.get("/api/entity", params={"id": "nothing-like-this"}).status_code
404
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from kg import __version__
from kg.errors import (
    KGError,
    ParameterError,
    QueryError,
    StoreError,
    UnknownNameError,
    UnsupportedOperation,
)
from kg.web.assets import VENDOR_FILES, vendor_path
from kg.web.explorer import MAX_NODES, Explorer
from kg.web.models import (
    EntityView,
    ErrorBody,
    GraphView,
    Meta,
    PathView,
    QueryAnswer,
    QueryInfo,
    SearchView,
    TaxonomyView,
    ViewBundle,
)

if TYPE_CHECKING:
    from kg.store.base import GraphStore

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).resolve().parent / "static"

# Nothing is loaded from elsewhere; images may be data/blob URLs (PNG export).
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
    "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

ERRORS: dict[int | str, dict[str, Any]] = {
    400: {"model": ErrorBody, "description": "A parameter is wrong (the message says which and why)"},
    404: {"model": ErrorBody, "description": "No entity (or query) of that name; close names in `candidates`"},
    422: {"model": ErrorBody, "description": "A parameter has the wrong type or is out of range"},
    503: {"model": ErrorBody, "description": "The store cannot be reached"},
}

Text = Annotated[str, Query(min_length=1, max_length=300)]
OptText = Annotated[str | None, Query(max_length=300)]
Ids = Annotated[list[str] | None, Query(max_length=50, description="repeatable")]
Names = Annotated[list[str] | None, Query(max_length=40, description="repeatable or comma-separated")]
Year = Annotated[int | None, Query(ge=1900, le=2200)]


def _status(exc: KGError) -> tuple[int, str]:
    if isinstance(exc, UnknownNameError):
        return 404, "unknown-name"
    if isinstance(exc, ParameterError):
        return 400, "bad-parameter"
    if isinstance(exc, (QueryError, UnsupportedOperation)):
        return 400, "bad-query"
    if isinstance(exc, StoreError):
        return 503, "store-unavailable"
    return 400, "error"


def _error(status: int, kind: str, message: str, candidates: tuple[str, ...] = ()) -> JSONResponse:
    body = ErrorBody(error=kind, message=message, candidates=candidates)
    return JSONResponse(body.model_dump(), status_code=status)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for err in exc.errors()[:5]:
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body")]
        where = ".".join(loc) or "request"
        parts.append(f"{where}: {err.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _host_name(host: str) -> str:
    """A ``Host`` header without its port.

    >>> [_host_name(h) for h in ("[::1]:8765", "localhost:80", "127.0.0.1", "::1")]
    ['::1', 'localhost', '127.0.0.1', '::1']
    """
    if host.startswith("["):
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def _query_endpoint(ex: Explorer, name: str, params: tuple[Any, ...]) -> Callable[..., QueryAnswer]:
    """A typed endpoint for one named query: its parameters become documented query parameters."""

    def endpoint(**kwargs: Any) -> QueryAnswer:
        return ex.run_query(name, {k: v for k, v in kwargs.items() if v is not None})

    sig_params = []
    for p in params:
        kw: dict[str, Any] = {"description": p.help}
        typ: Any
        if p.type in ("entity", "str"):
            typ = str
            kw.update(min_length=1, max_length=300)
        elif p.type == "int":
            typ = int
            # Bounds keep generated values within what the query accepts (and what JSON can carry).
            kw.update(ge=p.minimum if p.minimum is not None else -(10**9), le=p.maximum if p.maximum is not None else 10**6)
        elif p.type == "float":
            typ = float
            kw.update(ge=p.minimum if p.minimum is not None else -1e9, le=p.maximum if p.maximum is not None else 1e9)
        elif p.type == "bool":
            typ = bool
        else:
            typ = Literal[tuple(p.choices)]  # type: ignore[valid-type]
        if p.example:
            kw["examples"] = [p.example]
        required = p.required
        ann = Annotated[typ if required else typ | None, Query(**kw)]  # type: ignore[valid-type]
        sig_params.append(
            inspect.Parameter(p.name, inspect.Parameter.KEYWORD_ONLY, annotation=ann,
                              default=inspect.Parameter.empty if required else None)
        )
    endpoint.__signature__ = inspect.Signature(sig_params, return_annotation=QueryAnswer)  # type: ignore[attr-defined]
    endpoint.__name__ = "query_" + name.replace("-", "_")
    return endpoint


def create_app(
    store: GraphStore, *, title: str = "effkg explorer", allowed_hosts: Sequence[str] | None = None
) -> FastAPI:
    """The explorer over ``store``: the page at ``/``, the JSON API under ``/api``, schema at
    ``/api/openapi.json``. Read-only: every route is a GET.

    ``allowed_hosts`` (``Host`` header values, port excluded) guards a server bound to this machine
    against DNS rebinding: a web page elsewhere cannot read the API through a name it controls.
    """
    ex = Explorer(store)
    app = FastAPI(
        title=title,
        version=__version__,
        description=(
            "Read-only JSON API of the effkg graph explorer. Entities are named by id (`method/galore`) "
            "or by any name, alias or acronym; unknown names answer 404 with close candidates."
        ),
        openapi_url="/api/openapi.json",
        docs_url=None,  # the stock docs pages load scripts from a CDN; the page must work offline
        redoc_url=None,
    )
    app.state.explorer = ex
    hosts = {h.lower() for h in allowed_hosts} if allowed_hosts else None

    @app.middleware("http")
    async def headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        if hosts is not None:
            host = request.headers.get("host", "").lower()
            if _host_name(host) not in hosts:
                return _error(400, "bad-host", f"this explorer answers to {', '.join(sorted(hosts))}, not {host!r}")
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(KGError)
    async def kg_error(request: Request, exc: KGError) -> JSONResponse:
        status, kind = _status(exc)
        if status >= 500:
            log.warning("store problem answering %s: %s", request.url.path, exc)
        return _error(status, kind, str(exc), tuple(getattr(exc, "candidates", ()) or ()))

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(422, "bad-parameter", _validation_message(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        kind = {404: "not-found", 405: "method-not-allowed"}.get(exc.status_code, "http-error")
        resp = _error(exc.status_code, kind, str(exc.detail))
        if exc.headers:
            resp.headers.update(exc.headers)
        return resp

    # -- the page and its files ----------------------------------------------------------

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/vendor/{name}", include_in_schema=False)
    def vendor(name: str) -> Response:
        # Only the listed files are served: the name is a key, never a path.
        if name not in VENDOR_FILES:
            return _error(404, "not-found", f"no vendor file {name!r}")
        path = vendor_path(name)
        if path is None:
            return _error(404, "not-found", f"{name} is not installed: run `npm ci` in the repository root")
        return FileResponse(path, media_type="text/javascript", headers={"Cache-Control": "max-age=3600"})

    # -- the API -------------------------------------------------------------------------

    @app.get("/api/meta", response_model=Meta, responses=ERRORS, tags=["explorer"])
    def meta() -> Meta:
        """Counts per label and relationship type, technique families and paper years."""
        return ex.meta()

    @app.get("/api/search", response_model=SearchView, responses=ERRORS, tags=["explorer"])
    def search(
        q: Annotated[str, Query(max_length=200, description="name, alias, acronym or id (prefixes work)")],
        label: Annotated[
            Literal["technique", "method", "model", "model-family", "hardware", "hardware-class", "dataset", "metric",
                    "memory-component", "bottleneck", "architecture", "topic", "paper"] | None,
            Query(description="only entities of this kind"),
        ] = None,
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> SearchView:
        """Autocomplete: entities whose name, alias, acronym or id match, best first."""
        return ex.search(q, label, limit)

    @app.get("/api/graph", response_model=GraphView, responses=ERRORS, tags=["explorer"])
    def graph(
        focus: Ids = None,
        expand: Ids = None,
        labels: Names = None,
        rels: Names = None,
        family: OptText = None,
        year_from: Year = None,
        year_to: Year = None,
        limit: Annotated[int, Query(ge=1, le=MAX_NODES)] = 300,
    ) -> GraphView:
        """The canvas: focus and expanded entities with their neighbours, filtered by node label,
        relationship type, technique family and paper year."""
        return ex.graph(focus or [], expand or [], labels=labels, rels=rels, family=family,
                        year_from=year_from, year_to=year_to, limit=limit)

    @app.get("/api/entity", response_model=EntityView, responses=ERRORS, tags=["explorer"])
    def entity(
        id: Text,
        limit: Annotated[int, Query(ge=0, le=1000, description="relations per group; 0 = all")] = 25,
    ) -> EntityView:
        """One entity: properties, taxonomy parents, provenance and relations with their evidence."""
        return ex.entity(id, limit=limit)

    @app.get("/api/taxonomy", response_model=TaxonomyView, responses=ERRORS, tags=["explorer"])
    def taxonomy(
        concept: OptText = None,
        depth: Annotated[int, Query(ge=0, le=20)] = 0,
    ) -> TaxonomyView:
        """The taxonomy under a concept (default: all of ML efficiency) with paper counts."""
        return ex.taxonomy(concept, depth)

    @app.get("/api/path", response_model=PathView, responses=ERRORS, tags=["explorer"])
    def path(
        a: Text,
        b: Text,
        max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
        limit: Annotated[int, Query(ge=1, le=20)] = 5,
    ) -> PathView:
        """How A is related to B: shortest typed paths, each hop with its evidence sentence."""
        return ex.path(a, b, max_hops=max_hops, limit=limit)

    @app.get("/api/view", response_model=ViewBundle, responses=ERRORS, tags=["explorer"])
    def view(
        focus: Ids = None,
        expand: Ids = None,
        labels: Names = None,
        rels: Names = None,
        family: OptText = None,
        year_from: Year = None,
        year_to: Year = None,
        limit: Annotated[int, Query(ge=1, le=MAX_NODES)] = 300,
        sel: OptText = None,
        pa: OptText = None,
        pb: OptText = None,
        max_hops: Annotated[int, Query(ge=1, le=6)] = 4,
    ) -> ViewBundle:
        """The JSON twin of the page: everything one shared link shows (canvas, selected entity, path)."""
        return ex.view(focus or [], expand or [], labels=labels, rels=rels, family=family, year_from=year_from,
                       year_to=year_to, limit=limit, sel=sel, pa=pa, pb=pb, max_hops=max_hops)

    @app.get("/api/queries", response_model=list[QueryInfo], responses=ERRORS, tags=["queries"])
    def list_queries() -> list[QueryInfo]:
        """The named queries of the query layer with their typed parameters."""
        return ex.queries()

    for info in ex.queries():
        import queries as _queries

        spec = _queries.get(info.name).spec
        app.add_api_route(
            f"/api/queries/{info.name}",
            _query_endpoint(ex, info.name, spec.params),
            methods=["GET"],
            response_model=QueryAnswer,
            responses=ERRORS,
            tags=["queries"],
            summary=spec.title,
            description=spec.description,
        )

    return app
