"""``plan-week``, ``priority add/edit/done/undone/drop/move`` and ``week`` (tip 3)."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    WeekOpt = Annotated[str | None, typer.Option("--week", metavar="W", help=t("help.opt.week"))]
    Title = Annotated[str | None, typer.Option("--title", help=t("help.opt.title"))]
    Goal = Annotated[int | None, typer.Option("--goal", metavar="ID", help=t("help.opt.goal"))]
    Value = Annotated[
        str | None, typer.Option("--value", metavar="high|medium|low", help=t("help.opt.pvalue"))
    ]
    Energy = Annotated[
        str | None,
        typer.Option("--energy", metavar="gives|neutral|drains", help=t("help.opt.penergy")),
    ]
    Estimate = Annotated[
        str | None, typer.Option("--estimate", metavar="2h", help=t("help.opt.estimate"))
    ]
    When = Annotated[
        str | None,
        typer.Option("--when", metavar='"tue 09:00-11:00"', help=t("help.opt.when")),
    ]
    Id = Annotated[int, typer.Argument(metavar="ID", help=t("help.arg.priority_id"))]

    @app.command("plan-week", help=t("help.plan_week"), epilog=t("help.plan_week.example"))
    def plan_week(
        week: WeekOpt = None,
        priority: Annotated[
            list[str] | None,
            typer.Option("--priority", "-p", metavar="TITLE", help=t("help.opt.priority")),
        ] = None,
        can_wait: Annotated[
            list[str] | None,
            typer.Option("--can-wait", metavar="TITLE", help=t("help.opt.can_wait")),
        ] = None,
        focus: Annotated[str | None, typer.Option("--focus", help=t("help.opt.focus"))] = None,
        buffer: Annotated[
            int | None, typer.Option("--buffer", metavar="PCT", help=t("help.opt.buffer"))
        ] = None,
        carry: Annotated[
            bool | None, typer.Option("--carry/--no-carry", help=t("help.opt.carry"))
        ] = None,
        from_: Annotated[
            str | None, typer.Option("--from", metavar="FILE.toml", help=t("help.opt.from"))
        ] = None,
        ics: Annotated[
            str | None, typer.Option("--ics", metavar="FILE", help=t("help.opt.ics"))
        ] = None,
        force: Annotated[bool, typer.Option("--force", help=t("help.opt.force"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.planning import plan_week as run_plan_week

        run_plan_week(
            app_context(),
            week,
            priority or [],
            can_wait,
            focus,
            buffer,
            bool(carry),
            from_,
            ics,
            force,
        )

    @app.command("week", help=t("help.week"), epilog=t("help.week.example"))
    def week_(
        week: WeekOpt = None,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.commands.reports import show_week

        show_week(app_context(), week, json)

    group = typer.Typer(help=t("help.priority"), no_args_is_help=True)
    app.add_typer(group, name="priority")

    @group.command("add", help=t("help.priority.add"), epilog=t("help.priority.add.example"))
    def add(
        title: Annotated[str, typer.Argument(metavar="TITLE", help=t("help.arg.title"))],
        week: WeekOpt = None,
        goal: Goal = None,
        value: Value = None,
        energy: Energy = None,
        estimate: Estimate = None,
        when: When = None,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.planning import PriorityFields
        from selvleder.domain.weeks import resolve_week
        from selvleder.services.planning import add_priority

        fields = PriorityFields(title, goal, value, energy, estimate, when)
        target, _ = resolve_week(week, None)
        ctx = app_context()
        p = add_priority(ctx.journal(), target, fields, ctx.config.max_priorities)
        ctx.out.say("priority.added", id=p.id, title=p.title, week=ctx.t.week(p.week))

    @group.command("edit", help=t("help.priority.edit"), epilog=t("help.priority.edit.example"))
    def edit(
        priority_id: Id,
        title: Title = None,
        goal: Goal = None,
        value: Value = None,
        energy: Energy = None,
        estimate: Estimate = None,
        when: When = None,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.planning import PriorityFields
        from selvleder.domain.text import check_id
        from selvleder.services.planning import edit_priority

        check_id(priority_id, "priority")
        fields = PriorityFields(title, goal, value, energy, estimate, when)
        ctx = app_context()
        p = edit_priority(ctx.journal(), priority_id, fields)
        ctx.out.say("priority.edited", id=p.id, title=p.title)

    def _status(priority_id: int, status: str, key: str, reason: str | None = None) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.text import check_id
        from selvleder.services.planning import set_status

        check_id(priority_id, "priority")
        ctx = app_context()
        p = set_status(ctx.journal(), priority_id, status, reason, ctx.config.max_priorities)
        ctx.out.say(key, id=p.id, title=p.title)

    @group.command("done", help=t("help.priority.done"), epilog=t("help.priority.done.example"))
    def done(priority_id: Id) -> None:
        _status(priority_id, "done", "priority.done")

    @group.command(
        "undone", help=t("help.priority.undone"), epilog=t("help.priority.undone.example")
    )
    def undone(priority_id: Id) -> None:
        _status(priority_id, "planned", "priority.undone")

    @group.command("drop", help=t("help.priority.drop"), epilog=t("help.priority.drop.example"))
    def drop(
        priority_id: Id,
        reason: Annotated[str | None, typer.Option("--reason", help=t("help.opt.reason"))] = None,
    ) -> None:
        _status(priority_id, "dropped", "priority.dropped", reason)

    @group.command("move", help=t("help.priority.move"), epilog=t("help.priority.move.example"))
    def move(
        priority_id: Id,
        week: Annotated[str, typer.Option("--week", metavar="W", help=t("help.opt.week"))],
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.text import check_id
        from selvleder.domain.weeks import resolve_week
        from selvleder.services.planning import move_priority

        check_id(priority_id, "priority")
        target, _ = resolve_week(week, None)
        ctx = app_context()
        p = move_priority(ctx.journal(), priority_id, target, ctx.config.max_priorities)
        ctx.out.say("priority.moved", id=p.id, title=p.title, week=ctx.t.week(p.week))
