import ast
import inspect
from pathlib import Path

from src.books import service as book_repository


def test_create_book_and_read_detail(client, make_author) -> None:
    author = make_author("Mary Shelley", birth_year=1797)
    payload = {
        "title": "Frankenstein",
        "isbn": "9780141439471",
        "published_year": 1818,
        "author_id": author["id"],
    }
    response = client.post("/books/", json=payload)
    assert response.status_code == 201
    book = response.json()
    assert book == {**payload, "id": book["id"], "available": True}

    detail = client.get(f"/books/{book['id']}").json()
    assert detail["author"] == author
    assert detail["isbn"] == "9780141439471"


def test_book_needs_existing_author_and_valid_isbn(client, make_author) -> None:
    payload = {"title": "Lost", "isbn": "9780141439471", "author_id": 9}
    response = client.post("/books/", json=payload)
    assert response.status_code == 404
    assert response.json() == {"detail": "Author not found"}

    author = make_author()
    payload = {"title": "Bad", "isbn": "12-34", "author_id": author["id"]}
    response = client.post("/books/", json=payload)
    assert response.status_code == 422


def test_duplicate_isbn_is_a_conflict(client, make_book) -> None:
    book = make_book()
    payload = {"title": "Copy", "isbn": book["isbn"], "author_id": book["author_id"]}
    response = client.post("/books/", json=payload)
    assert response.status_code == 409
    assert response.json() == {"detail": "A book with this ISBN already exists"}


def test_update_and_filter_books(client, make_author, make_book) -> None:
    austen, bronte = make_author("Jane Austen"), make_author("Charlotte Brontë")
    emma = make_book(author=austen, title="Emma")
    make_book(author=bronte, title="Jane Eyre")

    response = client.patch(f"/books/{emma['id']}", json={"published_year": 1815})
    assert response.status_code == 200
    assert response.json()["published_year"] == 1815
    assert response.json()["title"] == "Emma"

    titles = [b["title"] for b in client.get("/books/", params={"author_id": bronte["id"]}).json()]
    assert titles == ["Jane Eyre"]

    moved = client.patch(f"/books/{emma['id']}", json={"author_id": bronte["id"]}).json()
    assert moved["author_id"] == bronte["id"]
    assert client.patch(f"/books/{emma['id']}", json={"author_id": 999}).status_code == 404
    assert client.patch("/books/999", json={"title": "x"}).status_code == 404


def test_book_with_loan_history_cannot_be_deleted(client, make_book) -> None:
    book = make_book()
    client.post("/loans/", json={"book_id": book["id"], "member_email": "reader@example.com"})
    assert client.get(f"/books/{book['id']}").json()["available"] is False

    response = client.delete(f"/books/{book['id']}")
    assert response.status_code == 409
    assert client.delete("/books/999").status_code == 404


def test_stub_matches_repository() -> None:
    """book_repository.pyi must declare exactly the public functions of the module."""
    stub_path = Path(book_repository.__file__).with_suffix(".pyi")
    stub = ast.parse(stub_path.read_text(encoding="utf-8"))
    stubbed = {
        node.name: [arg.arg for arg in (*node.args.args, *node.args.kwonlyargs)]
        for node in stub.body
        if isinstance(node, ast.FunctionDef)
    }
    public = {
        name: list(inspect.signature(function).parameters)
        for name, function in inspect.getmembers(book_repository, inspect.isfunction)
        if function.__module__ == book_repository.__name__ and not name.startswith("_")
    }
    assert stubbed == public
