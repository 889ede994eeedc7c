from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings, read from the environment (or a local .env file)."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    PROJECT_NAME: str = "Order Desk"
    VERSION: str = "0.3.0"
    DATABASE_URL: str = "sqlite:///./orders.db"
    SQL_ECHO: bool = False

    # Pagination defaults used by the list endpoints.
    DEFAULT_PAGE_SIZE: int = 50
    MAX_PAGE_SIZE: int = 200


settings = Settings()
