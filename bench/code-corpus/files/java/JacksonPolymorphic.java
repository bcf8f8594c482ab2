package com.example.api;

import com.fasterxml.jackson.databind.ObjectMapper;

public class JacksonPolymorphic {
    public Object parse(String body) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.enableDefaultTyping();
        return mapper.readValue(body, Object.class);
    }
}
