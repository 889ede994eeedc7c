from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings, read from the environment (or a local .env file)."""

    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    PROJECT_NAME: str = "Heroes API"
    DATABASE_URL: str = "sqlite:///./heroes.db"
    # Log every SQL statement; handy while following the tutorial, noisy otherwise.
    ECHO_SQL: bool = False


settings = Settings()
