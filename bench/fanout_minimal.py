"""The practical limit for the fan-out: the same messages Samlad sent (read from a JSON file the
benchmark writes from the outbox) sent straight to the same servers, with Samlad's default
parallelism (SMTP connections kept open in threads, one e-mail per recipient; one pooled httpx
client for SMS and webhooks), and nothing else: no database, no queue, no retries.

    python bench/fanout_minimal.py --messages FILE --smtp-port P --sms-url URL
Prints when it started (Unix time) and the seconds from the first message built to the last one
accepted."""

import argparse
import json
import smtplib
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage

import httpx

ELKS = ("u0123456789abcdef", "elks-secret")
FROM = "Samlad <samlad@bench.example>"


def send_emails(emails: list[dict], port: int) -> None:
    connection = smtplib.SMTP("127.0.0.1", port)
    try:
        for email in emails:
            message = EmailMessage()
            message["Subject"] = email["subject"]
            message["From"] = FROM
            message["To"] = email["to"]
            message["Message-ID"] = email["message_id"]
            message.set_content(email["body"])
            connection.send_message(message)
    finally:
        connection.quit()


RETRIES = []


def post(client: httpx.Client, url: str, **kwargs) -> None:
    """POST; a request whose pooled connection broke is tried again, up to three times (Samlad
    retries too; under heavy load httpx sometimes hands out a connection that fails)."""
    for attempt in range(4):
        try:
            response = client.post(url, **kwargs)
            break
        except httpx.TransportError:
            if attempt == 3:
                raise
            RETRIES.append(url)
    response.raise_for_status()


def send_sms(client: httpx.Client, url: str, sms: dict) -> None:
    form = {"from": "Samlad", "to": sms["to"], "message": sms["text"]}
    post(client, f"{url}/a1/sms", data=form)


def send_hook(client: httpx.Client, hook: dict) -> None:
    post(client, hook["url"], content=hook["body"].encode(), headers=hook["headers"])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--messages", required=True)
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--sms-url", required=True)
    parser.add_argument("--smtp-connections", type=int, default=4)
    parser.add_argument("--http-concurrency", type=int, default=16)
    options = parser.parse_args()
    with open(options.messages) as file:
        messages = json.load(file)
    emails = messages["emails"]
    shares = [emails[i :: options.smtp_connections] for i in range(options.smtp_connections)]
    limits = httpx.Limits(
        max_connections=options.http_concurrency,
        max_keepalive_connections=options.http_concurrency,
    )
    started, started_at = time.perf_counter(), time.time()
    threads = options.smtp_connections + 2 * options.http_concurrency
    with (
        httpx.Client(auth=ELKS, limits=limits, timeout=30) as sms_client,
        httpx.Client(limits=limits, timeout=30) as hook_client,
        ThreadPoolExecutor(threads) as pool,
    ):
        jobs = [pool.submit(send_emails, share, options.smtp_port) for share in shares]
        jobs += [pool.submit(send_sms, sms_client, options.sms_url, s) for s in messages["sms"]]
        jobs += [pool.submit(send_hook, hook_client, hook) for hook in messages["hooks"]]
        for job in jobs:
            job.result()
    print(f"retried {len(RETRIES)} requests", file=sys.stderr)
    print(f"{started_at:.3f} {time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()
