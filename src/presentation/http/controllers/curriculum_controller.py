"""The curriculum routes: add a document (teachers, admins) and search passages (any user)."""

from dataclasses import dataclass
from typing import Annotated

from litestar import Controller, Response, get, post
from litestar.di import NamedDependency, Provide
from litestar.openapi.datastructures import ResponseSpec
from litestar.openapi.spec import OpenAPIMediaType, OpenAPIType, Operation, RequestBody, Schema
from litestar.params import QueryParameter, RawBody

from application.errors import InvalidDocument
from application.ports.actor import Actor
from application.use_cases.ingest_curriculum import DocumentSource, IngestCurriculum, IngestCurriculumCommand
from application.use_cases.search_curriculum import MAX_K, SearchCurriculum, SearchCurriculumQuery
from domain.curriculum_document import MAX_DOCUMENT_BYTES
from domain.user import Role
from presentation.http.dependencies import provide_actor, provide_ingest_curriculum, provide_search_curriculum
from presentation.http.openapi_responses import error_responses
from presentation.http.schemas.curriculum_schemas import (
    CurriculumSearchView,
    DocumentIngested,
    PassageHit,
    SubjectName,
)
from presentation.http.schemas.text_patterns import VISIBLE_TEXT
from presentation.http.security import roles

REQUEST_BODY = "request body"


@dataclass
class MarkdownBodyOperation(Operation):
    """The OpenAPI operation of a route whose body is a raw Markdown document."""

    def __post_init__(self) -> None:
        self.request_body = RequestBody(
            required=True, description="A Markdown file with its front matter, UTF-8, at most 1 MB",
            content={"text/markdown": OpenAPIMediaType(schema=Schema(type=OpenAPIType.STRING))})


class CurriculumController(Controller):
    """The corpus lessons are grounded in."""

    path = "/api/v1/curriculum"
    tags = ["curriculum"]
    dependencies = {"actor": Provide(provide_actor, sync_to_thread=False)}

    @post("/documents", operation_id="addCurriculumDocument", status_code=201,
          request_max_body_size=MAX_DOCUMENT_BYTES, guards=[roles(Role.TEACHER, Role.ADMIN)],
          dependencies={"use_case": Provide(provide_ingest_curriculum, sync_to_thread=False)},
          operation_class=MarkdownBodyOperation,
          responses={200: ResponseSpec(DocumentIngested, description="Unchanged: the same content is indexed"),
                     **error_responses(400, 401, 403, 413, 503)})
    async def add_document(self, body: RawBody, actor: NamedDependency[Actor],
                           use_case: NamedDependency[IngestCurriculum]) -> Response[DocumentIngested]:
        """Add or update one document: the raw Markdown file (UTF-8, at most 1 MB) with its front matter
        (id, title, subject, grade_band, topic, keywords, source, licence). 201 when indexed, 200 when unchanged."""
        try:
            text = bytes(body).decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidDocument(REQUEST_BODY, "document", "invalid_encoding", "is not UTF-8 text") from None
        source = DocumentSource(REQUEST_BODY, text)
        result = await use_case.execute(IngestCurriculumCommand(actor=actor, sources=(source,)))
        if result.unchanged:
            view = DocumentIngested(result.unchanged[0], "unchanged", 0, result.corpus_version)
            return Response(view, status_code=200)
        if result.added:
            view = DocumentIngested(result.added[0], "added", result.chunks_indexed, result.corpus_version)
        else:
            view = DocumentIngested(result.replaced[0], "replaced", result.chunks_indexed, result.corpus_version)
        return Response(view, status_code=201)

    @get("/search", operation_id="searchCurriculum",
         dependencies={"use_case": Provide(provide_search_curriculum, sync_to_thread=False)},
         responses=error_responses(400, 401, 503))
    async def search(
        self, actor: NamedDependency[Actor], use_case: NamedDependency[SearchCurriculum],
        q: Annotated[str, QueryParameter(min_length=1, max_length=500, pattern=VISIBLE_TEXT,
                                         description="the question")],
        grade_level: Annotated[int, QueryParameter(ge=0, le=12, description="0 = kindergarten")],
        subject: Annotated[SubjectName | None, QueryParameter(description="only this subject")] = None,
        k: Annotated[int, QueryParameter(ge=1, le=MAX_K)] = 5,
    ) -> CurriculumSearchView:
        """The passages a lesson on `q` would be grounded in, best first, with their scores."""
        result = await use_case.execute(SearchCurriculumQuery(query=q, grade_level=grade_level, subject=subject, k=k))
        return CurriculumSearchView(corpus_version=result.corpus_version, items=[
            PassageHit(p.passage.id, p.passage.title, p.passage.subject, p.passage.grade_band.value, p.passage.topic,
                       p.score, p.passage.source, p.passage.text) for p in result.passages])
