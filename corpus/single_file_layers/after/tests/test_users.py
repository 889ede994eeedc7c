def test_root_message(client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.json() == {"message": "Items API is running"}


def test_create_and_read_user(client) -> None:
    payload = {"email": "Deadpool@Example.com", "password": "chimichangas4life"}
    response = client.post("/users/", json=payload)
    assert response.status_code == 201, response.text
    data = response.json()
    assert data["email"] == "deadpool@example.com"
    assert data["is_active"] is True
    assert data["items"] == []
    assert "password" not in data and "hashed_password" not in data

    response = client.get(f"/users/{data['id']}")
    assert response.status_code == 200
    assert response.json() == data


def test_duplicate_email_is_rejected(client, make_user) -> None:
    user = make_user()
    payload = {"email": user["email"].upper(), "password": "another-pass"}
    response = client.post("/users/", json=payload)
    assert response.status_code == 400
    assert response.json() == {"detail": "Email already registered"}


def test_invalid_payload_is_422(client) -> None:
    bad_email = {"email": "nope", "password": "long-enough"}
    assert client.post("/users/", json=bad_email).status_code == 422
    assert client.post("/users/", json={"email": "a@b.io", "password": "short"}).status_code == 422


def test_list_users_with_pagination(client, make_user) -> None:
    users = [make_user() for _ in range(3)]
    response = client.get("/users/", params={"skip": 1, "limit": 1})
    assert response.status_code == 200
    assert [u["id"] for u in response.json()] == [users[1]["id"]]


def test_delete_user_removes_items(client, make_user, make_item) -> None:
    owner = make_user()
    item = make_item(owner=owner)

    response = client.delete(f"/users/{owner['id']}")
    assert response.status_code == 200
    assert response.json() == {"message": "User deleted"}
    assert client.get(f"/users/{owner['id']}").status_code == 404
    assert client.get(f"/items/{item['id']}").status_code == 404


def test_missing_user_is_404(client) -> None:
    response = client.get("/users/999")
    assert response.status_code == 404
    assert response.json() == {"detail": "User not found"}
    assert client.delete("/users/999").status_code == 404
