"""Norsk bokmål. Samme nøkler og plassholdere som en.py (en test sjekker det).

Ordene følger kilden (../shared/seed) og ordlisten i LANGUAGE.md.
"""

MESSAGES: dict[str, str] = {
    # -- de fem tipsene (LANGUAGE.md: titlene ordrett) ---------------------------
    "tip.role.title": "Reflekter over egen rolle og oppdrag",
    "tip.role.meaning": "Forstå hvordan din innsats bidrar til virksomhetens mål.",
    "tip.role.q1": "Hvordan bidrar innsatsen din til virksomhetens mål?",
    "tip.role.q2": "Hva er viktigst akkurat nå?",
    "tip.role.q3": "Hva kan vente?",
    "tip.goals.title": "Sett tydelige mål for eget arbeid",
    "tip.goals.meaning": (
        "Formuler egne arbeidsmål som er konkrete, relevante og målbare – og som støtter "
        "opp under virksomhetens prioriteringer."
    ),
    "tip.goals.q1": "Er målene dine konkrete, relevante og målbare?",
    "tip.goals.q2": "Støtter de opp under virksomhetens prioriteringer?",
    "tip.plan.title": "Prioriter og planlegg for effektiv og riktig oppgaveløsning",
    "tip.plan.meaning": (
        "Bruk tid på å strukturere uka. Planlegg med rom for fleksibilitet og pauser."
    ),
    "tip.plan.q1": "Hva gir størst verdi?",
    "tip.plan.q2": "Hva tapper deg for energi?",
    "tip.plan.q3": "Er det rom for fleksibilitet og pauser?",
    "tip.feedback.title": "Be om og gi tilbakemelding – bestill ledelse",
    "tip.feedback.meaning": (
        "Selvledelse betyr ikke å jobbe alene. Snakk jevnlig med kolleger og leder om "
        "progresjon, utfordringer og læringsbehov."
    ),
    "tip.feedback.q1": (
        "Har du snakket med leder og kolleger om progresjon, utfordringer og læringsbehov?"
    ),
    "tip.feedback.q2": "Er kravene til kvalitet, ressursbruk og resultater avstemt?",
    "tip.energy.title": "Ta vare på motivasjon og energi",
    "tip.energy.meaning": "Vær bevisst egne styrker, verdier og drivere.",
    "tip.energy.q1": "Hva er dine styrker, verdier og drivere?",
    "tip.energy.q2": "Hva gir deg arbeidsglede?",
    "tip.energy.q3": "Hvordan ivaretar du balansen mellom arbeid og hvile?",
    # -- felles ----------------------------------------------------------------------
    "common.id": "ID",
    "common.not_set": "ikke satt",
    "prompt.list_hint": "(én per linje, tom linje for å avslutte)",
    "prompt.yes_no_default_yes": "[J/n]",
    "prompt.yes_no_default_no": "[j/N]",
    "prompt.yes_no_again": "Svar ja eller nei.",
    # -- feil ---------------------------------------------------------------------------
    "error.aborted": "Avbrutt. Ingenting ble lagret.",
    "error.unexpected": (
        "Noe uventet gikk galt ({kind}). Ingenting mer ble lagret. Kjør på nytt med --debug "
        "for å se detaljene."
    ),
    "error.os": "Systemet nektet: {detail}. Ingenting ble lagret.",
    "error.lang": "Ukjent språk «{value}». Bruk nb eller en.",
    "error.lang_env": "SELVLEDER_LANG er «{value}». Bruk nb eller en.",
    "error.week": "«{value}» er ikke en uke. Bruk for eksempel 2026-W49, W49, 49, denne, neste eller forrige.",
    "error.date": "«{value}» er ikke en dato. Bruk for eksempel 31.01.2027, 2027-01-31, i dag eller fredag.",
    "error.time": "«{value}» er ikke et klokkeslett. Bruk for eksempel 09:30.",
    "error.duration": "«{value}» er ikke en varighet. Bruk for eksempel 90m, 1h30m eller 2h.",
    "error.when": "«{value}» er ikke en fokusblokk. Bruk en ukedag og et tidsrom, f.eks. «tir 09:00-11:00».",
    "error.empty": "{field} kan ikke være tom.",
    "error.encoding": "{field} inneholder byte som ikke er gyldig tekst (UTF-8).",
    "error.too_long": "{field} er for lang (høyst {max} tegn).",
    "error.bad_name": "{field} må stå på én linje.",
    "error.email": "«{value}» er ikke en e-postadresse ({field}).",
    "error.nothing_to_edit": "Ingenting å endre: oppgi minst ett valg, f.eks. --title.",
    "error.needs_terminal": (
        "Denne kommandoen stiller spørsmål, men det er ingen terminal å spørre i. Oppgi svarene "
        "med {flags}."
    ),
    "error.goal_unknown": "Det finnes ikke noe mål med id {id}. Se «selvleder goal list --all».",
    "error.goal_cap": (
        "Du har allerede {count} aktive mål, og grensen er {cap} (få, men tydelige mål). "
        "Fullfør eller legg bort ett først («selvleder goal done ID» eller «goal drop ID»), "
        "eller øk max_goals i config.toml."
    ),
    "error.mandate_kind": "«{value}» er ingen type handlingsrom. Bruk mine, leader, bounded eller unclear.",
    "error.mandate_one_kind": "Oppgi nøyaktig én av --mine, --leader, --bounded eller --unclear.",
    "error.mandate_unknown": "Det finnes ikke noe punkt i handlingsrommet med id {id}. Se «selvleder mandate list».",
    "error.config_unreadable": "Kan ikke lese konfigurasjonsfilen {path}: {detail}.",
    "error.config_syntax": "Konfigurasjonsfilen {path} er ikke gyldig TOML: {detail}",
    "error.config_key": "Konfigurasjonsfilen har en ugyldig verdi for {key}: {value}.",
    "error.config_unknown": "Konfigurasjonsfilen har en ukjent nøkkel: {key}.",
    "error.db_folder_missing": "Mappen {path} finnes ikke. Opprett den først, eller velg en annen --db.",
    "error.db_not_file": "{path} er ikke en fil.",
    "error.journal_missing": "Det finnes ingen journal på {path}.",
    "error.journal_newer": (
        "Denne journalen er skrevet av en nyere selvleder (skjema {version}; denne versjonen "
        "kjenner {known}). Oppgrader selvleder. Journalen ble ikke endret."
    ),
    "error.journal_corrupt": (
        "Journalen er skadet eller er ikke en selvleder-journal. Den ble ikke endret. "
        "Kjør «selvleder doctor», eller hent tilbake en sikkerhetskopi med «selvleder restore»."
    ),
    "error.journal_corrupt.hint": (
        "Journalen er skadet. Hent tilbake den nyeste sikkerhetskopien med «selvleder restore KOPI»."
    ),
    "error.journal_locked": (
        "Journalen er opptatt i en annen selvleder for lenge. Ingenting ble lagret. Prøv igjen "
        "om litt."
    ),
    "error.journal_full": "Disken er full. Ingenting ble lagret. Frigjør plass og prøv igjen.",
    "error.journal_readonly": (
        "Journalen kan ikke skrives (skrivebeskyttet fil eller mappe). Ingenting ble lagret. "
        "Kjør «selvleder doctor»."
    ),
    "error.journal_unwritable": "Kan ikke opprette {path}. Sjekk tilgangene til mappen.",
    "error.journal_io": (
        "Journalen kunne ikke leses eller skrives (diskfeil). Ingenting ble lagret. "
        "Kjør «selvleder doctor»."
    ),
    "error.journal_failed": "Journalen feilet: {detail}. Ingenting ble lagret. Kjør «selvleder doctor».",
    "error.file_exists": "{path} finnes allerede. Bruk --force for å erstatte den.",
    "error.folder_missing": "Mappen {path} finnes ikke.",
    "error.file_missing": "Filen {path} finnes ikke.",
    "error.file_is_folder": "{path} er en mappe, ikke en fil.",
    "error.file_unreadable": "Kan ikke lese {path}: {detail}.",
    "error.write_failed": "Kunne ikke skrive {path}: {detail}.",
    "error.export_format": "«{value}» er ikke et eksportformat. Bruk json eller markdown.",
    "error.import_json": "Filen er ikke gyldig JSON: {detail}",
    "error.import_format": "Filen er ikke en eksport fra selvleder (format må være selvleder-export).",
    "error.import_invalid": "Filen er ikke en gyldig eksport ved {where}: {detail}. Ingenting ble importert.",
    "error.import_integrity": "Delene i filen henger ikke sammen ({detail}). Ingenting ble importert.",
    "error.import_not_empty": (
        "Journalen har allerede innhold. Bruk --replace for å erstatte den (det tas en "
        "sikkerhetskopi først)."
    ),
    # -- bruksfeil fra kommandolinjen ------------------------------------------------------
    "usage.no_such_option": "Ukjent valg {option}.",
    "usage.did_you_mean": "Mente du {options}?",
    "usage.missing": "Mangler {param}.",
    "usage.not_number": "{param} må være et heltall, ikke «{value}».",
    "usage.bad_value": "Ugyldig verdi for {param}: {detail}",
    "usage.needs_value": "{option} trenger en verdi.",
    "usage.no_such_command": "Det finnes ingen kommando «{name}».",
    "usage.extra_args": "Uventede ekstra argumenter: {args}.",
    "usage.generic": "{detail}",
    "usage.hint": "Se «{command}».",
    "usage.prefix": "Bruk: ",
    "usage.help_option": "Vis denne hjelpen og avslutt.",
    "usage.section.arguments": "Argumenter",
    "usage.section.options": "Valg",
    "usage.section.commands": "Kommandoer",
    "usage.required": "påkrevd",
    "usage.default": "standard: {{default}}",
    "usage.missing_command": "Mangler kommando.",
    # -- journalmodus ------------------------------------------------------------------------
    "journal_mode.wal_safe": "denne SQLite-versjonen har rettingen av WAL-reset-feilen, så WAL brukes",
    "journal_mode.wal_reset_bug": (
        "denne SQLite-versjonen er eldre enn rettingen av WAL-reset-feilen (3.51.3, 3.50.7, "
        "3.44.6), så den tryggere tilbakerullingsjournalen brukes"
    ),
    # -- hjelp ----------------------------------------------------------------------------------
    "help.root": (
        "selvleder – en coach for selvledelse på jobb. Planlegg uka med få prioriteringer, "
        "logg energien din, reflekter over de fem tipsene for selvledelse og bestill den "
        "ledelsen du trenger."
    ),
    "help.root.epilog": (
        'Kom i gang: selvleder goal add "Kortere saksbehandlingstid" --measure "< 20 dager" '
        "--due 30.06.2027"
    ),
    "help.opt.db": "Journalfil (standard: brukerens datamappe, eller SELVLEDER_DB).",
    "help.opt.lang": "Språk: nb eller en (standard: SELVLEDER_LANG, config.toml, systemets språk).",
    "help.opt.version": "Vis versjonen og avslutt.",
    "help.opt.debug": "Vis sporing (traceback) når noe feiler.",
    "help.opt.json": "Skriv bare JSON.",
    "help.opt.no_input": "Ikke spør om noe; bruk bare valgene som er gitt.",
    "help.opt.force": "Erstatt en fil som finnes.",
    "help.opt.out": "Skriv til denne filen (0600) i stedet for terminalen.",
    "help.init": (
        "Sett opp rollen og oppdraget ditt, virksomhetens mål, hva som motiverer deg, "
        "handlingsrommet ditt og lederen din. Spør i en terminal; kjør igjen for å endre."
    ),
    "help.init.example": (
        'Eksempel: selvleder init --role "Saksbehandler" --mission "Rettferdige, raske '
        'vedtak" --leader-name Kari --leader-email kari@example.no --no-input'
    ),
    "help.opt.role": "Rollen din.",
    "help.opt.mission": "Oppdraget ditt: hva arbeidet ditt er til for.",
    "help.opt.org_goal": "Ett av virksomhetens mål (gjenta for flere).",
    "help.opt.strength": "En styrke (gjenta for flere).",
    "help.opt.value": "En verdi som betyr noe for deg på jobb (gjenta for flere).",
    "help.opt.driver": "En driver: det som motiverer deg (gjenta for flere).",
    "help.opt.joy": "Hva som gir deg arbeidsglede.",
    "help.opt.leader_name": "Navnet til lederen din.",
    "help.opt.leader_email": "E-postadressen til lederen din.",
    "help.opt.me_name": "Navnet ditt (signerer meldinger til lederen).",
    "help.opt.me_email": "E-postadressen din.",
    "help.opt.init_lang": "Språket selvleder snakker til deg på: nb eller en.",
    "help.role": "Vis rollen, oppdraget, virksomhetens mål, motivasjonen og handlingsrommet ditt.",
    "help.role.example": "Eksempel: selvleder role --json",
    "help.mandate": "Handlingsrommet ditt: hva du bestemmer, hva lederen bestemmer, hva som avgrenser det.",
    "help.mandate.add": "Legg til ett punkt i handlingsrommet.",
    "help.mandate.add.example": (
        'Eksempel: selvleder mandate add --unclear "Hvem godkjenner den nye brevmalen?"'
    ),
    "help.opt.mine": "Noe du bestemmer selv.",
    "help.opt.leader": "Noe lederen din bestemmer.",
    "help.opt.bounded": "Noe som er avgrenset av samfunnsoppdrag, strategi, ressurser, lover eller retningslinjer.",
    "help.opt.unclear": "Noe der det er uklart hvem som bestemmer (en grunn til å spørre lederen).",
    "help.mandate.list": "Vis handlingsrommet med id-er.",
    "help.mandate.list.example": "Eksempel: selvleder mandate list",
    "help.mandate.remove": "Fjern ett punkt fra handlingsrommet.",
    "help.mandate.remove.example": "Eksempel: selvleder mandate remove 3",
    "help.goal": "Få, men tydelige mål: et mål er tydelig når det har et mål for måloppnåelse og en frist.",
    "help.arg.goal_id": "Målets id (se «selvleder goal list»).",
    "help.arg.title": "Tittelen.",
    "help.arg.note": "Et kort notat.",
    "help.goal.add": "Legg til et mål. Over max_goals aktive mål blir det avvist.",
    "help.goal.add.example": (
        'Eksempel: selvleder goal add "Kortere saksbehandlingstid" --measure "median under '
        '20 dager" --due 30.06.2027'
    ),
    "help.opt.measure": "Hvordan du vet at målet er nådd.",
    "help.opt.due": "Frist: 30.06.2027, 2027-06-30, fredag ...",
    "help.opt.goal_org_goal": "Virksomhetsmålet dette målet støtter.",
    "help.opt.title": "En ny tittel.",
    "help.goal.edit": "Endre et mål (for eksempel for å gjøre det tydelig).",
    "help.goal.edit.example": 'Eksempel: selvleder goal edit 2 --measure "3 utkast gjennomgått" --due fredag',
    "help.goal.show": "Vis ett mål med fremdriftsnotatene.",
    "help.goal.show.example": "Eksempel: selvleder goal show 2",
    "help.goal.list": "Vis de aktive målene (med --all også nådde og lagt bort).",
    "help.goal.list.example": "Eksempel: selvleder goal list --json",
    "help.opt.all_goals": "Ta med mål som er nådd eller lagt bort.",
    "help.goal.progress": "Noter fremdrift på et mål.",
    "help.goal.progress.example": 'Eksempel: selvleder goal progress 2 "Første utkast sendt på høring"',
    "help.goal.done": "Marker et mål som nådd.",
    "help.goal.done.example": "Eksempel: selvleder goal done 2",
    "help.goal.drop": "Legg bort et mål som ikke lenger er viktig.",
    "help.goal.drop.example": "Eksempel: selvleder goal drop 2",
    "help.goal.reopen": "Gjør et nådd eller bortlagt mål aktivt igjen.",
    "help.goal.reopen.example": "Eksempel: selvleder goal reopen 2",
    "help.doctor": "Sjekk journalen: integritet, journalmodus, filtilganger, sikkerhetskopier, påminnelser.",
    "help.doctor.example": "Eksempel: selvleder doctor --json",
    "help.export": "Eksporter hele journalen som JSON (standard) eller Markdown.",
    "help.export.example": "Eksempel: selvleder export --out journal.json",
    "help.opt.export_format": "json eller markdown.",
    "help.import": "Importer en eksportfil til en tom journal (eller erstatt den med --replace).",
    "help.import.example": "Eksempel: selvleder import journal.json",
    "help.arg.import_file": "En fil skrevet av «selvleder export».",
    "help.opt.replace": "Erstatt en journal som har innhold (det tas en sikkerhetskopi først).",
    # -- init ------------------------------------------------------------------------------------
    "init.intro": (
        "La oss sette opp selvleder. Trykk Enter for å beholde det som står i klammer, "
        "eller for å hoppe over et spørsmål."
    ),
    "init.section.role": "Rolle og oppdrag",
    "init.ask.role": "Rollen din",
    "init.ask.mission": "Oppdraget ditt (hva arbeidet ditt er til for)",
    "init.ask.org_goals": "Virksomhetens mål som arbeidet ditt støtter",
    "init.section.motivation": "Motivasjon og energi",
    "init.ask.strengths": "Styrkene dine",
    "init.ask.values": "Verdiene dine på jobb",
    "init.ask.drivers": "Driverne dine (det som motiverer deg)",
    "init.ask.joy": "Hva gir deg arbeidsglede",
    "init.section.mandate": "Handlingsrom",
    "init.ask.mandate_mine": "Hva bestemmer du selv?",
    "init.ask.mandate_leader": "Hva bestemmer lederen din?",
    "init.ask.mandate_bounded": "Hva er avgrenset av samfunnsoppdrag, strategi, ressurser, lover eller retningslinjer?",
    "init.ask.mandate_unclear": "Hvor er det uklart hvem som bestemmer?",
    "init.section.leader": "Lederen din og deg",
    "init.ask.leader_name": "Navnet til lederen din",
    "init.ask.leader_email": "E-postadressen til lederen din",
    "init.ask.me_name": "Navnet ditt",
    "init.ask.me_email": "E-postadressen din",
    "init.ask.lang": "Språk (nb/en)",
    "init.confirm": "Lagre dette?",
    "init.saved": "Lagret. Journalen din er {path}.",
    "init.next": "Neste steg: sett et tydelig mål med «selvleder goal add», eller se alt med «selvleder role».",
    # -- rolle og handlingsrom ------------------------------------------------------------------
    "role.heading": "Rolle og oppdrag",
    "role.role": "Rolle",
    "role.mission": "Oppdrag",
    "role.org_goals": "Virksomhetens mål",
    "role.motivation": "Motivasjon",
    "role.strengths": "Styrker",
    "role.values": "Verdier",
    "role.drivers": "Drivere",
    "role.joy": "Arbeidsglede",
    "role.start_hint": "Beskriv rollen og oppdraget ditt med «selvleder init».",
    "mandate.heading": "Handlingsrom",
    "mandate.empty": 'Ingenting registrert ennå. Legg til med «selvleder mandate add --mine "..."».',
    "mandate.column.kind": "Hvem bestemmer",
    "mandate.column.text": "Hva",
    "mandate.kind.mine": "Jeg bestemmer",
    "mandate.kind.leader": "Lederen bestemmer",
    "mandate.kind.bounded": "Avgrenset av",
    "mandate.kind.unclear": "Uklart",
    "mandate.unclear_hint": (
        "{count} punkt(er) er uklare. Du kan be lederen om å avklare: «selvleder ask-leader "
        "--need clarify-mandate»."
    ),
    "mandate.added": "La til {id}: {kind} – {text}",
    "mandate.removed": "Fjernet punkt {id} fra handlingsrommet.",
    # -- mål ----------------------------------------------------------------------------------------
    "goal.added": "La til mål {id}: {title}",
    "goal.unclear_hint": (
        "Mål {id} har ennå ikke mål for måloppnåelse eller frist. Et tydelig mål har begge: "
        "«selvleder goal edit {id} --measure ... --due ...»."
    ),
    "goal.edited": "Endret mål {id}: {title}",
    "goal.progress_added": "Noterte fremdrift på mål {id}: {title}",
    "goal.done": "Mål {id} er nådd: {title}",
    "goal.dropped": "La bort mål {id}: {title}",
    "goal.reopened": "Mål {id} er aktivt igjen: {title}",
    "goal.empty": 'Ingen aktive mål. Legg til ett med «selvleder goal add "..." --measure ... --due ...».',
    "goal.heading": "Mål",
    "goal.column.title": "Mål",
    "goal.column.measure": "Måloppnåelse",
    "goal.column.due": "Frist",
    "goal.column.org_goal": "Støtter",
    "goal.column.status": "Status",
    "goal.column.progress": "Siste fremdrift",
    "goal.status.active": "aktivt",
    "goal.status.done": "nådd",
    "goal.status.dropped": "lagt bort",
    "goal.status.unclear": "uklart",
    "goal.count": "{active} av høyst {cap} aktive mål.",
    "goal.unclear_footer": "{count} mål mangler mål for måloppnåelse eller frist. Hvilket kan du gjøre tydelig?",
    "goal.progress_heading": "Fremdrift",
    "goal.no_progress": 'Ingen fremdrift notert ennå: «selvleder goal progress {id} "..."».',
    # -- doctor ---------------------------------------------------------------------------------------
    "doctor.heading": "selvleder doctor",
    "doctor.path": "Journal",
    "doctor.sqlite": "SQLite",
    "doctor.journal_mode": "Journalmodus",
    "doctor.schema": "Skjemaversjon",
    "doctor.integrity": "Integritet",
    "doctor.permissions": "Tilganger (filer 0600, mapper 0700)",
    "doctor.permissions_bad": "Noen filer eller mapper kan leses av andre.",
    "doctor.permissions_bad.hint": (
        "Noen filer eller mapper kan leses av andre. Rett det med chmod 600 (filer) og "
        "chmod 700 (mapper)."
    ),
    "doctor.reminders": "Påminnelser installert",
    "doctor.paused": "Påminnelser pauset til",
    "doctor.backups": "Sikkerhetskopier",
    "doctor.ok": "ok",
    "doctor.yes": "ja",
    "doctor.no": "nei",
    "doctor.all_good": "Alt er i orden.",
    # -- eksport / import ------------------------------------------------------------------------------
    "export.written": "Skrev {path}.",
    "import.backed_up": "Tok sikkerhetskopi av den gamle journalen til {path}.",
    "import.done": "Importerte {rows} rader.",
    "md.title": "selvleder-journal",
    "md.exported": "Eksportert",
    "md.goals": "Mål",
    "md.weeks": "Uker",
    "md.focus": "Fokus",
    "md.next_week": "Neste uke",
    "md.requests": "Bestillinger til lederen",
    "md.feedback": "Tilbakemeldinger gitt",
    # -- energi -----------------------------------------------------------------------
    "help.energy": "Tips 5: logg energien din på et sekund, se utviklingen og hva som gir og tapper energi.",
    "help.opt.weeks": "Hvor mange uker tilbake, denne uka medregnet.",
    "help.energy.log": "Logg energien din nå (1 = tom, 5 = full av energi), med notat og tagger om du vil.",
    "help.energy.log.example": 'Eksempel: selvleder energy log 2 "Tre møter på rad" -t møter',
    "help.arg.level": "Energien din fra 1 (tom) til 5 (full av energi).",
    "help.arg.energy_note": "Et kort notat (valgfritt).",
    "help.opt.tag": "En tagg, ett ord (gjenta for flere), f.eks. møter, fokus.",
    "help.opt.at": "Når, hvis ikke nå: 14:00, i går 15:30, man 09:00, 2026-11-27T10:00.",
    "help.energy.show": "Energien din per uke og dag, som diagram (standard de siste 4 ukene).",
    "help.energy.show.example": "Eksempel: selvleder energy show --weeks 8",
    "help.energy.insights": "Hva som gir og tapper energi, og når den er lavest og høyest (standard 12 uker).",
    "help.energy.insights.example": "Eksempel: selvleder energy insights --json",
    "help.energy.undo": "Fjern den siste energiloggen din.",
    "help.energy.undo.example": "Eksempel: selvleder energy undo",
    "help.energy.delete": "Fjern én energilogg med id.",
    "help.energy.delete.example": "Eksempel: selvleder energy delete 42",
    "error.energy_level": "«{value}» er ikke et energinivå. Bruk et heltall fra 1 (tom) til 5 (full av energi).",
    "error.energy_tag": "«{value}» er ikke en tagg. Bruk ett ord på høyst 40 tegn.",
    "error.energy_future": "«{value}» er fram i tid. Logg energi for nå eller tidligere.",
    "error.weeks": "--weeks må være fra 1 til 520, ikke {value}.",
    "error.energy_nothing_to_undo": "Det finnes ingen energilogg å fjerne.",
    "error.energy_unknown": "Det finnes ingen energilogg med id {id}. Se «selvleder energy show --json».",
    "energy.when_today": "kl. {clock}",
    "energy.when_day": "{day} {date} kl. {clock}",
    "energy.logged": "Logget energi {level}/5 {when} (id {id}).",
    "energy.removed": "Fjernet energilogg {id} ({level}/5, {when}).",
    "weekday.0": "mandag",
    "weekday.1": "tirsdag",
    "weekday.2": "onsdag",
    "weekday.3": "torsdag",
    "weekday.4": "fredag",
    "weekday.5": "lørdag",
    "weekday.6": "søndag",
    "weekday.short.0": "ma",
    "weekday.short.1": "ti",
    "weekday.short.2": "on",
    "weekday.short.3": "to",
    "weekday.short.4": "fr",
    "weekday.short.5": "lø",
    "weekday.short.6": "sø",
    "tod.morning": "formiddag (før 12)",
    "tod.afternoon": "ettermiddag (12–17)",
    "tod.evening": "kveld (etter 17)",
    "common.week": "uke {number}",
    "energy.show.heading": "Energi de siste {weeks} ukene",
    "energy.show.empty": "Ingen energi logget ennå. Begynn med «selvleder energy log 3» – det tar et sekund.",
    "energy.column.week": "Uke",
    "energy.column.mean": "Snitt",
    "energy.column.count": "Logger",
    "energy.show.recent": "De siste 7 dagene",
    "energy.logs_count": "{count} logg(er)",
    "energy.show.profile": "Det som gir deg energi (motivasjonsprofilen din)",
    "energy.show.no_profile": "Legg inn styrker, verdier, drivere og hva som gir deg arbeidsglede med «selvleder init».",
    "energy.insights.heading": "Hva som gir og tapper energi de siste {weeks} ukene",
    "energy.insights.basis": "Basert på {count} logger (snitt {mean}). Ingenting påstås ut fra færre enn 3 logger.",
    "energy.insights.energisers": "Gir energi",
    "energy.insights.drainers": "Tapper energi",
    "energy.insights.no_energisers": "Ingen tydelig energikilde ennå.",
    "energy.insights.no_drainers": "Ingen tydelig energityv ennå.",
    "energy.insights.tag_line": "snitt {mean} ({delta} fra snittet ditt), {count} logger",
    "energy.insights.lowest": "Lavest: {when}, snitt {mean} ({count} logger).",
    "energy.insights.highest": "Høyest: {when}, snitt {mean} ({count} logger).",
    "energy.insights.no_moments": "Ikke nok logger ennå til å si når energien er lavest og høyest.",
    "energy.insights.rule": "En tagg teller når den har minst 3 logger og et snitt minst 0,5 fra snittet ditt.",
    "energy.moment": "{day} {time}",
}
