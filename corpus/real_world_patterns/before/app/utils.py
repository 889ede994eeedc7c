"""E-mail helpers. The templates are built into `email-templates/build/` beside this file."""

from pathlib import Path

from app.core.config import settings

TEMPLATES_DIR = Path(__file__).parent / "email-templates" / "build"


def render_email_template(*, template_name: str, context: dict[str, str]) -> str:
    html = (TEMPLATES_DIR / template_name).read_text(encoding="utf-8")
    for key, value in context.items():
        html = html.replace("{{ " + key + " }}", value)
    return html


def generate_new_account_email(email_to: str) -> dict[str, str]:
    subject = f"{settings.PROJECT_NAME} - New account for {email_to}"
    html_content = render_email_template(
        template_name="welcome.html",
        context={"project_name": settings.PROJECT_NAME, "email": email_to},
    )
    return {"subject": subject, "html_content": html_content}
