package com.example.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

public class TaintThroughFields extends HttpServlet {
    static class Filter {
        final String column;
        final String value;

        Filter(String column, String value) {
            this.column = column;
            this.value = value;
        }

        String toSql() {
            return column + " = '" + value + "'";
        }
    }

    private Connection connection;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Filter f = new Filter("city", req.getParameter("city"));
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT * FROM stores WHERE " + f.toSql());
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String city = req.getParameter("city");
        String sanitized = city == null ? "" : city.replaceAll("[^A-Za-z ]", "");
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT * FROM stores WHERE city = '" + sanitized + "'");
        } catch (SQLException e) {
            resp.sendError(500);
        }
    }
}
