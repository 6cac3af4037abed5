"""Thin views over `services`: read the member, call one verb, render French pages."""

from __future__ import annotations

from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.views.decorators.http import require_POST

from raccord.core import exports
from raccord.core.public_forms import PublicFormView

from . import services
from .access import close_session, current_member, member_required, open_session, private
from .forms import (
    AnswerForm,
    ButtonForm,
    CallForm,
    CallSheetForm,
    CarbonEntryForm,
    CheckInForm,
    CloseForm,
    LoginForm,
    MemberChoiceForm,
    NominationForm,
    NoticesForm,
    ParityDeclarationForm,
    ProposalForm,
    ReferentMessageForm,
    RoundAnswerForm,
    TrainingForm,
)
from .models import CheckIn, EmissionFactor, LogEntry, Proposal
from .services import PlateauError


def _page(request, member, template, section="", status=200, **context):
    context = {
        "member": member,
        "production": member.production,
        "care": services.care_panel(member.production),
        "section": section,
        **context,
    }
    return render(request, template, context, status=status)


# ---------------------------------------------------------------------------------------------
# Getting in: public forms, through the one pipeline (core/public_forms.py)


@method_decorator(private, name="dispatch")
class LoginView(PublicFormView):
    """Ask for a login link. The answer never says whether the address belongs to a crew."""

    form_class = LoginForm
    template_name = "plateau/login.html"
    scope = "plateau-login"
    rate = "5/15m"
    address_field = "email"
    neutral = True
    success_url = reverse_lazy("plateau:login_sent")

    def get(self, request, *args, **kwargs):
        if current_member(request) is not None:
            return redirect("plateau:dashboard")
        return super().get(request, *args, **kwargs)

    def act(self, form):
        services.request_login_link(form.cleaned_data["email"])


@private
def login_sent(request):
    return render(request, "plateau/login_sent.html")


@method_decorator(private, name="dispatch")
class SignedLinkView(PublicFormView):
    """A page a mailed link opens: GET shows one button, only the POST acts and opens a session.

    Mail scanners follow links, they do not press buttons. The token is single use by itself;
    a double click within the pipeline's window gets the first click's answer.
    """

    form_class = ButtonForm
    scope = "plateau-link"
    rate = "20/15m"
    errors = (PlateauError,)
    success_url = reverse_lazy("plateau:dashboard")

    def target(self, token):
        """The member the token designates, without using it; raises PlateauError."""
        raise NotImplementedError

    def use(self, token):
        """Use the token (single use); returns the member whose session opens."""
        raise NotImplementedError

    def get(self, request, token):
        try:
            target = self.target(token)
        except PlateauError as error:
            return render(request, "plateau/bad_link.html", {"error": error}, status=400)
        return self.render(self.get_context_data(form=self.get_form(), target=target))

    def act(self, form):
        member = self.use(self.kwargs["token"])
        open_session(self.request, member)
        return member

    def render(self, context, status=200):
        form = context.get("form")
        if form is not None and form.non_field_errors():
            error = form.non_field_errors()[0]
            return render(self.request, "plateau/bad_link.html", {"error": error}, status=400)
        return super().render(context, status)


class LoginConfirmView(SignedLinkView):
    """The login link opens this page; pressing its button logs the member in."""

    template_name = "plateau/login_confirm.html"
    target = staticmethod(services.member_for_login)
    use = staticmethod(services.log_in)


class JoinView(SignedLinkView):
    """The invitation link opens this page; pressing its button activates the membership."""

    template_name = "plateau/join.html"
    target = staticmethod(services.member_for_invitation)
    use = staticmethod(services.join)


@private
@require_POST
def logout(request):
    close_session(request)
    return render(request, "plateau/logged_out.html")


# ---------------------------------------------------------------------------------------------
# Workspace


@member_required
def dashboard(request, member):
    production = member.production
    today = timezone.localdate()
    return _page(
        request,
        member,
        "plateau/dashboard.html",
        "dashboard",
        weather=services.day_weather(production, today),
        my_checkin=CheckIn.objects.filter(member=member, day=today).first(),
        open_proposals=production.proposals.open().select_related("author__contact")[:10],
        call_sheet=production.call_sheets.filter(day__gte=today, published=True).first(),
        training=member.training_status(),
    )


@member_required
def weather(request, member):
    today = timezone.localdate()
    mine = CheckIn.objects.filter(member=member, day=today).first()
    initial = {"energy": mine.energy, "words": mine.words, "signed": mine.signed} if mine else {}
    form = CheckInForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.check_in(member, **form.cleaned_data)
        except PlateauError as error:
            form.add_error(None, str(error))
        else:
            return redirect("plateau:weather")
    return _page(
        request,
        member,
        "plateau/weather.html",
        "weather",
        status=400 if form.errors else 200,
        form=form,
        mine=mine,
        weather=services.day_weather(member.production, today),
        min_scores=services.MIN_SCORES_FOR_AVERAGE,
    )


@member_required(facilitation=True)
def weather_trend(request, member):
    trend = services.weather_trend(member.production)
    return _page(
        request,
        member,
        "plateau/weather_trend.html",
        "weather",
        trend=trend,
        chart=services.trend_chart(trend),
        crew_size=member.production.members.active().count(),
        min_scores=services.MIN_SCORES_FOR_AVERAGE,
    )


@member_required
def decisions(request, member):
    production = member.production
    is_notices = request.POST.get("action") == "notices"
    notices_form = NoticesForm(
        request.POST if is_notices else None, initial={"notices": member.notices}
    )
    if is_notices:
        if notices_form.is_valid():
            services.choose_notices(member, notices_form.cleaned_data["notices"])
            return redirect("plateau:decisions")
        form = ProposalForm()
    else:
        form = ProposalForm(request.POST or None)
    if request.method == "POST" and not is_notices and form.is_valid():
        try:
            proposal = services.propose(member, **form.cleaned_data)
        except PlateauError as error:
            form.add_error(None, str(error))
        else:
            return redirect("plateau:proposal", proposal.pk)
    proposals = production.proposals.select_related("author__contact", "candidate__contact")
    return _page(
        request,
        member,
        "plateau/decisions.html",
        "decisions",
        status=400 if form.errors or notices_form.errors else 200,
        form=form,
        notices_form=notices_form,
        open_proposals=[p for p in proposals if p.is_open],
        closed_proposals=[p for p in proposals if not p.is_open],
    )


def _proposal_context(member, proposal, **forms):
    crew = list(member.production.members.active().select_related("contact"))
    visible = services.answers_visible(proposal)
    answers = list(proposal.answers.select_related("member__contact"))
    mine = next((a for a in answers if a.member_id == member.pk), None)
    my_nomination = proposal.nominations.filter(nominator=member).first()
    nominations = services.shared_nominations(proposal)
    tally = services.nomination_tally(proposal)
    context = {
        "proposal": proposal,
        "visible": visible,
        "answers": answers if visible else [],
        "answer_count": len(answers),
        "crew_size": len(crew),
        "quorum": services.quorum(member.production),
        "mine": mine,
        "my_nomination": my_nomination,
        "nomination_count": sum(row["count"] for row in tally),
        "tally": tally if nominations else [],
        "nominations": nominations,
        "not_answered": services.not_answered(member, proposal) if member.facilitates else [],
        "close_form": forms.get("close_form") or CloseForm(),
        "close_error": forms.get("close_error", ""),
        "log": proposal.log_entries.all(),
    }
    if proposal.is_open:
        if proposal.in_nomination:
            initial = (
                {"member": my_nomination.nominee_id, "reason": my_nomination.reason}
                if my_nomination
                else None
            )
            context["nomination_form"] = forms.get("nomination_form") or NominationForm(
                members=crew, label="Je nomme", initial=initial
            )
            if member.facilitates and not proposal.nominations_hidden:
                nominees = [row["member"] for row in context["tally"]]
                context["candidate_form"] = forms.get("candidate_form") or MemberChoiceForm(
                    members=nominees, label="Personne proposée au consentement"
                )
        elif proposal.awaiting_candidate:
            context["candidate_asked"] = proposal.candidate_id == member.pk
        elif proposal.kind == Proposal.Kind.ROUND:
            initial = {"reason": mine.reason, "signed": mine.signed} if mine else None
            context["answer_form"] = forms.get("answer_form") or RoundAnswerForm(initial=initial)
        else:
            initial = (
                {"choice": mine.choice, "reason": mine.reason, "signed": mine.signed}
                if mine
                else None
            )
            context["answer_form"] = forms.get("answer_form") or AnswerForm(initial=initial)
    return context


@member_required
def proposal_detail(request, member, pk):
    proposal = get_object_or_404(
        Proposal.objects.select_related("author__contact", "candidate__contact"),
        pk=pk,
        production=member.production,
    )
    status = 200
    extra = {}
    if request.method == "POST" and proposal.is_open:
        action = request.POST.get("action", "answer")
        crew = member.production.members.active().select_related("contact")
        if action == "nominate":
            form = NominationForm(request.POST, members=crew, label="Je nomme")
            extra["nomination_form"] = form
            if form.is_valid():
                try:
                    services.nominate(
                        member,
                        proposal,
                        nominee_id=form.cleaned_data["member"],
                        reason=form.cleaned_data["reason"],
                    )
                    return redirect("plateau:proposal", proposal.pk)
                except PlateauError as error:
                    form.add_error(None, str(error))
        elif action in ("share", "accept", "decline"):
            try:
                if action == "share":
                    services.share_nominations(member, proposal)
                else:
                    services.respond_as_candidate(member, proposal, accept=action == "accept")
                return redirect("plateau:proposal", proposal.pk)
            except PlateauError as error:
                extra["close_error"] = str(error)
        elif action == "candidate":
            form = MemberChoiceForm(request.POST, members=crew)
            extra["candidate_form"] = form
            if form.is_valid():
                try:
                    services.put_candidate(
                        member, proposal, candidate_id=form.cleaned_data["member"]
                    )
                    return redirect("plateau:proposal", proposal.pk)
                except PlateauError as error:
                    form.add_error(None, str(error))
        else:
            form_class = RoundAnswerForm if proposal.kind == Proposal.Kind.ROUND else AnswerForm
            form = form_class(request.POST)
            extra["answer_form"] = form
            if form.is_valid():
                try:
                    services.answer(member, proposal, **form.cleaned_data)
                    return redirect("plateau:proposal", proposal.pk)
                except PlateauError as error:
                    form.add_error(None, str(error))
        status = 400
    return _page(
        request,
        member,
        "plateau/proposal.html",
        "decisions",
        status=status,
        **_proposal_context(member, proposal, **extra),
    )


@require_POST
@member_required(facilitation=True)
def proposal_close(request, member, pk):
    proposal = get_object_or_404(Proposal, pk=pk, production=member.production)
    form = CloseForm(request.POST)
    form.is_valid()
    try:
        services.close(
            member, proposal, without_quorum=form.cleaned_data.get("without_quorum", False)
        )
    except PlateauError as error:
        return _page(
            request,
            member,
            "plateau/proposal.html",
            "decisions",
            status=400,
            quorum_missing=isinstance(error, services.QuorumNotReached),
            **_proposal_context(member, proposal, close_form=form, close_error=str(error)),
        )
    return redirect("plateau:proposal", proposal.pk)


@member_required
def log(request, member):
    entries = LogEntry.objects.filter(production=member.production)[:300]
    return _page(request, member, "plateau/log.html", "log", entries=entries)


@member_required
def crew(request, member):
    members = member.production.members.current().select_related("contact")
    return _page(request, member, "plateau/crew.html", "crew", members=members)


# ---------------------------------------------------------------------------------------------
# Care


@member_required
def care(request, member):
    message_form = ReferentMessageForm(
        request.POST if request.POST.get("action") == "message" else None
    )
    training_form = TrainingForm(
        request.POST if request.POST.get("action") == "training" else None,
        initial={
            "module1_done_on": member.module1_done_on,
            "module2_scheduled_on": member.module2_scheduled_on,
            "module2_done_on": member.module2_done_on,
        },
    )
    sent = request.GET.get("envoye") == "1"
    if request.method == "POST":
        if request.POST.get("action") == "message" and message_form.is_valid():
            try:
                services.message_referents(member, **message_form.cleaned_data)
                return redirect(request.path + "?envoye=1")
            except PlateauError as error:
                message_form.add_error(None, str(error))
        elif request.POST.get("action") == "training" and training_form.is_valid():
            services.record_training(member, **training_form.cleaned_data)
            return redirect("plateau:care")
    members = member.production.members.active().select_related("contact")
    return _page(
        request,
        member,
        "plateau/care.html",
        "care",
        status=400 if request.method == "POST" else 200,
        message_form=message_form,
        training_form=training_form,
        training=member.training_status(),
        crew_training=[(m, m.training_status()) for m in members] if member.coordinates else [],
        sent=sent,
    )


@member_required
def referent_inbox(request, member):
    if not member.is_vhss_referent:
        return _page(request, member, "plateau/forbidden.html", "care", status=403)
    messages = list(services.referent_messages(member))
    unread = [m.pk for m in messages if m.read_at is None]
    if unread:
        member.production.referent_messages.filter(pk__in=unread).update(read_at=timezone.now())
    return _page(
        request, member, "plateau/referent_inbox.html", "care", inbox=messages, unread=set(unread)
    )


# ---------------------------------------------------------------------------------------------
# Call sheets


@member_required
def call_sheets(request, member):
    sheets = member.production.call_sheets.all()
    if not member.coordinates:
        sheets = sheets.filter(published=True)
    form = CallSheetForm(request.POST or None) if member.coordinates else None
    if form is not None and request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            sheet = services.save_call_sheet(member, **data)
            return redirect("plateau:call_sheet", sheet.day.isoformat())
        except PlateauError as error:
            form.add_error(None, str(error))
    return _page(
        request,
        member,
        "plateau/call_sheets.html",
        "call_sheets",
        status=400 if request.method == "POST" else 200,
        sheets=sheets,
        form=form,
    )


def _sheet(member, day):
    try:
        day = date.fromisoformat(day)
    except ValueError as error:
        raise Http404("Pas de feuille de service pour ce jour.") from error
    sheets = member.production.call_sheets.all()
    if not member.coordinates:
        sheets = sheets.filter(published=True)
    return get_object_or_404(sheets, day=day)


@member_required
def call_sheet(request, member, day):
    sheet = _sheet(member, day)
    crew = member.production.members.current().select_related("contact")
    edit_form = call_form = None
    status = 200
    if member.coordinates:
        action = request.POST.get("action")
        edit_form = CallSheetForm(request.POST if action == "edit" else None, instance=sheet)
        call_form = CallForm(request.POST if action == "call" else None, members=crew)
        if request.method == "POST":
            try:
                if action == "edit" and edit_form.is_valid():
                    data = dict(edit_form.cleaned_data)
                    sheet = services.save_call_sheet(member, instance=sheet, **data)
                    return redirect("plateau:call_sheet", sheet.day.isoformat())
                if action == "call" and call_form.is_valid():
                    services.set_call(
                        member,
                        sheet,
                        crew_member_id=call_form.cleaned_data["member"],
                        time=call_form.cleaned_data["time"],
                        note=call_form.cleaned_data["note"],
                    )
                    return redirect("plateau:call_sheet", sheet.day.isoformat())
            except PlateauError as error:
                (edit_form if action == "edit" else call_form).add_error(None, str(error))
            status = 400
    return _page(
        request,
        member,
        "plateau/call_sheet.html",
        "call_sheets",
        status=status,
        sheet=sheet,
        calls=sheet.calls.select_related("member__contact"),
        edit_form=edit_form,
        call_form=call_form,
        body_class="plateau-print",
    )


@member_required
def call_sheet_download(request, member, day):
    # fpdf2 and fontTools weigh ~20 MB: loaded by the one view that draws a PDF, not by every
    # process that loads the URLconf (the mail worker included).
    from .pdf import call_sheet_pdf

    sheet = _sheet(member, day)
    content = call_sheet_pdf(sheet)
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = (
        f'attachment; filename="feuille-de-service-{member.production.slug}-{sheet.day}.pdf"'
    )
    return response


# ---------------------------------------------------------------------------------------------
# Carbon, pay, parity


@member_required
def carbon(request, member):
    form = CarbonEntryForm(request.POST or None, initial={"day": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["factor_id"] = data.pop("factor").pk
        try:
            services.log_carbon(member, **data)
            return redirect("plateau:carbon")
        except PlateauError as error:
            form.add_error(None, str(error))
    entries = member.production.carbon_entries.select_related("factor").order_by("-day", "-pk")
    return _page(
        request,
        member,
        "plateau/carbon.html",
        "carbon",
        status=400 if request.method == "POST" else 200,
        form=form,
        entries=entries[:200],
        totals=services.carbon_totals(member.production),
        factors=EmissionFactor.objects.all(),
    )


@require_POST
@member_required
def carbon_delete(request, member, pk):
    try:
        services.delete_carbon(member, pk)
    except PlateauError as error:
        raise Http404(str(error)) from error
    return redirect("plateau:carbon")


@member_required
def carbon_csv(request, member):
    return exports.csv_response(
        f"carnet-carbone-{member.production.slug}",
        services.CSV_HEADER,
        services.carbon_rows(member.production),
    )


@member_required
def pay(request, member):
    return _page(
        request, member, "plateau/pay.html", "pay", pay=services.pay_summary(member.production)
    )


@member_required
def parity(request, member):
    current = {True: "yes", False: "no", None: ""}[member.counts_as_woman]
    form = ParityDeclarationForm(request.POST or None, initial={"counts_as_woman": current})
    if request.method == "POST" and form.is_valid():
        value = form.cleaned_data["counts_as_woman"]
        services.declare_parity(member, {"yes": True, "no": False}.get(value))
        return redirect("plateau:parity")
    return _page(
        request,
        member,
        "plateau/parity.html",
        "parity",
        status=400 if form.errors else 200,
        form=form,
        summary=services.parity_summary(member.production),
    )
