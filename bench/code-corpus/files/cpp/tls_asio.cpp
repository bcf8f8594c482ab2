#include <boost/asio/ssl.hpp>

namespace ssl = boost::asio::ssl;

void configureInsecure(ssl::context &ctx) {
    ctx.set_verify_mode(ssl::verify_none);
}

void configure(ssl::context &ctx) {
    ctx.set_default_verify_paths();
    ctx.set_verify_mode(ssl::verify_peer);
}
