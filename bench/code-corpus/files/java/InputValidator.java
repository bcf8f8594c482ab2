package com.example.validation;

import java.util.regex.Pattern;

public class InputValidator {
    private static final Pattern EMAIL = Pattern.compile("^([a-zA-Z0-9]+)*@[a-zA-Z0-9]+\\.[a-z]+$");

    // UK postcode, e.g. "SW1A 1AA"
    private static final Pattern POSTCODE = Pattern.compile("^[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}$");

    public boolean isEmail(String s) {
        return EMAIL.matcher(s).matches();
    }

    public boolean isPostcode(String s) {
        return POSTCODE.matcher(s).matches();
    }

    public boolean isCsvLine(String s) {
        return s.matches("^(\\d+|\\d+,)*$");
    }
}
