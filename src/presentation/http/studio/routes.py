"""GET /studio (the page) and /studio/assets/* (its CSS and ES modules): public, since they hold no data — the
browser signs in and calls the API with a bearer token — and served under a strict Content-Security-Policy."""

from functools import cache
from pathlib import Path

from litestar import MediaType, Response, get
from litestar.datastructures import CacheControlHeader
from litestar.static_files import create_static_files_router
from litestar.types import ControllerRouterHandler

PAGE = Path(__file__).parent / "index.html"
STATIC_DIR = Path(__file__).parent / "static"
STUDIO_PATH = "/studio"
ASSETS_PATH = f"{STUDIO_PATH}/assets"
# Route option read by Litestar's auth middleware (`exclude_opt_key`): these routes need no token.
NO_AUTH = {"exclude_from_auth": True}

# Scripts and styles only from this origin (no inline code, no eval); media and images also from blob: URLs
# (artifacts are fetched with the token and shown as blobs); Trusted Types make any HTML-string sink throw.
CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' blob:",
    "media-src 'self' blob:",
    "connect-src 'self'",
    "form-action 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    "trusted-types 'none'",
))
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
}
_REVALIDATE = CacheControlHeader(no_cache=True)


@cache
def _page() -> bytes:
    return PAGE.read_bytes()


@get(STUDIO_PATH, include_in_schema=False, opt=NO_AUTH, sync_to_thread=False, cache_control=_REVALIDATE)
def studio_page() -> Response[bytes]:
    """The studio's HTML page."""
    return Response(_page(), media_type=MediaType.HTML, headers=SECURITY_HEADERS)


async def _with_security_headers(response: Response[object]) -> Response[object]:
    response.headers.update(SECURITY_HEADERS)
    return response


def studio_route_handlers() -> list[ControllerRouterHandler]:
    """The page and its assets, ready for the app's route list."""
    assets = create_static_files_router(
        path=ASSETS_PATH, directories=[STATIC_DIR], name="studio_assets", opt=NO_AUTH,
        cache_control=_REVALIDATE, after_request=_with_security_headers, include_in_schema=False,
    )
    return [studio_page, assets]
