use axum::{extract::Query, Json};
use serde::Deserialize;
use sqlx::PgPool;

#[derive(Deserialize)]
pub struct Search {
    name: String,
}

pub async fn search_users(pool: axum::extract::State<PgPool>, Query(q): Query<Search>) -> Json<Vec<String>> {
    let sql = format!("SELECT name FROM users WHERE name = '{}'", q.name);
    let rows: Vec<(String,)> = sqlx::query_as(&sql).fetch_all(&*pool).await.unwrap_or_default();
    Json(rows.into_iter().map(|r| r.0).collect())
}

pub async fn search_users_safe(pool: axum::extract::State<PgPool>, Query(q): Query<Search>) -> Json<Vec<String>> {
    let rows: Vec<(String,)> = sqlx::query_as("SELECT name FROM users WHERE name = $1")
        .bind(&q.name)
        .fetch_all(&*pool)
        .await
        .unwrap_or_default();
    Json(rows.into_iter().map(|r| r.0).collect())
}
