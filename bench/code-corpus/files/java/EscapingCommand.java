package com.example.ops;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;

public class EscapingCommand {
    public Process dig(HttpServletRequest req) throws IOException {
        String domain = req.getParameter("domain");
        if (!domain.matches("[a-z0-9][a-z0-9.-]{0,252}")) {
            throw new IllegalArgumentException("bad domain");
        }
        return Runtime.getRuntime().exec("dig +short " + domain);
    }

    public Process digRaw(HttpServletRequest req) throws IOException {
        return new ProcessBuilder("sh", "-c", "dig +short " + req.getParameter("domain")).start();
    }
}
