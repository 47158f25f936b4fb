"""A fresh chat-completions fake and the local-model writer built by the real container over it."""

from collections.abc import Iterator

import pytest

from infrastructure.local_llm.local_llm_script_writer import LocalLlmScriptWriter
from tests.fakes.local_llm_support import fake_settings, local_container, running_fake
from tests.fakes.openai_chat_fake import OpenAiChatFake


@pytest.fixture
def fake() -> Iterator[OpenAiChatFake]:
    with running_fake() as started:
        yield started


@pytest.fixture
def writer(fake: OpenAiChatFake) -> LocalLlmScriptWriter:
    return local_container(fake_settings(fake.base_url)).script_writer()
