"""Background work of the infolettre; tasks receive primary keys, never objects."""

from datetime import timedelta

from django.utils import timezone
from django_tasks import task

from . import sending


@task()
def send_campaign(campaign_id: int) -> dict:
    """Send one batch of a campaign (or, when tasks cannot be deferred, all of it)."""
    deferrable = send_campaign.get_backend().supports_defer
    try:
        return sending.run(campaign_id, deferrable=deferrable)
    except Exception:
        # A database hiccup (e.g. SQLite busy) must not end the chain of tasks.
        if deferrable:
            sending.enqueue(campaign_id, run_after=timezone.now() + timedelta(seconds=5))
        raise


@task()
def start_scheduled_campaign(campaign_id: int) -> str:
    return sending.start_if_due(campaign_id)
