"""An ask-leader ``Message`` as plain text, Markdown (Teams/Slack) or an .eml draft.

The .eml is written by hand rather than through ``email.generator``: on
Python 3.11.7 the generator lets an encoded word such as ``=?UTF-8?Q?=0A?=``
in a subject become a real line break and so a new header (CVE-2024-6923),
and newer Pythons raise instead. Here user text never reaches a header raw:
CR, LF and NUL are removed, and the Subject and display names are written as
RFC 2047 base64 encoded words, so whatever they contain decodes back to the
same literal text. The Message-ID is made from random bytes, with no
hostname lookup.
"""

from __future__ import annotations

import base64
import quopri
import uuid
from datetime import datetime

from selvleder.domain.ask import Message
from selvleder.export.markdown import md
from selvleder.render.text import literal, plain_field

CRLF = "\r\n"
MAX_SUBJECT = 300


def to_text(message: Message) -> str:
    out = [message.greeting, "", message.intro, ""]
    for section in message.sections:
        out.append(section.heading)
        out += [f"- {line}" for line in section.lines]
        out.append("")
    out += [message.next_step, "", message.closing]
    if message.signature:
        out.append(message.signature)
    return literal("\n".join(out)) + "\n"


def to_markdown(message: Message) -> str:
    out = [md(message.greeting), "", md(message.intro), ""]
    for section in message.sections:
        out.append(f"**{md(section.heading)}**")
        out.append("")
        out += [f"- {md(line)}" for line in section.lines]
        out.append("")
    out += [md(message.next_step), ""]
    if message.signature:
        out += [md(message.closing) + "  ", md(message.signature)]  # a hard line break
    else:
        out.append(md(message.closing))
    return "\n".join(out) + "\n"


def header_text(value: str, limit: int = MAX_SUBJECT) -> str:
    """User text made safe for a header value: one line, bounded, no control or invisible
    characters (``render.text.plain_field``)."""
    cleaned = " ".join(plain_field(value.replace("\0", " ")).split())
    return cleaned[:limit]


def encoded_words(value: str) -> str:
    """RFC 2047 base64 encoded words (each at most 75 characters), folded with CRLF SP."""
    words = []
    chunk = ""
    for char in value:
        candidate = chunk + char
        if len(base64.b64encode(candidate.encode("utf-8"))) > 45:
            words.append(chunk)
            chunk = char
        else:
            chunk = candidate
    if chunk or not words:
        words.append(chunk)
    return (CRLF + " ").join(
        f"=?utf-8?b?{base64.b64encode(w.encode('utf-8')).decode('ascii')}?=" for w in words
    )


def address(name: str | None, email: str) -> str:
    if name:
        return f"{encoded_words(header_text(name, 120))} <{email}>"
    return f"<{email}>"


def to_eml(
    message: Message,
    to: tuple[str | None, str] | None,
    sender: tuple[str | None, str] | None,
    when: datetime,
) -> bytes:
    """An RFC 5322 draft (UTF-8) that Outlook opens as unsent (X-Unsent: 1)."""
    from email.utils import format_datetime

    headers = []
    if to is not None:
        headers.append(f"To: {address(*to)}")
    if sender is not None:
        headers.append(f"From: {address(*sender)}")
    headers += [
        f"Subject: {encoded_words(header_text(message.subject))}",
        f"Date: {format_datetime(when)}",
        f"Message-ID: <{uuid.uuid4().hex}@selvleder.invalid>",
        "X-Unsent: 1",
        "MIME-Version: 1.0",
        'Content-Type: text/plain; charset="utf-8"',
        "Content-Transfer-Encoding: quoted-printable",
    ]
    body_text = to_text(message).replace("\r\n", "\n").replace("\r", "\n")
    body = quopri.encodestring(body_text.encode("utf-8")).decode("ascii")
    body = body.replace("\n", CRLF)
    return (CRLF.join(headers) + CRLF + CRLF + body).encode("ascii")
