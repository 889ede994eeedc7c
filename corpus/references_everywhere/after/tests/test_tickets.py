from unittest import mock

from src.config import settings
from src import notifications

TICKETS_URL = f"{settings.API_PREFIX}/tickets"


def test_new_ticket_is_open_and_unassigned(client, make_project) -> None:
    project = make_project()
    payload = {"title": "Crash on save", "description": "Stack trace", "project_id": project["id"]}
    response = client.post(f"{TICKETS_URL}/", json=payload)
    assert response.status_code == 201
    ticket = response.json()
    assert ticket["status"] == "open"
    assert ticket["assignee_id"] is None
    # Nobody to tell: an unassigned ticket sends no e-mail.
    assert notifications.OUTBOX == []


def test_ticket_detail_embeds_project_and_assignee(client, make_user, make_ticket) -> None:
    dev = make_user(full_name="Grace Hopper")
    ticket = make_ticket(assignee_id=dev["id"])
    detail = client.get(f"{TICKETS_URL}/{ticket['id']}").json()
    assert detail["project"]["id"] == ticket["project_id"]
    assert detail["assignee"] == dev


def test_ticket_needs_existing_project_and_assignee(client, make_project) -> None:
    response = client.post(f"{TICKETS_URL}/", json={"title": "Orphan", "project_id": 404})
    assert response.status_code == 404
    assert response.json() == {"detail": "Project not found"}

    payload = {"title": "Nobody", "project_id": make_project()["id"], "assignee_id": 404}
    response = client.post(f"{TICKETS_URL}/", json=payload)
    assert response.json() == {"detail": "Assignee not found"}


def test_assigning_a_ticket_via_the_api_sends_email(client, make_user, make_ticket) -> None:
    ticket = make_ticket()
    dev = make_user(full_name="Grace Hopper")
    # crud_ticket imports send_email by name: patch it where it is looked up.
    with mock.patch("src.tickets.service.send_email") as send_email:
        response = client.put(
            f"{TICKETS_URL}/{ticket['id']}/assignee", json={"assignee_id": dev["id"]}
        )
    assert response.status_code == 200
    assert response.json()["assignee_id"] == dev["id"]
    send_email.assert_called_once()
    assert send_email.call_args.kwargs["to"] == dev["email"]
    # The real function was replaced, so nothing reached the outbox.
    assert notifications.OUTBOX == []


def test_assignment_lands_in_the_outbox(client, monkeypatch, make_user, make_ticket) -> None:
    outbox: list[notifications.EmailMessage] = []
    monkeypatch.setattr("src.notifications.OUTBOX", outbox)
    ticket = make_ticket()
    dev = make_user(full_name="Grace Hopper")

    client.put(f"{TICKETS_URL}/{ticket['id']}/assignee", json={"assignee_id": dev["id"]})

    assert [message.to for message in outbox] == [dev["email"]]
    assert outbox[0].subject == f"[PRJ1-{ticket['id']}] assigned to you"
    assert outbox[0].sender == settings.MAIL_FROM


def test_assigning_to_unknown_user_sends_nothing(client, make_ticket) -> None:
    ticket = make_ticket()
    response = client.put(f"{TICKETS_URL}/{ticket['id']}/assignee", json={"assignee_id": 999})
    assert response.status_code == 404
    assert client.put(f"{TICKETS_URL}/999/assignee", json={"assignee_id": 1}).status_code == 404
    assert notifications.OUTBOX == []


def test_status_workflow_and_filters(client, make_ticket) -> None:
    ticket = make_ticket()
    url = f"{TICKETS_URL}/{ticket['id']}/status"
    assert client.patch(url, json={"status": "in_progress"}).json()["status"] == "in_progress"
    assert client.patch(url, json={"status": "closed"}).status_code == 422

    make_ticket()
    response = client.get(f"{TICKETS_URL}/", params={"project_id": ticket["project_id"]})
    assert [t["id"] for t in response.json()] == [ticket["id"]]
    assert len(client.get(f"{TICKETS_URL}/").json()) == 2
