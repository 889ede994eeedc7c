from pydantic import BaseModel, Field


class NotePayloadSchema(BaseModel):
    title: str = Field(min_length=1, max_length=255)
    body: str = ""


class NoteResponseSchema(NotePayloadSchema):
    id: int
