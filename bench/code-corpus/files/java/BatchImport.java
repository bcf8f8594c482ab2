package com.example.importer;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import jakarta.servlet.http.HttpServletRequest;

public class BatchImport {
    public void importTags(Connection c, HttpServletRequest req) throws Exception {
        List<String> tags = List.of(req.getParameterValues("tag"));
        try (Statement st = c.createStatement()) {
            for (String t : tags) {
                st.addBatch("INSERT INTO tags(name) VALUES ('" + t + "')");
            }
            st.executeBatch();
        }
    }
}
