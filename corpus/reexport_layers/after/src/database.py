from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker

from src.config import settings

# SQLite connections are shared across FastAPI's threadpool workers.
connect_args = {"check_same_thread": False} if settings.DATABASE_URL.startswith("sqlite") else {}

engine = create_engine(settings.DATABASE_URL, connect_args=connect_args, pool_pre_ping=True)
SessionLocal = sessionmaker(bind=engine, autoflush=False, expire_on_commit=False)
