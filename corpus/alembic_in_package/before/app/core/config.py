from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

# The .env file lives at the project root: app/core/config.py -> app/core -> app -> root.
ENV_FILE = Path(__file__).resolve().parent.parent.parent / ".env"


class Settings(BaseSettings):
    """Notes service settings, read from the environment and the project .env file."""

    model_config = SettingsConfigDict(env_file=ENV_FILE, env_file_encoding="utf-8", extra="ignore")

    APP_NAME: str = "Notes"
    DATABASE_URL: str = "sqlite:///./notes.db"

    # Longest note body accepted by the API (characters).
    NOTE_MAX_LENGTH: int = 2000
    # Default page size of list endpoints.
    PAGE_SIZE: int = 50


settings = Settings()
