package com.example.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Enumeration;

import javax.servlet.ServletException;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

public class FilterEchoServlet extends HttpServlet {

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        String activeFilter = "";
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if ("on".equals(request.getParameter(name))) {
                activeFilter = name;
            }
        }
        PrintWriter out = response.getWriter();
        out.println("<h2>Filtered by " + activeFilter + "</h2>");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        int active = 0;
        Enumeration<String> names = request.getParameterNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if ("on".equals(request.getParameter(name))) {
                active++;
            }
        }
        PrintWriter out = response.getWriter();
        out.println("<h2>" + active + " filters active</h2>");
    }
}
