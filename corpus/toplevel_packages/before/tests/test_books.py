from unittest import mock

import api.deps
import db.session
from core.config import settings

BOOKS_URL = f"{settings.API_V1_STR}/books"


def test_health_and_openapi(client) -> None:
    assert client.get("/health").json() == {"status": "ok"}
    schema = client.get(f"{settings.API_V1_STR}/openapi.json").json()
    assert f"{BOOKS_URL}/{{book_id}}" in schema["paths"]
    assert schema["info"]["title"] == settings.PROJECT_NAME


def test_get_db_is_reexported_for_overrides() -> None:
    # The conftest overrides db.session.get_db; routers that use api.deps must see it too.
    assert api.deps.get_db is db.session.get_db


def test_create_and_read_book(client, make_author) -> None:
    author = make_author(name="Ted Chiang")
    payload = {
        "title": "Exhalation",
        "isbn": "9781101947883",
        "published_year": 2019,
        "price": 14.5,
        "author_id": author["id"],
    }
    response = client.post(f"{BOOKS_URL}/", json=payload)
    assert response.status_code == 201
    book = response.json()
    assert book["price"] == 14.5

    detail = client.get(f"{BOOKS_URL}/{book['id']}").json()
    assert detail["author"]["name"] == "Ted Chiang"
    assert detail["isbn"] == "9781101947883"


def test_book_requires_existing_author_and_unique_isbn(client, make_book) -> None:
    payload = {"title": "Ghost", "isbn": "1234567890", "author_id": 404}
    response = client.post(f"{BOOKS_URL}/", json=payload)
    assert response.status_code == 404
    assert response.json() == {"detail": "Author not found"}

    existing = make_book()
    duplicate = {"title": "Copy", "isbn": existing["isbn"], "author_id": existing["author_id"]}
    response = client.post(f"{BOOKS_URL}/", json=duplicate)
    assert response.status_code == 409


def test_isbn_and_year_are_validated(client, make_author) -> None:
    author = make_author()
    base = {"title": "Bad", "author_id": author["id"]}
    assert client.post(f"{BOOKS_URL}/", json={**base, "isbn": "12-34"}).status_code == 422
    bad_year = {**base, "isbn": "1234567890", "published_year": 1200}
    assert client.post(f"{BOOKS_URL}/", json=bad_year).status_code == 422


def test_filter_books_by_author(client, make_author, make_book) -> None:
    first, second = make_author(), make_author()
    mine = [make_book(first), make_book(first)]
    make_book(second)

    response = client.get(f"{BOOKS_URL}/", params={"author_id": first["id"]})
    assert [b["id"] for b in response.json()] == [b["id"] for b in mine]
    assert len(client.get(f"{BOOKS_URL}/", params={"limit": 2}).json()) == 2


def test_update_book(client, make_book) -> None:
    book = make_book(price=10)
    response = client.patch(f"{BOOKS_URL}/{book['id']}", json={"price": 7.25, "title": "Sale"})
    assert response.status_code == 200
    assert response.json()["price"] == 7.25
    assert response.json()["title"] == "Sale"
    assert response.json()["isbn"] == book["isbn"]


def test_delete_book(client, make_book) -> None:
    book = make_book()
    assert client.delete(f"{BOOKS_URL}/{book['id']}").status_code == 204
    assert client.get(f"{BOOKS_URL}/{book['id']}").status_code == 404
    assert client.delete(f"{BOOKS_URL}/{book['id']}").status_code == 404


def test_missing_book_uses_crud_lookup(client, make_book) -> None:
    book = make_book()
    # The router calls book_crud.get_book, i.e. the attribute on the crud.book module.
    with mock.patch("crud.book.get_book", return_value=None) as get_book:
        response = client.get(f"{BOOKS_URL}/{book['id']}")
    assert response.status_code == 404
    assert response.json() == {"detail": "Book not found"}
    assert get_book.call_args.args[1] == book["id"]
