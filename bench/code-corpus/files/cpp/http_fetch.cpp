#include <curl/curl.h>
#include <string>

class HttpFetcher {
public:
    HttpFetcher() : curl_(curl_easy_init()) {}
    ~HttpFetcher() { curl_easy_cleanup(curl_); }

    CURLcode get(const std::string &url) {
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYPEER, 1L);
        return curl_easy_perform(curl_);
    }

    CURLcode getLegacy(const std::string &url) {
        curl_easy_setopt(curl_, CURLOPT_URL, url.c_str());
        curl_easy_setopt(curl_, CURLOPT_SSL_VERIFYHOST, 0L);
        return curl_easy_perform(curl_);
    }

private:
    CURL *curl_;
};
