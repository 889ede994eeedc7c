"""ORM models.

Both models are imported here so that ``Base.metadata`` knows every table and the
string-based relationships ("Author" <-> "Book") resolve, whichever module is imported first.
"""

from models.author import Author
from models.book import Book

__all__ = ["Author", "Book"]
