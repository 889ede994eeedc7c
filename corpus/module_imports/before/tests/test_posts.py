import pytest

import app.services.user_service as user_service
from app.schemas import post as post_schemas
from app.schemas.user import UserCreate
from app.services import post_service


def test_create_post_embeds_author(client, create_user):
    author = create_user("alice")
    response = client.post(
        "/posts/", json={"title": "Hello", "body": "First post", "author_id": author["id"]}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Hello"
    assert body["author"] == author
    assert "created_at" in body


def test_create_post_with_unknown_author_returns_404(client):
    response = client.post("/posts/", json={"title": "Hi", "body": "x", "author_id": 42})
    assert response.status_code == 404
    assert response.json()["detail"] == "Author not found"


def test_list_posts_filters_by_author(client, create_user, create_post):
    alice, bob = create_user("alice"), create_user("bob")
    create_post(alice["id"], title="A1")
    create_post(bob["id"], title="B1")
    create_post(alice["id"], title="A2")

    response = client.get("/posts/", params={"author_id": alice["id"]})
    assert response.status_code == 200
    assert [p["title"] for p in response.json()] == ["A1", "A2"]
    assert len(client.get("/posts/", params={"limit": 2}).json()) == 2


def test_update_post_is_partial(client, create_user, create_post):
    created = create_post(create_user()["id"], title="Draft", body="Original body")
    response = client.patch(f"/posts/{created['id']}", json={"title": "Published"})
    assert response.status_code == 200
    assert response.json()["title"] == "Published"
    assert response.json()["body"] == "Original body"


def test_delete_post(client, create_user, create_post):
    created = create_post(create_user()["id"])
    assert client.delete(f"/posts/{created['id']}").status_code == 204
    response = client.get(f"/posts/{created['id']}")
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"


def test_post_service_creates_post(session):
    # Exercise the service layer directly, without going through HTTP.
    author = user_service.create_user(session, UserCreate(username="dave", email="d@example.com"))
    data = post_schemas.PostCreate(title="Direct", body="Via service", author_id=author.id)

    created = post_service.create_post(session, data)

    assert created.id is not None
    assert created.author.username == "dave"
    assert post_service.list_posts(session, author_id=author.id) == [created]


def test_post_service_rejects_unknown_author(session):
    data = post_schemas.PostCreate(title="Orphan", body="No author", author_id=123)
    with pytest.raises(post_service.AuthorNotFoundError):
        post_service.create_post(session, data)
