package com.example.sync;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;

public class SyncAgent {
    private static final String INBOX = "/var/lib/sync/inbox/";

    public void receiveFromPeer(int port) throws Exception {
        try (ServerSocket server = new ServerSocket(port); Socket peer = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
            String fileName = in.readLine();
            File target = new File(INBOX + fileName);
            try (FileInputStream fis = new FileInputStream(target)) {
                fis.transferTo(peer.getOutputStream());
            }
        }
    }

    public void receiveFromPeerChecked(int port) throws Exception {
        try (ServerSocket server = new ServerSocket(port); Socket peer = server.accept()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
            String fileName = new File(in.readLine()).getName();
            File target = new File(INBOX, fileName);
            try (FileInputStream fis = new FileInputStream(target)) {
                fis.transferTo(peer.getOutputStream());
            }
        }
    }

    public void pullManifest(String feedUrl) throws Exception {
        URLConnection conn = new URL(feedUrl).openConnection();
        BufferedReader reader = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
        String entry = reader.readLine();
        Runtime.getRuntime().exec("unzip -o /tmp/bundle.zip " + entry);
    }

    public void pullManifestNumbered(String feedUrl) throws Exception {
        URLConnection conn = new URL(feedUrl).openConnection();
        BufferedReader reader = new BufferedReader(new InputStreamReader(conn.getInputStream(), StandardCharsets.UTF_8));
        int part = Integer.parseInt(reader.readLine().trim());
        Runtime.getRuntime().exec("unzip -o /tmp/bundle.zip part" + part + ".dat");
    }

    public void openFromConsole() throws Exception {
        BufferedReader console = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String path = console.readLine();
        try (FileInputStream fis = new FileInputStream(path)) {
            System.out.println(fis.available());
        }
    }
}
