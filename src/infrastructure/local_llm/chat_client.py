"""One `POST {base_url}/chat/completions` to an OpenAI-compatible server, its answer decoded strictly."""

from typing import Any

import httpx

from infrastructure.local_llm.chat_wire import ChatCompletion, decode_completion


class ChatCompletionsClient:
    """Sends chat requests over one pooled httpx client; raises httpx errors for transport failures and non-2xx
    answers, msgspec errors for bodies that are not a completion (the caller translates both). No retries here:
    the ResilientCaller around it is the one retrying layer."""

    def __init__(self, base_url: str, api_key: str = "", timeout_s: float = 180.0) -> None:
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._http = httpx.AsyncClient(base_url=base_url.rstrip("/") + "/", headers=headers,
                                       timeout=httpx.Timeout(timeout_s, connect=min(10.0, timeout_s)))

    async def complete(self, request: dict[str, Any]) -> ChatCompletion:
        """The completion for `request` (the JSON body of a chat-completions call)."""
        response = await self._http.post("chat/completions", json=request)
        response.raise_for_status()
        return decode_completion(response.content)

    async def aclose(self) -> None:
        """Close the connection pool."""
        await self._http.aclose()
