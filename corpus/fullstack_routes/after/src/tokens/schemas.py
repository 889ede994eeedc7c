from pydantic import BaseModel


class Token(BaseModel):
    access_token: str
    token_type: str = "bearer"


class LoginRequest(BaseModel):
    # JSON body instead of an OAuth2 form, so no multipart parser is needed.
    email: str
    password: str
