import jwt
import os
from flask import request, abort

SECRET = os.environ["JWT_SECRET"]


def current_user_insecure():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    return claims["sub"]


def current_user():
    token = request.headers.get("Authorization", "").removeprefix("Bearer ")
    try:
        claims = jwt.decode(token, SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        abort(401)
    return claims["sub"]
