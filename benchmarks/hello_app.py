"""A bare Litestar hello-world, the yardstick of benchmarks/load_ratio.py."""

from litestar import Litestar, get


@get("/hello", sync_to_thread=False)
def hello() -> dict[str, bool]:
    """The cheapest useful JSON answer."""
    return {"ok": True}


app = Litestar(route_handlers=[hello])
