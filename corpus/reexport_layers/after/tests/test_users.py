from src.users import service as user_service
from src.users import schemas as user_schemas
from src.config import settings

USERS_URL = f"{settings.API_V1_STR}/users"


def test_signup_creates_user(client, db) -> None:
    payload = {"email": "chef@example.com", "full_name": "Head Chef"}
    response = client.post(f"{USERS_URL}/", json=payload)
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "chef@example.com"
    assert body["is_active"] is True

    user = user_service.user.get_by_email(db, email="chef@example.com")
    assert user is not None
    assert user.id == body["id"]


def test_signup_rejects_duplicate_and_invalid_email(client, make_user) -> None:
    make_user(email="taken@example.com")
    response = client.post(f"{USERS_URL}/", json={"email": "taken@example.com"})
    assert response.status_code == 409
    assert client.post(f"{USERS_URL}/", json={"email": "not-an-email"}).status_code == 422


def test_read_me_uses_user_header(client, make_user) -> None:
    user, headers = make_user()
    response = client.get(f"{USERS_URL}/me", headers=headers)
    assert response.status_code == 200
    assert response.json()["email"] == user.email

    assert client.get(f"{USERS_URL}/me").status_code == 401
    assert client.get(f"{USERS_URL}/me", headers={"X-User-Id": "999"}).status_code == 401


def test_inactive_user_is_rejected(client, db, make_user) -> None:
    user, headers = make_user()
    user_service.user.update(db, db_obj=user, obj_in={"is_active": False})
    assert not user_service.user.is_active(user)
    response = client.get(f"{USERS_URL}/me", headers=headers)
    assert response.status_code == 400
    assert response.json() == {"detail": "Inactive user"}


def test_read_user_by_id(client, db) -> None:
    user = user_service.user.create(db, obj_in=user_schemas.UserCreate(email="ada@example.com"))
    response = client.get(f"{USERS_URL}/{user.id}")
    assert response.status_code == 200
    assert response.json() == {
        "email": "ada@example.com",
        "full_name": None,
        "id": user.id,
        "is_active": True,
    }
    assert client.get(f"{USERS_URL}/{user.id + 1}").status_code == 404


def test_read_user_recipes(client, make_user, post_recipe) -> None:
    alice, alice_headers = make_user()
    _, bob_headers = make_user()
    post_recipe(alice_headers, title="Soup")
    post_recipe(bob_headers, title="Stew")
    post_recipe(alice_headers, title="Salad")

    response = client.get(f"{USERS_URL}/{alice.id}/recipes")
    assert response.status_code == 200
    assert [recipe["title"] for recipe in response.json()] == ["Soup", "Salad"]
    assert client.get(f"{USERS_URL}/999/recipes").status_code == 404
