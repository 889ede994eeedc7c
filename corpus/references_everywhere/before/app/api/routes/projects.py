from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, status

from app.api.deps import SessionDep
from app.crud import crud_project
from app.crud.crud_ticket import list_tickets
from app.schemas.project import ProjectCreate, ProjectDetail, ProjectRead
from app.schemas.ticket import TicketRead

router = APIRouter(prefix="/projects", tags=["projects"])

ProjectId = Annotated[int, Path(ge=1)]


@router.get("/", response_model=list[ProjectRead])
def read_projects(db: SessionDep) -> Any:
    return crud_project.list_projects(db)


@router.post("/", response_model=ProjectRead, status_code=status.HTTP_201_CREATED)
def create_project(db: SessionDep, project_in: ProjectCreate) -> Any:
    if crud_project.get_project_by_key(db, project_in.key) is not None:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="Project key taken")
    project = crud_project.create_project(db, project_in)
    if project is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Owner not found")
    return project


@router.get("/{project_id}", response_model=ProjectDetail)
def read_project(db: SessionDep, project_id: ProjectId) -> Any:
    project = crud_project.get_project(db, project_id)
    if project is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Project not found")
    return project


@router.get("/{project_id}/tickets", response_model=list[TicketRead])
def read_project_tickets(db: SessionDep, project_id: ProjectId) -> Any:
    if crud_project.get_project(db, project_id) is None:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND, detail="Project not found")
    return list_tickets(db, project_id=project_id)
