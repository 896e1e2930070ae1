"""Settings: built once at the edge (CLI or app factory) and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """Where chiso keeps its data and how it talks to people."""

    model_config = SettingsConfigDict(env_prefix="CHISO_", extra="ignore")

    data_dir: Path = Field(default=Path("chiso-data"))
    database_url: str | None = None
    language: str = "vi"
    secret_key: str | None = None

    @property
    def db_url(self) -> str:
        """The database URL: CHISO_DATABASE_URL, else SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'chiso.sqlite').resolve()}"

    def ensure_data_dir(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir
