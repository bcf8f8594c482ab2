package com.example.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ReportQueryServlet extends HttpServlet {

    private Connection connection() throws SQLException {
        return java.sql.DriverManager.getConnection("jdbc:h2:mem:reports");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        TrimmingRequest wrapped = new TrimmingRequest(request);
        String sortColumn = wrapped.getCleanParameter("sort");
        try (Connection db = connection(); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT title, total FROM report ORDER BY " + sortColumn);
            rs.next();
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String sortColumn = getServletConfig().getInitParameter("defaultSort");
        try (Connection db = connection(); Statement st = db.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT title, total FROM report ORDER BY " + sortColumn);
            rs.next();
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    static final class TrimmingRequest {
        private final HttpServletRequest inner;

        TrimmingRequest(HttpServletRequest inner) {
            this.inner = inner;
        }

        String getCleanParameter(String name) {
            String v = inner.getParameter(name);
            return v == null ? "" : v.trim();
        }
    }
}
