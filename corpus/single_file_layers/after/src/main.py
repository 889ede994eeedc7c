from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from src import database
from src import models
from src.items import models as item_models
from src.tags import models as tag_models
from src.users import models as user_models
from src import schemas
from src.database import engine
from src.items.router import items_router
from src.tags.router import tags_router
from src.users.router import users_router


@asynccontextmanager
async def lifespan(app: FastAPI) -> AsyncIterator[None]:
    # No migrations in this project: create any missing table on startup.
    database.Base.metadata.create_all(bind=engine)
    yield


app = FastAPI(title="Items API", version="0.1.0", lifespan=lifespan)

app.include_router(users_router)
app.include_router(items_router)
app.include_router(tags_router)


@app.get("/", response_model=schemas.Message, tags=["health"])
def root() -> schemas.Message:
    return schemas.Message(message="Items API is running")
