"""Thin public views: validate, call the service, redirect to a thank-you page."""

from django.shortcuts import redirect

from raccord.core.protection import over_limit, too_many_requests

from . import services
from .forms import CoachingRequestForm, PartnershipInquiryForm

LIMIT = {"limit": 5, "period": 3600}


def partnership_inquiry(request, page):
    """`/partenaires/devenir-partenaire/`: the form, and its POST."""
    if over_limit(request, "partners.inquiry", **LIMIT):
        return too_many_requests(request)
    thanks_url = page.url + page.reverse_subpage("inquiry_thanks")
    if request.method == "POST":
        form = PartnershipInquiryForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.submit_inquiry(
                    email=data["email"],
                    name=data["name"],
                    pronouns=data["pronouns"],
                    organisation_name=data["organisation"],
                    role=data["role"],
                    city=data["city"],
                    website=data["website"],
                    offers=list(data["offers"]),
                    message=data["message"],
                )
            except services.PartnershipError as error:
                form.add_error(None, str(error))
            else:
                return redirect(thanks_url)
        elif form.caught_by_honeypot:
            return redirect(thanks_url)  # same answer, nothing stored
    else:
        form = PartnershipInquiryForm()
    return page.render(
        request,
        template="partners/inquiry_page.html",
        context_overrides={"form": form, "page_title": "Devenir partenaire"},
    )


def coaching_request(request, page):
    """`/formations/`: the offers, the request form and its POST."""
    if over_limit(request, "partners.coaching", **LIMIT):
        return too_many_requests(request)
    thanks_url = page.url + page.reverse_subpage("thanks")
    if request.method == "POST":
        form = CoachingRequestForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.submit_coaching_request(
                    email=data["email"],
                    name=data["name"],
                    pronouns=data["pronouns"],
                    organisation_name=data["organisation"],
                    offer=data["offer"],
                    production=data["production"],
                    crew_size=data["crew_size"],
                    shoot_start=data["shoot_start"],
                    shoot_end=data["shoot_end"],
                    location=data["location"],
                    needs=data["needs"],
                )
            except services.PartnershipError as error:
                form.add_error(None, str(error))
            else:
                return redirect(thanks_url)
        elif form.caught_by_honeypot:
            return redirect(thanks_url)
    else:
        form = CoachingRequestForm()
    return page.render(request, context_overrides={"form": form})
