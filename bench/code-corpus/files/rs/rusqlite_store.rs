use rusqlite::{params, Connection, Result};

pub fn delete_note(conn: &Connection, owner: &str, title: &str) -> Result<usize> {
    let sql = format!("DELETE FROM notes WHERE owner = '{}' AND title = '{}'", owner, title);
    conn.execute(&sql, [])
}

pub fn delete_note_safe(conn: &Connection, owner: &str, title: &str) -> Result<usize> {
    conn.execute("DELETE FROM notes WHERE owner = ?1 AND title = ?2", params![owner, title])
}

pub fn count_table(conn: &Connection) -> Result<i64> {
    const TABLE: &str = "notes";
    conn.query_row(&format!("SELECT COUNT(*) FROM {}", TABLE), [], |r| r.get(0))
}
