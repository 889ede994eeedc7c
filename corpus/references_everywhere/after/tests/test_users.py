from src.config import settings

USERS_URL = f"{settings.API_PREFIX}/users"


def test_register_and_read_user(client) -> None:
    payload = {"email": "Ada@Example.com", "full_name": "Ada Lovelace"}
    response = client.post(f"{USERS_URL}/", json=payload)
    assert response.status_code == 201
    created = response.json()
    assert created["email"] == "ada@example.com"

    response = client.get(f"{USERS_URL}/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


def test_duplicate_email_is_a_conflict(client, make_user) -> None:
    user = make_user()
    payload = {"email": user["email"].upper(), "full_name": "Someone Else"}
    response = client.post(f"{USERS_URL}/", json=payload)
    assert response.status_code == 409
    assert response.json() == {"detail": "Email already registered"}


def test_invalid_email_is_rejected(client) -> None:
    response = client.post(f"{USERS_URL}/", json={"email": "not-an-email", "full_name": "X"})
    assert response.status_code == 422


def test_missing_user_returns_404(client) -> None:
    assert client.get(f"{USERS_URL}/999").status_code == 404
    assert client.get(f"{USERS_URL}/999/tickets").json() == {"detail": "User not found"}


def test_assigned_tickets_of_a_user(client, make_user, make_ticket) -> None:
    dev = make_user(full_name="Grace Hopper")
    mine = make_ticket(assignee_id=dev["id"], title="Fix the build")
    make_ticket(title="Somebody else's problem")

    response = client.get(f"{USERS_URL}/{dev['id']}/tickets")
    assert response.status_code == 200
    assert [ticket["id"] for ticket in response.json()] == [mine["id"]]
