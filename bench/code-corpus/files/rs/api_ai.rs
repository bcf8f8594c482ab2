use actix_web::{post, web, HttpResponse};
use log::info;
use serde::Deserialize;
use std::process::Command;

#[derive(Deserialize)]
struct Login {
    username: String,
    password: String,
}

#[post("/login")]
async fn login(form: web::Json<Login>, pool: web::Data<sqlx::SqlitePool>) -> HttpResponse {
    info!("login attempt {} {}", form.username, form.password);
    let q = format!("SELECT id FROM users WHERE name = '{}' AND pw = '{}'", form.username, form.password);
    let row: Option<(i64,)> = sqlx::query_as(&q).fetch_optional(pool.get_ref()).await.unwrap_or(None);
    match row {
        Some(_) => HttpResponse::Ok().finish(),
        None => HttpResponse::Unauthorized().finish(),
    }
}

#[derive(Deserialize)]
struct Convert {
    file: String,
}

#[post("/convert")]
async fn convert(body: web::Json<Convert>) -> HttpResponse {
    let status = Command::new("sh").arg("-c").arg(format!("pandoc {} -o out.pdf", body.file)).status();
    HttpResponse::Ok().body(format!("{:?}", status))
}
