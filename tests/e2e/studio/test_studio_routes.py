"""The studio's routes over HTTP: public, strict Content-Security-Policy, every referenced asset present, and
no HTML sinks or inline code in the sources (the browser tests show the behaviour; these guard the rules)."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from presentation.http.studio.routes import PAGE, STATIC_DIR
from tests.e2e.conftest import Service

JS_DIR = STATIC_DIR / "js"
# Sinks that parse strings as HTML or code; the studio builds DOM with textContent and createElement only.
HTML_SINKS = re.compile(r"\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(|"
                        r"createContextualFragment|DOMParser")
_IMPORT = re.compile(r'from "\./([\w.]+)"')


class _References(HTMLParser):
    """Collects the page's asset URLs, inline scripts, and inline styles or event handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.inline: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        self.urls += [v for k, v in attrs if k in ("src", "href") and v and v.startswith("/")]
        self.inline += [f"{tag} {k}" for k, _ in attrs if k == "style" or k.startswith("on")]
        if tag == "script" and not named.get("src"):
            self.inline.append("inline <script>")
        if tag == "style":
            self.inline.append("inline <style>")


def _page_references() -> _References:
    parser = _References()
    parser.feed(PAGE.read_text())
    return parser


@pytest.mark.req("RDS-057")
async def test_the_page_is_public_and_served_under_a_strict_content_security_policy(service: Service) -> None:
    response = await service.anonymous.get("/studio")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    policy = dict(part.strip().split(" ", 1) for part in response.headers["content-security-policy"].split(";"))
    assert policy["default-src"] == "'none'" and policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["require-trusted-types-for"] == "'script'" and policy["frame-ancestors"] == "'none'"
    assert policy["media-src"] == policy["img-src"] == "'self' blob:" and policy["connect-src"] == "'self'"
    assert "unsafe" not in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.text == PAGE.read_text()


@pytest.mark.req("RDS-056")
async def test_every_asset_the_page_references_is_served_without_a_token(service: Service) -> None:
    modules = {f"/studio/assets/js/{m}" for js in JS_DIR.glob("*.js") for m in _IMPORT.findall(js.read_text())}
    urls = set(_page_references().urls) | modules
    assert "/studio/assets/js/main.js" in urls and "/studio/assets/studio.css" in urls
    expected = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml"}
    for url in sorted(urls):
        response = await service.anonymous.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].split(";")[0] == expected[Path(url).suffix], url
        assert "content-security-policy" in response.headers and response.headers["x-content-type-options"] == "nosniff"
    assert {Path(u).name for u in modules} == {p.name for p in JS_DIR.glob("*.js")} - {"main.js"}


@pytest.mark.req("RDS-057")
async def test_missing_or_escaping_asset_paths_are_not_found(service: Service) -> None:
    for path in ("/studio/assets/nope.js", "/studio/assets/../routes.py", "/studio/assets/%2e%2e/routes.py",
                 "/studio/assets/..%2froutes.py", "/studio/assets/js/%2e%2e/%2e%2e/routes.py"):
        response = await service.anonymous.get(path)
        assert response.status_code in (400, 404), path
        assert "def studio_page" not in response.text


@pytest.mark.req("RDS-056", "RDS-032")
async def test_the_studio_is_not_part_of_the_api_document(service: Service) -> None:
    document = (await service.anonymous.get("/schema/openapi.json")).json()
    assert not [path for path in document["paths"] if path.startswith("/studio")]


@pytest.mark.req("RDS-057")
def test_the_sources_have_no_html_sinks_and_the_page_no_inline_code() -> None:
    sinks = {js.name: HTML_SINKS.findall(js.read_text()) for js in JS_DIR.glob("*.js")}
    assert {name: found for name, found in sinks.items() if found} == {}
    assert _page_references().inline == []
