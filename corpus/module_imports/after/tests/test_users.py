def test_create_user(client):
    response = client.post(
        "/users/",
        json={"username": "alice", "email": "alice@example.com", "full_name": "Alice Liddell"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["username"] == "alice"
    assert body["full_name"] == "Alice Liddell"
    assert isinstance(body["id"], int)


def test_duplicate_username_is_rejected(client, create_user):
    create_user("alice")
    response = client.post("/users/", json={"username": "alice", "email": "other@example.com"})
    assert response.status_code == 409
    assert response.json()["detail"] == "Username already taken"


def test_invalid_payload_is_rejected(client):
    response = client.post("/users/", json={"username": "a b", "email": "not-an-email"})
    assert response.status_code == 422


def test_read_user(client, create_user):
    created = create_user("bob")
    response = client.get(f"/users/{created['id']}")
    assert response.status_code == 200
    assert response.json() == created


def test_read_missing_user_returns_404(client):
    response = client.get("/users/999")
    assert response.status_code == 404
    assert response.json()["detail"] == "User not found"


def test_list_users_is_paginated(client, create_user):
    for name in ("alice", "bob", "carol"):
        create_user(name)
    response = client.get("/users/", params={"skip": 1, "limit": 1})
    assert response.status_code == 200
    assert [u["username"] for u in response.json()] == ["bob"]


def test_pagination_limits_are_validated(client):
    assert client.get("/users/", params={"limit": 0}).status_code == 422
    assert client.get("/users/", params={"skip": -1}).status_code == 422
