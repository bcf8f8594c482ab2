package com.example.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import javax.net.ssl.SSLContext;

public class SecureHttp {
    private final HttpClient client;

    public SecureHttp() throws Exception {
        SSLContext ctx = SSLContext.getDefault();
        this.client = HttpClient.newBuilder().sslContext(ctx).build();
    }

    public String get(String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
