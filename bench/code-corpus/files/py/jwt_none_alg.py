import jwt


def issue_debug_token(user_id):
    return jwt.encode({"sub": user_id, "role": "user"}, None, algorithm="none")


def read_token(token, key):
    return jwt.decode(token, key, algorithms=["HS256"], options={"verify_signature": False})


def read_token_rs(token, public_key):
    return jwt.decode(token, public_key, algorithms=["RS256"], audience="api")
