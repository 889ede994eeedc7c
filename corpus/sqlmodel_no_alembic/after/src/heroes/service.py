from sqlmodel import Session, select

from src.heroes.models import Hero, HeroCreate, HeroUpdate


def create_hero(session: Session, hero_in: HeroCreate) -> Hero:
    db_hero = Hero.model_validate(hero_in)
    session.add(db_hero)
    session.commit()
    session.refresh(db_hero)
    return db_hero


def get_hero(session: Session, hero_id: int) -> Hero | None:
    return session.get(Hero, hero_id)


def get_hero_by_name(session: Session, name: str) -> Hero | None:
    return session.exec(select(Hero).where(Hero.name == name)).first()


def list_heroes(
    session: Session,
    *,
    offset: int = 0,
    limit: int = 100,
    team_id: int | None = None,
    min_age: int | None = None,
) -> list[Hero]:
    """List heroes ordered by id, optionally filtered by team and minimum age."""
    statement = select(Hero)
    if team_id is not None:
        statement = statement.where(Hero.team_id == team_id)
    if min_age is not None:
        statement = statement.where(Hero.age >= min_age)
    statement = statement.order_by(Hero.id).offset(offset).limit(limit)
    return list(session.exec(statement).all())


def update_hero(session: Session, db_hero: Hero, hero_in: HeroUpdate) -> Hero:
    # Only the fields the client actually sent are changed.
    hero_data = hero_in.model_dump(exclude_unset=True)
    db_hero.sqlmodel_update(hero_data)
    session.add(db_hero)
    session.commit()
    session.refresh(db_hero)
    return db_hero


def delete_hero(session: Session, db_hero: Hero) -> None:
    session.delete(db_hero)
    session.commit()
