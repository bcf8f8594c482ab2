import subprocess

from celery import Celery

app = Celery("tasks", broker="redis://localhost:6379/0")
app.conf.accept_content = ["json"]
app.conf.task_serializer = "json"


@app.task
def render_pdf(html_path: str, out_name: str):
    subprocess.run(f"wkhtmltopdf {html_path} /srv/pdfs/{out_name}", shell=True, check=True)


@app.task
def render_pdf_safe(html_path: str, out_name: str):
    subprocess.run(["wkhtmltopdf", html_path, f"/srv/pdfs/{out_name}"], check=True)
