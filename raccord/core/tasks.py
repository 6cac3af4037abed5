"""Background work of the core app; tasks receive primary keys, never objects."""

from django_tasks import task

from . import outbox


@task()
def deliver_mail(mail_id: int) -> str:
    return outbox.deliver(mail_id)
