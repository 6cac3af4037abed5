"""Background work of the infolettre; tasks receive primary keys, never objects."""

from django_tasks import task

from . import sending


@task()
def send_campaign(campaign_id: int) -> dict:
    """Send one batch of a campaign (or, when tasks cannot be deferred, all of it)."""
    deferrable = send_campaign.get_backend().supports_defer
    return sending.run(campaign_id, deferrable=deferrable)


@task()
def start_scheduled_campaign(campaign_id: int) -> str:
    return sending.start_if_due(campaign_id)
