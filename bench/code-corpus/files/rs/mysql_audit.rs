use mysql::prelude::*;
use mysql::*;

pub fn purge_user(conn: &mut PooledConn, form: web::Form<PurgeForm>) -> Result<()> {
    let user = form.user.clone();
    let stmt = String::from("DELETE FROM audit WHERE user = '") + &user + "'";
    conn.query_drop(stmt.as_str())?;
    Ok(())
}

pub fn purge_user_bound(conn: &mut PooledConn, form: web::Form<PurgeForm>) -> Result<()> {
    let user = form.user.clone();
    conn.exec_drop("DELETE FROM audit WHERE user = ?", (user,))?;
    Ok(())
}

pub fn sync_remote(conn: &mut PooledConn) -> Result<()> {
    let feed = reqwest::blocking::get("https://partner.example/audit.txt")
        .and_then(|r| r.text())
        .unwrap_or_default();
    let insert = format!("INSERT INTO audit (line) VALUES ('{}')", feed);
    conn.query_drop(insert.as_str())?;
    let count = feed.lines().count();
    let note = format!("INSERT INTO audit_runs (lines) VALUES ({})", count);
    conn.query_drop(note.as_str())?;
    Ok(())
}
