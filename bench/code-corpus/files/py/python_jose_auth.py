from jose import jwt

PUBLIC_KEY = open("/etc/app/jwt.pub").read()


def get_claims(token: str):
    return jwt.get_unverified_claims(token)


def get_claims_verified(token: str):
    return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"])
