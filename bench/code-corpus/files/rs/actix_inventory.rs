use actix_web::{get, web, HttpResponse, Responder};
use sqlx::PgPool;
use std::collections::HashMap;

pub struct AppState {
    pub pool: PgPool,
}

#[get("/inventory/search")]
async fn search(
    state: web::Data<AppState>,
    params: web::Query<HashMap<String, String>>,
) -> impl Responder {
    let sku = params.get("sku").cloned().unwrap_or_default();
    let sql = format!("SELECT id, qty FROM inventory WHERE sku = '{}'", sku);
    let rows = sqlx::query(&sql).fetch_all(&state.pool).await;
    HttpResponse::Ok().body(format!("{} rows", rows.map(|r| r.len()).unwrap_or(0)))
}

#[get("/inventory/lookup")]
async fn lookup(
    state: web::Data<AppState>,
    params: web::Query<HashMap<String, String>>,
) -> impl Responder {
    let sku = params.get("sku").cloned().unwrap_or_default();
    let rows = sqlx::query("SELECT id, qty FROM inventory WHERE sku = $1")
        .bind(&sku)
        .fetch_all(&state.pool)
        .await;
    HttpResponse::Ok().body(format!("{} rows", rows.map(|r| r.len()).unwrap_or(0)))
}

#[get("/inventory/page")]
async fn page(params: web::Query<HashMap<String, String>>) -> impl Responder {
    let raw = params.get("page").cloned().unwrap_or_default();
    let page: u32 = raw.parse().unwrap_or(1);
    let body = std::fs::read_to_string(format!("/srv/catalog/page-{}.html", page));
    HttpResponse::Ok().body(body.unwrap_or_default())
}

#[get("/inventory/sheet")]
async fn sheet(params: web::Query<HashMap<String, String>>) -> impl Responder {
    let name = params.get("name").cloned().unwrap_or_default();
    let body = std::fs::read_to_string(format!("/srv/catalog/{}", name));
    HttpResponse::Ok().body(body.unwrap_or_default())
}
