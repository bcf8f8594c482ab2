package com.example.validation;

import java.util.regex.Pattern;

public class HostValidator {
    private static final Pattern HOST = Pattern.compile("^([a-z0-9]+(-[a-z0-9]+)*\\.)+[a-z]{2,}$");

    public boolean valid(String host) {
        return HOST.matcher(host).matches();
    }

    public boolean matchesUserFilter(String value, String filter) {
        return Pattern.compile(filter).matcher(value).find();
    }

    public boolean matchesLiteral(String value, String filter) {
        return Pattern.compile(Pattern.quote(filter)).matcher(value).find();
    }
}
