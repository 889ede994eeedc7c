import importlib

from fastapi import FastAPI
from fastapi.testclient import TestClient

# The import string that the Dockerfile, Procfile and Makefile hand to uvicorn.
APP_PATH = "src.main:app"


def load_app(path: str) -> FastAPI:
    module_name, _, attribute = path.partition(":")
    return getattr(importlib.import_module(module_name), attribute)


def test_app_path_resolves_to_the_fastapi_app() -> None:
    application = load_app(APP_PATH)
    assert isinstance(application, FastAPI)
    assert application is importlib.import_module("src.main").app


def test_health_through_the_import_string() -> None:
    with TestClient(load_app(APP_PATH)) as client:
        response = client.get("/health")
    assert response.json() == {"status": "ok"}


def test_openapi_lists_every_domain() -> None:
    paths = load_app(APP_PATH).openapi()["paths"]
    assert "/api/v1/users/{user_id}/tickets" in paths
    assert "/api/v1/projects/{project_id}" in paths
    assert "/api/v1/tickets/{ticket_id}/assignee" in paths
