"""The site's URLs plus pages that exist only to prove the checks catch what they should."""

from csp.decorators import csp_exempt
from django.http import HttpResponse
from django.urls import path

from raccord.urls import handler403, handler404, handler500
from raccord.urls import urlpatterns as site_urlpatterns

BROKEN_PAGE = """<!doctype html>
<html>
<head><title>Page cassée</title>
<script src="https://cdn.tracker.example/analytics.js"></script>
</head>
<body>
<div><p>Une image sans texte de remplacement :
<img src="https://pixel.tracker.example/p.gif" width="1" height="1"></span></p></div>
<a href="#"></a>
<input type="text">
</body>
</html>
"""


@csp_exempt()
def broken_page(request):
    """No lang, no alt, an empty link, an unlabeled field, stray end tag, two trackers, a cookie."""
    response = HttpResponse(BROKEN_PAGE)
    response.set_cookie("traceur", "1")
    return response


def server_error_on_purpose(request):
    raise RuntimeError("Raised on purpose by the quality tests.")


urlpatterns = [
    path("_qualite/page-cassee/", broken_page),
    path("_qualite/erreur-500/", server_error_on_purpose),
    *site_urlpatterns,
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
