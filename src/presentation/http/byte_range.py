"""HTTP Range requests (RFC 9110 §14) over an artifact's byte stream: one range per request."""

import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

from litestar.exceptions import HTTPException

_SINGLE_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


@dataclass(frozen=True, slots=True)
class ByteRange:
    """Bytes `start` to `end` inclusive of a representation of `size` bytes."""

    start: int
    end: int
    size: int

    @property
    def length(self) -> int:
        """How many bytes the range holds."""
        return self.end - self.start + 1

    @property
    def content_range(self) -> str:
        """The Content-Range header value."""
        return f"bytes {self.start}-{self.end}/{self.size}"


def requested_range(header: str | None, size: int) -> ByteRange | None:
    """The single range asked for, or None to send everything (no header, several ranges, or a syntax the
    server may ignore); 416 when the range lies outside the representation."""
    match = _SINGLE_RANGE.match((header or "").strip())
    if match is None or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first == "":
        start, end = max(0, size - int(last)), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start > end or start >= size:
        raise HTTPException(status_code=416, detail=f"the range {header!r} is outside the {size} bytes",
                            headers={"Content-Range": f"bytes */{size}"})
    return ByteRange(start, end, size)


async def slice_stream(chunks: AsyncIterator[bytes], wanted: ByteRange) -> AsyncIterator[bytes]:
    """The bytes of `wanted` from a stream of chunks, closing the stream as soon as they are sent."""
    position = 0
    try:
        async for chunk in chunks:
            after = position + len(chunk)
            if after > wanted.start:
                yield chunk[max(0, wanted.start - position):wanted.end + 1 - position]
            position = after
            if position > wanted.end:
                return
    finally:
        close = getattr(chunks, "aclose", None)
        if close is not None:
            await close()
