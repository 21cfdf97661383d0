"""English catalogue. Same keys and placeholders as nb.py (a test checks it)."""

MESSAGES: dict[str, str] = {
    # -- the five tips (LANGUAGE.md: titles verbatim) --------------------------
    "tip.role.title": "Reflect on your role and mission",
    "tip.role.meaning": "Understand how your effort contributes to the organisation's goals.",
    "tip.role.q1": "How does my effort contribute to the organisation's goals?",
    "tip.role.q2": "What matters most right now?",
    "tip.role.q3": "What can wait?",
    "tip.goals.title": "Set clear goals for your own work",
    "tip.goals.meaning": (
        "Write your own work goals so they are concrete, relevant and measurable, "
        "and support the organisation's priorities."
    ),
    "tip.goals.q1": "Are my goals concrete, relevant and measurable?",
    "tip.goals.q2": "Do they support the organisation's priorities?",
    "tip.plan.title": "Prioritise and plan the week",
    "tip.plan.meaning": (
        "Take time to structure the week. Plan with room for flexibility and breaks."
    ),
    "tip.plan.q1": "What gives the most value?",
    "tip.plan.q2": "What drains my energy?",
    "tip.plan.q3": "Is there room for flexibility and breaks?",
    "tip.feedback.title": "Ask for and give feedback — order leadership",
    "tip.feedback.meaning": (
        "Self-leadership does not mean working alone. Talk regularly with colleagues "
        "and your leader about progress, challenges and learning needs."
    ),
    "tip.feedback.q1": (
        "Have I talked with my leader and colleagues about progress, challenges and learning needs?"
    ),
    "tip.feedback.q2": "Are expectations on quality, resources and results aligned?",
    "tip.energy.title": "Look after motivation and energy",
    "tip.energy.meaning": "Be aware of your own strengths, values and drivers.",
    "tip.energy.q1": "What are my strengths, values and drivers?",
    "tip.energy.q2": "What gives me joy at work?",
    "tip.energy.q3": "How is my balance between work and rest?",
    # -- common ------------------------------------------------------------------
    "common.id": "ID",
    "common.not_set": "not set",
    "prompt.list_hint": "(one per line, an empty line to finish)",
    "prompt.yes_no_default_yes": "[Y/n]",
    "prompt.yes_no_default_no": "[y/N]",
    "prompt.yes_no_again": "Please answer yes or no.",
    # -- errors --------------------------------------------------------------------
    "error.aborted": "Stopped. Nothing was saved.",
    "error.unexpected": (
        "Something unexpected went wrong ({kind}). Nothing more was saved. "
        "Run again with --debug to see the details."
    ),
    "error.os": "The system refused: {detail}. Nothing was saved.",
    "error.lang": "Unknown language '{value}'. Use nb or en.",
    "error.lang_env": "SELVLEDER_LANG is '{value}'. Use nb or en.",
    "error.week": "'{value}' is not a week. Use for example 2026-W49, W49, 49, this, next or last.",
    "error.date": "'{value}' is not a date. Use for example 2027-01-31, 31.01.2027, today or friday.",
    "error.time": "'{value}' is not a time of day. Use for example 09:30.",
    "error.duration": "'{value}' is not a duration. Use for example 90m, 1h30m or 2h.",
    "error.when": "'{value}' is not a focus block. Use a weekday and a time range, e.g. 'tue 09:00-11:00'.",
    "error.empty": "{field} cannot be empty.",
    "error.encoding": "{field} contains bytes that are not valid text (UTF-8).",
    "error.too_long": "{field} is too long (at most {max} characters).",
    "error.bad_name": "{field} must be on one line.",
    "error.email": "'{value}' is not an e-mail address ({field}).",
    "error.nothing_to_edit": "Nothing to change: give at least one option, e.g. --title.",
    "error.needs_terminal": (
        "This command asks questions, but there is no terminal to ask in. Give the answers "
        "with {flags}."
    ),
    "error.goal_unknown": "There is no goal with id {id}. See 'selvleder goal list --all'.",
    "error.goal_cap": (
        "You already have {count} active goals, and the cap is {cap} (few, but clear goals). "
        "Finish or drop one first ('selvleder goal done ID' or 'goal drop ID'), or raise "
        "max_goals in config.toml."
    ),
    "error.mandate_kind": "'{value}' is not a mandate kind. Use mine, leader, bounded or unclear.",
    "error.mandate_one_kind": "Give exactly one of --mine, --leader, --bounded or --unclear.",
    "error.mandate_unknown": "There is no mandate item with id {id}. See 'selvleder mandate list'.",
    "error.config_unreadable": "Cannot read the config file {path}: {detail}.",
    "error.config_syntax": "The config file {path} is not valid TOML: {detail}",
    "error.config_key": "The config file has an invalid value for {key}: {value}.",
    "error.config_unknown": "The config file has an unknown key: {key}.",
    "error.db_folder_missing": "The folder {path} does not exist. Create it first or choose another --db.",
    "error.db_not_file": "{path} is not a file.",
    "error.journal_missing": "There is no journal at {path}.",
    "error.journal_newer": (
        "This journal was written by a newer selvleder (schema {version}; this release knows "
        "{known}). Upgrade selvleder. The journal was not changed."
    ),
    "error.journal_corrupt": (
        "The journal is damaged or is not a selvleder journal. It was not changed. "
        "Run 'selvleder doctor', or restore a backup with 'selvleder restore'."
    ),
    "error.journal_corrupt.hint": (
        "The journal is damaged. Restore the newest backup with 'selvleder restore BACKUP'."
    ),
    "error.journal_locked": (
        "The journal is busy in another selvleder for too long. Nothing was saved. Try again "
        "in a moment."
    ),
    "error.journal_full": "The disk is full. Nothing was saved. Free some space and try again.",
    "error.journal_readonly": (
        "The journal cannot be written (read-only file or folder). Nothing was saved. "
        "Run 'selvleder doctor'."
    ),
    "error.journal_unwritable": "Cannot create {path}. Check the folder's permissions.",
    "error.journal_io": (
        "The journal could not be read or written (disk error). Nothing was saved. "
        "Run 'selvleder doctor'."
    ),
    "error.journal_failed": "The journal failed: {detail}. Nothing was saved. Run 'selvleder doctor'.",
    "error.file_exists": "{path} already exists. Use --force to replace it.",
    "error.folder_missing": "The folder {path} does not exist.",
    "error.file_missing": "There is no file {path}.",
    "error.file_is_folder": "{path} is a folder, not a file.",
    "error.file_unreadable": "Cannot read {path}: {detail}.",
    "error.write_failed": "Could not write {path}: {detail}.",
    "error.export_format": "'{value}' is not an export format. Use json or markdown.",
    "error.import_json": "The file is not valid JSON: {detail}",
    "error.import_format": "The file is not a selvleder export (format must be selvleder-export).",
    "error.import_invalid": "The file is not a valid export at {where}: {detail}. Nothing was imported.",
    "error.import_integrity": (
        "The file's parts do not fit together ({detail}). Nothing was imported."
    ),
    "error.import_not_empty": (
        "The journal already has content. Use --replace to replace it (a backup is made first)."
    ),
    # -- usage errors from the command-line parser ------------------------------------
    "usage.no_such_option": "Unknown option {option}.",
    "usage.did_you_mean": "Did you mean {options}?",
    "usage.missing": "Missing {param}.",
    "usage.not_number": "{param} must be a whole number, not '{value}'.",
    "usage.bad_value": "Invalid value for {param}: {detail}",
    "usage.needs_value": "{option} needs a value.",
    "usage.no_such_command": "There is no command '{name}'.",
    "usage.extra_args": "Unexpected extra arguments: {args}.",
    "usage.generic": "{detail}",
    "usage.hint": "See '{command}'.",
    "usage.prefix": "Usage: ",
    "usage.help_option": "Show this message and exit.",
    "usage.section.arguments": "Arguments",
    "usage.section.options": "Options",
    "usage.section.commands": "Commands",
    "usage.required": "required",
    "usage.default": "default: {{default}}",
    "usage.missing_command": "Missing command.",
    # -- journal mode --------------------------------------------------------------------
    "journal_mode.wal_safe": "this SQLite has the fix for the WAL-reset bug, so WAL is used",
    "journal_mode.wal_reset_bug": (
        "this SQLite predates the WAL-reset fix (3.51.3, 3.50.7, 3.44.6), so the safer "
        "rollback journal is used"
    ),
    # -- help ---------------------------------------------------------------------------
    "help.root": (
        "selvleder – a coach for self-leadership at work. Plan the week with few priorities, "
        "log your energy, reflect on the five self-leadership tips and ask your leader for "
        "the leadership you need."
    ),
    "help.root.epilog": (
        'Start: selvleder goal add "Shorter case handling" --measure "< 20 days" --due 2027-06-30'
    ),
    "help.opt.db": "Journal file (default: the user data folder, or SELVLEDER_DB).",
    "help.opt.lang": "Language: nb or en (default: SELVLEDER_LANG, config.toml, the locale).",
    "help.opt.version": "Show the version and exit.",
    "help.opt.debug": "Show a traceback when something fails.",
    "help.opt.json": "Print JSON only.",
    "help.opt.no_input": "Do not ask anything; use only the options given.",
    "help.opt.force": "Replace an existing file.",
    "help.opt.out": "Write to this file (0600) instead of the terminal.",
    "help.init": (
        "Set up your role, mission, the organisation's goals, what motivates you, your "
        "handlingsrom (room to act) and your leader. Asks on a terminal; re-running edits."
    ),
    "help.init.example": (
        'Example: selvleder init --role "Case officer" --mission "Fair, fast decisions" '
        "--leader-name Kari --leader-email kari@example.no --no-input"
    ),
    "help.opt.role": "Your role.",
    "help.opt.mission": "Your mission: what your work is for.",
    "help.opt.org_goal": "One of the organisation's goals (repeat for more).",
    "help.opt.strength": "A strength (repeat for more).",
    "help.opt.value": "A value that matters to you at work (repeat for more).",
    "help.opt.driver": "A driver: what motivates you (repeat for more).",
    "help.opt.joy": "What gives you joy at work.",
    "help.opt.leader_name": "Your leader's name.",
    "help.opt.leader_email": "Your leader's e-mail address.",
    "help.opt.me_name": "Your name (signs messages to your leader).",
    "help.opt.me_email": "Your e-mail address.",
    "help.opt.init_lang": "The language selvleder speaks to you in: nb or en.",
    "help.role": "Show your role, mission, the organisation's goals, motivation and handlingsrom.",
    "help.role.example": "Example: selvleder role --json",
    "help.mandate": "Your handlingsrom: what you decide, what your leader decides, what bounds it.",
    "help.mandate.add": "Add one item to the handlingsrom map.",
    "help.mandate.add.example": (
        'Example: selvleder mandate add --unclear "Who approves the new letter template?"'
    ),
    "help.opt.mine": "Something you decide yourself.",
    "help.opt.leader": "Something your leader decides.",
    "help.opt.bounded": "Something bounded by mission, strategy, resources, laws or guidelines.",
    "help.opt.unclear": "Something where it is unclear who decides (a reason to ask your leader).",
    "help.mandate.list": "List the handlingsrom map with ids.",
    "help.mandate.list.example": "Example: selvleder mandate list",
    "help.mandate.remove": "Remove one item from the handlingsrom map.",
    "help.mandate.remove.example": "Example: selvleder mandate remove 3",
    "help.goal": "Few, but clear goals: a goal is clear when it has a measure and a due date.",
    "help.arg.goal_id": "The goal's id (see 'selvleder goal list').",
    "help.arg.title": "The title.",
    "help.arg.note": "A short note.",
    "help.goal.add": "Add a goal. Past max_goals active goals it is refused.",
    "help.goal.add.example": (
        'Example: selvleder goal add "Shorter case handling" --measure "median < 20 days" '
        "--due 2027-06-30"
    ),
    "help.opt.measure": "How you will know the goal is reached.",
    "help.opt.due": "Due date: 2027-06-30, 30.06.2027, friday ...",
    "help.opt.goal_org_goal": "The organisation goal this goal supports.",
    "help.opt.title": "A new title.",
    "help.goal.edit": "Change a goal (for example to make it clear).",
    "help.goal.edit.example": 'Example: selvleder goal edit 2 --measure "3 drafts reviewed" --due friday',
    "help.goal.show": "Show one goal with its progress notes.",
    "help.goal.show.example": "Example: selvleder goal show 2",
    "help.goal.list": "List the active goals (with --all also finished and dropped ones).",
    "help.goal.list.example": "Example: selvleder goal list --json",
    "help.opt.all_goals": "Include finished and dropped goals.",
    "help.goal.progress": "Note progress on a goal.",
    "help.goal.progress.example": 'Example: selvleder goal progress 2 "First draft sent for comments"',
    "help.goal.done": "Mark a goal as reached.",
    "help.goal.done.example": "Example: selvleder goal done 2",
    "help.goal.drop": "Drop a goal that no longer matters.",
    "help.goal.drop.example": "Example: selvleder goal drop 2",
    "help.goal.reopen": "Make a finished or dropped goal active again.",
    "help.goal.reopen.example": "Example: selvleder goal reopen 2",
    "help.doctor": "Check the journal: integrity, journal mode, file permissions, backups, reminders.",
    "help.doctor.example": "Example: selvleder doctor --json",
    "help.export": "Export the whole journal as JSON (default) or Markdown.",
    "help.export.example": "Example: selvleder export --out journal.json",
    "help.opt.export_format": "json or markdown.",
    "help.import": "Import an export file into an empty journal (or replace it with --replace).",
    "help.import.example": "Example: selvleder import journal.json",
    "help.arg.import_file": "A file written by 'selvleder export'.",
    "help.opt.replace": "Replace a journal that has content (it is backed up first).",
    # -- init -------------------------------------------------------------------------
    "init.intro": (
        "Let's set up selvleder. Press Enter to keep what is in brackets or to skip a question."
    ),
    "init.section.role": "Role and mission",
    "init.ask.role": "Your role",
    "init.ask.mission": "Your mission (what your work is for)",
    "init.ask.org_goals": "The organisation's goals your work supports",
    "init.section.motivation": "Motivation and energy",
    "init.ask.strengths": "Your strengths",
    "init.ask.values": "Your values at work",
    "init.ask.drivers": "Your drivers (what motivates you)",
    "init.ask.joy": "What gives you joy at work",
    "init.section.mandate": "Handlingsrom (room to act)",
    "init.ask.mandate_mine": "What do you decide yourself?",
    "init.ask.mandate_leader": "What does your leader decide?",
    "init.ask.mandate_bounded": "What is bounded by mission, strategy, resources, laws or guidelines?",
    "init.ask.mandate_unclear": "Where is it unclear who decides?",
    "init.section.leader": "Your leader and you",
    "init.ask.leader_name": "Your leader's name",
    "init.ask.leader_email": "Your leader's e-mail",
    "init.ask.me_name": "Your name",
    "init.ask.me_email": "Your e-mail",
    "init.ask.lang": "Language (nb/en)",
    "init.confirm": "Save this?",
    "init.saved": "Saved. Your journal is {path}.",
    "init.next": "Next: set a clear goal with 'selvleder goal add', or see everything with 'selvleder role'.",
    # -- role and mandate ---------------------------------------------------------------
    "role.heading": "Role and mission",
    "role.role": "Role",
    "role.mission": "Mission",
    "role.org_goals": "The organisation's goals",
    "role.motivation": "Motivation",
    "role.strengths": "Strengths",
    "role.values": "Values",
    "role.drivers": "Drivers",
    "role.joy": "Joy at work",
    "role.start_hint": "Describe your role and mission with 'selvleder init'.",
    "mandate.heading": "Handlingsrom (room to act)",
    "mandate.empty": "Nothing recorded yet. Add with 'selvleder mandate add --mine \"...\"'.",
    "mandate.column.kind": "Who decides",
    "mandate.column.text": "What",
    "mandate.kind.mine": "I decide",
    "mandate.kind.leader": "My leader decides",
    "mandate.kind.bounded": "Bounded by",
    "mandate.kind.unclear": "Unclear",
    "mandate.unclear_hint": (
        "{count} item(s) unclear. You can ask your leader: 'selvleder ask-leader --need "
        "clarify-mandate'."
    ),
    "mandate.added": "Added {id}: {kind} – {text}",
    "mandate.removed": "Removed mandate item {id}.",
    # -- goals -----------------------------------------------------------------------------
    "goal.added": "Added goal {id}: {title}",
    "goal.unclear_hint": (
        "Goal {id} has no measure or due date yet. A clear goal has both: "
        "'selvleder goal edit {id} --measure ... --due ...'."
    ),
    "goal.edited": "Changed goal {id}: {title}",
    "goal.progress_added": "Noted progress on goal {id}: {title}",
    "goal.done": "Goal {id} reached: {title}",
    "goal.dropped": "Dropped goal {id}: {title}",
    "goal.reopened": "Goal {id} is active again: {title}",
    "goal.empty": "No active goals. Add one with 'selvleder goal add \"...\" --measure ... --due ...'.",
    "goal.heading": "Goal",
    "goal.column.title": "Goal",
    "goal.column.measure": "Measure",
    "goal.column.due": "Due",
    "goal.column.org_goal": "Supports",
    "goal.column.status": "Status",
    "goal.column.progress": "Last progress",
    "goal.status.active": "active",
    "goal.status.done": "reached",
    "goal.status.dropped": "dropped",
    "goal.status.unclear": "unclear",
    "goal.count": "{active} of at most {cap} active goals.",
    "goal.unclear_footer": "{count} goal(s) lack a measure or due date. Which one can you make clear?",
    "goal.progress_heading": "Progress",
    "goal.no_progress": "No progress noted yet: 'selvleder goal progress {id} \"...\"'.",
    # -- doctor -----------------------------------------------------------------------------
    "doctor.heading": "selvleder doctor",
    "doctor.path": "Journal",
    "doctor.sqlite": "SQLite",
    "doctor.journal_mode": "Journal mode",
    "doctor.schema": "Schema version",
    "doctor.integrity": "Integrity",
    "doctor.permissions": "Permissions (0600 files, 0700 folders)",
    "doctor.permissions_bad": "Some files or folders are readable by others.",
    "doctor.permissions_bad.hint": (
        "Some files or folders are readable by others. Fix with chmod 600 (files) and "
        "chmod 700 (folders)."
    ),
    "doctor.reminders": "Reminders installed",
    "doctor.paused": "Reminders paused until",
    "doctor.backups": "Backups",
    "doctor.ok": "ok",
    "doctor.yes": "yes",
    "doctor.no": "no",
    "doctor.all_good": "All good.",
    # -- export / import --------------------------------------------------------------------------
    "export.written": "Wrote {path}.",
    "import.backed_up": "Backed up the old journal to {path}.",
    "import.done": "Imported {rows} rows.",
    "md.title": "selvleder journal",
    "md.exported": "Exported",
    "md.goals": "Goals",
    "md.weeks": "Weeks",
    "md.focus": "Focus",
    "md.next_week": "Next week",
    "md.requests": "Requests to the leader",
    "md.feedback": "Feedback given",
    # -- energy ----------------------------------------------------------------------
    "help.energy": "Tip 5: log your energy in a second, see the trend and what gives and drains energy.",
    "help.opt.weeks": "How many weeks back, this week included.",
    "help.energy.log": "Log your energy now (1 = empty, 5 = full of energy), with an optional note and tags.",
    "help.energy.log.example": 'Example: selvleder energy log 2 "Three meetings in a row" -t meetings',
    "help.arg.level": "Your energy from 1 (empty) to 5 (full of energy).",
    "help.arg.energy_note": "A short note (optional).",
    "help.opt.tag": "A tag, one word (repeat for more), e.g. meetings, focus.",
    "help.opt.at": "When, if not now: 14:00, yesterday 15:30, mon 09:00, 2026-11-27T10:00.",
    "help.energy.show": "Your energy per week and day, as a chart (default the last 4 weeks).",
    "help.energy.show.example": "Example: selvleder energy show --weeks 8",
    "help.energy.insights": "What gives and drains your energy, and when it is lowest and highest (default 12 weeks).",
    "help.energy.insights.example": "Example: selvleder energy insights --json",
    "help.energy.undo": "Remove your last energy log.",
    "help.energy.undo.example": "Example: selvleder energy undo",
    "help.energy.delete": "Remove one energy log by its id.",
    "help.energy.delete.example": "Example: selvleder energy delete 42",
    "error.energy_level": "'{value}' is not an energy level. Use a whole number from 1 (empty) to 5 (full of energy).",
    "error.energy_tag": "'{value}' is not a tag. Use one word of at most 40 characters.",
    "error.energy_future": "'{value}' is in the future. Log energy for now or earlier.",
    "error.weeks": "--weeks must be from 1 to 520, not {value}.",
    "error.energy_nothing_to_undo": "There is no energy log to remove.",
    "error.energy_unknown": "There is no energy log with id {id}. See 'selvleder energy show --json'.",
    "energy.when_today": "at {clock}",
    "energy.when_day": "on {day} {date} at {clock}",
    "energy.logged": "Logged energy {level}/5 {when} (id {id}).",
    "energy.removed": "Removed energy log {id} ({level}/5, {when}).",
    "weekday.0": "Monday",
    "weekday.1": "Tuesday",
    "weekday.2": "Wednesday",
    "weekday.3": "Thursday",
    "weekday.4": "Friday",
    "weekday.5": "Saturday",
    "weekday.6": "Sunday",
    "weekday.short.0": "Mo",
    "weekday.short.1": "Tu",
    "weekday.short.2": "We",
    "weekday.short.3": "Th",
    "weekday.short.4": "Fr",
    "weekday.short.5": "Sa",
    "weekday.short.6": "Su",
    "tod.morning": "morning (before 12)",
    "tod.afternoon": "afternoon (12–17)",
    "tod.evening": "evening (after 17)",
    "common.week": "week {number}",
    "energy.show.heading": "Energy, the last {weeks} weeks",
    "energy.show.empty": "No energy logged yet. Start with 'selvleder energy log 3' – it takes a second.",
    "energy.column.week": "Week",
    "energy.column.mean": "Mean",
    "energy.column.count": "Logs",
    "energy.show.recent": "The last 7 days",
    "energy.logs_count": "{count} log(s)",
    "energy.show.profile": "What gives you energy (your motivation profile)",
    "energy.show.no_profile": "Add your strengths, values, drivers and what gives you joy at work with 'selvleder init'.",
    "energy.insights.heading": "What gives and drains energy, the last {weeks} weeks",
    "energy.insights.basis": "Based on {count} logs (mean {mean}). Nothing is claimed from fewer than 3 logs.",
    "energy.insights.energisers": "Gives energy",
    "energy.insights.drainers": "Drains energy",
    "energy.insights.no_energisers": "No clear energiser yet.",
    "energy.insights.no_drainers": "No clear drainer yet.",
    "energy.insights.tag_line": "mean {mean} ({delta} from your mean), {count} logs",
    "energy.insights.lowest": "Lowest: {when}, mean {mean} ({count} logs).",
    "energy.insights.highest": "Highest: {when}, mean {mean} ({count} logs).",
    "energy.insights.no_moments": "Not enough logs yet to say when your energy is lowest and highest.",
    "energy.insights.rule": "A tag counts when it has at least 3 logs and a mean at least 0.5 from your overall mean.",
    "energy.moment": "{day} {time}",
}
