-- Queries of app/repositories/book_repository.py.
-- "available" is true when the book has no loan that is still open.

-- name: get_book
SELECT b.id, b.title, b.isbn, b.published_year, b.author_id,
       NOT EXISTS (
           SELECT 1 FROM loans l WHERE l.book_id = b.id AND l.returned_at IS NULL
       ) AS available
  FROM books AS b
 WHERE b.id = :book_id;

-- name: list_books
SELECT b.id, b.title, b.isbn, b.published_year, b.author_id,
       NOT EXISTS (
           SELECT 1 FROM loans l WHERE l.book_id = b.id AND l.returned_at IS NULL
       ) AS available
  FROM books AS b
 WHERE (:author_id IS NULL OR b.author_id = :author_id)
 ORDER BY b.id
 LIMIT :limit OFFSET :offset;

-- name: insert_book
INSERT INTO books (title, isbn, published_year, author_id)
VALUES (:title, :isbn, :published_year, :author_id);

-- name: update_book
UPDATE books
   SET title = :title,
       published_year = :published_year,
       author_id = :author_id
 WHERE id = :book_id;

-- name: delete_book
DELETE FROM books WHERE id = :book_id;
