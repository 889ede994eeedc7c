-- Notes per owner, used by GET /notes/stats.
-- The min_notes parameter filters out owners with fewer notes (0 keeps everyone).
SELECT
    u.id AS owner_id,
    u.email AS email,
    COUNT(n.id) AS note_count,
    COALESCE(SUM(CASE WHEN n.is_pinned THEN 1 ELSE 0 END), 0) AS pinned_count
FROM users AS u
LEFT JOIN notes AS n ON n.owner_id = u.id
GROUP BY u.id, u.email
HAVING COUNT(n.id) >= :min_notes
ORDER BY note_count DESC, u.id
