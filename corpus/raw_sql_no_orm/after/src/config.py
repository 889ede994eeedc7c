from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Library service settings; every field can be overridden from the environment."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore")

    PROJECT_NAME: str = "Library"
    # Path of the sqlite database file, relative to the working directory.
    DATABASE_PATH: str = "library.db"

    # Lending rules (see app/services/loan_service.py).
    MAX_LOANS_PER_MEMBER: int = 3
    LOAN_PERIOD_DAYS: int = 14


settings = Settings()
