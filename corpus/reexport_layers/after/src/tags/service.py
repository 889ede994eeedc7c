from sqlalchemy import select
from sqlalchemy.orm import Session

from src.service import CRUDBase
from src.tags.models import Tag
from src.tags.schemas import TagCreate


class CRUDTag(CRUDBase[Tag, TagCreate]):
    def get_by_name(self, db: Session, *, name: str) -> Tag | None:
        return db.scalars(select(Tag).where(Tag.name == name)).first()

    def get_or_create_many(self, db: Session, *, names: list[str]) -> list[Tag]:
        """Resolve normalized tag names, reusing existing tags; new ones are not committed."""
        tags: list[Tag] = []
        for name in dict.fromkeys(names):
            found = self.get_by_name(db, name=name)
            if found is None:
                found = Tag(name=name)
                db.add(found)
            tags.append(found)
        return tags


tag = CRUDTag(Tag)
