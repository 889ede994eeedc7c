"""forgeapi-migrate: move layer-organized FastAPI repositories to the domain-first layout."""

__version__ = "0.1.0"
