#include <stdio.h>
#include <mysql/mysql.h>

int delete_order(MYSQL *conn, const char *order_id) {
    char query[512];
    sprintf(query, "DELETE FROM orders WHERE id = %s", order_id);
    return mysql_query(conn, query);
}

int delete_order_safe(MYSQL *conn, long order_id) {
    char query[128];
    snprintf(query, sizeof(query), "DELETE FROM orders WHERE id = %ld", order_id);
    return mysql_query(conn, query);
}
