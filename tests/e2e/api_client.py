"""A small client that keeps HTTP details out of the e2e test bodies."""

from typing import Any

from httpx import AsyncClient, Response

from tests.hang_guard import HANG_GUARD_S, poll_until

TERMINAL = {"completed", "failed", "cancelled", "rejected", "not_covered"}


class ApiClient:
    """Calls the lesson API as one signed-in user."""

    def __init__(self, client: AsyncClient, token: str | None = None) -> None:
        self.client = client
        self.token = token

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def login(self, username: str, password: str) -> Response:
        response = await self.client.post("/api/v1/auth/token", json={"username": username, "password": password})
        if response.status_code == 200:
            self.token = response.json()["access_token"]
        return response

    async def request_lesson(self, body: dict[str, Any] | None = None, **headers: str) -> Response:
        payload = body if body is not None else {"student_query": "How do plants make food?", "grade_level": 4,
                                                  "interest": "soccer", "requested_modalities": ["text"]}
        return await self.client.post("/api/v1/lessons", json=payload, headers={**self.headers, **headers})

    async def get_lesson(self, lesson_id: str) -> Response:
        return await self.client.get(f"/api/v1/lessons/{lesson_id}", headers=self.headers)

    async def list_lessons(self, **params: Any) -> Response:
        return await self.client.get("/api/v1/lessons", params=params, headers=self.headers)

    async def post(self, path: str) -> Response:
        return await self.client.post(path, headers=self.headers)

    async def get(self, path: str) -> Response:
        return await self.client.get(path, headers=self.headers)

    async def wait_until_terminal(self, lesson_id: str, timeout_s: float = HANG_GUARD_S) -> dict[str, Any]:
        """The lesson's document once its status is terminal (polled; `timeout_s` is only a hang guard)."""

        async def terminal() -> dict[str, Any] | None:
            body: dict[str, Any] = (await self.get_lesson(lesson_id)).json()
            return body if body["status"] in TERMINAL else None

        return await poll_until(terminal, f"lesson {lesson_id} reaching a terminal status", timeout_s=timeout_s)

    async def add_document(self, markdown: str | bytes) -> Response:
        content = markdown.encode() if isinstance(markdown, str) else markdown
        return await self.client.post("/api/v1/curriculum/documents", content=content,
                                      headers={**self.headers, "Content-Type": "text/markdown"})

    async def search(self, **params: Any) -> Response:
        return await self.client.get("/api/v1/curriculum/search", params=params, headers=self.headers)
