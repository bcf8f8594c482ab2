use actix_web::{get, web, HttpResponse};
use std::path::{Path, PathBuf};

const ROOT: &str = "/srv/files";

#[get("/files/{name:.*}")]
async fn get_file(name: web::Path<String>) -> HttpResponse {
    let path = format!("{}/{}", ROOT, name.into_inner());
    match std::fs::read(&path) {
        Ok(bytes) => HttpResponse::Ok().body(bytes),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}

#[get("/v2/files/{name:.*}")]
async fn get_file_safe(name: web::Path<String>) -> HttpResponse {
    let root = Path::new(ROOT).canonicalize().unwrap();
    let candidate: PathBuf = match root.join(name.into_inner()).canonicalize() {
        Ok(p) => p,
        Err(_) => return HttpResponse::NotFound().finish(),
    };
    if !candidate.starts_with(&root) {
        return HttpResponse::BadRequest().finish();
    }
    match std::fs::read(&candidate) {
        Ok(bytes) => HttpResponse::Ok().body(bytes),
        Err(_) => HttpResponse::NotFound().finish(),
    }
}
