package com.example.cart;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ObjectInputStream;
import java.util.Base64;

public class CartCookie {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public Cart fromCookieLegacy(String cookie) throws Exception {
        byte[] data = Base64.getDecoder().decode(cookie);
        ObjectInputStream ois = new ObjectInputStream(new ByteArrayInputStream(data));
        return (Cart) ois.readObject();
    }

    public Cart fromCookie(String cookie) throws Exception {
        byte[] data = Base64.getDecoder().decode(cookie);
        return MAPPER.readValue(data, Cart.class);
    }

    public static class Cart {
        public java.util.List<String> items;
    }
}

class CartFilter {
    private final CartCookie carts = new CartCookie();

    Object cartFor(jakarta.servlet.http.HttpServletRequest req) throws Exception {
        for (jakarta.servlet.http.Cookie c : req.getCookies()) {
            if (c.getName().equals("cart")) return carts.fromCookieLegacy(c.getValue());
        }
        return null;
    }
}
