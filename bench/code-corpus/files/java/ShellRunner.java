package com.example.util;

import java.io.IOException;
import java.util.List;

public class ShellRunner {
    public Process runUserScript(String scriptArgs) throws IOException {
        return new ProcessBuilder("bash", "-c", "/opt/tools/run.sh " + scriptArgs).start();
    }

    public Process convert(String inputFile) throws IOException {
        return new ProcessBuilder(List.of("convert", inputFile, "-resize", "50%", "/tmp/out.png")).start();
    }

    public Process uptime() throws IOException {
        return Runtime.getRuntime().exec(new String[] {"uptime"});
    }

    public Process archive(String dir) throws IOException {
        String[] cmd = {"/bin/sh", "-c", "tar czf /tmp/a.tgz " + dir};
        return Runtime.getRuntime().exec(cmd);
    }
}

class ShellController {
    private final ShellRunner runner = new ShellRunner();

    @org.springframework.web.bind.annotation.PostMapping("/tools/run")
    public void run(@org.springframework.web.bind.annotation.RequestParam String args,
                    @org.springframework.web.bind.annotation.RequestParam String dir) throws IOException {
        runner.runUserScript(args);
        runner.archive(dir);
    }
}
