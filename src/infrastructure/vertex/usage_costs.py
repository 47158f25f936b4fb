"""Cost lines from what Vertex AI reports it used, priced by the price table."""

from google.genai import types

from domain.cost_ledger import CostKind, CostLine
from infrastructure.pricing.price_table import PriceTable

PROVIDER = "vertex"


def token_lines(table: PriceTable, stage: str, usage: list[types.GenerateContentResponseUsageMetadata | None],
                input_price: str, output_price: str, note: str = "") -> tuple[CostLine, ...]:
    """`spent` lines for the prompt and answer tokens (thinking tokens bill as output) of every response."""
    prompt = sum((u.prompt_token_count or 0) for u in usage if u is not None)
    answer = sum((u.candidates_token_count or 0) + (u.thoughts_token_count or 0) for u in usage if u is not None)
    return (table.line(stage, CostKind.SPENT, input_price, prompt, PROVIDER, note),
            table.line(stage, CostKind.SPENT, output_price, answer, PROVIDER, note))
