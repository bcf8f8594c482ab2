package com.example.web;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.servlet.http.HttpServletRequest;

public class LegacyFilters {
    public ResultSet byTag(HttpServletRequest request, Connection db) throws SQLException {
        String tag = "";
        for (String pair : request.getQueryString().split("&")) {
            if (pair.startsWith("tag=")) {
                tag = pair.substring(4);
            }
        }
        Statement st = db.createStatement();
        return st.executeQuery("select * from posts where tag = '" + tag + "'");
    }

    public ResultSet byKnownTag(HttpServletRequest request, Connection db) throws SQLException {
        String tag = "";
        for (String pair : request.getQueryString().split("&")) {
            if (pair.startsWith("tag=")) {
                tag = pair.substring(4);
            }
        }
        var ps = db.prepareStatement("select * from posts where tag = ?");
        ps.setString(1, tag);
        return ps.executeQuery();
    }
}
