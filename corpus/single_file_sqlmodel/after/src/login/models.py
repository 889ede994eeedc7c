from sqlmodel import Field, SQLModel


# JSON body of the login endpoint (no form parsing dependency in this project)
class LoginRequest(SQLModel):
    username: str = Field(description="The account email address")
    password: str
