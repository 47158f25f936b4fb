"""GET /api/v1/lessons/{id}/artifacts/{name}: the bytes, or a redirect to a short-lived signed URL."""

from typing import Annotated, Any
from uuid import UUID

from litestar import Controller, Request, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, PathParameter
from litestar.response import Redirect, Stream

from application.ports.actor import Actor
from application.use_cases.get_artifact import GetArtifact, GetArtifactQuery
from presentation.http.byte_range import requested_range, slice_stream
from presentation.http.controllers.lessons_controller import MAX_BODY_BYTES
from presentation.http.dependencies import provide_actor, provide_get_artifact
from presentation.http.lesson_presenter import API_PREFIX
from presentation.http.openapi_responses import error_responses

ArtifactName = Annotated[str, PathParameter(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$")]


class ArtifactsController(Controller):
    """Streams artifacts only to those who may see the lesson."""

    path = API_PREFIX
    tags = ["artifacts"]
    request_max_body_size = MAX_BODY_BYTES
    dependencies = {"actor": Provide(provide_actor, sync_to_thread=False),
                    "use_case": Provide(provide_get_artifact, sync_to_thread=False)}

    @get("/{lesson_id:uuid}/artifacts/{name:str}", operation_id="getArtifact",
         responses=error_responses(400, 401, 404, 416, 503))
    async def download(self, request: Request[Actor, Any, Any], lesson_id: FromPath[UUID], name: ArtifactName,
                       actor: NamedDependency[Actor], use_case: NamedDependency[GetArtifact]) -> Stream | Redirect:
        """The artifact's bytes with its content type and digest; a `Range: bytes=a-b` header gets 206 with
        that part (players seek in audio and video this way)."""
        download = await use_case.execute(GetArtifactQuery(actor=actor, lesson_id=lesson_id, name=name))
        if download.signed_url is not None:
            return Redirect(download.signed_url, status_code=307)
        assert download.chunks is not None
        artifact = download.artifact
        headers = {
            "Accept-Ranges": "bytes",
            "ETag": f'"{artifact.sha256}"',
            "Digest": f"sha-256={artifact.sha256}",
            "Content-Disposition": f'inline; filename="{artifact.name}"',
            "Cache-Control": "private, max-age=300",
            "X-Content-Type-Options": "nosniff",
        }
        wanted = requested_range(request.headers.get("range"), artifact.size_bytes)
        if wanted is None:
            return Stream(download.chunks, media_type=artifact.content_type,
                          headers={**headers, "Content-Length": str(artifact.size_bytes)})
        return Stream(slice_stream(download.chunks, wanted), media_type=artifact.content_type, status_code=206,
                      headers={**headers, "Content-Length": str(wanted.length), "Content-Range": wanted.content_range})
