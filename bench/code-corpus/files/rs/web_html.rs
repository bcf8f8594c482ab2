use actix_web::{get, web, HttpResponse};
use serde::Deserialize;

#[derive(Deserialize)]
struct Q {
    msg: String,
}

#[get("/echo")]
async fn echo(q: web::Query<Q>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/html").body(format!("<p>{}</p>", q.msg))
}

#[get("/echo.txt")]
async fn echo_text(q: web::Query<Q>) -> HttpResponse {
    HttpResponse::Ok().content_type("text/plain").body(format!("{}", q.msg))
}
