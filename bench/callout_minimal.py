"""The practical limit: the call-out's messages sent straight to the same servers by a minimal
script, with the same parallelism Samlad's worker uses (SMTP connections kept open in threads,
one pooled httpx client for SMS), and nothing else: no database, no queue, no retries.

    python bench/callout_minimal.py --recipients 200 --smtp-port P --sms-url URL
Prints the seconds from the first message built to the last one accepted."""

import argparse
import smtplib
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from email.message import EmailMessage
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))
import callout_messages as text

ELKS = ("u0123456789abcdef", "elks-secret")


def send_emails(numbers, port: int) -> None:
    connection = smtplib.SMTP("127.0.0.1", port)
    try:
        for n in numbers:
            message = EmailMessage()
            message["Subject"] = text.SUBJECT
            message["From"] = text.FROM
            message["To"] = text.email_address(n)
            message["Message-ID"] = f"<bench-{n}@bench.example>"
            message.set_content(text.body(n))
            message.add_attachment(
                text.invite(n),
                subtype="calendar",
                filename="kallelse.ics",
                params={"method": "REQUEST"},
            )
            connection.send_message(message)
    finally:
        connection.quit()


def send_sms(client: httpx.Client, url: str, n: int) -> None:
    form = {"from": "Samlad", "to": text.phone_number(n), "message": text.sms(n)}
    client.post(f"{url}/a1/sms", data=form).raise_for_status()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipients", type=int, required=True)
    parser.add_argument("--smtp-port", type=int, required=True)
    parser.add_argument("--sms-url", required=True)
    parser.add_argument("--smtp-connections", type=int, default=4)
    parser.add_argument("--http-concurrency", type=int, default=16)
    options = parser.parse_args()
    numbers = list(range(options.recipients))
    shares = [numbers[i :: options.smtp_connections] for i in range(options.smtp_connections)]
    limits = httpx.Limits(
        max_connections=options.http_concurrency,
        max_keepalive_connections=options.http_concurrency,
    )
    started = time.perf_counter()
    threads = options.smtp_connections + options.http_concurrency
    with (
        httpx.Client(auth=ELKS, limits=limits, timeout=30) as client,
        ThreadPoolExecutor(threads) as pool,
    ):
        jobs = [pool.submit(send_emails, share, options.smtp_port) for share in shares]
        jobs += [pool.submit(send_sms, client, options.sms_url, n) for n in numbers]
        for job in jobs:
            job.result()
    print(f"{time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()
