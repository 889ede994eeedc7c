from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Application settings, overridable through environment variables."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore")

    PROJECT_NAME: str = "Recipe Box"
    API_V1_STR: str = "/api/v1"
    DATABASE_URL: str = "sqlite:///./recipes.db"


settings = Settings()
