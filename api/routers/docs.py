"""API documentation served with its assets from the package: Swagger UI at /docs, ReDoc at /redoc.

FastAPI's defaults load both from a CDN, so an offline machine (or one behind a strict proxy) gets a
blank page. The assets are vendored from npm into viz/static/ (scripts/vendor.sh, versions in
viz/static/VENDORED.json) and served from /static; the favicon too, so no page logs a 404.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html, get_swagger_ui_oauth2_redirect_html
from fastapi.responses import FileResponse, HTMLResponse

STATIC_DIR = Path(str(files("viz") / "static"))

router = APIRouter(include_in_schema=False)


@router.get("/docs")
def swagger_ui(request: Request) -> HTMLResponse:
    """Swagger UI from the package; the online validator badge is off (it would call out)."""
    root = request.scope.get("root_path", "")
    return get_swagger_ui_html(
        openapi_url=root + request.app.openapi_url,
        title=request.app.title + " — API",
        swagger_js_url=root + "/static/swagger-ui-bundle.js",
        swagger_css_url=root + "/static/swagger-ui.css",
        swagger_favicon_url=root + "/favicon.ico",
        oauth2_redirect_url=root + "/docs/oauth2-redirect",
        swagger_ui_parameters={"validatorUrl": None},
    )


@router.get("/docs/oauth2-redirect")
def swagger_ui_redirect() -> HTMLResponse:
    return get_swagger_ui_oauth2_redirect_html()


@router.get("/redoc")
def redoc(request: Request) -> HTMLResponse:
    """ReDoc from the package, without Google Fonts."""
    root = request.scope.get("root_path", "")
    return get_redoc_html(
        openapi_url=root + request.app.openapi_url,
        title=request.app.title + " — API",
        redoc_js_url=root + "/static/redoc.standalone.js",
        redoc_favicon_url=root + "/favicon.ico",
        with_google_fonts=False,
    )


@router.get("/favicon.ico")
def favicon() -> FileResponse:
    return FileResponse(STATIC_DIR / "favicon.ico", media_type="image/x-icon")
