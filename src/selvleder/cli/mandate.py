"""``mandate add/list/remove``: the handlingsrom map."""

from typing import Annotated

import typer

from selvleder.i18n import Messages


def register(app: typer.Typer, t: Messages) -> None:
    group = typer.Typer(help=t("help.mandate"), no_args_is_help=True)
    app.add_typer(group, name="mandate")

    @group.command("add", help=t("help.mandate.add"), epilog=t("help.mandate.add.example"))
    def add(
        mine: Annotated[str | None, typer.Option("--mine", help=t("help.opt.mine"))] = None,
        leader: Annotated[str | None, typer.Option("--leader", help=t("help.opt.leader"))] = None,
        bounded: Annotated[
            str | None, typer.Option("--bounded", help=t("help.opt.bounded"))
        ] = None,
        unclear: Annotated[
            str | None, typer.Option("--unclear", help=t("help.opt.unclear"))
        ] = None,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.errors import BadInput
        from selvleder.services.profile import add_mandate_item

        given = [
            (kind, text)
            for kind, text in (
                ("mine", mine),
                ("leader", leader),
                ("bounded", bounded),
                ("unclear", unclear),
            )
            if text is not None
        ]
        if len(given) != 1:
            raise BadInput("error.mandate_one_kind")
        kind, text = given[0]
        ctx = app_context()
        item_id = add_mandate_item(ctx.journal(), kind, text)
        ctx.out.say("mandate.added", id=item_id, kind=ctx.t(f"mandate.kind.{kind}"), text=text)

    @group.command("list", help=t("help.mandate.list"), epilog=t("help.mandate.list.example"))
    def list_(
        json: Annotated[bool, typer.Option("--json", help=t("help.opt.json"))] = False,
    ) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.setup import mandate_json

        ctx = app_context()
        journal = ctx.journal()
        with journal.read():
            items = journal.mandate()
        if json:
            ctx.out.json(mandate_json(items))
            return
        from selvleder.render.profile import mandate_view

        ctx.out.show(mandate_view(items, ctx.t))

    @group.command("remove", help=t("help.mandate.remove"), epilog=t("help.mandate.remove.example"))
    def remove(item_id: Annotated[int, typer.Argument(metavar="ID")]) -> None:
        from selvleder.cli import app_context
        from selvleder.domain.text import check_id
        from selvleder.services.profile import remove_mandate_item

        check_id(item_id, "mandate")
        ctx = app_context()
        remove_mandate_item(ctx.journal(), item_id)
        ctx.out.say("mandate.removed", id=item_id)
