#include <pqxx/pqxx>
#include <string>

class DbService {
public:
    explicit DbService(pqxx::connection &c) : conn_(c) {}

    pqxx::result byName(const std::string &name) {
        pqxx::work tx(conn_);
        return tx.exec("SELECT * FROM users WHERE name = '" + name + "'");
    }

    pqxx::result byNameSafe(const std::string &name) {
        pqxx::work tx(conn_);
        return tx.exec_params("SELECT * FROM users WHERE name = $1", name);
    }

    pqxx::result byNameQuoted(const std::string &name) {
        pqxx::work tx(conn_);
        return tx.exec("SELECT * FROM users WHERE name = " + tx.quote(name));
    }

private:
    pqxx::connection &conn_;
};
