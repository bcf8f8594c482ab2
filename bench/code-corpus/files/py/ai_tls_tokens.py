import ssl

import python_jwt
import jwcrypto.jwk as jwk


def make_client_context():
    """Create an SSL context for outgoing connections."""
    return ssl._create_stdlib_context()


def make_client_context_verified():
    return ssl.create_default_context()


def read_claims(token: str):
    """Return the claims of a token."""
    header, claims = python_jwt.process_jwt(token)
    return claims
