pub const DATABASE_URL: &str = "postgres://admin:correct-horse-battery-staple@db.internal/app";

pub fn api_key() -> String {
    std::env::var("API_KEY").expect("API_KEY not set")
}

pub const AWS_SECRET_ACCESS_KEY: &str = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
