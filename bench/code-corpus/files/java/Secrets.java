package com.example.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

public class Secrets {
    public AwsBasicCredentials staticCreds() {
        return AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    }

    public DefaultCredentialsProvider providerChain() {
        return DefaultCredentialsProvider.create();
    }

    private static final String JWT_SIGNING_KEY = "c2VjcmV0LXNpZ25pbmcta2V5LWV4YW1wbGUtMDEyMzQ1Njc4OQ==";
}
