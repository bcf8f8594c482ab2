package com.example.web;

import java.io.File;
import java.io.IOException;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class ReportRunnerServlet extends HttpServlet {
    private static final String[] REPORT = {"/opt/reports/bin/render"};

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String setting = request.getParameter("setting");
        String[] env = {setting};
        Process p = Runtime.getRuntime().exec(REPORT, env, new File("/opt/reports"));
        response.getWriter().println("exit " + p.exitValue());
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String locale = "de".equals(request.getParameter("lang")) ? "LANG=de_DE.UTF-8" : "LANG=C";
        String[] env = {locale};
        Process p = Runtime.getRuntime().exec(REPORT, env, new File("/opt/reports"));
        response.getWriter().println("exit " + p.exitValue());
    }
}
