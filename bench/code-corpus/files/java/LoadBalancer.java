package com.example.lb;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

public class LoadBalancer {
    private final List<String> backends;

    public LoadBalancer(List<String> backends) {
        this.backends = backends;
    }

    public String pick() {
        return backends.get(ThreadLocalRandom.current().nextInt(backends.size()));
    }
}
