from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Ticketing API settings, overridable through environment variables."""

    model_config = SettingsConfigDict(case_sensitive=True, extra="ignore")

    PROJECT_NAME: str = "Ticket Desk"
    API_PREFIX: str = "/api/v1"
    DATABASE_URL: str = "sqlite:///./tickets.db"

    # Sender address of assignment notifications.
    MAIL_FROM: str = "desk@tickets.example"
    # Log file name, relative to the working directory (see logging.ini).
    LOG_FILE: str = "app.log"


settings = Settings()
