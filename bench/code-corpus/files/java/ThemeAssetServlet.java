package com.example.web;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ThemeAssetServlet extends HttpServlet {
    private static final String THEMES = "/srv/themes/";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requested = request.getParameter("theme");
        String[] candidates = {"default.css", requested};
        try (InputStream in = new FileInputStream(THEMES + candidates[0])) {
            in.transferTo(response.getOutputStream());
        }
        try (InputStream in = new FileInputStream(THEMES + candidates[1])) {
            in.transferTo(response.getOutputStream());
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String requested = request.getParameter("theme");
        List<String> order = Arrays.asList("print.css", requested);
        try (InputStream in = new FileInputStream(THEMES + order.get(0))) {
            in.transferTo(response.getOutputStream());
        }
        try (InputStream in = new FileInputStream(THEMES + order.get(1))) {
            in.transferTo(response.getOutputStream());
        }
    }
}
