"""Logging settings, read before anything else starts (so the container's own start-up is logged)."""

from typing import Literal

from pydantic import field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


class LogSettings(BaseSettings):
    """LESSONSMITH_LOG_FORMAT (auto: JSON unless stderr is a terminal) and LESSONSMITH_LOG_LEVEL (any case)."""

    model_config = SettingsConfigDict(env_prefix="LESSONSMITH_", env_file=".env", extra="ignore")
    log_format: Literal["auto", "json", "console"] = "auto"
    log_level: Literal["", "debug", "info", "warning", "error"] = ""

    @field_validator("log_format", "log_level", mode="before")
    @classmethod
    def _lower(cls, value: object) -> object:
        return value.strip().lower() if isinstance(value, str) else value
