"""Fill an empty database with a few authors and books.

Usage, from the project root::

    python scripts/seed.py

Running a file puts *its* folder (scripts/) on sys.path, not the project root,
so the root is added by hand before importing the application packages.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from sqlalchemy import select  # noqa: E402

from src.security import hash_password  # noqa: E402
from src.base import Base  # noqa: E402
from src.database import SessionLocal  # noqa: E402
from src.authors.models import Author  # noqa: E402
from src.books.models import Book  # noqa: E402

SEED_DATA: list[dict] = [
    {
        "name": "Ursula K. Le Guin",
        "email": "ursula@example.com",
        "bio": "Earthsea, Hainish cycle.",
        "books": [
            ("A Wizard of Earthsea", "9780553383041", 1968, 9.99),
            ("The Left Hand of Darkness", "9780441478125", 1969, 12.50),
        ],
    },
    {
        "name": "Terry Pratchett",
        "email": "terry@example.com",
        "bio": None,
        "books": [
            ("Guards! Guards!", "9780062225757", 1989, 8.99),
            ("Small Gods", "9780062237378", 1992, 8.99),
            ("Night Watch", "9780062307408", 2002, 10.99),
        ],
    },
]

DEFAULT_PASSWORD = "changeme123"


def main() -> int:
    """Create the tables if needed and insert the seed rows; return how many authors were added."""
    added = 0
    with SessionLocal() as session:
        Base.metadata.create_all(bind=session.get_bind())
        for entry in SEED_DATA:
            if session.scalar(select(Author).where(Author.email == entry["email"])) is not None:
                continue  # already seeded: the script is idempotent
            author = Author(
                name=entry["name"],
                email=entry["email"],
                bio=entry["bio"],
                hashed_password=hash_password(DEFAULT_PASSWORD),
            )
            author.books = [
                Book(title=title, isbn=isbn, published_year=year, price=price)
                for title, isbn, year, price in entry["books"]
            ]
            session.add(author)
            added += 1
        session.commit()
    print(f"Seeded {added} author(s).")
    return added


if __name__ == "__main__":
    main()
