package com.example.rpc;

import java.io.IOException;
import java.io.ObjectInputStream;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class ObjectEndpoint extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try (ObjectInputStream in = new ObjectInputStream(req.getInputStream())) {
            Object cmd = in.readObject();
            resp.getWriter().println("ok " + cmd.getClass().getSimpleName());
        } catch (ClassNotFoundException e) {
            resp.sendError(400);
        }
    }
}
