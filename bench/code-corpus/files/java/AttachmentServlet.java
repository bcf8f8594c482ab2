package com.example.servlet;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class AttachmentServlet extends HttpServlet {
    private static final String DIR = "/data/attachments";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        File f = new File(DIR, name);
        try (FileInputStream in = new FileInputStream(f)) {
            in.transferTo(resp.getOutputStream());
        }
    }

    protected void doDelete(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String name = req.getParameter("file");
        if (name == null || !name.matches("[A-Za-z0-9_-]{1,64}\\.(pdf|png|txt)")) {
            resp.sendError(400);
            return;
        }
        File f = new File(DIR, name);
        if (!f.delete()) {
            resp.sendError(404);
        }
    }
}
