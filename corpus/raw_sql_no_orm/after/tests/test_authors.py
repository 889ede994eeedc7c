from src.authors import service as author_repository
from src.authors.schemas import AuthorCreate


def test_create_and_read_author(client) -> None:
    response = client.post("/authors/", json={"name": "Mary Shelley", "birth_year": 1797})
    assert response.status_code == 201
    author = response.json()
    assert author == {"id": author["id"], "name": "Mary Shelley", "birth_year": 1797}
    assert client.get(f"/authors/{author['id']}").json() == author


def test_authors_are_listed_by_name(client, make_author) -> None:
    make_author("virginia Woolf")
    make_author("Charles Dickens")
    make_author("Anne Brontë")
    names = [a["name"] for a in client.get("/authors/").json()]
    assert names == ["Anne Brontë", "Charles Dickens", "virginia Woolf"]
    assert len(client.get("/authors/", params={"limit": 2}).json()) == 2


def test_unknown_author_is_404(client) -> None:
    assert client.get("/authors/999").status_code == 404
    assert client.get("/authors/999/books").json() == {"detail": "Author not found"}
    assert client.delete("/authors/999").status_code == 404


def test_author_with_books_cannot_be_deleted(client, make_author, make_book) -> None:
    author = make_author()
    book = make_book(author=author)
    assert [b["id"] for b in client.get(f"/authors/{author['id']}/books").json()] == [book["id"]]

    response = client.delete(f"/authors/{author['id']}")
    assert response.status_code == 409
    assert response.json() == {"detail": "Author still has books"}

    assert client.delete(f"/books/{book['id']}").status_code == 204
    assert client.delete(f"/authors/{author['id']}").status_code == 204
    assert client.get(f"/authors/{author['id']}").status_code == 404


def test_author_repository_round_trip(conn) -> None:
    created = author_repository.create_author(conn, AuthorCreate(name="Homer"))
    assert created.birth_year is None
    assert author_repository.get_author(conn, created.id) == created
    assert author_repository.delete_author(conn, created.id) is True
    assert author_repository.delete_author(conn, created.id) is False
