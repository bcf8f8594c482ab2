DB_CONFIG = {
  adapter: "postgresql",
  host: "db.internal",
  username: "app",
  password: "Tr0ub4dor&3-example",
  database: "app_production",
}.freeze
