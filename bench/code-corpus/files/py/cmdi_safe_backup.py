import shlex
import subprocess
from datetime import date


def backup_database():
    target = f"/var/backups/db-{date.today().isoformat()}.sql"
    subprocess.run("pg_dump appdb > /var/backups/latest.sql", shell=True, check=True)
    subprocess.run(["cp", "/var/backups/latest.sql", target], check=True)


def archive(user_dir):
    quoted = shlex.quote(user_dir)
    subprocess.run(f"tar czf /tmp/archive.tgz -- {quoted}", shell=True, check=True)
