"""``mandate add/list/remove``: the handlingsrom map."""

from __future__ import annotations

from selvleder.cli.declare import FLAG, NUMBER, Arg, Commands, Group, Opt
from selvleder.context import AppContext

commands = Commands(Group("mandate", "help.mandate"))


@commands.add(
    "mandate add",
    "help.mandate.add",
    Opt("--mine", "help.opt.mine"),
    Opt("--leader", "help.opt.leader"),
    Opt("--bounded", "help.opt.bounded"),
    Opt("--unclear", "help.opt.unclear"),
)
def mandate_add(
    ctx: AppContext,
    mine: str | None,
    leader: str | None,
    bounded: str | None,
    unclear: str | None,
) -> None:
    from selvleder.errors import BadInput
    from selvleder.i18n import message_key
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
    item_id = add_mandate_item(ctx.journal(), kind, text)
    kind_word = ctx.t(message_key(f"mandate.kind.{kind}"))
    ctx.out.say("mandate.added", id=item_id, kind=kind_word, text=text)


@commands.add(
    "mandate list", "help.mandate.list", Opt("--json", "help.opt.json", kind=FLAG), quick=True
)
def mandate_list(ctx: AppContext, json: bool) -> None:
    from selvleder.domain.setup import mandate_json
    from selvleder.services.profile import read_mandate

    items = read_mandate(ctx.journal())
    if json:
        ctx.out.json(mandate_json(items))
        return
    from selvleder.render.profile import mandate_view

    ctx.out.show(mandate_view(items, ctx.t))


@commands.add("mandate remove", "help.mandate.remove", Arg("item_id", "ID", kind=NUMBER))
def mandate_remove(ctx: AppContext, item_id: int) -> None:
    from selvleder.domain.text import check_id
    from selvleder.services.profile import remove_mandate_item

    check_id(item_id, "mandate")
    remove_mandate_item(ctx.journal(), item_id)
    ctx.out.say("mandate.removed", id=item_id)
