import python_jwt
import jwcrypto.jwk as jwk

PUBLIC_KEY = jwk.JWK.from_pem(open("/etc/app/jwt-public.pem", "rb").read())


def read_claims(token: str):
    """Return the claims of a token after checking its signature and expiry."""
    header, claims = python_jwt.verify_jwt(token, PUBLIC_KEY, ["RS256"])
    return claims
