package com.example.http;

import javax.net.ssl.HostnameVerifier;
import okhttp3.OkHttpClient;

public class OkHttpFactory {
    public OkHttpClient lenient() {
        HostnameVerifier allowAll = (hostname, session) -> true;
        return new OkHttpClient.Builder().hostnameVerifier(allowAll).build();
    }

    public OkHttpClient strict() {
        return new OkHttpClient.Builder().build();
    }
}
