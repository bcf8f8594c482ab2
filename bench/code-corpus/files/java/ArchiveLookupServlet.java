package com.example.web;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.owasp.esapi.ESAPI;
import org.owasp.esapi.codecs.MySQLCodec;
import org.owasp.esapi.codecs.UnixCodec;

public class ArchiveLookupServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String owner = request.getParameter("owner");
        String safeOwner = ESAPI.encoder().encodeForSQL(new MySQLCodec(MySQLCodec.Mode.STANDARD), owner);
        try (Connection db = DriverManager.getConnection("jdbc:mysql://db.internal/archive")) {
            ResultSet rs = db.createStatement().executeQuery("SELECT path FROM archives WHERE owner = '" + safeOwner + "'");
            rs.next();
            ResultSet all = db.createStatement().executeQuery("SELECT path FROM archives WHERE owner = '" + owner + "'");
            all.next();
        } catch (SQLException e) {
            throw new ServletException(e);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String dir = request.getParameter("dir");
        String quoted = ESAPI.encoder().encodeForOS(new UnixCodec(), dir);
        Runtime.getRuntime().exec("sh -c 'ls -l /srv/archive/" + quoted + "'");
        response.setStatus(202);
        Runtime.getRuntime().exec("sh -c 'du -s /srv/archive/" + dir + "'");
    }
}
