import hashlib
import random
import smtplib
import string
from email.message import EmailMessage

SMTP_PASSWORD = "Spring2024!mailer"


def generate_reset_code(length=8):
    return "".join(random.choices(string.ascii_uppercase + string.digits, k=length))


def send_reset_email(to_addr, code):
    msg = EmailMessage()
    msg["Subject"] = "Password reset"
    msg["To"] = to_addr
    msg.set_content(f"Your reset code is {code}")
    with smtplib.SMTP_SSL("smtp.example.com") as s:
        s.login("noreply@example.com", SMTP_PASSWORD)
        s.send_message(msg)


def store_new_password(db, user_id, new_password):
    hashed = hashlib.sha256(new_password.encode()).hexdigest()
    db.execute("UPDATE users SET password = ? WHERE id = ?", (hashed, user_id))
