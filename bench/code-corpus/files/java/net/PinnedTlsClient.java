import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

public class PinnedTlsClient {
    public HttpsURLConnection openLenient(URL url) throws Exception {
        HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();
        conn.setHostnameVerifier(new NullHostnameVerifier());
        return conn;
    }

    public HttpsURLConnection open(URL url) throws Exception {
        HttpsURLConnection conn = (HttpsURLConnection) url.openConnection();
        conn.setHostnameVerifier(HttpsURLConnection.getDefaultHostnameVerifier());
        return conn;
    }

    public SSLContext lenientContext() throws Exception {
        SSLContext ctx = SSLContext.getInstance("TLSv1.3");
        ctx.init(null, new TrustManager[] { new TrustAllTrustManager() }, null);
        return ctx;
    }
}
