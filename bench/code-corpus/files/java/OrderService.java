package com.example.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

public class OrderService {
    private static final Set<String> SORTABLE = Set.of("created_at", "total", "status");
    private final DataSource ds;

    public OrderService(DataSource ds) {
        this.ds = ds;
    }

    private String filterFor(String customer, String status) {
        StringBuilder sb = new StringBuilder(" WHERE customer = '").append(customer).append("'");
        if (status != null) {
            sb.append(" AND status = '").append(status).append("'");
        }
        return sb.toString();
    }

    public List<Long> find(String customer, String status) throws SQLException {
        String sql = "SELECT id FROM orders" + filterFor(customer, status);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ResultSet rs = ps.executeQuery();
            List<Long> ids = new ArrayList<>();
            while (rs.next()) ids.add(rs.getLong(1));
            return ids;
        }
    }

    public List<Long> findSorted(String customer, String sort) throws SQLException {
        String column = SORTABLE.contains(sort) ? sort : "created_at";
        String sql = "SELECT id FROM orders WHERE customer = ? ORDER BY " + column;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, customer);
            ResultSet rs = ps.executeQuery();
            List<Long> ids = new ArrayList<>();
            while (rs.next()) ids.add(rs.getLong(1));
            return ids;
        }
    }
}
