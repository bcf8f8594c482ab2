#include <cstdlib>
#include <string>
#include <sqlite3.h>

class ReportExporter {
public:
    explicit ReportExporter(sqlite3 *db) : db_(db) {}

    int exportCsv(const std::string &table, const std::string &outFile) {
        std::string cmd = "sqlite3 -csv app.db 'SELECT * FROM " + table + "' > " + outFile;
        return std::system(cmd.c_str());
    }

    int countRows(const std::string &owner) {
        std::string sql = "SELECT COUNT(*) FROM reports WHERE owner = '" + owner + "'";
        return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    }

    int countRowsSafe(const std::string &owner) {
        sqlite3_stmt *stmt = nullptr;
        sqlite3_prepare_v2(db_, "SELECT COUNT(*) FROM reports WHERE owner = ?", -1, &stmt, nullptr);
        sqlite3_bind_text(stmt, 1, owner.c_str(), -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(stmt);
        sqlite3_finalize(stmt);
        return rc;
    }

private:
    sqlite3 *db_;
};

// Called from the admin HTTP endpoint with the query-string values as-is.
int handleExport(sqlite3 *db, const std::string &tableParam, const std::string &ownerParam) {
    ReportExporter ex(db);
    ex.countRows(ownerParam);
    return ex.exportCsv(tableParam, "/tmp/export.csv");
}
