package com.example.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

public class YamlImport {
    public Object parseUntrusted(String body) {
        Yaml yaml = new Yaml();
        return yaml.load(body);
    }

    public Object parseSafe(String body) {
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        return yaml.load(body);
    }
}
