package com.example.mail;

import java.util.Properties;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

public class MailSender {
    public Session session() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "smtp.example.com");
        props.put("mail.smtp.auth", "true");
        return Session.getInstance(props, new Authenticator() {
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("noreply@example.com", "Spring2024!mailer");
            }
        });
    }

    public Session sessionFromEnv() {
        Properties props = new Properties();
        props.put("mail.smtp.host", "smtp.example.com");
        String pw = System.getenv("SMTP_PASSWORD");
        return Session.getInstance(props, new Authenticator() {
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication("noreply@example.com", pw);
            }
        });
    }
}
