"""Back-office views: collective selection, crews with their parity panel, logistics, budget.

Each reviewer sees the others' opinions on an application only once they have given their own;
`services.visible_opinions` enforces it and every view goes through it.
"""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST
from wagtail import hooks

from . import services
from .forms import CrewMemberForm, OpinionForm
from .models import Application, Call, Crew, CrewMember, Opinion, ResidencyPage
from .services import ResidencyError

DECISION_CHOICES = [
    (Application.Status.ACCEPTED, "Retenir"),
    (Application.Status.WAITLIST, "Liste d’attente"),
    (Application.Status.DECLINED, "Ne pas retenir"),
]


def _render(request, template, context, title, icon="group"):
    context = {"page_title": title, "header_title": title, "header_icon": icon, **context}
    return TemplateResponse(request, template, context)


@permission_required("residencies.view_application", raise_exception=True)
def dashboard(request):
    residencies = list(ResidencyPage.objects.order_by("-start_date", "title"))
    calls = defaultdict(list)
    for call in Call.objects.select_related("residency").order_by("-opens_at"):
        calls[call.residency_id].append(call)
    counts = defaultdict(int)
    for row in Application.objects.values_list("call_id", flat=True):
        counts[row] += 1
    for residency in residencies:
        residency.call_list = calls.get(residency.pk, [])
        for call in residency.call_list:
            call.application_count = counts.get(call.pk, 0)
    return _render(
        request,
        "residencies/admin/dashboard.html",
        {"residencies": residencies},
        "Résidences : tableau de bord",
    )


@permission_required("residencies.view_application", raise_exception=True)
def selection(request, call_id):
    """All applications of a call, by role, with opinions side by side once one's own is given."""
    call = get_object_or_404(Call.objects.select_related("residency"), pk=call_id)
    applications = list(
        call.applications.filter(anonymised_at__isnull=True)
        .prefetch_related("roles", "opinions__reviewer")
        .order_by("name")
    )
    reviewed = set(
        Opinion.objects.filter(application__call=call, reviewer=request.user).values_list(
            "application_id", flat=True
        )
    )
    for application in applications:
        application.my_turn_done = application.pk in reviewed
        opinions = list(application.opinions.all())
        application.opinion_count = len(opinions)
        application.shown_opinions = opinions if application.my_turn_done else []
        application.tally = {
            verdict: sum(1 for o in opinions if o.verdict == verdict)
            for verdict in Opinion.Verdict.values
        }
    roles = []
    for role in call.roles.all():
        people = [a for a in applications if role in a.roles.all()]
        accepted = sum(1 for a in people if a.status == Application.Status.ACCEPTED)
        roles.append({"role": role, "applications": people, "accepted": accepted})
    reviewers = sorted(
        {o.reviewer for a in applications for o in a.opinions.all()}, key=lambda u: u.pk
    )
    return _render(
        request,
        "residencies/admin/selection.html",
        {
            "call": call,
            "roles": roles,
            "total": len(applications),
            "to_review": sum(1 for a in applications if not a.my_turn_done),
            "reviewers": reviewers,
            "diversity": services.diversity_summary(applications),
            "statuses": Application.Status,
            "decision_choices": DECISION_CHOICES,
        },
        f"Sélection : {call.residency.title}",
    )


@permission_required("residencies.view_application", raise_exception=True)
def review(request, application_id):
    """One application, the opinion form, and the others' opinions once one's own is given."""
    application = get_object_or_404(
        Application.objects.select_related("call__residency", "contact").prefetch_related("roles"),
        pk=application_id,
    )
    mine = Opinion.objects.filter(application=application, reviewer=request.user).first()
    editing = mine is not None and request.GET.get("modifier") == "1"
    form = OpinionForm(initial={"verdict": mine.verdict, "comment": mine.comment} if mine else None)
    if request.method == "POST":
        if not request.user.has_perm("residencies.add_opinion"):
            messages.error(request, "Vous n’avez pas le droit de donner un avis.")
            return redirect(request.path)
        form = OpinionForm(request.POST)
        editing = editing or bool(mine)
        if form.is_valid():
            try:
                services.give_opinion(
                    application,
                    request.user,
                    form.cleaned_data["verdict"],
                    form.cleaned_data["comment"],
                    replace=request.POST.get("replace") == "1",
                )
            except ResidencyError as error:
                form.add_error(None, str(error))
                editing = True
            else:
                messages.success(request, "Merci, votre avis est enregistré.")
                return redirect(request.path)
    return _render(
        request,
        "residencies/admin/review.html",
        {
            "application": application,
            "mine": mine,
            "editing": editing,
            "form": form,
            "opinions": services.visible_opinions(application, request.user),
            "opinion_count": application.opinions.count(),
            "selection_url": reverse("residences:selection", args=[application.call_id]),
            "decision_choices": DECISION_CHOICES,
        },
        f"Candidature : {application.name}",
    )


@require_POST
@permission_required("residencies.change_application", raise_exception=True)
def decide(request, application_id):
    application = get_object_or_404(Application, pk=application_id)
    try:
        services.decide(
            application,
            request.POST.get("status", ""),
            by=request.user,
            message=request.POST.get("message", ""),
        )
    except ResidencyError as error:
        messages.error(request, str(error))
    else:
        application.refresh_from_db()
        messages.success(
            request,
            f"{application.name} : « {application.get_status_display().lower()} ». "
            "Le message est parti.",
        )
    return redirect(
        request.POST.get("next") or reverse("residences:selection", args=[application.call_id])
    )


@permission_required("residencies.view_crew", raise_exception=True)
def crews(request, residency_id):
    residency = get_object_or_404(ResidencyPage, pk=residency_id)
    roster = services.roster(residency)
    crew_list = list(
        residency.crews.select_related("parity_grid").prefetch_related("members__application")
    )
    forms_by_crew = {}
    if request.method == "POST":
        if not request.user.has_perm("residencies.change_crew"):
            messages.error(request, "Vous n’avez pas le droit de composer les équipes.")
            return redirect(request.path)
        if "remove" in request.POST:
            member = get_object_or_404(
                CrewMember, pk=request.POST["remove"], crew__residency=residency
            )
            services.remove_from_crew(member)
            messages.success(request, "La personne a quitté ce poste.")
            return redirect(request.path)
        crew = get_object_or_404(Crew, pk=request.POST.get("crew"), residency=residency)
        form = CrewMemberForm(request.POST, roster=roster, prefix=f"crew{crew.pk}")
        if form.is_valid():
            try:
                services.add_to_crew(
                    crew,
                    form.cleaned_data["application"],
                    form.cleaned_data["position"],
                    counts_as_woman=form.cleaned_data.get("counts_as_woman") or "",
                )
            except ResidencyError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, "Ajouté·e à l’équipe.")
                return redirect(request.path)
        forms_by_crew[crew.pk] = form
    for crew in crew_list:
        crew.form = forms_by_crew.get(crew.pk) or CrewMemberForm(
            roster=roster, prefix=f"crew{crew.pk}"
        )
        crew.result = crew.parity()
        crew.actions = crew_actions(crew, request)
    return _render(
        request,
        "residencies/admin/crews.html",
        {"residency": residency, "crews": crew_list, "roster": roster},
        f"Équipes : {residency.title}",
    )


def crew_actions(crew, request) -> list[dict]:
    """Buttons other apps add under a crew (`residency_crew_actions` hook): the Plateau's.

    Each hook returns dicts: `url` (POSTed to), `label`, and optionally `help`, `link` and
    `link_label`. Residencies names no app above it; the apps above register here.
    """
    return [
        action
        for hook in hooks.get_hooks("residency_crew_actions")
        for action in hook(crew, request)
    ]


@permission_required("residencies.view_application", raise_exception=True)
def logistics(request, residency_id):
    residency = get_object_or_404(ResidencyPage, pk=residency_id)
    if request.GET.get("format") == "csv":
        response = HttpResponse(
            services.logistics_csv(residency), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = (
            f'attachment; filename="logistique-{residency.slug}-{timezone.localdate():%Y%m%d}.csv"'
        )
        return response
    context = {"residency": residency, "summary": services.logistics(residency)}
    if request.GET.get("imprimer") == "1":
        return TemplateResponse(request, "residencies/admin/logistics_print.html", context)
    return _render(
        request, "residencies/admin/logistics.html", context, f"Logistique : {residency.title}"
    )


@permission_required("residencies.view_budgetline", raise_exception=True)
def budget(request, residency_id):
    residency = get_object_or_404(ResidencyPage, pk=residency_id)
    lines = list(residency.budget_lines.all())
    sources = list(residency.funding_sources.select_related("organisation"))
    by_category = defaultdict(lambda: 0)
    for line in lines:
        by_category[line.get_category_display()] += line.amount
    return _render(
        request,
        "residencies/admin/budget.html",
        {
            "residency": residency,
            "lines": lines,
            "sources": sources,
            "by_category": sorted(by_category.items()),
            "totals": residency.funding_totals(),
            "budget_total": residency.budget_total(),
        },
        f"Budget : {residency.title}",
        icon="form",
    )
