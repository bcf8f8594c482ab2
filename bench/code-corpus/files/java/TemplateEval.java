package com.example.templating;

import freemarker.template.Configuration;
import freemarker.template.Template;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class TemplateEval {
    private final Configuration cfg = new Configuration(Configuration.VERSION_2_3_32);

    @PostMapping("/render")
    public String render(@RequestBody String source) throws Exception {
        Template t = new Template("user", new StringReader(source), cfg);
        StringWriter out = new StringWriter();
        t.process(Map.of("name", "guest"), out);
        return out.toString();
    }
}
