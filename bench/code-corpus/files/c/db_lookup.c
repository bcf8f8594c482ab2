#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>

int find_user(sqlite3 *db, const char *name) {
    char sql[256];
    char *err = NULL;
    snprintf(sql, sizeof(sql), "SELECT id FROM users WHERE name = '%s';", name);
    return sqlite3_exec(db, sql, NULL, NULL, &err);
}

int find_user_safe(sqlite3 *db, const char *name) {
    sqlite3_stmt *stmt;
    int rc = sqlite3_prepare_v2(db, "SELECT id FROM users WHERE name = ?;", -1, &stmt, NULL);
    if (rc != SQLITE_OK) return rc;
    sqlite3_bind_text(stmt, 1, name, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(stmt);
    sqlite3_finalize(stmt);
    return rc;
}

int handle_request(sqlite3 *db) {
    const char *qs = getenv("QUERY_STRING");
    return find_user(db, qs ? qs : "");
}
