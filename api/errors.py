"""One error shape for every failure: `{"status", "code", "message", "hint"?, "detail"?}`."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

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


class CatchAll:
    """Answer an unexpected exception with the 500 shape and *keep the connection*.

    Starlette's own handler for `Exception` sends the response and then re-raises, and uvicorn then
    resets the keep-alive connection: the client's next request on it fails. Caught here, inside the
    server-error middleware, the exception ends with the response (issue 12).
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking)
        except Exception:
            if started:  # too late for an error body: let the server close the connection
                raise
            log.exception("unexpected error")
            response = error_response(
                500, "internal_error", "an unexpected error occurred; see the server log"
            )
            await response(scope, receive, send)


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

    app.add_middleware(CatchAll)

    @app.exception_handler(Exception)
    async def unexpected(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unexpected error")
        return error_response(500, "internal_error", "an unexpected error occurred; see the server log")
