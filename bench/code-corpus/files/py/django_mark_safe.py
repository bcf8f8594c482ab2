from django.http import HttpResponse
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe


def comment_preview(request):
    body = request.POST.get("body", "")
    html = mark_safe("<div class='comment'>" + body + "</div>")
    return HttpResponse(html)


def comment_preview_safe(request):
    body = request.POST.get("body", "")
    html = format_html("<div class='comment'>{}</div>", body)
    return HttpResponse(html)


def search_page(request):
    q = request.GET.get("q", "")
    return HttpResponse("<p>Results for " + q + "</p>")


def search_page_safe(request):
    q = request.GET.get("q", "")
    return HttpResponse("<p>Results for " + escape(q) + "</p>")
