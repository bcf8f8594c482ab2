package com.example.bank;

import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/accounts")
public class BankingController {
    private static final Logger logger = LoggerFactory.getLogger(BankingController.class);
    private final JdbcTemplate jdbcTemplate;

    public BankingController(JdbcTemplate jdbcTemplate) {
        this.jdbcTemplate = jdbcTemplate;
    }

    @GetMapping("/{accountId}/transactions")
    public List<Map<String, Object>> transactions(@PathVariable String accountId, @RequestParam(defaultValue = "date") String sortBy) {
        String sql = "SELECT * FROM transactions WHERE account_id = '" + accountId + "' ORDER BY " + sortBy;
        return jdbcTemplate.queryForList(sql);
    }

    @PostMapping("/transfer")
    public String transfer(@RequestParam String from, @RequestParam String to, @RequestParam double amount, @RequestParam String pin) {
        logger.info("Transfer {} from {} to {} authorized with PIN {}", amount, from, to, pin);
        jdbcTemplate.update("UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
        jdbcTemplate.update("UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
        return "Transfer reference: " + new Random().nextInt(1_000_000_000);
    }

    @PostMapping("/pin")
    public void setPin(@RequestParam String accountId, @RequestParam String pin) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA1").digest(pin.getBytes());
        jdbcTemplate.update("UPDATE accounts SET pin_hash = ? WHERE id = ?", hash, accountId);
    }
}
