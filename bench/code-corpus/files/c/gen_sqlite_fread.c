#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>

int import_row(sqlite3 *db, FILE *feed)
{
    char name[128] = {0};
    char sql[256];
    fread(name, 1, sizeof(name) - 1, feed);
    snprintf(sql, sizeof(sql), "INSERT INTO people(name) VALUES('%s')", name);
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

int import_count(sqlite3 *db, FILE *feed)
{
    char digits[16] = {0};
    char sql[256];
    fread(digits, 1, sizeof(digits) - 1, feed);
    long count = strtol(digits, NULL, 10);
    snprintf(sql, sizeof(sql), "UPDATE stats SET rows = %ld", count);
    return sqlite3_exec(db, sql, NULL, NULL, NULL);
}
