import logging

logger = logging.getLogger("users")


def user_created(user):
    logger.info("user created id=%s email=%s", user.id, user.email)


def password_changed(user):
    logger.info("password changed for user id=%s", user.id)


def password_reset_requested(user, reset_token):
    logger.info("password reset for %s, token=%s", user.email, reset_token)


def login_failed(username, reason):
    logger.warning("login failed for %s: %s", username, reason)
