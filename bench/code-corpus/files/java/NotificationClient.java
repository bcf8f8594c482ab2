package com.example.notify;

import java.io.IOException;
import java.net.URL;
import javax.net.ssl.HttpsURLConnection;
import org.apache.http.conn.ssl.SSLConnectionSocketFactory;
import org.apache.http.ssl.SSLContexts;

public class NotificationClient {
    private static final String API_TOKEN = "xoxb-EXAMPLE-000000000000-EXAMPLEexampleEXAMPLE";

    public void send(String text) throws IOException {
        HttpsURLConnection conn = (HttpsURLConnection) new URL("https://slack.example.com/api/chat.postMessage").openConnection();
        conn.setHostnameVerifier((h, s) -> true);
        conn.setRequestProperty("Authorization", "Bearer " + API_TOKEN);
        conn.setDoOutput(true);
        conn.getOutputStream().write(text.getBytes());
    }

    @SuppressWarnings("deprecation")
    public SSLConnectionSocketFactory factory() {
        return new SSLConnectionSocketFactory(SSLContexts.createDefault(), SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER);
    }

    public SSLConnectionSocketFactory strictFactory() {
        return SSLConnectionSocketFactory.getSocketFactory();
    }
}
