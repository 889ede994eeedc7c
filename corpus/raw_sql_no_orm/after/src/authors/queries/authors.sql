-- Queries of app/repositories/author_repository.py.

-- name: get_author
SELECT id, name, birth_year
  FROM authors
 WHERE id = :author_id;

-- name: list_authors
SELECT id, name, birth_year
  FROM authors
 ORDER BY name COLLATE NOCASE, id
 LIMIT :limit OFFSET :offset;

-- name: insert_author
INSERT INTO authors (name, birth_year)
VALUES (:name, :birth_year);

-- name: delete_author
DELETE FROM authors WHERE id = :author_id;
