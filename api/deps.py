"""Dependencies injected into routes: the store, the settings, the extractor, the write check."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from graph.errors import Unauthorized
from graph.settings import Settings
from graph.store import GraphStore


def get_store(request: Request) -> GraphStore:
    """The store created in the app's lifespan."""
    return request.app.state.store  # type: ignore[no-any-return]


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    return request.app.state.settings  # type: ignore[no-any-return]


StoreDep = Annotated[GraphStore, Depends(get_store)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]


def require_write_key(settings: SettingsDep, authorization: Annotated[str | None, Header()] = None) -> None:
    """Writes need `Authorization: Bearer <KG_API_KEY>` when KG_API_KEY is set."""
    if settings.api_key is None:
        return
    expected = settings.api_key.get_secret_value()
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(token.strip(), expected):
        raise Unauthorized(
            "this endpoint needs `Authorization: Bearer <KG_API_KEY>`",
            hint="set the header to the server's KG_API_KEY",
        )


WriteAllowed = Depends(require_write_key)
