package com.example.reports;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ReportRepository {
    private static final Map<String, String> COLUMNS = Map.of("date", "created_at", "amount", "amount");
    private final JdbcTemplate jdbc;

    public ReportRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Map<String, Object>> byRegion(String region) {
        String sql = String.format("SELECT * FROM reports WHERE region = '%s'", region);
        return jdbc.queryForList(sql);
    }

    public List<Map<String, Object>> byRegionSafe(String region) {
        return jdbc.queryForList("SELECT * FROM reports WHERE region = ?", region);
    }

    public List<Map<String, Object>> sorted(String sortKey, int limit) {
        String column = COLUMNS.getOrDefault(sortKey, "created_at");
        return jdbc.queryForList("SELECT * FROM reports ORDER BY " + column + " LIMIT " + limit);
    }
}
