"""The message table: every problem, warning and verdict reason the core returns is a code with
parameters; this table gives each code its Russian wording (the gettext message id), and
`render()` turns a code and its parameters into a sentence in the language in force.

The core never formats a sentence: it returns `Problem(..., code, params)` or
`{"code": ..., "params": {...}}`; the CLI, the reports and the pages call `render()`, and the
browser gets the same table (Russian) through `model.json` (`messages`) and renders with it.

Placeholders are `{name}` (str.format, no format spec). Numbers in params are plain JSON
numbers; `render` writes floats with the decimal comma in Russian. A parameter may itself be a
message, `Msg(code, params)` (JSON: {"code": ..., "params": {...}}), rendered first: optional
parts («возможно, …?») and words that depend on the case are messages of their own. A code
missing from the table is rendered as it is: that is how problems written before the table
existed still read (see `Problem`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from accountpath.i18n import N_, _, decimal

MESSAGES: dict[str, str] = {
    # Add entries as "area.what": N_("Русский текст с {параметрами}"). Keep the keys sorted by area.
    "round.dangling-link": N_("ссылка никуда не ведёт: файла, на который она указывает, нет; лист не прочитан"),
    "round.not-a-file": N_("это не обычный файл (канал, устройство или сокет): лист не прочитан"),
    # reading a file (yamlsource)
    "file.not-found": N_("файл не найден"),
    "file.not-regular": N_("это не обычный файл"),
    "file.not-utf8": N_("байт 0x{byte} — не UTF-8: сохраните файл в кодировке UTF-8"),
    "file.too-big": N_("файл занимает {size} МБ, а предел — {limit} МБ: тот ли это файл?"),
    "file.unreadable": N_("не удаётся прочитать файл: {error}"),
    # shared parts of other messages
    "hint.maybe": N_(" (возможно, «{hint}»?)"),
    # the model's rules (model/rules.py, model/rules_ladder.py); {rule} is the rule's name
    "model.also-for-own": N_("{at}: also_for повторяет собственную компетенцию вопроса «{cid}» [{rule}]"),
    "model.also-for-unknown": N_("{at}: also_for: «{ident}» — такой компетенции в модели нет{tip} [{rule}]"),
    "model.bands-order": N_(
        "evaluation.bands: {lo} ({vlo}) должен быть ниже, чем {hi} ({vhi}): пороги идут strong_hire > hire > no_hire [{rule}]"
    ),
    "model.career-edge": N_(
        "{at}: цель по «{cid}» {t1} ниже, чем на верхнем уровне {prev} ({t0}), откуда ведёт переход: "
        "первая ступень следующей роли не ниже последней ступени предыдущей [{rule}]"
    ),
    "model.duplicate-id": N_("повторяется id {what} «{ident}» (впервые в строке {line}) [{rule}]"),
    "model.glossary-avoid": N_("{at}: «{found}» — вариант, которого избегаем; по глоссарию пишем «{term}» [{rule}]"),
    "model.id-of.competency": N_("компетенции"),
    "model.id-of.question": N_("вопроса"),
    "model.id-of.role": N_("роли"),
    "model.id-of.role-competency": N_("компетенции роли {role}"),
    "model.id-of.role-level": N_("уровня роли {role}"),
    "model.id-of.source": N_("источника"),
    "model.ladder-monotonic": N_(
        "{at}: цель по «{cid}» {t1} ниже, чем на предыдущем уровне «{prev}» ({t0}): внутри роли цели не снижаются [{rule}]"
    ),
    "model.ladder-sum": N_(
        "{at}: сумма целей {s1} не выше, чем на предыдущем уровне «{prev}» ({s0}): следующий уровень требует больше [{rule}]"
    ),
    "model.not-a-mapping": N_(
        "модель должна быть словарём с ключами version, scale, evaluation, competencies, roles, sources и glossary"
    ),
    "model.question-levels": N_("{at}: levels [{lo}, {hi}]: нижняя граница больше верхней, нужно [min, max] [{rule}]"),
    "model.questions-per-target": N_(
        "{at}: по «{cid}» с целью {t} подходят вопросов: {n}, нужно не меньше {need} "
        "(вопросы компетенции, у которых levels включает {t}) [{rule}]"
    ),
    "model.salary-empty": N_("{at}: у зарплатной вилки нужна нижняя граница, верхняя или обе [{rule}]"),
    "model.salary-max": N_("{at}: верхняя граница зарплаты {hi} ниже нижней {lo} [{rule}]"),
    "model.scale-order": N_(
        "scale[{n}]: уровень должен быть {n} (шкала перечисляет уровни 1..5 по порядку), а не {level} [{rule}]"
    ),
    "model.target-unknown": N_("{at}: цель для «{ident}» — такой компетенции в модели нет{tip} [{rule}]"),
    "model.targets-missing": N_(
        "{at}: нет целей для компетенций {ids}: у каждого уровня роли есть цель 1..5 по каждой компетенции модели [{rule}]"
    ),
    "model.unknown-career-role": N_(
        "{role}: career.{direction}: «{ident}» — такой роли в модели нет{tip} (для роли вне модели напишите обычный текст) [{rule}]"
    ),
    "model.unknown-competency": N_("{at}: «{ident}» — такой компетенции в модели нет{tip} [{rule}]"),
    "model.unknown-level": N_("{at}: «{ident}» — такого уровня у роли нет{tip} [{rule}]"),
    "model.unknown-source": N_("«{ident}» — такого источника нет в sources{tip} [{rule}]"),
    "model.weights-sum": N_("{role}: веса компетенций в сумме дают {total}, а должны давать 100 [{rule}]"),
    "model.pay-empty": N_("{at}: в вилке оплаты (pay) нет ни from, ни to: укажите хотя бы одну границу [pay-range]"),
    "model.pay-no-source": N_("{at}: вилка с basis: source называет свой источник (source) [pay-source]"),
    "model.pay-order": N_("{at}: нижняя граница оплаты ({low}) больше верхней ({high}) [pay-range]"),
    "model.pay-unknown-source": N_("{at}: источника «{source}» нет в sources [pay-source]"),
    "model.pay-ratio-unknown": N_("{at}: уровня «{level}» в модели нет (pay_ratio.of){tip} [pay-ratio]"),
    "model.pay-ratio-later": N_(
        "{at}: pay_ratio сравнивает с уровнем «{level}», а он в лестнице не ниже этого: сравнивают с уровнем ниже [pay-ratio]"
    ),
    "model.pay-ratio-order": N_("{at}: в pay_ratio нижняя граница ({low}) больше верхней ({high}) [pay-ratio]"),
    "model.pay-ratio-rise": N_(
        "{at}: в pay_ratio нижняя граница {low}, а она должна быть больше 1: с уровнем вилка растёт [pay-ratio]"
    ),
    "model.reference-count": N_(
        "компетенция «{competency}»: вопросов для рекомендаций {n}, а нужно от {lo} до {hi} "
        "(у каждой обязательной компетенции роли с телефонным скринингом) [reference-coverage]"
    ),
    "model.vacancy-requirements": N_(
        "{at}: требований к кандидату в вакансии {n}, а нужно от {lo} до {hi} "
        "(у каждого уровня роли с телефонным скринингом) [vacancy-requirements]"
    ),
    "model.interview-panel": N_(
        "{at}: в interview.panel строк {n}, а интервьюеров (interviewers) {count}: "
        "по одной строке на каждого интервьюера [interview-panel]"
    ),
    "model.seat-focus-unweighted": N_(
        "{at}: место {n} панели оценивает «{competency}», а у роли нет такой взвешенной компетенции{tip} [panel-seats]"
    ),
    "model.seat-focus-repeated": N_("{at}: у места {n} панели компетенция «{competency}» указана дважды [panel-seats]"),
    "model.seat-focus-max": N_(
        "{at}: место {n} панели оценивает компетенций: {count}, а одно место — не больше {most} [panel-seats]"
    ),
    "model.seat-focus-partial": N_(
        "{at}: компетенции (focus) названы у {n} мест панели из {count}: назовите их у каждого места или ни у одного "
        "[panel-seats]"
    ),
    "model.seat-focus-must-have": N_(
        "{at}: обязательную компетенцию «{competency}» оценивают мест панели: {n}, а нужно не меньше {need} [panel-seats]"
    ),
    "model.seat-focus-coverage": N_(
        "{at}: места панели оценивают компетенции весом {w} из {total}, а итог считается, только когда оценено "
        "не меньше {need}; не оценивает никто: {ids} [panel-seats]"
    ),
    "model.screening-count": N_("{at}: в телефонном скрининге {n} вопросов, а нужно от {lo} до {hi} [screening-count]"),
    "model.screening-knock-out": N_(
        "{at}: в телефонном скрининге нет ни одного стоп-вопроса (knock_out: true) [screening-count]"
    ),
    "model.screening-stop": N_(
        "{at}: стоп-вопрос {n} телефонного скрининга не говорит, когда останавливать: "
        "в «Что услышать» (listen_for) нужно «Стоп, если …» [screening-stop]"
    ),
    "model.take-home-repeated": N_(
        "{at}: компетенция «{competency}» оценивается в тестовом задании дважды [take-home-scoring]"
    ),
    "model.take-home-table": N_(
        "{at}: в таблице материалов тестового задания в строке {row} ячеек {cells}, а столбцов {columns} [take-home-table]"
    ),
    "model.take-home-unweighted": N_(
        "{at}: тестовое задание оценивает «{competency}», а у роли нет такой взвешенной компетенции [take-home-scoring]"
    ),
    "model.open-question-roles-closed": N_(
        "{at}: «roles» бывает только у вопросов без правильного ответа (kind: open); остальные вопросы подбираются по цели уровня [open-question]"
    ),
    "model.open-question-source": N_(
        "{at}: у вопроса с «roles» нет «source»: роли вопроса — те, которым его задаёт статья-источник [open-question]"
    ),
    "model.open-question-unknown-role": N_("{at}: роли «{role}» в модели нет [open-question]"),
    "model.question-audience-none": N_(
        "{at}: вопрос для руководителей (audience: manager) не достанется ни одному уровню: ни у одного уровня нет цели {least} и выше по менеджменту команды [question-audience]"
    ),
    "model.question-audience-solo": N_(
        "{at}: вопрос говорит «{found}» — он для тех, кто людьми не руководит; добавьте audience: individual [question-audience]"
    ),
    "model.question-audience-team": N_(
        "{at}: вопрос предполагает команду у кандидата («{found}»); добавьте audience: manager, чтобы его задавали только тем, у кого команда есть [question-audience]"
    ),
    "model.step-size": N_(
        "{at}: цель по «{cid}» {t1}, а на предыдущей ступени {prev} — {t0}: шаг повышения поднимает цель не больше чем на {most} [step-size]"
    ),
    "round.read-failed": N_("файл не удалось прочитать ({kind}): проверьте, что это оценочный лист Account Path"),
    "round.worker-died": N_(
        "процесс, читавший файл, завершился аварийно (код {exitcode}): вероятно, файл слишком велик или повреждён"
    ),
    "xlsx.cell-too-long": N_("в ячейке {chars} символов, больше предела {limit}: сократите текст"),
    "xlsx.duplicate-id": N_("«{id}» уже есть (строка или столбец {first}): оставьте одну строку на компетенцию"),
    "xlsx.formula-in-id": N_("в строке id формула: id пишутся текстом, как в выданной книге; верните исходную строку"),
    "xlsx.formula-without-value": N_(
        "в ячейке формула без сохранённого значения: пересчитайте и сохраните книгу в Excel или LibreOffice "
        "или впишите значение вместо формулы"
    ),
    "xlsx.merged-id": N_("ячейки {ref} объединены: объединение прячет строку или столбец оценок; разъедините ячейки"),
    "xlsx.too-large": N_("xlsx распаковывается в {size} МБ, больше предела {limit} МБ: это не файл Account Path"),
    "xlsx.too-many-rows": N_(
        "заполнена строка {row}, а в книге раунда читаются только первые {limit} строк: разбейте раунд на несколько книг"
    ),
    "card.control-character": N_(
        "в «{field}» управляющий символ {char}: в именах и заметках только обычный текст; удалите его"
    ),
    "output.inside-input": N_("«{output}» лежит в папке входных файлов «{input}»: запишите результат в другую папку"),
    # Filled scorecards (io/cardcheck.py and docs/assets/js/core/cardcheck.js; schema codes from card.schema.json).
    "card.not-mapping": N_(
        "оценочный лист должен быть словарём с полями role, level, candidate, interviewer и ratings"
    ),
    "card.unknown-key": N_("неизвестное поле «{key}»; допустимые поля: {keys}"),
    "card.unknown-key-hint": N_("неизвестное поле «{key}» (может быть, «{hint}»?)"),
    "card.version": N_("«scorecard» — номер версии формата, 1 или 2; сейчас «{value}»"),
    "card.missing": N_("не заполнено поле «{key}»"),
    "card.not-text": N_("«{key}» должно быть текстом; сейчас «{value}»"),
    "card.text": N_("{key}: здесь нужен текст; сейчас «{value}»"),
    "card.date": N_(
        "{key}: дата пишется как ГГГГ-ММ-ДД или ДД.ММ.ГГГГ и должна существовать в календаре; сейчас «{value}»"
    ),
    "card.recommendation": N_("{key}: рекомендация — одно из: {options}; или пусто; сейчас «{value}»"),
    "card.rating": N_(
        "{key}: оценка должна быть целым числом 1..5; если компетенцию не оценивали, оставьте пусто "
        "или напишите «не оценивалось»; сейчас «{value}»"
    ),
    "card.ratings-missing": N_(
        "не заполнено поле «ratings»: дайте каждой компетенции оценку 1..5 или оставьте пусто, если её не оценивали"
    ),
    "card.ratings-not-mapping": N_("«ratings» — словарь «id компетенции: оценка»"),
    "card.notes-not-mapping": N_("«notes» — словарь «id компетенции: текст»"),
    "card.focus-not-list": N_("«focus» — список id компетенций роли"),
    "card.focus-repeated": N_("«{cid}» уже есть в «focus»"),
    "card.unknown-role": N_("неизвестная роль «{role}»; роли модели: {roles}"),
    "card.unknown-level": N_("у роли «{role}» нет уровня «{level}»; её уровни: {levels}"),
    "card.not-of-role": N_("роль «{role}» не оценивает компетенцию «{cid}»; её компетенции: {ids}"),
    "card.not-of-role-hint": N_("роль «{role}» не оценивает компетенцию «{cid}» (может быть, «{hint}»?)"),
    "card.unknown-competency": N_("неизвестная компетенция «{cid}»; её компетенции: {ids}"),
    "card.unknown-competency-hint": N_("неизвестная компетенция «{cid}» (может быть, «{hint}»?)"),
    # Reading card files (io/cards.py, io/xlsx_read.py, io/round_files.py and core/cardread.js, core/xlsx.js).
    "read.empty": N_("файл пуст"),
    "read.unreadable": N_(
        "не читается как JSON или YAML: ошибка в строке {line}, столбце {col} (синтаксическая ошибка YAML) — "
        "проверьте отступы, двоеточия и кавычки"
    ),
    "read.multi-document": N_(
        "здесь начинается второй документ YAML (после «---»), а в файле должен быть один: "
        "уберите лишнюю строку «---» или разнесите документы по разным файлам"
    ),
    "read.too-deep": N_(
        "вложенность глубже {limit} уровней: это не оценочный лист и не модель — проверьте, тот ли это файл"
    ),
    "read.too-big": N_("файл больше {limit} МБ: это не оценочный лист Account Path"),
    "read.too-many-cards": N_("в файле {count} оценочных листов, а предел — {limit}: разделите его на части"),
    "read.duplicate-key": N_("ключ «{key}» повторяется (впервые в строке {first})"),
    "read.alias": N_(
        "якоря и ссылки YAML (&имя, *имя) не допускаются: это значение с якорем повторено ссылкой; "
        "выпишите каждое значение полностью"
    ),
    "read.failed": N_("не удалось прочитать файл"),
    "read.control-character": N_(
        "в тексте управляющий символ {char}: в файле только обычный текст, табуляции и переводы строк; удалите его"
    ),
    "xlsx.not-zip": N_("это не файл Excel (xlsx): архив не читается"),
    "xlsx.no-workbook": N_("это не файл Excel (xlsx): в архиве нет книги"),
    "xlsx.broken-part": N_("часть книги {part} повреждена"),
    "xlsx.dtd": N_(
        "часть книги {part} содержит объявление DTD (<!DOCTYPE>): такие файлы не читаются — сохраните книгу заново в Excel"
    ),
    "xlsx.unreadable": N_(
        "не удаётся прочитать xlsx ({kind}): сделайте лист командой `accountpath scorecard --format xlsx`"
    ),
    "xlsx.not-ours": N_(
        "этот xlsx не оценочный лист Account Path (нет листа «{meta}» с отметкой формата): "
        "скачайте бланк Excel на странице «Оценочные листы», сделайте лист командой "
        "`accountpath scorecard --format xlsx` или книгу раунда командой `accountpath workbook`"
    ),
    "xlsx.round-as-card": N_("это книга раунда с несколькими листами оценки: читайте её как раунд (--round)"),
    "xlsx.round-empty": N_("в книге раунда нет заполненных строк"),
    "round.not-folder": N_("это не папка и не книга раунда (.xlsx)"),
    "round.no-cards": N_("в папке нет оценочных листов (*.yml, *.yaml, *.json, *.xlsx)"),
    "output.same-as-input": N_("«{output}» — это входной файл «{input}»: выберите для результата другое имя"),
    # the debrief's sentences (render/debrief_text.py and docs/assets/js/core/debrief.js)
    "debrief.boundary.inside": N_(
        "Итог у самой границы «Нанимать» / «Не нанимать»: разница с целью в среднем {gap}, граница — {limit}, "
        "запас — {tolerance} в обе стороны. По такому числу решение не принимают."
    ),
    "debrief.boundary.outside": N_(
        "Разница с целью в среднем {gap}, граница «Нанимать» / «Не нанимать» — {limit}: это дальше запаса "
        "{tolerance}, итог не у границы."
    ),
    "debrief.fragile.coverage": N_("оценено было бы {done} веса роли при минимуме {need}"),
    "debrief.fragile.fell": N_("«{name}» (обязательная) опустилась бы до {rating} при пороге {limit}"),
    "debrief.fragile.gap": N_("разница с целью в среднем стала бы {gap} при границе {limit}"),
    "debrief.fragile.head": N_(
        "Итог держится на листе одного интервьюера ({name}): без его оценок, которые есть и у других, итог был бы «{label}»"
    ),
    "debrief.fragile.rose": N_("«{name}» (обязательная) поднялась бы до {rating} при пороге {limit}"),
    "debrief.fragile.stable": N_("Итог устойчив: без любого одного интервьюера он остаётся тем же."),
    "debrief.fragile.unrated": N_("«{name}» (обязательная) осталась бы без оценки"),
    "debrief.must-have.failed": N_("не проходит: {rating} при пороге {limit} (цель {target} − {tol})"),
    "debrief.must-have.on-threshold": N_(
        "проходит ровно на пороге: {rating} при пороге {limit} (цель {target} − {tol})"
    ),
    "debrief.must-have.passed": N_("проходит: {rating} при пороге {limit} (цель {target} − {tol})"),
    "debrief.must-have.unrated": N_("не оценивалась: в проверке обязательных не участвует"),
    "debrief.ready": N_(
        "Решение готово: итог не у границы, не держится на одном интервьюере, обязательные компетенции "
        "оценены без споров."
    ),
    "debrief.not-ready-deadline": N_(
        "Проведите дополнительную встречу в течение трёх рабочих дней ◇. Если не получается, решение принимает "
        "нанимающий менеджер и записывает, почему решил так."
    ),
    "debrief.leaning": N_("По оценкам итог ближе к «{label}», но защищать его пока нельзя. Что сделать до решения:"),
    # why a verdict is not ready (result `not_ready`: [{code, params}]), each with what to do
    "not-ready.must-have-disagreement": N_(
        "Обязательная «{competency_name}»: оценки расходятся на {spread} балла ({ratings}). Разберите с этими "
        "интервьюерами, что именно показал кандидат, и договоритесь об оценке по примерам."
    ),
    "not-ready.must-have-one-point": N_(
        "Обязательная «{competency_name}» решает итог: если оценку интервьюера {interviewer} сдвинуть на балл "
        "({rating} → {to}), итог станет «{verdict_label}». Перепроверьте с интервьюером {interviewer} примеры "
        "по этой компетенции."
    ),
    "not-ready.must-have-single-rater": N_(
        "Обязательную «{competency_name}» оценил только один интервьюер ({interviewer}): попросите ещё одного "
        "интервьюера проверить её (вопрос из банка или короткий созвон)."
    ),
    "not-ready.near-boundary": N_(
        "Итог слишком близко к границе «Нанимать» / «Не нанимать»: разница с целью в среднем {gap} при "
        "границе {boundary} и запасе {tolerance} — такую разницу панель не различает. Назначьте ещё одну встречу "
        "по «{competency_name}» (оценки: {raters}): ещё один интервьюер или вопрос с примерами сдвинет итог с границы."
    ),
    "not-ready.one-interviewer-decides": N_(
        "Итог решает один интервьюер ({interviewer}): без его оценок компетенций, которые оценивали и другие "
        "({competencies}), итог был бы «{without_label}», а не «{verdict_label}». Разберите с ним и коллегами "
        "примеры по этим компетенциям."
    ),
    "not-ready.unrated-focus": N_(
        "«{competency_name}» поручили интервьюерам ({interviewers}), но её никто не оценил: попросите поставить оценку "
        "по заметкам интервью или проверьте её на дополнительной встрече."
    ),
    # warnings of a panel (result `warnings`: [{code, params}])
    "warning.extreme-without-note": N_(
        "{interviewer}: оценка {rating} по компетенции «{competency_name}» без заметки. Крайняя оценка требует "
        "примера: попросите записать, что кандидат сказал или сделал."
    ),
    "warning.missing-recommendation": N_(
        "{interviewer}: нет общей рекомендации («да» или «нет»). Попросите указать её до дебрифа: в расчёт она "
        "не входит, но показывает, совпадает ли впечатление с оценками."
    ),
    "warning.similar-candidates": N_(
        "Имя «{candidate}» почти совпадает с «{other}»: если это один человек, исправьте имя в листах, "
        "иначе его оценки считаются как два разных кандидата."
    ),
    "warning.similar-candidates-many": N_(
        "Имя «{candidate}» почти совпадает с другими именами раунда: {others}{more}. Если это один человек, "
        "исправьте имя в листах, иначе его оценки считаются как разные кандидаты."
    ),
    "warning.similar-candidates-more": N_(" и ещё {n}"),
    "warning.similar-candidates-name": N_("«{name}»"),
    "warning.single-interviewer": N_(
        "Кандидата оценивал один интервьюер ({interviewer}): итог держится на одном мнении. "
        "Добавьте хотя бы ещё одного интервьюера, прежде чем решать."
    ),
    "warning.thin-note": N_(
        "{interviewer}: оценки далеко от цели, а в заметках нет примера (числа, клиента, действия в прошедшем "
        "времени) — {competencies}. Попросите дописать, что кандидат сделал."
    ),
    "warning.thin-note.competencies": N_("«{competency_name}»: {rating} при цели {target}"),
    "warning.unrated-focus": N_(
        "{interviewer}: компетенцию «{competency_name}» поручили этому интервьюеру, но оценки нет. Попросите поставить оценку "
        "или записать, почему проверить не удалось."
    ),
    # checking an edited interview plan (io/plan_check.py)
    "plan.allowed-fields": N_("; допустимые поля: {keys}"),
    "plan.candidate": N_("«candidate» — имя кандидата текстом или null"),
    "plan.candidate-id": N_("«candidate_id» — ID кандидата в ATS текстом или null"),
    "plan.coverage": N_("{note}"),
    "plan.coverage-advice": N_("{note}; {advice}"),
    "plan.focus-not-rated": N_("роль «{role}» не оценивает компетенцию «{cid}»{tip}"),
    "plan.focus-too-many": N_(
        "в фокусе {n} компетенций, больше {m}: за одно интервью их не оценить; отдайте часть другому интервьюеру"
    ),
    "plan.focus-twice": N_("«{cid}» уже есть в фокусе"),
    "plan.focus-unknown": N_("неизвестная компетенция «{cid}»{tip}"),
    "plan.hint": N_(" (может быть, «{hint}»?)"),
    "plan.id-list": N_("«{field}» — список id, например [client-focus, briefing]"),
    "plan.interviewer-not-a-mapping": N_("интервьюер — словарь с полями name, focus и questions"),
    "plan.interviewers": N_("«interviewers» — непустой список: у каждого name, focus и questions"),
    "plan.minutes": N_("«minutes» — целое число минут от {lo} до {hi}; сейчас «{value}»"),
    "plan.name-missing": N_("не заполнено имя интервьюера («name»)"),
    "plan.name-twice": N_("интервьюер «{name}» уже есть в плане (строка {line})"),
    "plan.name-repeated": N_("интервьюер «{name}» указан в плане дважды"),
    "plan.no-interviewers": N_("нужен хотя бы один интервьюер (--interviewer ИМЯ)"),
    "plan.not-a-mapping": N_("план — словарь с полями {keys}"),
    "plan.of-interviewer": N_("интервьюер {n}: {what}"),
    "plan.own-competencies": N_("; её компетенции: {ids}"),
    "plan.question-level": N_("вопрос «{qid}» рассчитан на уровни {lo}–{hi}, а цель уровня «{level}» по «{cid}» — {t}"),
    "plan.question-off-focus": N_("вопрос «{qid}» относится к компетенции «{cid}», её нет в фокусе этого интервьюера"),
    "plan.question-twice": N_("вопрос «{qid}» уже есть у этого интервьюера"),
    "plan.question-unknown": N_("неизвестный вопрос «{qid}»{tip}"),
    "plan.unknown-field": N_("неизвестное поле «{name}»{tip}"),
    "plan.unknown-level": N_("у роли «{role}» нет уровня «{level}»; её уровни: {levels}"),
    "plan.unknown-role": N_("неизвестная роль «{role}»; роли модели: {roles}"),
    "plan.version": N_("«plan» — номер версии формата плана, {version}"),
    "plan.warning": N_("внимание (не ошибка): {note}"),
    # the plan file's comments (render/plan_render.plan_yaml and docs/assets/js/core/planmake.js planYaml)
    "plan-file.candidate": N_("ФИО кандидата"),
    "plan-file.focus": N_("{name} (вес {w}{must}, цель {t})"),
    "plan-file.head": N_(
        "Account Path: план интервью. Правьте имена, фокус и вопросы; проверка: `accountpath plan --check ЭТОТ_ФАЙЛ`."
    ),
    "plan-file.minutes": N_("длительность интервью у каждого интервьюера, минут"),
    "plan-file.must-have": N_(", обязательная"),
    "plan-file.rules": N_(
        "{title}. Правила: каждая компетенция роли в чьём-то фокусе; при двух и более интервьюерах "
        "каждую обязательную оценивают минимум двое; у одного интервьюера не больше {m} компетенций; "
        "по 2 вопроса на компетенцию, подходящих цели уровня."
    ),
    "plan-file.spare": N_("Вопросы, подходящие цели уровня, по компетенциям (для замены):"),
    "plan-file.warning": N_("Внимание: {note}"),
    # the interview plan's notes (method/plan.py): coverage rules missed, too little time per question
    "plan-note.and": N_("{first}, {second}"),
    "plan-note.everyone": N_("у всех интервьюеров"),
    "plan-note.fix-minutes": N_("дайте каждому интервьюеру {n} мин (--minutes {n})"),
    "plan-note.fix-one-more": N_("добавьте ещё одного интервьюера (у каждого не больше {f} компетенций)"),
    "plan-note.fix-panel": N_("позовите {k} интервьюеров (у каждого не больше {f} компетенций)"),
    "plan-note.light-panel": N_(
        "на собеседованиях этого уровня намеренно не оценивают: {names} — их вес {w} из {total}; итог "
        "считается, если оценены компетенции весом не меньше {need} из {total}, поэтому каждый интервьюер "
        "оценивает весь свой фокус"
    ),
    "plan-note.must-have-once": N_("обязательные компетенции оценивает только один интервьюер: {names}"),
    "plan-note.or": N_("{first} или {second}"),
    "plan-note.panel-size": N_(
        "для роли «{role}» нужно интервьюеров: не меньше {n} (у каждого не больше {m} компетенций)"
    ),
    "plan-note.short": N_("мало времени на вопрос: {who}; нужно не меньше {m} мин на вопрос"),
    "plan-note.short-advice": N_("мало времени на вопрос: {who}; нужно не меньше {m} мин на вопрос; совет: {fixes}"),
    "plan-note.short-group": N_("{names} — {m} мин (вопросов: {n}, на них {t} мин)"),
    "plan-note.uncovered": N_("никто не оценивает: {names}"),
    # the JSON Schema's findings (model/schema_messages.py); {at} is a path like roles[account-manager].levels
    "schema.allowed-keys": N_("; допустимые ключи: {keys}"),
    "schema.const": N_("{at}: должно быть {expected}, а не {actual}"),
    "schema.develop-step-missing": N_(
        "{at}: нет шага «{n}»: перечислите действия, которые ведут на уровень {n} [develop-steps]"
    ),
    "schema.enum": N_("{at}: «{value}» — не одно из: {options}"),
    "schema.level-empty": N_("{at}: у уровня {n} нет поведения: перечислите хотя бы одно наблюдаемое поведение"),
    "schema.level-missing": N_("{at}: у уровня {n} нет поведения: перечислите наблюдаемое поведение под «{n}:»"),
    "schema.max-items": N_("{at}: допускается не больше {n} элементов списка"),
    "schema.min-items": N_("{at}: нужно не меньше {n} элементов списка"),
    "schema.min-length": N_("{at}: не должно быть пустым"),
    "schema.other": N_("{at}: {error}"),
    "schema.pattern": N_(
        "{at}: «{value}» — не идентификатор в kebab-case (строчные латинские буквы, цифры, одиночные дефисы)"
    ),
    "schema.probation-missing": N_("{at}: нет целей на {n} дней испытательного срока"),
    "schema.property-name": N_("{at}: «{value}» — не идентификатор в kebab-case"),
    "schema.range": N_("{at}: {value} вне допустимого диапазона {range}"),
    "schema.required": N_("{at}: нет обязательного поля «{field}»"),
    "schema.type": N_("{at}: должно быть {wanted}, а не {actual}"),
    "schema.type.array": N_("списком"),
    "schema.type.boolean": N_("true или false"),
    "schema.type.integer": N_("целым числом"),
    "schema.type.null": N_("null"),
    "schema.type.number": N_("числом"),
    "schema.type.object": N_("словарём (ключ: значение)"),
    "schema.type.or": N_("{first} или {second}"),
    "schema.type.string": N_("текстом"),
    "schema.unknown-key": N_("{at}: неизвестный ключ «{name}»{tip}"),
    "schema.value.array": N_("список"),
    "schema.value.boolean": N_("true/false"),
    "schema.value.number": N_("число {value}"),
    "schema.value.object": N_("словарь"),
    "schema.value.string": N_("текст «{value}»"),
    # a problem written before the table: its sentence as the one parameter (Problem.as_json)
    "text": N_("{text}"),
    # parsing YAML (yamlsource)
    "yaml.bad-value": N_("не удаётся прочитать это значение: {error}"),
    "yaml.merge-key": N_("ключ слияния YAML «<<» не поддерживается: выпишите все ключи полностью"),
    "yaml.complex-key": N_("ключ должен быть простым словом, а не списком или словарём"),
    "yaml.error": N_("ошибка YAML: {error}"),
    "yaml.invalid": N_("неверный YAML"),
    "yaml.no-document": N_("в файле нет YAML-документа (только комментарии?)"),
    "yaml.syntax": N_("синтаксическая ошибка YAML: {what}"),
    "yaml.syntax-context": N_("синтаксическая ошибка YAML: {what} ({context})"),
    "yaml.tag": N_("тег YAML {tag} не поддерживается: уберите его"),
    # assessment files and the team review (issue 20)
    "assessment.missing": N_("не заполнено поле «{field}»"),
    "assessment.no-file": N_("нет такого файла или папки"),
    "assessment.not-competency-map": N_("«{field}» — словарь «id компетенции: значение»"),
    "assessment.not-mapping": N_(
        "файл оценки должен быть словарём с полями assessment, person, role, level, assessor, relation, date, ratings и evidence"
    ),
    "assessment.not-ours": N_(
        "этот xlsx не файл оценки Account Path: сделайте его командой `accountpath assessment --format xlsx` "
        "или `accountpath team-workbook`"
    ),
    "assessment.not-text": N_("«{field}» должно быть текстом"),
    "assessment.relation": N_("«relation» — self (самооценка) или manager (оценка руководителя); сейчас «{value}»"),
    "assessment.unknown-competency": N_("неизвестная компетенция «{competency}»; компетенции модели: {ids}"),
    "assessment.unknown-key": N_("неизвестное поле «{field}»; допустимые поля: {fields}"),
    "assessment.unknown-level": N_("у роли «{role}» нет уровня «{level}»; её уровни: {levels}"),
    "assessment.unknown-role": N_("неизвестная роль «{role}»; роли модели: {roles}"),
    "assessment.value": N_("{field}: {reason}"),
    "assessment.version": N_("«assessment» — номер версии формата, 1; сейчас «{value}»"),
    "team.add-not-debrief": N_(
        "это не итог собеседования: нужен JSON `accountpath evaluate --format json` с role, level и competencies"
    ),
    "team.manager-only": N_("{person}: есть оценка руководителя, но нет самооценки — расхождения не видны"),
    "team.manager-only-count": N_("без самооценки: {count}"),
    "team.no-assessments": N_("ни одного файла оценки: укажите файлы, папки или книгу команды"),
    "team.old": N_("{person}: оценке от {date} больше 12 месяцев — обновите её до решения о повышении"),
    "team.old-count": N_("оценок старше 12 месяцев: {count}"),
    "team.role-mismatch": N_(
        "{person}: здесь роль {role}, уровень {level}, а в другом файле этого сотрудника — {first_role}, {first_level}; "
        "исправьте один из файлов"
    ),
    "team.self-only": N_("{person}: есть самооценка, но нет оценки руководителя — готовность не определить"),
    "team.self-only-count": N_("без оценки руководителя: {count}"),
    "team.unknown-level": N_("у роли «{role}» нет уровня «{level}»"),
    "name.letter-differs": N_(
        "имена «{name}» и «{other}» различаются одной буквой: «{letter}»{script} на месте {position} вместо «{instead}»"
    ),
    "round.level-mismatch": N_(
        "лист на уровень «{level}», а остальные листы кандидата «{candidate}» — на «{expected}»: лист не учтён. "
        "Оценивайте кандидата на одном уровне; если уровень выбран неверно, исправьте его в этом листе"
    ),
    "round.plan-skipped": N_("это план интервью, а не оценочный лист: пропущен"),
}
"""code -> Russian message id (translated through the catalogs)."""


Params = tuple[tuple[str, Any], ...]
"""Parameters as sorted (name, value) pairs: hashable, so problems and messages can be deduplicated."""


@dataclass(frozen=True, order=True)
class Msg:
    """A message as data: a code of the table and its parameters (numbers, text or other Msgs)."""

    code: str
    params: Params = ()

    @classmethod
    def of(cls, code: str, /, **params: Any) -> Msg:
        return cls(code, tuple(sorted(params.items())))

    def as_json(self) -> dict[str, Any]:
        """{"code": ..., "params": {...}}, nested messages included."""
        return {"code": self.code, "params": json_params(dict(self.params))}

    def __str__(self) -> str:
        return render(self.code, dict(self.params))


def json_params(params: Mapping[str, Any]) -> dict[str, Any]:
    """Parameters as JSON data: a nested Msg becomes {"code", "params"}."""
    return {k: v.as_json() if isinstance(v, Msg) else v for k, v in params.items()}


def _value(v: Any) -> Any:
    if isinstance(v, Msg):
        return render(v.code, dict(v.params))
    if isinstance(v, Mapping) and isinstance(v.get("code"), str):
        return render(v["code"], v.get("params"))
    if isinstance(v, bool) or not isinstance(v, float):
        return v
    return decimal(v)


def _items(code: str, key: str, items: list[Any] | tuple[Any, ...]) -> str:
    """A list parameter as text: each item rendered (a plain mapping by the template `code.key`,
    e.g. "warning.thin-note.competencies"), joined with LIST_SEPARATOR."""
    item_code = f"{code}.{key}"
    parts = [
        render(item_code, x) if isinstance(x, Mapping) and "code" not in x and item_code in MESSAGES else str(_value(x))
        for x in items
    ]
    return LIST_SEPARATOR.join(parts)


LIST_SEPARATOR = "; "
"""Between the items of a list parameter (core/messages.js joins the same way)."""


def render(code: str, params: Mapping[str, Any] | None = None) -> str:
    """The sentence for `code` with `params`, in the language in force (a list parameter's items are
    rendered one by one, see `_items`)."""
    template = MESSAGES.get(code)
    if template is None:
        return code
    values = {k: _items(code, k, v) if isinstance(v, (list, tuple)) else _value(v) for k, v in (params or {}).items()}
    try:
        return _(template).format(**values)
    except (KeyError, IndexError, ValueError):  # a translation with another placeholder: never crash on wording
        pass
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):  # a parameter missing: the template as it is, still readable
        return template


def russian_table() -> dict[str, str]:
    """The table as the browser gets it (model.json `messages`): code -> Russian template."""
    return dict(sorted(MESSAGES.items()))
