use axum::{extract::Path, http::StatusCode};
use tokio::fs;

pub async fn read_note(Path(name): Path<String>) -> Result<String, StatusCode> {
    let p = format!("./notes/{}", name);
    fs::read_to_string(p).await.map_err(|_| StatusCode::NOT_FOUND)
}

pub async fn read_note_safe(Path(name): Path<String>) -> Result<String, StatusCode> {
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        return Err(StatusCode::BAD_REQUEST);
    }
    fs::read_to_string(format!("./notes/{}.md", name)).await.map_err(|_| StatusCode::NOT_FOUND)
}

pub async fn delete_note(Path(name): Path<String>) -> StatusCode {
    match fs::remove_file(std::path::Path::new("./notes").join(&name)).await {
        Ok(_) => StatusCode::NO_CONTENT,
        Err(_) => StatusCode::NOT_FOUND,
    }
}
