"""Settings: built once at the edge (CLI or app factory) and passed down."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

MiB = 1024 * 1024


class ImportLimits(BaseModel):
    """How much work one imported or uploaded file may cause; past a limit the file is refused.

    Checked before anything is decompressed or parsed (sizes, ratio, a sheet's declared
    dimension, a count of its rows and cells) and again while rows stream, so a hostile file
    costs seconds and bounded memory, never the server. Environment:
    CHISO_IMPORT_LIMITS__MAX_ROWS=...
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    max_file_bytes: int = Field(default=100 * MiB, gt=0)  # the file as uploaded or on disk
    max_part_bytes: int = Field(default=128 * MiB, gt=0)  # one part of a workbook, unpacked
    max_total_bytes: int = Field(default=512 * MiB, gt=0)  # every part of a workbook, unpacked
    max_parts: int = Field(default=1000, gt=0)  # parts (files) inside a workbook
    max_ratio: float = Field(default=100, gt=1)  # unpacked / packed, for parts over 1 MiB
    max_rows: int = Field(default=500_000, gt=0)  # rows of one sheet or CSV file
    max_cells: int = Field(default=4_000_000, gt=0)  # cells of one file, and shared strings
    max_columns: int = Field(default=1000, gt=0)  # columns of one row
    max_cell_chars: int = Field(default=32_767, gt=0)  # text in one cell (Excel's own limit)
    max_problems: int = Field(default=1000, gt=0)  # problems listed; the rest are counted
    max_report_bytes: int = Field(default=4 * MiB, gt=0)  # the problem report file


class Settings(BaseSettings):
    """Where chiso keeps its data and how it talks to people."""

    model_config = SettingsConfigDict(env_prefix="CHISO_", extra="ignore",
                                      env_nested_delimiter="__")

    data_dir: Path = Field(default=Path("chiso-data"))
    database_url: str | None = None
    language: str = "vi"
    secret_key: str | None = None
    import_limits: ImportLimits = Field(default_factory=ImportLimits)

    @property
    def db_url(self) -> str:
        """The database URL: CHISO_DATABASE_URL, else SQLite inside the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data_dir / 'chiso.sqlite').resolve()}"

    def ensure_data_dir(self) -> Path:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        return self.data_dir
