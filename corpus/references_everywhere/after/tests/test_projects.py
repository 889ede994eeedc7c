from src.config import settings

PROJECTS_URL = f"{settings.API_PREFIX}/projects"


def test_create_project_and_read_it_with_owner(client, make_user) -> None:
    owner = make_user(full_name="Linus Torvalds")
    payload = {"key": "KERN", "name": "Kernel", "owner_id": owner["id"]}
    response = client.post(f"{PROJECTS_URL}/", json=payload)
    assert response.status_code == 201
    project = response.json()

    response = client.get(f"{PROJECTS_URL}/{project['id']}")
    assert response.status_code == 200
    detail = response.json()
    assert detail["key"] == "KERN"
    assert detail["owner"] == owner


def test_project_needs_an_existing_owner_and_a_free_key(client, make_project) -> None:
    payload = {"key": "GHOST", "name": "No owner", "owner_id": 4242}
    response = client.post(f"{PROJECTS_URL}/", json=payload)
    assert response.status_code == 404
    assert response.json() == {"detail": "Owner not found"}

    taken = make_project()
    payload = {"key": taken["key"], "name": "Copycat", "owner_id": taken["owner_id"]}
    assert client.post(f"{PROJECTS_URL}/", json=payload).status_code == 409


def test_project_ticket_listing(client, make_project, make_ticket) -> None:
    project = make_project()
    other = make_project()
    first = make_ticket(project, title="first")
    second = make_ticket(project, title="second")
    make_ticket(other, title="elsewhere")

    response = client.get(f"{PROJECTS_URL}/{project['id']}/tickets")
    assert response.status_code == 200
    assert [t["id"] for t in response.json()] == [first["id"], second["id"]]
    assert [p["key"] for p in client.get(f"{PROJECTS_URL}/").json()] == ["PRJ1", "PRJ2"]
    assert client.get(f"{PROJECTS_URL}/77/tickets").status_code == 404
