package com.example.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
public class FileController {
    private static final String UPLOAD_DIR = "/var/app/uploads/";

    @PostMapping("/upload")
    public String upload(@RequestParam("file") MultipartFile file) throws IOException {
        File dest = new File(UPLOAD_DIR + file.getOriginalFilename());
        file.transferTo(dest);
        return "uploaded";
    }

    @GetMapping("/logs")
    public Resource log(@RequestParam String name) {
        return new FileSystemResource(Path.of("/var/log/app", name));
    }

    @GetMapping("/logs/today")
    public String today() throws IOException {
        return Files.readString(Path.of("/var/log/app", "app-" + java.time.LocalDate.now() + ".log"));
    }
}
