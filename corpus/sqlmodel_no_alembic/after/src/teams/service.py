from sqlmodel import Session, func, select

from src.teams.models import Team, TeamCreate, TeamUpdate


def create_team(session: Session, team_in: TeamCreate) -> Team:
    db_team = Team.model_validate(team_in)
    session.add(db_team)
    session.commit()
    session.refresh(db_team)
    return db_team


def get_team(session: Session, team_id: int) -> Team | None:
    return session.get(Team, team_id)


def get_team_by_name(session: Session, name: str) -> Team | None:
    return session.exec(select(Team).where(Team.name == name)).first()


def list_teams(session: Session, *, offset: int = 0, limit: int = 100) -> list[Team]:
    statement = select(Team).order_by(Team.id).offset(offset).limit(limit)
    return list(session.exec(statement).all())


def count_teams(session: Session) -> int:
    return session.exec(select(func.count()).select_from(Team)).one()


def update_team(session: Session, db_team: Team, team_in: TeamUpdate) -> Team:
    team_data = team_in.model_dump(exclude_unset=True)
    db_team.sqlmodel_update(team_data)
    session.add(db_team)
    session.commit()
    session.refresh(db_team)
    return db_team


def delete_team(session: Session, db_team: Team) -> None:
    # Members are not deleted: SQLAlchemy sets their team_id to NULL first.
    session.delete(db_team)
    session.commit()
