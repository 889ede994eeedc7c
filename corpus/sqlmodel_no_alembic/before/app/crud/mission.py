from sqlmodel import Session, select

from app.models.hero import Hero, HeroMissionLink
from app.models.mission import Mission, MissionCreate, MissionStatus, MissionUpdate


def create_mission(session: Session, mission_in: MissionCreate) -> Mission:
    db_mission = Mission.model_validate(mission_in)
    session.add(db_mission)
    session.commit()
    session.refresh(db_mission)
    return db_mission


def get_mission(session: Session, mission_id: int) -> Mission | None:
    return session.get(Mission, mission_id)


def get_mission_by_code(session: Session, code: str) -> Mission | None:
    return session.exec(select(Mission).where(Mission.code == code)).first()


def list_missions(
    session: Session,
    *,
    offset: int = 0,
    limit: int = 100,
    status: MissionStatus | None = None,
) -> list[Mission]:
    statement = select(Mission)
    if status is not None:
        statement = statement.where(Mission.status == status)
    statement = statement.order_by(Mission.id).offset(offset).limit(limit)
    return list(session.exec(statement).all())


def list_missions_for_hero(session: Session, hero_id: int) -> list[Mission]:
    """Missions a hero is assigned to, through the link table."""
    statement = (
        select(Mission)
        .join(HeroMissionLink, HeroMissionLink.mission_id == Mission.id)
        .where(HeroMissionLink.hero_id == hero_id)
        .order_by(Mission.id)
    )
    return list(session.exec(statement).all())


def update_mission(session: Session, db_mission: Mission, mission_in: MissionUpdate) -> Mission:
    mission_data = mission_in.model_dump(exclude_unset=True)
    db_mission.sqlmodel_update(mission_data)
    session.add(db_mission)
    session.commit()
    session.refresh(db_mission)
    return db_mission


def delete_mission(session: Session, db_mission: Mission) -> None:
    session.delete(db_mission)
    session.commit()


def assign_hero(session: Session, db_mission: Mission, hero: Hero) -> Mission:
    """Add a hero to a mission; assigning the same hero twice is a no-op."""
    if hero not in db_mission.heroes:
        db_mission.heroes.append(hero)
        session.add(db_mission)
        session.commit()
        session.refresh(db_mission)
    return db_mission


def unassign_hero(session: Session, db_mission: Mission, hero: Hero) -> bool:
    """Remove a hero from a mission. Returns False if they were not assigned."""
    if hero not in db_mission.heroes:
        return False
    db_mission.heroes.remove(hero)
    session.add(db_mission)
    session.commit()
    session.refresh(db_mission)
    return True
