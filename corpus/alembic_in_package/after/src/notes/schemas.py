from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field


class NoteBase(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    # The maximum body length is a setting (NOTE_MAX_LENGTH), checked in the service.
    body: str = ""
    is_pinned: bool = False


class NoteCreate(NoteBase):
    owner_id: int


class NoteUpdate(BaseModel):
    title: str | None = Field(default=None, min_length=1, max_length=200)
    body: str | None = None
    is_pinned: bool | None = None


class NoteRead(NoteBase):
    model_config = ConfigDict(from_attributes=True)

    id: int
    owner_id: int
    created_at: datetime
    updated_at: datetime | None = None


class NoteStats(BaseModel):
    """One row of the per-owner statistics (see app/services/sql/note_stats.sql)."""

    model_config = ConfigDict(from_attributes=True)

    owner_id: int
    email: str
    note_count: int
    pinned_count: int
