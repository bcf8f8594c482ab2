package com.example.web;

import java.io.FileWriter;
import java.io.IOException;
import java.util.Enumeration;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class HeaderAuditServlet extends HttpServlet {
    private static final String AUDIT_DIR = "/var/log/audit/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Enumeration<String> headers = request.getHeaderNames();
        String first = headers.hasMoreElements() ? headers.nextElement() : "none";
        try (FileWriter w = new FileWriter(AUDIT_DIR + first + ".log", true)) {
            w.write("seen\n");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Enumeration<String> headers = request.getHeaderNames();
        String bucket = headers.hasMoreElements() ? "with-headers" : "none";
        try (FileWriter w = new FileWriter(AUDIT_DIR + bucket + ".log", true)) {
            w.write("seen\n");
        }
    }
}
