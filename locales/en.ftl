# juesuan's messages in English. Each id here is in zh.ftl too (a test checks). Arguments are inserted as text.
# Rule descriptions and --help stay with their code (src/rule.rs, src/cli.rs) in English; zh.ftl holds their Chinese.

## The frame of every diagnostic and summary line

severity-error = error
severity-warning = warning
stage-load = load
stage-check = check
line-error = error: { $text }
line-warning = warning: { $text }
line-note = note: { $text }
in-file = in { $path }
nothing-written = nothing written
no-pdf-written = no PDF written
no-output-written = no output written

## check, render, fill, import, export, preview summaries

check-summary = { $dir }: { $errors } error(s), { $warnings } warning(s)
rejected = { $dir } has { $errors } error(s); no { $what } written
what-pdf = PDF
what-preview = preview
what-output = output
manifest-unreadable = cannot read { $path }: { $why }; rendering every document
manifest-foreign = { $path } is not a juesuan manifest ({ $why }); rendering every document
what-workbook = workbook
has-errors-nothing-written = { $dir } has errors; nothing written
draft-refused = { $dir } is a draft (values still marked 待填写, see the warning above); with --final nothing is written
draft-refused-batch = { $dir } is a draft (values still marked 待填写); with --final no output written
wrote-pdf = wrote { $path } ({ $bytes } bytes)
wrote-pdf-draft = wrote { $path } ({ $bytes } bytes), a draft: every page is marked 草稿
skipping-no-document = skipping { $dir }: no document.toml
batch-failed = failed: { $names }
batch-summary = rendered { $rendered }{ $drafts }, unchanged { $unchanged }, failed { $failed } ({ $total } document(s) in { $secs } s{ $rate }, { $workers } worker(s))
batch-drafts = ({ $drafts } of them draft(s), marked 草稿)
batch-rate = , { $rate } documents/s
batch-timings = stage totals over all workers: { $timings }
batch-rendered = rendered
batch-unchanged = unchanged
batch-failed-word = failed
batch-internal = internal error while rendering { $dir }: { $what }
batch-into-one-file = { $count } documents need an output folder, not the file { $output }: use -o <folder>
batch-duplicate-name = two documents would both be written as { $name }: { $first } and { $second }
batch-without-output = { $count } documents need an output folder: give -o <folder> (without -o, one document is written beside its folder as <folder>.pdf)
batch-ambiguous = -o { $output } names neither a .{ $ext } file nor an existing folder: write { $output }.{ $ext } for one file, or { $output }/ (or create the folder) to write into a folder
batch-output-folder = cannot create the output folder { $path }: { $why }
watch-again = ── { $dir } changed: rendering again ──
watch-waiting = watching { $dir } for changes (Ctrl-C to stop)
watch-no-events = no file events for { $dir } ({ $why }); looking for changes every { $ms } ms
watch-one-document = --watch renders one document: give one data folder and an output file ending in .pdf
skipped-font = skipped font file { $file }
fill-unreadable = { $dir } cannot be read; nothing written
fill-summary = { $figures } figure(s) and { $lines } line(s) written to { $files } file(s); { $disagree } stated figure(s) disagree with their lines
fill-summary-dry = dry run: { $figures } figure(s) and { $lines } line(s) would be written to { $files } file(s); { $disagree } stated figure(s) disagree with their lines
fill-line-added = line added: { $reason }
fill-disagrees = { $line } { $field } is stated as { $stated } but { $reason } is { $sum }: left as stated (correct whichever is wrong)
fill-parent-line = the { $level } of lines the table lists
next-check = next: `juesuan check { $dir }`
import-read = read { $figures } figure(s) of { $tables } table(s) for { $unit } { $year }年 ({ $kind }, form { $form }): { $cells } cell(s) could not be placed or read{ $others }
import-others = , { $n } other error(s)
import-refused = nothing written: correct the cells above in the workbook (or import with --partial and complete the folder by hand)
import-wrote = wrote { $files } files to { $dir } ({ $tables } table(s) from the workbook; the rest to fill in, marked 待填写)
export-wrote = wrote { $path } ({ $tables } tables, { $bytes } bytes)
no-workbook-written = no workbook written
extract-wrote = wrote { $path }
schema-wrote = wrote { $n } schemas to { $dir }
extract-schemas-wrote = wrote { $n } schema(s) to { $dir }
fonts-families = font families:
fonts-styles = styles:
fonts-also = (also { $names })
fonts-cannot-read = cannot read { $path }: { $why }
last-year-unreadable = last year's folder { $dir } cannot be read; nothing written
new-wrote = wrote { $files } files to { $dir } (the section files, and their schemas in { $schemas })
new-next = next: fill in the values marked 待填写, then run `juesuan check { $dir }`
preview-wrote = wrote { $pages } page(s) to { $dir }
fonts-embedded = embedded
fonts-stand-in = (embedded stand-in; official: { $official })

## Reading the files (load)

cannot-read-folder = cannot read the data folder { $dir }: { $why }
cannot-read = cannot read { $path }: { $why }
not-regular-file = cannot read { $path }: not a regular file
section-missing = the section file { $path } is missing
no-such-form = there is no form `{ $name }`
forms-are = the forms are: { $forms }
did-you-mean = did you mean `{ $name }`?
did-you-mean-file = did you mean { $name }?
unknown-file = { $name } is not a section file and is ignored
not-a-folder = not a folder
missing-recreate = to recreate it: `juesuan new /tmp/blank --form { $form } --unit <单位> --year <年度>` writes every file of the form, commented, figures at 0 marked 待填写; copy /tmp/blank/{ $file } here and fill it in
unknown-form-label = unknown form
form-year = the form `{ $form }` covers { $range }, not { $year }
form-year-label = { $year } is outside { $range }
form-year-none = no form of this version covers { $year }; the forms are: { $forms }
form-year-covering = forms that cover { $year }: { $forms }
file-too-large = { $path } is { $size } bytes; a section file may have at most { $max } bytes
symlink-outside = { $path } is a link that points outside the data folder
not-utf8 = { $path }:{ $line }:{ $col }: the file is not valid UTF-8
not-utf8-gbk = { $path }:{ $line }:{ $col }: the file is not valid UTF-8: it looks like GBK/GB18030, the Chinese encoding Windows Notepad and WPS save by default
save-as-utf8 = save it as UTF-8: in Notepad 另存为 → 编码 UTF-8; in WPS or VS Code, the encoding at the bottom right → UTF-8
text-too-long = { $file }: a text of { $chars } characters; a text value may have at most { $max }
text-too-long-label = this text is too long
document-too-long = the document's text values have { $chars } characters; a document may have at most { $max }
document-too-long-note = { $path } holds { $n } of them
too-many-rows = { $file }: `{ $key }` has { $len } entries; a list may have at most { $max }
too-many-rows-note = a real 决算 table has tens of rows, a department roll-up a few hundred: the file looks generated or corrupted
too-many-rows-label = entry { $row } is past the limit
unknown-file-of-form = { $name } is not a section file of the form { $form } and is ignored
allowed-keys = the keys allowed here: { $keys }
allowed-values = the values allowed here: { $values }

# What the TOML reader found, said without Rust's words. `key` is the key as written in the file.
toml-invalid = invalid TOML: { $what }
toml-invalid-label = invalid TOML
toml-unknown-key = unknown key `{ $key }`
toml-unknown-key-label = no such key here
toml-missing-key = missing key `{ $key }`
toml-missing-key-label = { $key } is required here
toml-wrong-type = { $key } must be { $expected } — found { $found }
toml-wrong-type-label = must be { $expected }
toml-unknown-value = { $key } cannot be { $found }
toml-unknown-value-label = not an allowed value
toml-bad-number = { $key }: { $why }
toml-bad-number-label = not a plain number
toml-at-row = { $list } row { $row }
toml-duplicate-key = the key `{ $key }` is given twice
toml-duplicate-table = the table [{ $key }] is given twice

# What a value must be, and what it was.
type-whole = a whole number ≥ 0
type-integer = a whole number
type-number = a number such as 12.34
type-text = a text in quotes, such as "名称"
type-list = a list in brackets [ … ]
type-table = a table of keys
type-date = a date such as 2021-09-30
type-bool = true or false
type-value = a value of another kind
found-text = the text { $value }
found-number = { $value }
found-bool = { $value }
found-list = a list
found-table = a table
found-date = the date { $value }
found-value = { $value }

# What clerks type (src/load/typing.rs)
typing-equals = use the ASCII equals sign `=`, not the full-width `＝`: `{ $key } = { $value }`
typing-date = dates are written year-month-day: `{ $key } = { $date }`
typing-write = write `{ $key } = { $value }`
toml-bad-string = a text is not closed: it needs straight quotes "…" at both ends
toml-bad-key = a key is written with letters, digits, _ and - only, followed by =
toml-no-equals = a key needs `=` and a value after it
toml-bad-list = a list is not closed: [ … ] with commas between the values
toml-bad-inline-table = a row is not closed: { "{" } key = value, … { "}" } on one line
toml-bad-literal = not a number TOML reads
toml-extra-equals = one `=` too many: a line is `key = value`
toml-list-comma = the values of a list are separated by commas: [1, 2, 3]
toml-duplicate-key-here = a key is given twice in the same table
toml-parser-said = { $what }

# Figures (src/money.rs)
number-not-decimal = `{ $value }` is not a plain decimal number (write it like 1061.38, without exponent or separators)
number-too-precise = `{ $value }` has more digits than an exact decimal can hold (at most 28 significant digits)
number-quoted = figures are written as TOML numbers, not strings: write { $value } without quotes
number-more-than-cents = `{ $value }` has more than two decimals: the document prints { $shown }, and every rate would be computed from a figure the reader does not see; write { $shown } (or the figure as published)

## Checks (src/validate*.rs)

row-number = row { $row }
value-is = { $label } is { $value }
sum-mismatch = { $subject } does not equal { $relation }
sum-rounding = { $subject } differs from { $relation } by rounding
sum-expected = expected { $expected } ({ $relation }), found { $found }; difference { $difference }
sum-within-rounding = within the rounding of { $n } two-decimal figures (at most { $limit }); a larger difference is error[{ $code }]
suspect-all = all { $n } failed sums
suspect-some = { $n } of the { $of } failed sums
suspect = { $would } here would satisfy { $all }: { $label } is likely the wrong figure
suspect-label = { $would } would make { $all } hold
suspect-note = one typo breaks every identity its figure is in; the errors below mark the other figures of each
too-large = { $subject } cannot be checked: its figures are too large to add up
too-large-note = an exact sum holds at most about 7.9 × 10^28; no figure in 万元 comes near
exceeds = { $subject } exceeds { $relation }
exceeds-rounding = { $subject } exceeds { $relation } by rounding
exceeds-expected = expected at most { $expected } ({ $relation }), found { $found }; excess { $excess }
exceeds-within-rounding = within the rounding of { $n } two-decimal figures (at most { $limit }); a larger excess is error[part-exceeds-whole]
negative = { $file } `{ $path }` is negative
negative-label = negative
negative-note = expected 0 or more, found { $found }; only { $allowed } may be negative
placeholder = { $n } value(s) are still marked 待填写
placeholder-first = the first one
placeholder-note = replace each placeholder with the figure or text, and remove its 待填写 mark
relation-sum-lines = the sum of its { $level } lines
relation-eight-incomes = the sum of the eight kinds of income
relation-fund-income = 本年收入 + 年初财政拨款结转和结余 of the same fund
relation-item-budgets = the year-start budgets of its 项
relation-sum-columns = the sum of its columns { $first } … { $last }
why-fiscal-part = 财政拨款 spending (公开05, 08, 09表) is part of all spending (公开03表), line by line and column by column
why-table04-part = 公开04表 counts 财政拨款 only, a part of all the money of 公开01表
why-table06-basic = 公开06表 is basic spending only; 公开07表 counts basic and project spending
why-operating-costs = 机关运行经费 is the 公用经费 of 一般公共预算 basic spending
why-sme-part = contracts awarded to 中小企业 are part of all 政府采购
why-small-micro-sme = 小微企业 are 中小企业
why-small-micro = small and micro enterprises are among the small and medium-sized ones
why-reserved-small-micro = what is reserved for 小微企业 is reserved for 中小企业
why-awarded-reserved = what is awarded in the reserved projects is part of what was reserved
why-reserved-sme-budget = the part reserved for small and medium-sized enterprises is part of the 政府采购预算
why-city-level = 其中：市本级安排资金 is part of the project's 年度资金总额
why-covered = the self-evaluation covers all 项目支出, so the projects the 部门评价 takes are among them
lists-but = { $here } lists { $code } but { $there } does not
lists-but-note = expected a line { $code } in { $file } with { $column } { $value }, found none
implausible-change = 上年{ $what } { $previous }: this year's figure is { $factor } of it
implausible-completion = { $what } { $budget }: a completion of { $factor }
implausible-note = this year's figure is { $figure }; published documents show changes and completion rates within a factor of { $limit }: is this figure in 万元, and is it the right one?
not-economic-code = `{ $code }` is not an economic classification code
economic-code-label = expected 3 digits (类) or 5 (款)
economic-code-note = economic classification codes of 公开06表 look like 301 or 30101
without-class = { $table } lists { $code } without its parent { $parent }
parent-above = expected a line { $parent } above this one
economic-class-note = a 类 line's figure is the sum of its 款 lines
wrong-panel = { $code } { $name } is listed under { $here }
belongs-to = belongs to { $there }
panel-note = 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助; 公用经费 = every other class
budget-no-item = the budget for { $code } names no 项 of { $table }
not-an-item = not a 项 (7-digit line) of { $table }
budget-no-item-note = year-start budgets are given per 项 of 公开05表; the narrative pairs each with its 决算
fund-items-note = [{ $section }] items are the 项 of { $table }, each with its year-start budget
missing-budget = 项 { $code } has no year-start budget
missing-budget-label = no `budget` for this 项
missing-budget-note = write its budget, or name the year's 预算 in document.toml (budget = "../…") to take it from there
missing-budget-entry = 项 { $code } { $name } has no year-start budget in explanation.toml
missing-budget-entry-label = no [[general_budget.items]] entry for this code
missing-budget-entry-note = the narrative then states its 决算 without a completion rate
glossary-unknown-code = the glossary explains { $code }, which is not a line of 公开05表
glossary-unknown-code-label = not in table05.toml
glossary-unknown-code-note = a glossary code takes its 类/款/项 names from 公开05表
class-name = { $table } names 类 { $code } `{ $name }`
expected-value = expected { $value }
this-class = this 类
class-name-note = expected `{ $standard }` (the form's name), found `{ $name }`
code-two-names = { $table } names { $code } `{ $name }`, { $first_table } `{ $first_name }`
code-two-names-note = expected `{ $first_name }` (as { $first_table } names it), found `{ $name }`; a code has one name
parent-note = a { $child } is listed under its { $parent }, whose figures are the sum of its lines
function-code-class-only = 3 digits: this table lists 类 only
function-code-lengths = 3 digits (类), 5 (款) or 7 (项)
not-function-code = `{ $code }` is not a function classification code of { $table }
function-code-note = found { $n } character(s); a code is written as digits only, e.g. 2080108
unknown-class = { $table } lists 类 { $code }, which the { $form } form does not have
unknown-class-label = unknown 类
unknown-class-note = the { $form } form prints the 类 { $classes }; a figure under another code would not be printed
duplicate = { $table } lists the { $what -> 
        [budget] 项 budget
       *[other] { $what }
    } { $key } twice
duplicate-again = listed again here
duplicate-first = first listed here
bought-over-fleet = { $bought } vehicles bought this year, but a fleet of { $fleet }
bought-label = { $bought } 辆 bought
bought-over-fleet-note = expected at most { $fleet } (the year-end fleet holds the year's purchases), found { $bought }
fleet-over-held = the “三公” fleet of { $fleet } exceeds the { $held } vehicles the unit holds
fleet-over-held-note = expected at most { $held } (the vehicles of assets.toml), found { $fleet }
spent-none-counted = { $what } is { $money } but its count is 0 { $unit }
counted-none-spent = { $what } is 0.00 but its count is { $count } { $unit }
at-least-one = at least 1 { $unit }
expected-found = expected { $expected }, found { $found }
people-per-group-note = expected at least one 人次 per 团组 and none without one ({ $least } or more), found { $people }
unit-empty = the unit name is empty
unit-empty-label = the 单位全称 goes here
unit-empty-note = expected the unit's full name as the title prints it, found an empty text
short-name = short name
text-empty = the { $what } is empty
empty = empty
text-empty-note = leave the key out when there is nothing to state
year-implausible = the year { $year } is not a plausible fiscal year
year-label = expected a year such as 2020
year-note = expected a year from 1949 to 2200, found { $year }
published-no-date = the publication date has no date
published-no-date-label = expected a date such as 2021-09-30
published-no-date-note = the PDF's date is the publication date, so it must name a day
published-early = the { $year } 决算 is dated { $date }, before the fiscal year ended
published-label = published { $date }
fiscal-year = fiscal year
fiscal-year-label = fiscal year { $year }
published-early-note = expected a date after { $year }-12-31 (final accounts are published the year after), found { $date }
published-late = the { $year } 预算 is dated { $date }, after its year ended
budget-year-label = budget year { $year }
published-late-note = expected a date in { $before } or { $year } (a budget is published before or during its year), found { $date }
score-over-weight = 「{ $project }」 { $indicator }: the score { $score } exceeds the weight { $weight }
at-most-found = expected at most { $most }, found { $found }
too-much-to-add = too much to add up
weights-not-100 = the weights of 「{ $project }」 add up to { $sum }, not 100
weights-label = weights add up to { $sum }
weights-note = expected 100 (指标分值 of all indicators, including 资金执行率), found { $sum }
rate-undefined = undefined (the budget is 0)
rate-too-large = too large to state
execution-over-budget = 「{ $project }」 { $what }: 全年执行数 exceeds 全年预算数
execution-note = expected at most { $budget }, found { $executed }; 资金执行率 { $rate } would score above its weight { $weight }
other-implementer = 「{ $project }」 names another 实施单位 than the unit
the-unit = the unit
expected-text = expected `{ $expected }`, found `{ $found }`
other-supervisor = 「{ $project }」 names another 主管部门 than document.toml
the-unit-supervisor = the unit's 主管部门
period-outside = 「{ $project }」 runs { $period }, outside the fiscal year { $year }
period-note = expected a period that includes { $year }, found { $found }
grades-count = { $projects } projects evaluated, but the grades count { $graded }
projects-label = { $n } projects
grades-note = expected the grades to add up to { $projects }, found { $graded }
examples-over = { $examples } projects named as examples of { $projects } evaluated
projects-evaluated = projects evaluated
example = example
relation-self-evaluation-funds = 共涉及资金 of the self-evaluation
relation-self-evaluation-fund-projects = 政府性基金预算项目 资金 of the self-evaluation
coverage-over = the self-evaluation covers more money than { $table } 项目支出
coverage-note = expected at most { $projects } (the year's 项目支出), found { $funds }; the narrative then states no share
ratings-count = { $projects } projects self-evaluated, but the ratings count { $rated }
ratings-note = expected the ratings to add up to { $projects }, found { $rated }
problems-over = { $handled } problems fixed or being fixed, of { $found } found
problems-found-label = { $n } found
problems-note = expected at most { $found } (the problems found), found { $handled }
average-score = an average score of { $score } points
above-100 = above 100
not-economic-code-of = `{ $code }` is not an economic classification code of { $table }
economic-code-digits = a code is written as digits only, 类 and 款 joined, e.g. 30101
relation-sum-classes = the sum of its 类
costs-equal = 公开09表 机关运行经费 equals 公开08表 公用经费, but does not
costs-at-most = 公开09表 机关运行经费 is at most 公开08表 公用经费, but does not
costs-all-administrative = 机关运行经费 is the 公用经费 of 行政单位 and 参公单位; every unit of this 部门 is one (overview.toml)
costs-part = 机关运行经费 is the 公用经费 of 行政单位 and 参公单位, part of all the 公用经费
costs-note = expected { $expected } (公用经费 in 万元, rounded), found { $found }
targets-over-projects = the 项目预算资金 of the projects with 绩效目标 exceeds the 项目支出 of 公开03表
explains-no-item = 预算编制说明 explains { $code }, which is no 项 of 公开05表, 06表 or 07表
no-such-item = no such 项
explains-no-item-note = expected the 7-digit code of a 项 line of the 一般公共预算, 政府性基金 or 国有资本经营预算 table; its amount is that line's
item-unexplained = 预算编制说明 does not explain the 项 { $code } { $name }
item-unexplained-label = not in explanation.toml's items
item-unexplained-note = the 财政拨款支出主要内容 lists every 项 of 财政拨款 spending, with what it is for
duplicate-note = expected each { $what -> 
        [budget] 项 budget
       *[other] { $what }
    } once; its figures would be counted twice

## Linked 预算 (src/link.rs)

link-no-use = `{ $key }` names a folder, but a { $kind } has no use for it
link-not-read = not read
link-no-use-note = a 决算 names its year's 预算 with `budget` and last year's 决算 with `previous`; a 预算 names last year's 预算 with `previous_budget`
link-unreadable = the { $doc } named by `{ $key }` cannot be read
link-unreadable-note = it has { $n } error(s); run `juesuan check { $dir }` to see them
link-not-kind = `{ $key }` names a { $found }, not a { $doc }
link-is-kind = { $dir } is a { $found }
link-not-kind-note = name the folder of a { $doc }公开 (its form is a { $doc } form)
link-year = `{ $key }` names the { $year } { $doc }, not the { $expected } one
link-year-label = a { $year } { $doc }
link-year-note = expected the { $doc } of { $expected }
link-unit = `{ $key }` names another unit's { $doc }
link-unit-label = the { $doc } of { $unit }
link-unit-note = this document is { $unit }'s; name the folder of its own { $doc }
link-disagrees = { $what } does not agree with the { $doc } it names
link-here = { $value }万元 here
link-in-budget = { $value } in the { $doc }
link-disagrees-note = expected { $expected } (the { $doc }'s figure), found { $found }; correct one of them, or leave this one out to take the { $doc }'s

## Fonts and glyphs

no-glyph = the character “{ $char }” ({ $code }) has no glyph in { $fonts }
no-glyph-label = { $code } is not in { $font }
no-glyph-more = it occurs { $n } more time(s) in { $path }
no-glyph-note = replace the character, or add a font that has it (--font-path, [fonts] in document.toml)
no-glyph-left-out = { $n } more character(s) have no glyph; only the first { $max } are shown
font-substituted = { $style }: the font “{ $font }” is not available; the embedded { $embedded } draws the style instead
font-substituted-label = substituted by { $embedded }
font-substituted-note = add the folder holding the font file with --font-path; `juesuan fonts` lists the families available

## juesuan new, preview

new-not-empty = { $dir } is not empty: `juesuan new` writes only into a new or empty folder, so that no file is overwritten
new-not-a-folder = { $dir } exists and is not a folder
new-missing-unit = the unit name is missing: give --unit <名称>, or --from <last year's folder> to take it from there
new-empty-unit = the unit name is empty: give the unit's full name, e.g. --unit 金华市人力资源和社会保障局
new-missing-year = the year is missing: give --year <年度>, or --from <last year's folder> to take the year after it
new-implausible-year = { $year } is not a plausible fiscal year: give a year from 1949 to 2200, e.g. --year 2021
new-no-form = no form covers { $year }; the forms are: { $forms }
new-several-forms = several forms cover { $year }: choose one with --form ({ $forms })
new-other-kind = the folder given with --from is a { $last }, and the new one a { $new }: --from takes last year's { $new }
preview-no-page = the document has { $count } page(s); there is no page { $requested } (use --pages 1-{ $count } or fewer)

## Writing and extracting

cannot-write = cannot write { $path }: { $why }
cannot-create-folder = cannot create the folder { $path }: { $why }
pdf-too-large = { $path } is { $size } bytes; juesuan reads PDFs of at most { $max } bytes
not-a-pdf = { $path } is not a PDF juesuan can read (damaged, encrypted or not a PDF)
no-attachments = { $path } has no attached data files: only PDFs rendered with --standard a-3u, 1.7 or ua-1 carry them (PDF/A-2 forbids attachments)
attachment-damaged = { $path }: the attachment { $name } is damaged: { $why }
attachment-unsafe = { $path }: the attachment name { $name } is not a plain file name; nothing written
attachment-twice = { $path }: the attachment { $name } is there twice; nothing written
extract-exists = { $path } already exists; extract never overwrites a file, nothing written
