"""LocalLlmScriptWriter: the lesson script from a local model behind an OpenAI-compatible chat API."""

from decimal import Decimal
from typing import Any

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from domain.cost_ledger import CostKind, CostLine
from domain.money import Money
from infrastructure.local_llm.answer_checks import answer_text
from infrastructure.local_llm.chat_client import ChatCompletionsClient
from infrastructure.local_llm.chat_wire import ChatUsage
from infrastructure.local_llm.lesson_doc import response_format
from infrastructure.local_llm.lesson_prompt import system_prompt, user_prompt
from infrastructure.local_llm.lesson_reader import InvalidLesson, read_lesson
from infrastructure.resilience.resilient_caller import ResilientCaller

PROVIDER = "local"
INPUT_UNIT, OUTPUT_UNIT = "local_input_token", "local_output_token"


class LocalLlmScriptWriter(ScriptWriter):
    """Asks `model` for a lesson in a strict JSON schema (`response_format: json_schema`) grounded in the brief's
    teaching units, and derives narration and slides from it. Transport failures go through `caller` (retries
    for 429/5xx/timeouts, a breaker per model). An answer that is not JSON, not of the schema or cites a passage
    it was not given is asked for again up to `invalid_retries` times, then fails with that problem's code; a
    truncated or refused answer fails at once. Tokens are recorded as $0 `spent` lines under provider `local`
    (the operator's own hardware: like the offline adapters, it reports its own $0 lines; the price table holds
    list prices of paid providers only)."""

    def __init__(self, client: ChatCompletionsClient, caller: ResilientCaller, model: str, *,
                 max_tokens: int = 4096, temperature: float = 0.3, invalid_retries: int = 2) -> None:
        self._client = client
        self._caller = caller
        self._model = model
        self._max_tokens = max_tokens
        self._temperature = temperature
        self._invalid_retries = invalid_retries

    def request(self, brief: ScriptBrief) -> dict[str, Any]:
        """The chat-completions body for the brief."""
        return {"model": self._model, "stream": False, "temperature": self._temperature,
                "max_tokens": self._max_tokens,
                "messages": [{"role": "system", "content": system_prompt(brief)},
                             {"role": "user", "content": user_prompt(brief)}],
                "response_format": response_format([p.passage.id for p in brief.passages])}

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        """A validated script citing only the brief's passages, with the tokens it took."""
        body = self.request(brief)
        allowed = frozenset(p.passage.id for p in brief.passages)
        deadline = self._caller.deadline()
        usage: list[ChatUsage | None] = []
        problem = InvalidLesson("invalid_output", "no answer")
        for _ in range(1 + self._invalid_retries):
            completion = await self._caller.call(lambda: self._client.complete(body), deadline)
            usage.append(completion.usage)
            text = answer_text(completion, self._model, self._max_tokens)
            try:
                script = read_lesson(text, allowed, brief.grade)
            except InvalidLesson as error:
                problem = error
                continue
            return WrittenScript(script=script, cost_lines=self._cost_lines(usage))
        raise StageFailed(problem.code, f"{self._model} gave no usable lesson in {len(usage)} tries; "
                          f"last problem: {problem}", retryable=False)

    def _cost_lines(self, usage: list[ChatUsage | None]) -> tuple[CostLine, ...]:
        prompt = sum(u.prompt_tokens for u in usage if u is not None)
        answer = sum(u.completion_tokens for u in usage if u is not None)
        note = f"{self._model}, {len(usage)} answer(s)"
        return tuple(CostLine(stage="write", kind=CostKind.SPENT, amount=Money(0), units=Decimal(tokens), unit=unit,
                              provider=PROVIDER, note=note)
                     for unit, tokens in ((INPUT_UNIT, prompt), (OUTPUT_UNIT, answer)))
