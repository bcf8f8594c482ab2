use diesel::prelude::*;
use diesel::sql_query;
use diesel::sql_types::Text;

pub fn by_status(conn: &mut PgConnection, status: &str) -> QueryResult<usize> {
    sql_query(format!("UPDATE orders SET seen = true WHERE status = '{}'", status)).execute(conn)
}

pub fn by_status_safe(conn: &mut PgConnection, status: &str) -> QueryResult<usize> {
    sql_query("UPDATE orders SET seen = true WHERE status = $1").bind::<Text, _>(status).execute(conn)
}
