"""Public views: the application form of a residency's open call (thin; services do the work)."""

from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse

from raccord.core.protection import over_limit, too_many_requests

from .forms import ApplicationForm
from .services import ResidencyError, apply

APPLY_LIMIT = 8  # POSTs per address and hour: enough to fix a typo or two, not to flood


def current_call(residency):
    """The open call of the residency, else the next one, else the latest closed one."""
    calls = list(residency.calls.filter(is_published=True).prefetch_related("roles"))
    return (
        next((c for c in calls if c.is_open()), None)
        or next((c for c in sorted(calls, key=lambda c: c.opens_at) if c.is_upcoming()), None)
        or (calls[0] if calls else None)
    )


def apply_to_residency(request, residency):
    if over_limit(request, "residencies.apply", limit=APPLY_LIMIT, period=3600):
        return too_many_requests(request)
    call = current_call(residency)
    context = {"page": residency, "call": call, "self": residency}
    if call is None:
        return TemplateResponse(request, "residencies/apply.html", context, status=404)
    status = 200
    form = ApplicationForm(call=call)
    if request.method == "POST":
        form = ApplicationForm(request.POST, call=call)
        if form.is_valid():
            try:
                apply(call, source=request.build_absolute_uri(), **form.service_kwargs())
            except ResidencyError as error:
                form.add_error(None, str(error))
                status = 400
            else:
                return HttpResponseRedirect(residency.url + "candidater/merci/", status=303)
        elif form.caught_by_honeypot:
            return HttpResponseRedirect(residency.url + "candidater/merci/", status=303)
        else:
            status = 400
    context["form"] = form
    return TemplateResponse(request, "residencies/apply.html", context, status=status)


def application_thanks(request, residency):
    return TemplateResponse(
        request,
        "residencies/apply_thanks.html",
        {"page": residency, "self": residency, "call": current_call(residency)},
    )
