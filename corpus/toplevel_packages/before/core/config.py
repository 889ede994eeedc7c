from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Library catalogue settings, read from the environment or a local .env file."""

    model_config = SettingsConfigDict(env_file=".env", env_prefix="LIBRARY_", extra="ignore")

    PROJECT_NAME: str = "Library Catalogue"
    VERSION: str = "0.1.0"
    API_V1_STR: str = "/api/v1"
    DATABASE_URL: str = "sqlite:///./library.db"

    # PBKDF2 work factor used by core.security when hashing author passwords.
    PASSWORD_HASH_ITERATIONS: int = 120_000


settings = Settings()
