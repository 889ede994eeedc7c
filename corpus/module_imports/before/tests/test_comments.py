from sqlalchemy import func, select

from app.models import comment


def test_create_and_list_comments(client, create_user, create_post):
    alice, bob = create_user("alice"), create_user("bob")
    post_id = create_post(alice["id"])["id"]

    response = client.post(
        f"/posts/{post_id}/comments", json={"body": "Nice post!", "author_id": bob["id"]}
    )
    assert response.status_code == 201
    assert response.json()["author"]["username"] == "bob"
    assert response.json()["post_id"] == post_id

    listed = client.get(f"/posts/{post_id}/comments")
    assert listed.status_code == 200
    assert [c["body"] for c in listed.json()] == ["Nice post!"]


def test_comment_on_missing_post_returns_404(client, create_user):
    author = create_user()
    response = client.post("/posts/999/comments", json={"body": "Hi", "author_id": author["id"]})
    assert response.status_code == 404
    assert response.json()["detail"] == "Post not found"
    assert client.get("/posts/999/comments").status_code == 404


def test_comment_by_unknown_author_returns_404(client, create_user, create_post):
    post_id = create_post(create_user()["id"])["id"]
    response = client.post(f"/posts/{post_id}/comments", json={"body": "Hi", "author_id": 77})
    assert response.status_code == 404
    assert response.json()["detail"] == "Author not found"


def test_list_comments_is_paginated(client, create_user, create_post):
    author_id = create_user()["id"]
    post_id = create_post(author_id)["id"]
    for n in range(3):
        client.post(f"/posts/{post_id}/comments", json={"body": f"c{n}", "author_id": author_id})

    response = client.get(f"/posts/{post_id}/comments", params={"skip": 1, "limit": 5})
    assert [c["body"] for c in response.json()] == ["c1", "c2"]


def test_delete_comment(client, create_user, create_post):
    author_id = create_user()["id"]
    post_id = create_post(author_id)["id"]
    created = client.post(
        f"/posts/{post_id}/comments", json={"body": "Oops", "author_id": author_id}
    ).json()

    assert client.delete(f"/comments/{created['id']}").status_code == 204
    assert client.delete(f"/comments/{created['id']}").status_code == 404


def test_deleting_post_removes_its_comments(client, session, create_user, create_post):
    author_id = create_user()["id"]
    post_id = create_post(author_id)["id"]
    client.post(f"/posts/{post_id}/comments", json={"body": "Bye", "author_id": author_id})

    assert client.delete(f"/posts/{post_id}").status_code == 204
    remaining = session.scalar(select(func.count()).select_from(comment.Comment))
    assert remaining == 0
