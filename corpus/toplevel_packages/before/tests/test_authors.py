from unittest import mock

from sqlalchemy import select

from core.config import settings
from core.security import verify_password
from models import Author

AUTHORS_URL = f"{settings.API_V1_STR}/authors"


def test_create_author_hides_password(client, db) -> None:
    payload = {"name": "N. K. Jemisin", "email": "NK@Example.com", "password": "broken-earth"}
    response = client.post(f"{AUTHORS_URL}/", json=payload)
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "nk@example.com"
    assert "password" not in body and "hashed_password" not in body

    stored = db.scalar(select(Author).where(Author.id == body["id"]))
    assert stored is not None
    assert stored.hashed_password != "broken-earth"
    assert verify_password("broken-earth", stored.hashed_password)


def test_duplicate_email_is_rejected(client, make_author) -> None:
    make_author(email="dup@example.com")
    payload = {"name": "Someone Else", "email": "dup@example.com", "password": "another-one"}
    response = client.post(f"{AUTHORS_URL}/", json=payload)
    assert response.status_code == 409
    assert response.json() == {"detail": "An author with this email already exists"}


def test_invalid_payloads_return_422(client) -> None:
    bad_email = {"name": "X", "email": "not-an-email", "password": "long-enough"}
    assert client.post(f"{AUTHORS_URL}/", json=bad_email).status_code == 422
    short_password = {"name": "X", "email": "x@example.com", "password": "short"}
    assert client.post(f"{AUTHORS_URL}/", json=short_password).status_code == 422


def test_list_authors_with_pagination(client, make_author) -> None:
    created = [make_author(name=f"Author {i}") for i in range(3)]
    everyone = client.get(f"{AUTHORS_URL}/").json()
    assert [a["id"] for a in everyone] == [a["id"] for a in created]

    page = client.get(f"{AUTHORS_URL}/", params={"skip": 1, "limit": 1}).json()
    assert [a["name"] for a in page] == ["Author 1"]


def test_author_detail_embeds_books(client, make_author, make_book) -> None:
    author = make_author()
    make_book(author, title="Kindred", published_year=1979)
    make_book(author, title="Dawn", published_year=1987)

    detail = client.get(f"{AUTHORS_URL}/{author['id']}").json()
    assert [book["title"] for book in detail["books"]] == ["Kindred", "Dawn"]

    books = client.get(f"{AUTHORS_URL}/{author['id']}/books").json()
    assert {book["author_id"] for book in books} == {author["id"]}


def test_unknown_author_is_404(client) -> None:
    for method, url in [
        ("GET", f"{AUTHORS_URL}/999"),
        ("PATCH", f"{AUTHORS_URL}/999"),
        ("DELETE", f"{AUTHORS_URL}/999"),
        ("GET", f"{AUTHORS_URL}/999/books"),
    ]:
        response = client.request(method, url, json={} if method == "PATCH" else None)
        assert response.status_code == 404, (method, url)
        assert response.json() == {"detail": "Author not found"}


def test_update_author_and_password(client, make_author) -> None:
    author = make_author()
    response = client.patch(
        f"{AUTHORS_URL}/{author['id']}", json={"bio": "Xenogenesis", "password": "new-password"}
    )
    assert response.status_code == 200
    assert response.json()["bio"] == "Xenogenesis"
    assert response.json()["name"] == author["name"]

    login = {"email": author["email"], "password": "new-password"}
    assert client.post(f"{AUTHORS_URL}/login", json=login).status_code == 200


def test_login(client, make_author) -> None:
    author = make_author()
    good = {"email": author["email"].upper(), "password": "s3cret-password"}
    response = client.post(f"{AUTHORS_URL}/login", json=good)
    assert response.status_code == 200
    assert response.json()["id"] == author["id"]

    bad = {"email": author["email"], "password": "wrong-password"}
    response = client.post(f"{AUTHORS_URL}/login", json=bad)
    assert response.status_code == 401
    assert response.json() == {"detail": "Incorrect email or password"}


def test_login_goes_through_verify_password(client, make_author) -> None:
    author = make_author()
    # crud.author imported verify_password by name, so patch it where it is looked up.
    with mock.patch("crud.author.verify_password", return_value=False) as verify:
        response = client.post(
            f"{AUTHORS_URL}/login", json={"email": author["email"], "password": "s3cret-password"}
        )
    assert response.status_code == 401
    verify.assert_called_once()


def test_delete_author_cascades_to_books(client, make_author, make_book) -> None:
    author = make_author()
    book = make_book(author)
    make_book(author)
    other = make_book()

    response = client.delete(f"{AUTHORS_URL}/{author['id']}")
    assert response.status_code == 204
    assert response.headers["X-Books-Deleted"] == "2"

    assert client.get(f"{settings.API_V1_STR}/books/{book['id']}").status_code == 404
    remaining = client.get(f"{settings.API_V1_STR}/books/").json()
    assert [b["id"] for b in remaining] == [other["id"]]
