from django.db import connection
from django.http import JsonResponse
from myapp.models import Article


def article_search(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, title FROM blog_article WHERE title LIKE '%%%s%%'" % term)
        rows = cursor.fetchall()
    return JsonResponse({"results": rows})


def article_by_author(request):
    author = request.GET.get("author", "")
    qs = Article.objects.raw("SELECT * FROM blog_article WHERE author = %s", [author])
    return JsonResponse({"results": [a.title for a in qs]})


def article_extra(request):
    order = request.GET.get("order", "id")
    qs = Article.objects.extra(where=["category = '%s'" % order])
    return JsonResponse({"results": [a.title for a in qs]})
