"""Dependencies injected into routes: the store, the settings, the extractor, the write check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from graph.errors import Unauthorized
from graph.settings import Settings
from graph.store import GraphStore


async def get_store(request: Request) -> GraphStore:
    """The store created in the app's lifespan (async: it does no I/O, and a sync dependency would cost
    each request a trip through the thread pool, as would the ones below)."""
    return request.app.state.store  # type: ignore[no-any-return]


async def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings  # type: ignore[no-any-return]


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def _key_matches(authorization: str | None, expected: str) -> bool:
    """`Bearer <key>` in constant time; any header bytes (non-ASCII included) are compared, never raised on."""
    scheme, _, token = (authorization or "").partition(" ")
    given = token.strip().encode("utf-8", "surrogatepass")
    return scheme.lower() == "bearer" and hmac.compare_digest(
        given, expected.encode("utf-8", "surrogatepass")
    )


async def require_write_key(
    settings: SettingsDep, authorization: Annotated[str | None, Header()] = None
) -> None:
    """Writes, and Cypher, need `Authorization: Bearer <KG_API_KEY>` when KG_API_KEY is set."""
    if settings.api_key is None:
        return
    if not _key_matches(authorization, settings.api_key.get_secret_value()):
        raise Unauthorized(
            "this endpoint needs `Authorization: Bearer <KG_API_KEY>`",
            hint="set the header to the server's KG_API_KEY",
        )


async def require_read_key(
    settings: SettingsDep, authorization: Annotated[str | None, Header()] = None
) -> None:
    """Reads need the key too when KG_READ_KEY_REQUIRED=true (create_app refuses it without KG_API_KEY)."""
    if not settings.read_key_required or settings.api_key is None:
        return
    if not _key_matches(authorization, settings.api_key.get_secret_value()):
        raise Unauthorized(
            "KG_READ_KEY_REQUIRED is set: reads need `Authorization: Bearer <KG_API_KEY>`",
            hint="set the header to the server's KG_API_KEY",
        )


WriteAllowed = Depends(require_write_key)
ReadAllowed = Depends(require_read_key)
