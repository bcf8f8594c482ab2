package com.example.security;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;

public class JwtFilter {
    private final Algorithm algorithm = Algorithm.HMAC256(System.getenv("JWT_SECRET"));

    public String userFromTokenUnverified(String token) {
        DecodedJWT jwt = JWT.decode(token);
        return jwt.getSubject();
    }

    public String userFromToken(String token) {
        DecodedJWT jwt = JWT.require(algorithm).withIssuer("auth.example.com").build().verify(token);
        return jwt.getSubject();
    }
}
