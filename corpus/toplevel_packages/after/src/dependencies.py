"""Shared FastAPI dependencies.

``get_db`` lives in ``db.session`` (the seed script uses the same session factory);
it is re-exported here so routers only ever import from ``api.deps``.
"""

from typing import Annotated

from fastapi import Depends, HTTPException, Path, status
from sqlalchemy.orm import Session

from src.database import get_db
from src.authors.models import Author

__all__ = ["get_db", "SessionDep", "AuthorId", "get_author_or_404"]

SessionDep = Annotated[Session, Depends(get_db)]
AuthorId = Annotated[int, Path(ge=1, description="Author identifier")]


def get_author_or_404(author_id: AuthorId, db: SessionDep) -> Author:
    author = db.get(Author, author_id)
    if author is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Author not found")
    return author
