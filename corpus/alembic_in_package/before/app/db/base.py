from sqlalchemy.orm import declarative_base

# Shared declarative base: every model in app/models inherits from it.
Base = declarative_base()
