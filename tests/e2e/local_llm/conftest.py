"""The service on LESSONSMITH_PROVIDERS=local against the chat-completions fake, over a corpus of its own.

The corpus is the shipped photosynthesis and food-chain units copied to a temporary folder, ingested at start-up:
these tests prove the local writer end to end and must not depend on (or wait for the embedding of) the whole
repository corpus, so they replace the e2e session's corpus database with nothing."""

import shutil
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from infrastructure.config.settings import AppSettings, CorpusSettings, LimitSettings, ProviderSettings
from tests.e2e.conftest import Service, embedded_settings, start_service
from tests.fakes.local_llm_support import CORPUS, UNIT_FILES, fake_settings, running_fake
from tests.fakes.openai_chat_fake import OpenAiChatFake


@pytest.fixture(scope="session", autouse=True)
def session_corpus() -> None:
    """Replaces the e2e session corpus: these tests ingest their own two units."""


@dataclass
class LocalService:
    """The running service and the fake model server it writes with."""

    service: Service
    fake: OpenAiChatFake


def local_settings(home: Path, base_url: str) -> AppSettings:
    """The embedded profile in `home` with the local writer on the fake and a corpus of two units."""
    corpus = home / "corpus"
    for name in UNIT_FILES:
        (corpus / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(CORPUS / name, corpus / name)
    base = embedded_settings(home, seeded=False)
    return AppSettings(home=base.home, database=base.database, queue=base.queue, artifacts=base.artifacts,
                       auth=base.auth, providers=ProviderSettings(providers="local"),
                       limits=LimitSettings(rate_limit_per_minute=0, daily_lesson_quota=0, daily_budget_usd=Decimal(0)),
                       corpus=CorpusSettings(corpus_dir=corpus),
                       local_llm=fake_settings(base_url, local_llm_request_timeout_seconds=30.0))


@pytest.fixture
def fake() -> Iterator[OpenAiChatFake]:
    with running_fake() as started:
        yield started


@pytest.fixture
async def local(tmp_path: Path, fake: OpenAiChatFake) -> AsyncIterator[LocalService]:
    async for service in start_service(local_settings(tmp_path, fake.base_url)):
        yield LocalService(service, fake)
