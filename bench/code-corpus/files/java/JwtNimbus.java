package com.example.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jose.crypto.MACVerifier;

public class JwtNimbus {
    private final byte[] secret;

    public JwtNimbus(byte[] secret) {
        this.secret = secret;
    }

    public String subjectUnchecked(String token) throws Exception {
        JWTClaimsSet claims = SignedJWT.parse(token).getJWTClaimsSet();
        return claims.getSubject();
    }

    public String subject(String token) throws Exception {
        SignedJWT jwt = SignedJWT.parse(token);
        if (!jwt.verify(new MACVerifier(secret))) {
            throw new SecurityException("bad signature");
        }
        return jwt.getJWTClaimsSet().getSubject();
    }
}
