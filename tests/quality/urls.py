"""The site's URLs plus pages that exist only to prove the checks catch what they should."""

from csp.decorators import csp_exempt
from django import forms
from django.http import HttpResponse
from django.template import engines
from django.urls import include, path
from django.views.decorators.csrf import csrf_exempt

from raccord.core.public_forms import PublicFormView
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


class AltchaDemoForm(forms.Form):
    name = forms.CharField(label="Votre nom")


ALTCHA_PAGE = engines["django"].from_string(
    """{% extends "base.html" %}{% block title %}Anti-robot{% endblock %}{% block content %}
<div class="container"><h1>Essai anti-robot</h1>
{% if sent %}<p class="notice notice--success" role="status">Formulaire accepté.</p>{% endif %}
<form method="post" action="">{% include "components/form.html" with form=form %}
<button class="button" type="submit">Envoyer</button></form></div>{% endblock %}"""
)


class AltchaDemoView(PublicFormView):
    """A public form like the site's, through the same pipeline (ALTCHA as a signal)."""

    form_class = AltchaDemoForm
    rate = "6/h"
    success_url = "/_qualite/anti-robot/?envoye=1"

    def act(self, form):
        return form.cleaned_data["name"]

    def render(self, context, status=200):
        context["sent"] = self.request.GET.get("envoye") == "1"
        return HttpResponse(ALTCHA_PAGE.render(context, self.request), status=status)


@csrf_exempt
def fragile_form(request):
    """Crashes on anything but a number."""
    int(request.POST.get("age", "0"))
    return HttpResponse("<p>Refusé.</p>")


@csrf_exempt
def leaky_form(request):
    """Refuses everything yet keeps a trace of it."""
    from django.contrib.auth.models import Group

    Group.objects.create(name=f"trace {Group.objects.count()}")
    return HttpResponse("<p>Refusé.</p>")


def server_error_on_purpose(request):
    raise RuntimeError("Raised on purpose by the quality tests.")


urlpatterns = [
    path("_qualite/page-cassee/", broken_page),
    path("_qualite/erreur-500/", server_error_on_purpose),
    path("_qualite/anti-robot/", AltchaDemoView.as_view()),
    path("_qualite/formulaire-fragile/", fragile_form),
    path("_qualite/formulaire-bavard/", leaky_form),
    path("", include("raccord.core.altcha")),
    *site_urlpatterns,
]

__all__ = ["handler403", "handler404", "handler500", "urlpatterns"]
