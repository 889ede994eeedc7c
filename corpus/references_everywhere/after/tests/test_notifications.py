from src.config import settings
from src.notifications import EmailMessage, send_email


def test_send_email_appends_to_the_outbox(monkeypatch) -> None:
    outbox: list[EmailMessage] = []
    monkeypatch.setattr("src.notifications.OUTBOX", outbox)

    message = send_email(to="ada@example.com", subject="Hello", body="World")

    assert outbox == [message]
    assert message.sender == settings.MAIL_FROM
    assert message.to == "ada@example.com"
