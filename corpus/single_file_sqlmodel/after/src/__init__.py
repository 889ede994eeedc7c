from sqlmodel import SQLModel

NAMING_CONVENTION = {
    "ix": "%(column_0_label)s_idx",
    "uq": "%(table_name)s_%(column_0_name)s_key",
    "ck": "%(table_name)s_%(constraint_name)s_check",
    "fk": "%(table_name)s_%(column_0_name)s_fkey",
    "pk": "%(table_name)s_pkey",
}
# Set here: this module runs before any module that defines a table.
SQLModel.metadata.naming_convention = NAMING_CONVENTION
