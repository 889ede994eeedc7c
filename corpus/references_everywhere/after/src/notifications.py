"""E-mail notifications, delivered to an in-memory outbox instead of an SMTP server."""

from dataclasses import dataclass

from src.config import settings


@dataclass(frozen=True)
class EmailMessage:
    sender: str
    to: str
    subject: str
    body: str


# Every message the application has "sent", oldest first.
OUTBOX: list[EmailMessage] = []


def send_email(to: str, subject: str, body: str) -> EmailMessage:
    message = EmailMessage(sender=settings.MAIL_FROM, to=to, subject=subject, body=body)
    # Looked up at call time, so replacing OUTBOX on the module redirects delivery.
    OUTBOX.append(message)
    return message
