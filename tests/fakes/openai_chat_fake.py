"""A local HTTP fake of an OpenAI-compatible chat-completions server (what Ollama, llama.cpp and vLLM serve),
with switchable behaviours: a good lesson, malformed JSON, a truncated or refusing answer, 400/429/500, a body
that is no completion, and a hang. It listens on a free loopback port, records every request, and answers
`POST /v1/chat/completions` only (the same approach as vertex_fake.py)."""

import json
import threading
from collections import deque
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes import chat_answers

PATH = "/v1/chat/completions"
STATUS = {"400": "invalid_request_error", "429": "rate_limit_exceeded", "500": "server_error"}
CONTENT_FAULTS = ("malformed_json", "wrong_shape", "truncated", "refusal", "refusal_text", "empty",
                  "unknown_citation")
BEHAVIOURS = ("ok", *STATUS, *CONTENT_FAULTS, "broken_body", "hang")


@dataclass
class ChatCall:
    """One request as the fake saw it, and how it was answered."""

    body: dict[str, Any]
    headers: dict[str, str]
    answered: str


class OpenAiChatFake:
    """Start with `start()`; point the adapter at `base_url`; `script()` the next answers or set `behaviour`
    for every answer after them; read `calls`."""

    def __init__(self, hang_s: float = 30.0) -> None:
        self.behaviour = "ok"
        self.calls: list[ChatCall] = []
        self.hang_s = hang_s
        self._scripted: deque[str] = deque()
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="openai-chat-fake", daemon=True)

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL (ending in /v1) the fake serves."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> "OpenAiChatFake":
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging requests and stop serving."""
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def script(self, *behaviours: str) -> None:
        """Answer the next requests with these behaviours, in order (see BEHAVIOURS)."""
        unknown = set(behaviours) - set(BEHAVIOURS)
        assert not unknown, f"unknown behaviours {unknown}"
        with self._lock:
            self._scripted.extend(behaviours)

    def _next(self) -> str:
        with self._lock:
            return self._scripted.popleft() if self._scripted else self.behaviour

    def _record(self, call: ChatCall) -> None:
        with self._lock:
            self.calls.append(call)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length", 0)))
                if self.path.split("?")[0] != PATH:
                    self._send(404, {"error": {"message": f"no route {self.path}", "type": "not_found"}})
                    return
                behaviour = fake._next()
                call = ChatCall(json.loads(raw or b"{}"), dict(self.headers.items()), behaviour)
                fake._record(call)
                if behaviour in STATUS:
                    self._send(int(behaviour), {"error": {"message": f"scripted {behaviour}",
                                                          "type": STATUS[behaviour], "code": behaviour}})
                elif behaviour == "hang":
                    fake._release.wait(fake.hang_s)
                    self._send(503, {"error": {"message": "hung", "type": "server_error"}})
                elif behaviour == "broken_body":
                    self._send_raw(200, b'{"choices": [{"message": ')
                else:
                    self._send(200, chat_answers.answer_for(call.body, None if behaviour == "ok" else behaviour))

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                self._send_raw(status, json.dumps(payload).encode())

            def _send_raw(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout): nothing to answer

        return Handler
