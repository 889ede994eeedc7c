from fastapi import APIRouter, Depends

from app.auth import get_current_user
from app.utils import generate_new_account_email

router = APIRouter(prefix="/utils", tags=["utils"])


@router.get("/health-check/")
async def health_check() -> bool:
    return True


@router.post("/test-email/", dependencies=[Depends(get_current_user)], status_code=201)
def test_email(email_to: str) -> dict[str, str]:
    """Render the welcome e-mail for an address (nothing is sent)."""
    return generate_new_account_email(email_to=email_to)
