"""GeminiScriptWriter: the lesson script from Gemini on Vertex AI, in a JSON schema we validate."""

from google import genai
from google.genai import types

from application.errors import StageFailed
from application.ports.script_writer import ScriptBrief, ScriptWriter, WrittenScript
from infrastructure.pricing.price_table import PriceTable
from infrastructure.resilience.resilient_caller import ResilientCaller
from infrastructure.vertex.lesson_schema import InvalidLesson, parse_lesson, response_schema
from infrastructure.vertex.safety import raise_if_blocked, safety_settings
from infrastructure.vertex.script_prompt import system_instruction, user_content
from infrastructure.vertex.usage_costs import token_lines


class GeminiScriptWriter(ScriptWriter):
    """Asks `model` for a lesson as JSON; an answer that does not validate is asked for again up to
    `invalid_retries` times, then the stage fails with `invalid_output`. Blocked answers fail with
    `safety_blocked` at once. Every answer's tokens are priced, the rejected ones included."""

    def __init__(self, client: genai.Client, caller: ResilientCaller, model: str, prices: PriceTable,
                 invalid_retries: int = 2) -> None:
        self._client = client
        self._caller = caller
        self._model = model
        self._prices = prices
        self._invalid_retries = invalid_retries

    async def write(self, brief: ScriptBrief) -> WrittenScript:
        """A validated script citing only the brief's passages, with the tokens it took."""
        config = types.GenerateContentConfig(
            system_instruction=system_instruction(brief),
            response_mime_type="application/json",
            response_json_schema=response_schema(),
            safety_settings=safety_settings(),
            temperature=0.4,
        )
        allowed = frozenset(p.passage.id for p in brief.passages)
        contents = user_content(brief)
        deadline = self._caller.deadline()
        usage: list[types.GenerateContentResponseUsageMetadata | None] = []
        problem = ""
        for _ in range(1 + self._invalid_retries):
            response = await self._caller.call(
                lambda: self._client.aio.models.generate_content(model=self._model, contents=contents, config=config),
                deadline)
            usage.append(response.usage_metadata)
            raise_if_blocked(response)
            try:
                script = parse_lesson(response.text or "", allowed)
            except InvalidLesson as error:
                problem = str(error)
                continue
            lines = token_lines(self._prices, "write", usage, "gemini_input_token", "gemini_output_token")
            return WrittenScript(script=script, cost_lines=lines)
        raise StageFailed("invalid_output", f"{self._model} gave no usable lesson in {len(usage)} tries; "
                          f"last problem: {problem}", retryable=False)
