from django.db.models.expressions import RawSQL
from django.http import JsonResponse

from shop.models import Product


def products(request):
    boost = request.GET.get("boost", "0")
    qs = Product.objects.annotate(score=RawSQL("popularity * " + boost, []))
    return JsonResponse({"ids": list(qs.values_list("id", flat=True))})


def products_safe(request):
    boost = float(request.GET.get("boost", "0"))
    qs = Product.objects.annotate(score=RawSQL("popularity * %s", [boost]))
    return JsonResponse({"ids": list(qs.values_list("id", flat=True))})
