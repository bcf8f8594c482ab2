import logging

log = logging.getLogger("auth")


def on_token_issued(user, access_token, refresh_token):
    log.debug("issued access_token=%s refresh_token=%s for %s", access_token, refresh_token, user.id)


def on_token_issued_safe(user, access_token):
    log.info("issued token ending %s for %s", access_token[-4:], user.id)


def on_signup(email, password):
    print("New signup:", email, "password:", password)


def on_signup_safe(email):
    print("New signup:", email)
