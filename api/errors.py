"""One error shape for every failure: `{"status", "code", "message", "hint"?, "detail"?}`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph.errors import KGError

log = logging.getLogger("actorgraph.api")


def error_response(status: int, code: str, message: str, **extra: object) -> JSONResponse:
    """The API's error body."""
    body = {
        "status": status,
        "code": code,
        "message": message,
        **{k: v for k, v in extra.items() if v is not None},
    }
    return JSONResponse(body, status_code=status)


def install(app: FastAPI) -> None:
    """Render project errors, validation errors, HTTP errors and anything unexpected the same way."""

    @app.exception_handler(KGError)
    async def kg_error(_: Request, exc: KGError) -> JSONResponse:
        return JSONResponse(exc.to_dict(), status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = [
            {"loc": [str(x) for x in e.get("loc", ())], "msg": str(e.get("msg", ""))} for e in exc.errors()
        ]
        first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
        return error_response(
            422, "invalid_input", f"{'.'.join(first['loc'])}: {first['msg']}", detail=errors
        )

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed", 413: "too_large", 401: "unauthorized"}.get(
            exc.status_code, "http_error"
        )
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, "internal_error", "an unexpected error occurred; see the server log")
