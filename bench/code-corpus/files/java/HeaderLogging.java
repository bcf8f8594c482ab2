package com.example.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

public class HeaderLogging extends HttpFilter {
    private static final Logger log = LoggerFactory.getLogger(HeaderLogging.class);

    @Override
    protected void doFilter(HttpServletRequest req, HttpServletResponse res, FilterChain chain) throws IOException, ServletException {
        log.debug("{} {} auth={}", req.getMethod(), req.getRequestURI(), req.getHeader("Authorization"));
        res.setHeader("X-Request-Id", java.util.UUID.randomUUID().toString());
        log.info("{} {} from {}", req.getMethod(), req.getRequestURI(), req.getRemoteAddr());
        chain.doFilter(req, res);
    }
}
