package com.example.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.sql.DataSource;
import org.owasp.encoder.Encode;

public class CommentsServlet extends HttpServlet {
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement ps = db.prepareStatement("select author, body from comments order by id desc")) {
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                String author = rs.getString("author");
                String body = rs.getString("body");
                response.getWriter().println("<li><b>" + Encode.forHtml(author) + "</b>: " + body + "</li>");
                response.getWriter().flush();
                response.getWriter().println("<li>" + Encode.forHtml(body) + "</li>");
            }
        } catch (SQLException e) {
            response.sendError(500, "database unavailable");
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String id = request.getParameter("id");
        if (id == null || !id.matches("[0-9]+")) {
            response.sendError(400, "Invalid comment id: " + id);
            return;
        }
        response.sendError(404, "Unknown comment " + Encode.forHtml(id));
    }

    protected void archive(Connection db, String table) throws SQLException {
        try (PreparedStatement ps = db.prepareStatement("select name from archive_jobs where done = false")) {
            ResultSet jobs = ps.executeQuery();
            while (jobs.next()) {
                String target = jobs.getString(1);
                db.createStatement().executeUpdate("insert into " + target + " select * from comments");
                db.clearWarnings();
                PreparedStatement mark = db.prepareStatement("update archive_jobs set done = true where name = ?");
                mark.setString(1, target);
                mark.executeUpdate();
            }
        }
    }
}
