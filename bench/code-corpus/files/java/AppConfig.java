package com.example.config;

public final class AppConfig {
    public static final String DB_URL = "jdbc:postgresql://db.internal:5432/app";
    public static final String DB_USER = "app";
    public static final String DB_PASSWORD = "correct-horse-battery-staple";

    public static final String AWS_KEY = System.getenv("AWS_ACCESS_KEY_ID");

    public static final String STRIPE_KEY = "sk_live_EXAMPLE0000000000000000fakeFAKE";

    private AppConfig() {}
}
