import subprocess

from celery import Celery

app = Celery("tasks", broker="redis://localhost:6379/0")
app.conf.accept_content = ["json"]
app.conf.task_serializer = "json"


@app.task
def render_pdf(html_path: str, out_name: str):
    subprocess.run(f"wkhtmltopdf {html_path} /srv/pdfs/{out_name}", shell=True, check=True)


@app.task
def render_pdf_safe(job_id: int):
    job = int(job_id)
    subprocess.run(["wkhtmltopdf", f"/srv/html/{job}.html", f"/srv/pdfs/{job}.pdf"], check=True)


def enqueue_pdf(request):
    render_pdf.delay(request.form["html_path"], request.form["filename"])
