"""Domain errors raised by the services; the routers turn them into HTTP responses."""


class LibraryError(Exception):
    """Base class of every business-rule error of the library."""


class NotFoundError(LibraryError):
    """Something the request refers to does not exist (HTTP 404)."""

    entity = "Object"

    def __init__(self, object_id: int) -> None:
        self.object_id = object_id
        super().__init__(f"{self.entity} not found")


class ConflictError(LibraryError):
    """The request breaks a lending rule (HTTP 409)."""


class BookNotFoundError(NotFoundError):
    entity = "Book"


class LoanNotFoundError(NotFoundError):
    entity = "Loan"


class BookAlreadyOnLoanError(ConflictError):
    def __init__(self, book_id: int) -> None:
        self.book_id = book_id
        super().__init__("Book is already on loan")


class LoanLimitReachedError(ConflictError):
    def __init__(self, member_email: str, limit: int) -> None:
        self.member_email = member_email
        self.limit = limit
        super().__init__(f"Member already has {limit} books on loan")


class LoanAlreadyReturnedError(ConflictError):
    def __init__(self, loan_id: int) -> None:
        self.loan_id = loan_id
        super().__init__("Loan has already been returned")
