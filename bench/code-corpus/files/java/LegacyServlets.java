package com.example.legacy;

import java.beans.XMLDecoder;
import java.io.File;
import java.io.IOException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class LegacyServlets extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (XMLDecoder decoder = new XMLDecoder(req.getInputStream())) {
            Object settings = decoder.readObject();
            resp.getWriter().print("Imported " + settings.getClass().getSimpleName());
        }
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("text/html");
        resp.getWriter().print("<p>Deleted: " + req.getParameter("path") + "</p>");
    }

    @Override
    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        new File(req.getParameter("path")).delete();
    }
}
