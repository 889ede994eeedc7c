from sqlalchemy import select
from sqlalchemy.orm import Session

from src.projects.models import Project
from src.projects.schemas import ProjectCreate

from src.users import service as user_service


def get_project(db: Session, project_id: int) -> Project | None:
    return db.get(Project, project_id)


def get_project_by_key(db: Session, key: str) -> Project | None:
    return db.scalar(select(Project).where(Project.key == key))


def list_projects(db: Session) -> list[Project]:
    return list(db.scalars(select(Project).order_by(Project.key)))


def create_project(db: Session, project_in: ProjectCreate) -> Project | None:
    """Create a project, or return None when its owner does not exist."""
    owner = user_service.get_user(db, project_in.owner_id)
    if owner is None:
        return None
    project = Project(key=project_in.key, name=project_in.name, owner=owner)
    db.add(project)
    db.commit()
    db.refresh(project)
    return project
