"""Benchmark of the infolettre sender (not a test).

    .venv/bin/python bench/newsletter_send.py [--recipients 10000] [--batch-size 50]

Starts an aiosmtpd sink in a separate process, builds a throwaway SQLite database (tables
created directly, no migrations) with N confirmed subscribers and one campaign, then in two
fresh child processes:

1. the worker: `sending.run()`, the code a `db_worker` task runs (claim a batch, send it over
   one SMTP connection, record each delivery), with no rate limit;
2. the bare loop: the same prepared messages (one per recipient, built beforehand) sent by
   `smtplib.SMTP.sendmail` over one connection, nothing recorded.

Prints messages per second and peak memory (ru_maxrss) of each child, and the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import multiprocessing
import os
import resource
import shutil
import smtplib
import socket
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


# --- the SMTP sink, in its own process -------------------------------------------------------


class CountingHandler:
    def __init__(self, counter):
        self.counter = counter

    async def handle_DATA(self, server, session, envelope):
        with self.counter.get_lock():
            self.counter.value += 1
        return "250 OK"


def run_sink(port, counter, ready):
    from aiosmtpd.controller import Controller

    controller = Controller(CountingHandler(counter), hostname="127.0.0.1", port=port)
    controller.start()
    ready.set()
    try:
        asyncio.run(asyncio.sleep(10**6))
    finally:
        controller.stop()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- Django in a throwaway database ------------------------------------------------------------


class NoMigrations(dict):
    """Tables straight from the models: seconds instead of a minute of migrations."""

    def __contains__(self, item):
        return True

    def __getitem__(self, item):
        return None


def setup_django(db_path: Path, smtp_port: int, batch_size: int):
    os.environ["DJANGO_SETTINGS_MODULE"] = "raccord.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{db_path}"
    from django.conf import settings

    settings.MIGRATION_MODULES = NoMigrations()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = smtp_port
    settings.RACCORD_NEWSLETTER_RATE = 0
    settings.RACCORD_NEWSLETTER_BATCH_SIZE = batch_size
    import django

    django.setup()


def build_database(db_path: Path, smtp_port: int, recipients: int, batch_size: int) -> int:
    setup_django(db_path, smtp_port, batch_size)
    from django.core.management import call_command
    from django.db import connection

    with open(os.devnull, "w") as devnull:
        call_command("migrate", run_syncdb=True, verbosity=0, stdout=devnull)
    from raccord.newsletter.models import Campaign, Delivery, Subscriber, Topic
    from raccord.people.models import Contact

    topic = Topic.objects.create(slug="infolettre-generale", name="Infolettre générale")
    Contact.objects.bulk_create(
        Contact(email=f"personne{n:06d}@example.org") for n in range(recipients)
    )
    contacts = list(Contact.objects.values_list("pk", flat=True))
    Subscriber.objects.bulk_create(
        Subscriber(contact_id=pk, status=Subscriber.Status.CONFIRMED) for pk in contacts
    )
    Through = Subscriber.topics.through
    Through.objects.bulk_create(
        Through(subscriber_id=pk, topic_id=topic.pk)
        for pk in Subscriber.objects.values_list("pk", flat=True)
    )
    paragraph = (
        "<p>La prochaine soirée aura lieu au DOC, à Paris, de 18 h à 23 h : exposition des "
        "planches, projection de <i>Récolter la tempête</i> et de <i>Sur écoute</i>, puis une "
        'table ronde. <a href="/soirees/">Toutes les soirées</a></p>'
    )
    campaign = Campaign.objects.create(
        subject="Infolettre n°1 : une première soirée, et la suivante sur le soin",
        preheader="Notre première soirée en novembre, la prochaine le 9 mars au DOC.",
        body=[("heading", "Prendre soin sur les plateaux")]
        + [("paragraph", paragraph)] * 6
        + [("button", {"label": "S’inscrire", "page": None, "url": "https://onestraccord.org/"})],
    )
    campaign.topics.set([topic])
    assert Delivery.objects.count() == 0
    connection.close()
    return campaign.pk


def warm_up() -> None:
    """Load the URL configuration, as any worker has after its first task."""
    from django.urls import reverse

    reverse("newsletter:archives")


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_child(db_path, smtp_port, batch_size, campaign_id, queue):
    setup_django(db_path, smtp_port, batch_size)
    from raccord.newsletter import sending
    from raccord.newsletter.models import Campaign, Delivery

    campaign = Campaign.objects.get(pk=campaign_id)
    warm_up()
    started = time.perf_counter()
    total = sending.expand(campaign)
    Campaign.objects.filter(pk=campaign_id).update(status=Campaign.Status.SENDING)
    expanded = time.perf_counter()
    sending.run(campaign_id, deferrable=False)
    finished = time.perf_counter()
    sent = Delivery.objects.filter(status="sent").count()
    queue.put(
        {
            "total": total,
            "sent": sent,
            "expand_s": expanded - started,
            "send_s": finished - expanded,
            "peak_mb": peak_mb(),
        }
    )


def baseline_child(db_path, smtp_port, batch_size, campaign_id, queue):
    """The same process with Django and Wagtail loaded, sending nothing: the floor."""
    setup_django(db_path, smtp_port, batch_size)
    from raccord.newsletter import sending  # noqa: F401
    from raccord.newsletter.models import Campaign

    Campaign.objects.get(pk=campaign_id)
    warm_up()
    queue.put({"peak_mb": peak_mb()})


def bare_child(db_path, smtp_port, batch_size, campaign_id, queue):
    setup_django(db_path, smtp_port, batch_size)
    from raccord.newsletter import sending
    from raccord.newsletter.models import Campaign, Subscriber

    campaign = Campaign.objects.get(pk=campaign_id)
    warm_up()
    rendered = sending.render_campaign(campaign)
    from raccord.newsletter.services import manage_token

    recipients = list(Subscriber.objects.values_list("pk", "contact__email"))
    prepared = [
        (email, rendered.as_bytes(email, manage_token(Subscriber(pk=pk))))
        for pk, email in recipients
    ]
    envelope_from = "contact@onestraccord.org"
    started = time.perf_counter()
    smtp = smtplib.SMTP("127.0.0.1", smtp_port)
    for email, data in prepared:
        smtp.sendmail(envelope_from, [email], data)
    smtp.quit()
    finished = time.perf_counter()
    queue.put({"sent": len(prepared), "send_s": finished - started, "peak_mb": peak_mb()})


def run_child(target, *args):
    queue = multiprocessing.Queue()
    process = multiprocessing.Process(target=target, args=(*args, queue))
    process.start()
    result = queue.get()
    process.join()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--recipients", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=50)
    args = parser.parse_args()

    multiprocessing.set_start_method("spawn")
    tmp = Path(tempfile.mkdtemp(prefix="raccord-bench-"))
    port = free_port()
    counter = multiprocessing.Value("l", 0)
    ready = multiprocessing.Event()
    sink = multiprocessing.Process(target=run_sink, args=(port, counter, ready), daemon=True)
    sink.start()
    ready.wait(20)
    try:
        db_path = tmp / "bench.sqlite3"
        print(f"Base de test : {args.recipients} abonné·es…", flush=True)
        setup = multiprocessing.Process(
            target=_build, args=(db_path, port, args.recipients, args.batch_size, tmp / "id")
        )
        setup.start()
        setup.join()
        campaign_id = int((tmp / "id").read_text())

        baseline = run_child(baseline_child, db_path, port, args.batch_size, campaign_id)
        worker = run_child(worker_child, db_path, port, args.batch_size, campaign_id)
        at_worker = counter.value
        bare = run_child(bare_child, db_path, port, args.batch_size, campaign_id)
        at_bare = counter.value - at_worker
    finally:
        sink.terminate()
        shutil.rmtree(tmp, ignore_errors=True)

    worker_rate = worker["sent"] / worker["send_s"]
    bare_rate = bare["sent"] / bare["send_s"]
    print(f"destinataires                 : {args.recipients} (lots de {args.batch_size})")
    print(
        f"worker Raccord                : {worker['sent']} envoyés en {worker['send_s']:.2f} s "
        f"= {worker_rate:.0f} messages/s ; mémoire max {worker['peak_mb']:.0f} Mo "
        f"(+ {worker['expand_s']:.2f} s pour créer les {worker['total']} lignes d’envoi)"
    )
    print(
        f"boucle smtplib nue           : {bare['sent']} envoyés en {bare['send_s']:.2f} s "
        f"= {bare_rate:.0f} messages/s ; mémoire max {bare['peak_mb']:.0f} Mo"
    )
    print(f"processus Django à vide      : mémoire max {baseline['peak_mb']:.0f} Mo")
    print(
        f"mémoire due à l’envoi        : {worker['peak_mb'] - baseline['peak_mb']:.0f} Mo "
        f"pour {worker['sent']} destinataires"
    )
    print(f"reçus par le puits SMTP      : {at_worker} + {at_bare}")
    print(f"rapport worker / boucle nue  : {worker_rate / bare_rate:.2f}")


def _build(db_path, port, recipients, batch_size, id_file):
    campaign_id = build_database(db_path, port, recipients, batch_size)
    Path(id_file).write_text(str(campaign_id))


if __name__ == "__main__":
    main()
