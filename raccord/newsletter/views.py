"""Public views of the infolettre: thin, every decision lives in services.py.

Links from mails open a page with one button; only the POST acts. The unsubscribe URL also takes
the RFC 8058 one-click POST sent by mail clients, without session nor CSRF token.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from raccord.core import signed_links
from raccord.core.protection import cross_origin_endpoint, public_form

from . import services
from .blocks import render_blocks
from .forms import PreferencesForm, SignupForm
from .models import Campaign, Subscriber


def _signup_form(request):
    prefix = "footer" if "footer-email" in request.POST else None
    return SignupForm(request.POST, prefix=prefix, source=request.POST.get("source", ""))


@require_http_methods(["GET", "POST"])
@public_form("newsletter-signup", limit=10, period=3600)
def signup(request):
    if request.method == "GET":
        return redirect("/infolettre/")
    form = _signup_form(request)
    if form.is_valid():
        services.subscribe(
            email=form.cleaned_data["email"],
            name=form.cleaned_data["name"],
            topics=form.topic_objects(),
            source=form.cleaned_data["source"] or request.META.get("HTTP_REFERER", "")[:300],
        )
        return redirect("newsletter:thanks")
    if form.caught_by_honeypot:
        return redirect("newsletter:thanks")
    return render(
        request, "newsletter/signup.html", {"form": form, "hide_footer_signup": True}, status=400
    )


def thanks(request):
    return render(request, "newsletter/thanks.html")


def _subscriber_or_bad_link(purpose, token):
    try:
        return services.subscriber_from_token(purpose, token), None
    except signed_links.BadLink as error:
        return None, str(error)


@require_http_methods(["GET", "POST"])
@public_form("newsletter-link", limit=30, period=3600)
def confirm(request, token):
    subscriber, error = _subscriber_or_bad_link("newsletter.confirm", token)
    if error:
        return render(request, "newsletter/bad_link.html", {"error": error}, status=400)
    if request.method == "POST":
        services.confirm(subscriber)
        return render(
            request,
            "newsletter/confirmed.html",
            {"subscriber": subscriber, "token": services.manage_token(subscriber)},
        )
    return render(request, "newsletter/confirm.html", {"subscriber": subscriber})


# RFC 8058: mailbox providers POST from their own servers, with neither cookies nor token, many
# from the same addresses: no CSRF check and no per-IP limit; the signed token is the defence.
@cross_origin_endpoint
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    subscriber, error = _subscriber_or_bad_link("newsletter.manage", token)
    if error:
        return render(request, "newsletter/bad_link.html", {"error": error}, status=400)
    if request.method == "POST":
        one_click = request.POST.get("List-Unsubscribe") == "One-Click"
        services.unsubscribe(
            subscriber,
            source="désinscription en un clic" if one_click else "lien de désinscription",
        )
        if one_click:
            return HttpResponse(
                "Désinscription enregistrée.", content_type="text/plain; charset=utf-8"
            )
        return render(request, "newsletter/unsubscribed.html", {"token": token})
    return render(
        request, "newsletter/unsubscribe.html", {"subscriber": subscriber, "token": token}
    )


@require_http_methods(["GET", "POST"])
@public_form("newsletter-link", limit=30, period=3600)
def preferences(request, token):
    subscriber, error = _subscriber_or_bad_link("newsletter.manage", token)
    if error:
        return render(request, "newsletter/bad_link.html", {"error": error}, status=400)
    saved = False
    if request.method == "POST":
        form = PreferencesForm(request.POST)
        if form.is_valid():
            services.update_topics(subscriber, form.cleaned_data["topics"])
            saved = True
    else:
        form = PreferencesForm(initial={"topics": list(subscriber.topics.all())})
    return render(
        request,
        "newsletter/preferences.html",
        {
            "subscriber": subscriber,
            "form": form,
            "saved": saved,
            "token": token,
            "subscribed": subscriber.status == Subscriber.Status.CONFIRMED,
        },
        status=400 if request.method == "POST" and not saved else 200,
    )


def archives(request):
    campaigns = Campaign.objects.archived().only("subject", "preheader", "slug", "sent_at")
    return render(request, "newsletter/archives.html", {"campaigns": campaigns})


def archive_detail(request, slug):
    campaign = get_object_or_404(Campaign.objects.archived(), slug=slug)
    body_html = render_blocks(campaign.body, "web")
    return render(
        request, "newsletter/archive_detail.html", {"campaign": campaign, "body_html": body_html}
    )


def webhook(view):
    """Anymail's views, refused outright until a webhook secret is configured."""

    @cross_origin_endpoint
    @csrf_exempt
    def wrapped(request, *args, **kwargs):
        from django.conf import settings

        if not (getattr(settings, "ANYMAIL", {}) or {}).get("WEBHOOK_SECRET"):
            raise Http404
        return view(request, *args, **kwargs)

    return wrapped


def signup_url():
    return reverse("newsletter:signup")
