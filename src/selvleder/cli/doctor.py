"""``doctor``: is the journal healthy, private and backed up?"""

from __future__ import annotations

from selvleder.cli.declare import FLAG, Commands, Opt
from selvleder.context import AppContext

commands = Commands()


@commands.add("doctor", "help.doctor", Opt("--json", "help.opt.json", kind=FLAG), quick=True)
def doctor(ctx: AppContext, json: bool) -> None:
    from selvleder.failures import ShownFailure
    from selvleder.services.doctor import diagnose

    problem = ctx.config_problem()
    config_text = None if problem is None else ctx.t(problem.key, **problem.params)
    report = diagnose(*ctx.journal_path, config_problem=config_text)
    if json:
        ctx.out.json(report.as_json())
    else:
        from selvleder.render.doctor import doctor_view

        ctx.out.show(doctor_view(report, ctx.t))
    if report.problems:
        raise ShownFailure
