from sqlmodel import Field, SQLModel


# JSON body of the login endpoint (no form parsing dependency in this project)
class LoginRequest(SQLModel):
    username: str = Field(description="The account email address")
    password: str


# JSON payload containing access token
class Token(SQLModel):
    access_token: str
    token_type: str = "bearer"
