package com.example.service;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@Service
class ProductQueries {
    String byVendor(String vendor) {
        return "SELECT * FROM products WHERE vendor = '" + vendor + "'";
    }

    String byVendorParam() {
        return "SELECT * FROM products WHERE vendor = ?";
    }
}

@RestController
public class ProductService {
    private final JdbcTemplate jdbc;
    private final ProductQueries queries = new ProductQueries();

    public ProductService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/vendors/products")
    public List<Map<String, Object>> products(@RequestParam String vendor) {
        String sql = queries.byVendor(vendor);
        return jdbc.queryForList(sql);
    }

    @GetMapping("/vendors/products2")
    public List<Map<String, Object>> products2(@RequestParam String vendor) {
        return jdbc.queryForList(queries.byVendorParam(), vendor);
    }
}
