-- Queries of app/repositories/loan_repository.py.
-- Timestamps are stored as ISO 8601 text in UTC.

-- name: get_loan
SELECT id, book_id, member_email, loaned_at, due_at, returned_at
  FROM loans
 WHERE id = :loan_id;

-- name: list_loans
SELECT id, book_id, member_email, loaned_at, due_at, returned_at
  FROM loans
 WHERE (:member_email IS NULL OR member_email = :member_email)
   AND (:active_only = 0 OR returned_at IS NULL)
 ORDER BY loaned_at, id;

-- name: get_active_loan_for_book
SELECT id, book_id, member_email, loaned_at, due_at, returned_at
  FROM loans
 WHERE book_id = :book_id AND returned_at IS NULL;

-- name: count_active_loans
SELECT COUNT(*) AS active_loans
  FROM loans
 WHERE member_email = :member_email AND returned_at IS NULL;

-- name: insert_loan
INSERT INTO loans (book_id, member_email, loaned_at, due_at)
VALUES (:book_id, :member_email, :loaned_at, :due_at);

-- name: mark_returned
UPDATE loans
   SET returned_at = :returned_at
 WHERE id = :loan_id AND returned_at IS NULL;
