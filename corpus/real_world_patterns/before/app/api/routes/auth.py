from fastapi import APIRouter

from app.auth import CurrentUser

router = APIRouter(prefix="/auth", tags=["auth"])


@router.get("/me")
def read_me(current_user: CurrentUser) -> dict[str, str]:
    return {"email": current_user}
