package com.example.servlet;

import java.io.IOException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.owasp.encoder.Encode;

public class CommentServlet extends HttpServlet {
    private String renderComment(String author, String text) {
        return "<li><b>" + author + "</b>: " + text + "</li>";
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String author = req.getParameter("author");
        String text = req.getParameter("text");
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().write(renderComment(author, text));
        resp.getWriter().write("<hr/>");
        resp.getWriter().write(renderComment(Encode.forHtml(author), Encode.forHtml(text)));
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setContentType("application/json");
        resp.getWriter().write("{\"count\": " + Integer.parseInt(req.getParameter("n")) + "}");
    }
}
