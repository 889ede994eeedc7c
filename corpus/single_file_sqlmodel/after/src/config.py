import secrets

from pydantic import computed_field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings, read from the environment (and an optional .env file)."""

    model_config = SettingsConfigDict(
        env_file=".env",
        env_ignore_empty=True,
        extra="ignore",
    )

    PROJECT_NAME: str = "Single File SQLModel"
    API_V1_STR: str = "/api/v1"

    # Used to sign access tokens. A random default means tokens do not survive a
    # restart; set SECRET_KEY in the environment for anything but local dev.
    SECRET_KEY: str = secrets.token_urlsafe(32)
    # 60 minutes * 24 hours * 8 days = 8 days
    ACCESS_TOKEN_EXPIRE_MINUTES: int = 60 * 24 * 8

    SQLITE_FILE: str = "app.db"
    DATABASE_URL: str | None = None

    FIRST_SUPERUSER: str = "admin@example.com"
    FIRST_SUPERUSER_PASSWORD: str = "changethis"

    # Regular (non superuser) account used by the test suite.
    EMAIL_TEST_USER: str = "test@example.com"

    @computed_field  # type: ignore[prop-decorator]
    @property
    def SQLALCHEMY_DATABASE_URI(self) -> str:
        if self.DATABASE_URL:
            return self.DATABASE_URL
        return f"sqlite:///{self.SQLITE_FILE}"


settings = Settings()  # type: ignore
