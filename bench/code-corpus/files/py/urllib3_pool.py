import urllib3

http = urllib3.PoolManager(cert_reqs="CERT_NONE")

secure_http = urllib3.PoolManager(cert_reqs="CERT_REQUIRED")


def get_json(url):
    return http.request("GET", url).json()
