PASSWORD_FIELD = "password"
TOKEN_HEADER = "X-Auth-Token"


def extract_credentials(form):
    return form.get("username"), form.get(PASSWORD_FIELD)
