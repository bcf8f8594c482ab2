#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void html_escape(const char *in, FILE *out) {
    for (; *in; in++) {
        switch (*in) {
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '&': fputs("&amp;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*in, out);
        }
    }
}

static void url_decode(const char *in, char *out, size_t n) {
    size_t j = 0;
    for (size_t i = 0; in[i] && j + 1 < n; i++) {
        if (in[i] == '%' && in[i + 1] && in[i + 2]) {
            char hex[3] = {in[i + 1], in[i + 2], 0};
            out[j++] = (char)strtol(hex, NULL, 16);
            i += 2;
        } else {
            out[j++] = in[i] == '+' ? ' ' : in[i];
        }
    }
    out[j] = 0;
}

int main(void) {
    char q[1024];
    const char *raw = getenv("QUERY_STRING");
    url_decode(raw ? raw : "", q, sizeof(q));
    printf("Content-Type: text/html\r\n\r\n");
    printf("<h1>Results for %s</h1>\n", q);
    printf("<p>You searched for: ");
    html_escape(q, stdout);
    printf("</p>\n");
    return 0;
}
