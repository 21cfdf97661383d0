"""``goal add/edit/show/list/progress/done/drop/reopen``: few, clear goals."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    group = typer.Typer(help=t("help.goal"), no_args_is_help=True)
    app.add_typer(group, name="goal")
    Id = Annotated[int, typer.Argument(metavar="ID", help=t("help.arg.goal_id"))]

    @group.command("add", help=t("help.goal.add"), epilog=t("help.goal.add.example"))
    def add(
        title: Annotated[str, typer.Argument(metavar="TITLE", help=t("help.arg.title"))],
        measure: Annotated[str | None, typer.Option(help=t("help.opt.measure"))] = None,
        due: Annotated[str | None, typer.Option(metavar="DATE", help=t("help.opt.due"))] = None,
        org_goal: Annotated[
            str | None, typer.Option("--org-goal", help=t("help.opt.goal_org_goal"))
        ] = None,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.goals import GoalFields
        from selvleder.services.goals import add_goal

        fields = GoalFields(title=title, measure=measure, due=due, org_goal=org_goal)
        ctx = app_context()
        goal_id = add_goal(ctx.journal(), fields, ctx.config.max_goals)
        ctx.out.say("goal.added", id=goal_id, title=fields.values["title"])
        missing = [k for k in ("measure", "due") if not fields.values.get(k)]
        if missing:
            key = "goal.unclear_hint" if len(missing) == 2 else f"goal.missing_{missing[0]}"
            ctx.out.say(key, id=goal_id)

    @group.command("edit", help=t("help.goal.edit"), epilog=t("help.goal.edit.example"))
    def edit(
        goal_id: Id,
        title: Annotated[str | None, typer.Option(help=t("help.opt.title"))] = None,
        measure: Annotated[str | None, typer.Option(help=t("help.opt.measure"))] = None,
        due: Annotated[str | None, typer.Option(metavar="DATE", help=t("help.opt.due"))] = None,
        org_goal: Annotated[
            str | None, typer.Option("--org-goal", help=t("help.opt.goal_org_goal"))
        ] = None,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.goals import GoalFields
        from selvleder.domain.text import check_id
        from selvleder.services.goals import edit_goal

        check_id(goal_id, "goal")
        fields = GoalFields(title=title, measure=measure, due=due, org_goal=org_goal)
        ctx = app_context()
        goal = edit_goal(ctx.journal(), goal_id, fields)
        ctx.out.say("goal.edited", id=goal.id, title=goal.title)

    @group.command("show", help=t("help.goal.show"), epilog=t("help.goal.show.example"))
    def show(
        goal_id: Id,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.goals import goal_json
        from selvleder.domain.text import check_id
        from selvleder.services.goals import show_goal

        check_id(goal_id, "goal")
        ctx = app_context()
        goal = show_goal(ctx.journal(), goal_id)
        if json:
            ctx.out.json(goal_json(goal, with_progress=True))
            return
        from selvleder.render.goals import goal_view

        ctx.out.show(goal_view(goal, ctx.t))

    @group.command("list", help=t("help.goal.list"), epilog=t("help.goal.list.example"))
    def list_(
        all_: Annotated[bool, typer.Option("--all", help=t("help.opt.all_goals"))] = False,
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.goals import goal_json

        ctx = app_context()
        journal = ctx.journal()
        with journal.read():
            goals = journal.goals(include_closed=all_)
            last = journal.last_progress_dates(include_closed=all_)
        if json:
            ctx.out.json([goal_json(g) for g in goals])
            return
        from selvleder.render.goals import goals_table

        ctx.out.show(goals_table(goals, last, ctx.config.max_goals, ctx.t))

    @group.command("progress", help=t("help.goal.progress"), epilog=t("help.goal.progress.example"))
    def progress(
        goal_id: Id,
        note: Annotated[str, typer.Argument(metavar="NOTE", help=t("help.arg.note"))],
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.text import MAX_NOTE, check_id, require_text
        from selvleder.services.goals import add_progress

        check_id(goal_id, "goal")
        require_text(note, "note", MAX_NOTE)
        ctx = app_context()
        goal = add_progress(ctx.journal(), goal_id, note)
        ctx.out.say("goal.progress_added", id=goal.id, title=goal.title)

    def _close(goal_id: int, status: str, message: str) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.text import check_id
        from selvleder.services.goals import close_goal

        check_id(goal_id, "goal")
        ctx = app_context()
        goal = close_goal(ctx.journal(), goal_id, status, ctx.config.max_goals)
        ctx.out.say(message, id=goal.id, title=goal.title)

    @group.command("done", help=t("help.goal.done"), epilog=t("help.goal.done.example"))
    def done(goal_id: Id) -> None:
        _close(goal_id, "done", "goal.done")

    @group.command("drop", help=t("help.goal.drop"), epilog=t("help.goal.drop.example"))
    def drop(goal_id: Id) -> None:
        _close(goal_id, "dropped", "goal.dropped")

    @group.command("reopen", help=t("help.goal.reopen"), epilog=t("help.goal.reopen.example"))
    def reopen(goal_id: Id) -> None:
        _close(goal_id, "active", "goal.reopened")
