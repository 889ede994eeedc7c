-- Library schema. Executed on every start-up by app.db.connection.init_db,
-- so every statement must be idempotent.

CREATE TABLE IF NOT EXISTS authors (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL,
    birth_year  INTEGER
);

CREATE TABLE IF NOT EXISTS books (
    id              INTEGER PRIMARY KEY AUTOINCREMENT,
    title           TEXT    NOT NULL,
    isbn            TEXT    NOT NULL,
    published_year  INTEGER,
    author_id       INTEGER NOT NULL REFERENCES authors (id) ON DELETE RESTRICT,
    CONSTRAINT uq_books_isbn UNIQUE (isbn)
);

CREATE INDEX IF NOT EXISTS ix_books_author_id ON books (author_id);

CREATE TABLE IF NOT EXISTS loans (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    book_id       INTEGER NOT NULL REFERENCES books (id) ON DELETE RESTRICT,
    member_email  TEXT    NOT NULL,
    loaned_at     TEXT    NOT NULL,
    due_at        TEXT    NOT NULL,
    returned_at   TEXT
);

CREATE INDEX IF NOT EXISTS ix_loans_member_email ON loans (member_email);

-- A book can be out on at most one loan at a time.
CREATE UNIQUE INDEX IF NOT EXISTS uq_loans_active_book ON loans (book_id) WHERE returned_at IS NULL;
