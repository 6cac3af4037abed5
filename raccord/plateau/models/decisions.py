"""Decisions by consent, rounds, elections and the production's log."""

from __future__ import annotations

from django.db import models
from django.utils import timezone

from raccord.core.fields import optional_link

from .crew import CrewMember, Production


class ProposalQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Proposal.Status.OPEN)

    def closed(self):
        return self.filter(status=Proposal.Status.CLOSED)


class Proposal(models.Model):
    """A consent decision, a question round or an election without candidates."""

    class Kind(models.TextChoices):
        CONSENT = "consent", "Décision par consentement"
        ROUND = "round", "Tour de parole"
        ELECTION = "election", "Élection sans candidat·e"

    class Status(models.TextChoices):
        OPEN = "open", "Ouverte"
        CLOSED = "closed", "Clôturée"

    class Phase(models.TextChoices):
        NOMINATION = "nomination", "Nominations"
        DISCUSSION = "discussion", "Nominations partagées"
        CONSENT = "consent", "Consentement"

    class Outcome(models.TextChoices):
        NONE = "", "—"
        ADOPTED = "adopted", "Adoptée"
        ADOPTED_WITH_CONCERNS = "adopted_with_concerns", "Adoptée avec réserves"
        OBJECTED = "objected", "Non adoptée : objection à intégrer"
        ELECTED = "elected", "Rôle attribué"
        NOT_ELECTED = "not_elected", "Rôle non attribué : objection"
        ROUND_DONE = "round_done", "Tour de parole terminé"
        WITHDRAWN = "withdrawn", "Retirée"

    class Office(models.TextChoices):
        NONE = "", "—"
        VHSS_REFERENT = "vhss_referent", "Référent·e VHSS"
        ECO_REFERENT = "eco_referent", "Éco-référent·e"
        FACILITATOR = "facilitator", "Facilitation"

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="proposals")
    author = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    kind = models.CharField("type", max_length=10, choices=Kind, default=Kind.CONSENT)
    title = models.CharField("titre", max_length=200)
    body = models.TextField("proposition ou question")
    office = models.CharField("rôle à attribuer", max_length=20, choices=Office, blank=True)
    phase = models.CharField("étape", max_length=12, choices=Phase, default=Phase.CONSENT)
    candidate = optional_link(
        CrewMember,
        "personne proposée",
        related_name="candidacies",
    )
    # Election: the proposed person answers first; None until they do.
    candidate_accepted = models.BooleanField("la personne proposée accepte", null=True, blank=True)
    status = models.CharField("statut", max_length=10, choices=Status, default=Status.OPEN)
    closed_without_quorum = models.BooleanField("clôturée sans quorum", default=False)
    outcome = models.CharField("issue", max_length=30, choices=Outcome, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = "proposition"
        verbose_name_plural = "propositions"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def in_nomination(self) -> bool:
        """Nominating (hidden round) or sharing the nominations (members may change theirs)."""
        return self.kind == self.Kind.ELECTION and self.phase in (
            self.Phase.NOMINATION,
            self.Phase.DISCUSSION,
        )

    @property
    def nominations_hidden(self) -> bool:
        return self.kind == self.Kind.ELECTION and self.phase == self.Phase.NOMINATION

    @property
    def awaiting_candidate(self) -> bool:
        """An election's consent round starts with the proposed person's own answer."""
        return (
            self.kind == self.Kind.ELECTION
            and self.phase == self.Phase.CONSENT
            and self.candidate_accepted is not True
        )


class Answer(models.Model):
    """One member's answer to a proposal; hidden from others until the reveal."""

    class Choice(models.TextChoices):
        CONSENT = "consent", "Je consens"
        CONCERN = "concern", "Je consens avec une réserve"
        OBJECTION = "objection", "J’objecte"

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="answers")
    member = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="answers"
    )
    choice = models.CharField("réponse", max_length=10, choices=Choice, blank=True)
    reason = models.TextField("raison ou parole", blank=True)
    signed = models.BooleanField("signée", default=False)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "réponse"
        verbose_name_plural = "réponses"
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "member"], name="plateau_one_answer_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_choice_display() or 'Parole'} · {self.proposal}"


class Nomination(models.Model):
    """In an election without candidates, each member names someone and says why."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="nominations")
    nominator = models.ForeignKey(
        CrewMember, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    nominee = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="nominations")
    reason = models.TextField("pourquoi cette personne", blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "nomination"
        verbose_name_plural = "nominations"
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "nominator"], name="plateau_one_nomination_per_member"
            )
        ]

    def __str__(self) -> str:
        return f"Nomination · {self.proposal}"


class LogEntry(models.Model):
    """The production's log: outcomes and their reasons, kept after the shoot."""

    production = models.ForeignKey(Production, on_delete=models.CASCADE, related_name="log")
    proposal = models.ForeignKey(
        Proposal, null=True, blank=True, on_delete=models.SET_NULL, related_name="log_entries"
    )
    at = models.DateTimeField(default=timezone.now, db_index=True)
    title = models.CharField("titre", max_length=250)
    text = models.TextField("détail", blank=True)

    class Meta:
        verbose_name = "entrée du journal"
        verbose_name_plural = "journal de bord"
        ordering = ["-at"]

    def __str__(self) -> str:
        return self.title


class Notice(models.Model):
    """A proposal opened or closed, waiting for a member's daily digest."""

    class Event(models.TextChoices):
        OPENED = "opened", "Ouverte"
        CLOSED = "closed", "Clôturée"

    member = models.ForeignKey(CrewMember, on_delete=models.CASCADE, related_name="notices_due")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="+")
    event = models.CharField(max_length=10, choices=Event)
    created_at = models.DateTimeField(default=timezone.now)
    sent_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = "avis en attente"
        verbose_name_plural = "avis en attente"
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.get_event_display()} · {self.proposal}"
