"""``report``: check the arguments, read the window, build, preview on a terminal, write."""

from __future__ import annotations

from selvleder.context import AppContext

FORMATS = ("html", "markdown")


def report(
    ctx: AppContext,
    months: int | None,
    first: str | None,
    last: str | None,
    format_: str | None,
    out: str | None,
    force: bool,
    share_energy: bool,
    share_notes: bool,
    share_reflections: bool,
) -> None:
    from selvleder.domain.dates import today
    from selvleder.domain.report import Sharing, build_report, window_of
    from selvleder.errors import BadInput
    from selvleder.files import check_writable_target

    # Arguments first: a bad one is exit 2 before the journal is opened.
    if format_ is None:
        # The format follows the file's ending; an ending that is neither (report.pdf)
        # would be Markdown under a name that promises something else.
        ending = out.lower().rpartition(".")[2] if out and "." in out.rpartition("/")[2] else ""
        if ending and ending not in ("md", "markdown", "txt", "html", "htm"):
            raise BadInput("error.report_suffix", path=out)
        format_ = "html" if ending in ("html", "htm") else "markdown"
    if format_ not in FORMATS:
        raise BadInput("error.report_format", value=format_)
    if format_ == "html" and not out:
        raise BadInput("error.report_html_stdout")
    day = today()
    window = window_of(months, first, last, day)
    sharing = Sharing.of(share_energy, share_notes, share_reflections)
    if out:
        check_writable_target(out, force=force)
    from selvleder.services.report import read_report

    found = build_report(read_report(ctx.journal(), window, sharing, day), sharing)
    from selvleder.export.report import report_html, report_markdown

    if out is None:
        import sys

        sys.stdout.write(report_markdown(found, ctx.t, day))
        return
    from selvleder.context import interactive

    if interactive():
        from selvleder.export.report import preview_lines
        from selvleder.ui.prompts import confirm

        ctx.out.say("report.preview", path=out)
        for line in preview_lines(found, ctx.t, day):
            ctx.out.line(line)
        if not confirm(ctx.t("report.confirm"), ctx.t):
            ctx.out.say("report.cancelled")
            return
    text = (
        report_html(found, ctx.t, day) if format_ == "html" else report_markdown(found, ctx.t, day)
    )
    from selvleder.files import write_private_file

    write_private_file(out, text.encode("utf-8"), force=force)
    ctx.out.say("export.written", path=out)
