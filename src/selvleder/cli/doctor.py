"""``doctor``: is the journal healthy, private and backed up?"""

from __future__ import annotations

from selvleder.cli.declare import FLAG, Commands, Opt
from selvleder.context import AppContext

commands = Commands()


@commands.add("doctor", "help.doctor", Opt("--json", "help.opt.json", kind=FLAG), quick=True)
def doctor(ctx: AppContext, json: bool) -> None:
    from selvleder.errors import SelvlederError
    from selvleder.i18n.choose import fallback_lang
    from selvleder.services.doctor import diagnose

    config_problem = None
    try:
        ctx.config  # noqa: B018 - a bad config.toml is reported, not fatal, here
    except SelvlederError as exc:
        config_problem = exc
        ctx.lang_option = ctx.lang_option or fallback_lang(None)
    path, chosen = ctx.journal_path
    report = diagnose(path, chosen)
    from selvleder.commands.remind import remind_log_tail

    report["remind_log"] = remind_log_tail()
    report["config_ok"] = config_problem is None
    if config_problem is not None:
        report["config_problem"] = ctx.t(config_problem.key, **config_problem.params)
        report["problems"].append("doctor.config_bad")
    if json:
        ctx.out.json({k: v for k, v in report.items() if k != "problems"})
    else:
        from selvleder.render.doctor import doctor_view

        ctx.out.show(doctor_view(report, ctx.t))
    if report["problems"]:
        raise SystemExit(1)
