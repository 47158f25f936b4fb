"""GET /api/v1/lessons/{id}/artifacts/{name}: the bytes, or a redirect to a short-lived signed URL."""

from typing import Annotated
from uuid import UUID

from litestar import Controller, get
from litestar.di import NamedDependency, Provide
from litestar.params import FromPath, PathParameter
from litestar.response import Redirect, Stream

from application.ports.actor import Actor
from application.use_cases.get_artifact import GetArtifact, GetArtifactQuery
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
         responses=error_responses(400, 401, 404, 503))
    async def download(self, lesson_id: FromPath[UUID], name: ArtifactName, actor: NamedDependency[Actor],
                       use_case: NamedDependency[GetArtifact]) -> Stream | Redirect:
        """The artifact's bytes with its content type and digest."""
        download = await use_case.execute(GetArtifactQuery(actor=actor, lesson_id=lesson_id, name=name))
        if download.signed_url is not None:
            return Redirect(download.signed_url, status_code=307)
        assert download.chunks is not None
        artifact = download.artifact
        return Stream(download.chunks, media_type=artifact.content_type, headers={
            "Content-Length": str(artifact.size_bytes),
            "Digest": f"sha-256={artifact.sha256}",
            "Content-Disposition": f'inline; filename="{artifact.name}"',
            "Cache-Control": "private, max-age=300",
            "X-Content-Type-Options": "nosniff",
        })
