package com.example.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
public class FileDownloadController {
    private static final Path BASE = Paths.get("/var/app/files").toAbsolutePath().normalize();

    @GetMapping("/files")
    public ResponseEntity<byte[]> download(@RequestParam String name) throws IOException {
        byte[] data = Files.readAllBytes(Paths.get("/var/app/files/" + name));
        return ResponseEntity.ok(data);
    }

    @GetMapping("/files/v2")
    public ResponseEntity<byte[]> downloadSafe(@RequestParam String name) throws IOException {
        Path p = BASE.resolve(name).normalize();
        if (!p.startsWith(BASE)) {
            return ResponseEntity.badRequest().build();
        }
        return ResponseEntity.ok(Files.readAllBytes(p));
    }
}
