package com.example.web;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class CustomerController {
    private final NamedParameterJdbcTemplate jdbc;

    public CustomerController(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/customers")
    public List<Map<String, Object>> list(@RequestParam String country) {
        return jdbc.queryForList("SELECT * FROM customers WHERE country = :c", new MapSqlParameterSource("c", country));
    }

    @GetMapping("/customers/{id}/orders")
    public List<Map<String, Object>> orders(@PathVariable long id) {
        return jdbc.queryForList("SELECT * FROM orders WHERE customer_id = " + id, Map.of());
    }

    @GetMapping("/customers/search")
    public List<Map<String, Object>> search(@RequestParam String q) {
        String where = "name LIKE '%" + q + "%'";
        return jdbc.queryForList("SELECT * FROM customers WHERE " + where, Map.of());
    }
}
