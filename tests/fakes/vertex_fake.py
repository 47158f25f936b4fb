"""A local HTTP fake of the Vertex AI REST endpoints the adapters call, with scripted faults.

It serves `…/publishers/google/models/{model}:generateContent` (lessons, speech, images by what the request
asks for) and `…:predict` (text embeddings) on a loopback port, records every request, and answers with
faults on demand: a queue of scripted ones, a random share of 429/503, an outage window, or a block for
any request whose text holds a trigger phrase."""

import json
import random
import re
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from tests.fakes import fake_answers

PATH = re.compile(r"^/v1beta1/projects/([^/]+)/locations/([^/]+)/publishers/google/models/([^/:]+):(\w+)$")
STATUS = {"400": "INVALID_ARGUMENT", "408": "DEADLINE_EXCEEDED", "429": "RESOURCE_EXHAUSTED", "500": "INTERNAL",
          "503": "UNAVAILABLE"}
FAULTS = (*STATUS, "hang", "malformed_json", "invalid_lesson", "blocked_prompt", "blocked_answer")


@dataclass
class Call:
    """One request as the fake saw it."""

    model: str
    method: str
    body: dict[str, Any]
    headers: dict[str, str]
    answered: str

    @property
    def text(self) -> str:
        """The request's text (contents, or the embedding instances)."""
        if self.method == "predict":
            return "\n".join(i.get("content", "") for i in self.body.get("instances", []))
        return fake_answers.request_text(self.body)


@dataclass
class FaultPlan:
    """What goes wrong: `scripted` faults first (in order), then a seeded `error_rate` of 429/503, 503 for
    everything while the outage lasts, and a block for requests containing `block_phrase`."""

    scripted: deque[str] = field(default_factory=deque)
    error_rate: float = 0.0
    seed: int = 7
    outage_until: float = 0.0
    hang_s: float = 5.0
    block_phrase: str = "ZEBRA-BLOCK"
    _random: random.Random = field(init=False)

    def __post_init__(self) -> None:
        self._random = random.Random(self.seed)

    def next_fault(self, text: str) -> str | None:
        """The fault for the next request, or None for a good answer."""
        if self.block_phrase and self.block_phrase in text:
            return "blocked_prompt"
        if time.monotonic() < self.outage_until:
            return "503"
        if self.scripted:
            return self.scripted.popleft()
        if self.error_rate and self._random.random() < self.error_rate:
            return self._random.choice(("429", "503"))
        return None


class VertexFake:
    """Start with `start()`; point the SDK at `base_url`; read `calls`; change `plan` at any time."""

    def __init__(self) -> None:
        self.plan = FaultPlan()
        self.calls: list[Call] = []
        self._lock = threading.Lock()
        self._release = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.02},
                                        name="vertex-fake", daemon=True)

    @property
    def base_url(self) -> str:
        """Where the fake listens."""
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> "VertexFake":
        """Serve in a background thread."""
        self._thread.start()
        return self

    def stop(self) -> None:
        """Release hanging requests and stop serving."""
        self._release.set()
        self._server.shutdown()
        self._server.server_close()

    def script(self, *faults: str) -> None:
        """Answer the next requests with these faults, in order (see FAULTS)."""
        unknown = set(faults) - set(FAULTS)
        assert not unknown, f"unknown faults {unknown}"
        self.plan.scripted.extend(faults)

    def outage(self, seconds: float) -> None:
        """Answer 503 to everything for `seconds` from now."""
        self.plan.outage_until = time.monotonic() + seconds

    def end_outage(self) -> None:
        """Answer again from now on (ends an outage of any length, `outage(float("inf"))` included)."""
        self.plan.outage_until = 0.0

    def answered(self) -> Counter[str]:
        """How many requests got each kind of answer ("ok" or a fault name)."""
        with self._lock:
            return Counter(call.answered for call in self.calls)

    def calls_to(self, model: str) -> list[Call]:
        """The requests for one model, in order."""
        with self._lock:
            return [call for call in self.calls if call.model == model]

    def _record(self, call: Call) -> None:
        with self._lock:
            self.calls.append(call)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                """Quiet."""

            def do_POST(self) -> None:
                body_bytes = self.rfile.read(int(self.headers.get("content-length", 0)))
                matched = PATH.match(self.path.split("?")[0])
                if matched is None:
                    self._send(404, {"error": {"code": 404, "message": f"no route {self.path}", "status": "NOT_FOUND"}})
                    return
                model, method = matched.group(3), matched.group(4)
                body = json.loads(body_bytes or b"{}")
                call = Call(model, method, body, dict(self.headers.items()), "ok")
                fault = fake.plan.next_fault(call.text)
                call.answered = fault or "ok"
                fake._record(call)
                self._answer(call, fault)

            def _answer(self, call: Call, fault: str | None) -> None:
                if fault in STATUS:
                    error = {"code": int(fault), "message": "scripted", "status": STATUS[fault]}
                    self._send(int(fault), {"error": error})
                elif fault == "hang":
                    fake._release.wait(fake.plan.hang_s)
                    self._send(503, {"error": {"code": 503, "message": "hung", "status": "UNAVAILABLE"}})
                elif fault == "malformed_json":
                    self._send_raw(200, b'{"candidates": [{"content": ')
                elif fault == "invalid_lesson":
                    self._send(200, fake_answers.text_answer(call.body, '{"title": "only a title"}'))
                elif fault == "blocked_prompt":
                    self._send(200, fake_answers.blocked_prompt())
                elif fault == "blocked_answer":
                    self._send(200, fake_answers.blocked_answer())
                else:
                    self._send(200, _good_answer(call))

            def _send(self, status: int, payload: dict[str, Any]) -> None:
                self._send_raw(status, json.dumps(payload).encode())

            def _send_raw(self, status: int, data: bytes) -> None:
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json; charset=UTF-8")
                    self.send_header("content-length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout): nothing to answer

        return Handler


def _good_answer(call: Call) -> dict[str, Any]:
    if call.method == "predict":
        return fake_answers.embedding_answer(call.body)
    modalities = call.body.get("generationConfig", {}).get("responseModalities", [])
    if "AUDIO" in modalities:
        return fake_answers.speech_answer(call.body)
    if "IMAGE" in modalities:
        return fake_answers.image_answer(call.body)
    return fake_answers.lesson_answer(call.body)
