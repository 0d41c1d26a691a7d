# juesuan 的中文消息。与 en.ftl 一一对应（测试检查每个条目两边都有）；参数以文字插入。
# 规则说明（src/rule.rs 的 what）和 --help（src/cli.rs 的文档注释）的英文在代码旁，中文在本文件：rule-<代码>、cli-…。

## 每条诊断和汇总行的框架

severity-error = 错误
severity-warning = 警告
stage-load = 读取
stage-check = 检查
line-error = 错误：{ $text }
line-warning = 警告：{ $text }
line-note = 说明：{ $text }
in-file = 文件 { $path }
nothing-written = 未写入任何文件
no-pdf-written = 未写入 PDF
no-output-written = 未写入输出文件

## check、render、fill、import、export、preview 的汇总

check-summary = { $dir }：{ $errors } 个错误，{ $warnings } 个警告
rejected = { $dir } 有 { $errors } 个错误；未写入{ $what }
what-pdf = PDF
what-preview = 预览图
what-output = 输出文件
manifest-unreadable = 无法读取 { $path }：{ $why }；重新生成每一份文档
manifest-foreign = { $path } 不是 juesuan 的清单（{ $why }）；重新生成每一份文档
what-workbook = 工作簿
has-errors-nothing-written = { $dir } 有错误；未写入任何文件
draft-refused = { $dir } 是草稿（仍有标为“待填写”的值，见上面的警告）；使用 --final 时不写入
draft-refused-batch = { $dir } 是草稿（仍有标为“待填写”的值）；使用 --final 时不写入
wrote-pdf = 已写入 { $path }（{ $bytes } 字节）
wrote-pdf-draft = 已写入 { $path }（{ $bytes } 字节），为草稿：每页标有“草稿”
skipping-no-document = 跳过 { $dir }：没有 document.toml
batch-failed = 失败：{ $names }
batch-summary = 已生成 { $rendered } 份{ $drafts }，未变 { $unchanged } 份，失败 { $failed } 份（共 { $total } 份，用时 { $secs } 秒{ $rate }，{ $workers } 个并行任务）
batch-drafts = （其中草稿 { $drafts } 份，标有“草稿”）
batch-rate = ，每秒 { $rate } 份
batch-timings = 各阶段用时（所有并行任务合计）：{ $timings }
batch-rendered = 已生成
batch-unchanged = 未变
batch-failed-word = 失败
batch-internal = 生成 { $dir } 时发生内部错误：{ $what }
batch-into-one-file = { $count } 份文档需要输出到文件夹，而不是文件 { $output }：请用 -o <文件夹>
batch-duplicate-name = 两份文档都会写成 { $name }：{ $first } 和 { $second }
batch-without-output = { $count } 份文档需要一个输出文件夹：请给出 -o <文件夹>（不写 -o 时，一份文档写在其文件夹旁，名为 <文件夹>.pdf）
batch-ambiguous = -o { $output } 既不是 .{ $ext } 文件，也不是已有的文件夹：写一个文件请用 { $output }.{ $ext }，写到文件夹请用 { $output }/（或先建立该文件夹）
batch-output-folder = 无法建立输出文件夹 { $path }：{ $why }
watch-again = ── { $dir } 有改动：重新生成 ──
watch-waiting = 正在监视 { $dir } 的改动（按 Ctrl-C 停止）
watch-no-events = 收不到 { $dir } 的文件事件（{ $why }）；改为每 { $ms } 毫秒检查一次改动
watch-one-document = --watch 只生成一份文档：请给出一个数据文件夹和一个以 .pdf 结尾的输出文件
skipped-font = 已跳过字体文件 { $file }
fill-unreadable = 无法读取 { $dir }；未写入任何文件
fill-summary = 已写入 { $figures } 个数字和 { $lines } 行，涉及 { $files } 个文件；{ $disagree } 个已填数字与其明细不符
fill-summary-dry = 试运行：将写入 { $figures } 个数字和 { $lines } 行，涉及 { $files } 个文件；{ $disagree } 个已填数字与其明细不符
fill-line-added = 已添加一行：{ $reason }
fill-disagrees = { $line } { $field } 写的是 { $stated }，但{ $reason }为 { $sum }：保留原值（请改正错的那个）
fill-parent-line = 表中所列各行所属的{ $level }
next-check = 下一步：`juesuan check { $dir }`
import-read = 读取了 { $unit } { $year }年（{ $kind }，格式 { $form }）{ $tables } 张表的 { $figures } 个数字：{ $cells } 个单元格无法定位或读取{ $others }
import-others = ，另有 { $n } 个错误
import-refused = 未写入任何文件：请在工作簿中改正上面的单元格（或用 --partial 导入，再手工补全文件夹）
import-wrote = 已写入 { $files } 个文件到 { $dir }（{ $tables } 张表来自工作簿；其余待填写，标为“待填写”）
export-wrote = 已写入 { $path }（{ $tables } 张表，{ $bytes } 字节）
no-workbook-written = 未写入工作簿
extract-wrote = 已写入 { $path }
schema-wrote = 已写入 { $n } 个 schema 到 { $dir }
extract-schemas-wrote = 已写入 { $n } 个 schema 到 { $dir }
fonts-families = 字体：
fonts-styles = 样式：
fonts-also = （又名 { $names }）
fonts-cannot-read = 无法读取 { $path }：{ $why }
last-year-unreadable = 无法读取上年的文件夹 { $dir }；未写入任何文件
new-wrote = 已写入 { $files } 个文件到 { $dir }（各数据文件，及其 schema 在 { $schemas } 中）
new-next = 下一步：填写标为“待填写”的值，然后运行 `juesuan check { $dir }`
preview-wrote = 已写入 { $pages } 页到 { $dir }
fonts-embedded = 内嵌
fonts-stand-in = （内嵌的替代字体；正式字体：{ $official }）

## 读取文件

cannot-read-folder = 无法读取数据文件夹 { $dir }：{ $why }
cannot-read = 无法读取 { $path }：{ $why }
not-regular-file = 无法读取 { $path }：不是普通文件
section-missing = 缺少数据文件 { $path }
no-such-form = 没有名为 `{ $name }` 的格式
forms-are = 已有的格式：{ $forms }
did-you-mean = 是不是 `{ $name }`？
did-you-mean-file = 是不是 { $name }？
unknown-file = { $name } 不是数据文件，已忽略
not-a-folder = 不是文件夹
missing-recreate = 重新建立：`juesuan new /tmp/blank --form { $form } --unit <单位> --year <年度>` 会写出该格式的每个文件（带注释，数字为 0 并标为“待填写”）；把 /tmp/blank/{ $file } 复制到这里再填写
unknown-form-label = 未知的格式
form-year = 格式 `{ $form }` 覆盖 { $range }，不含 { $year }
form-year-label = { $year } 不在 { $range } 之内
form-year-none = 本版本没有覆盖 { $year } 的格式；已有的格式：{ $forms }
form-year-covering = 覆盖 { $year } 的格式：{ $forms }
file-too-large = { $path } 有 { $size } 字节；一个数据文件最多 { $max } 字节
symlink-outside = { $path } 是指向数据文件夹之外的链接
not-utf8 = { $path }:{ $line }:{ $col }：文件不是有效的 UTF-8
not-utf8-gbk = { $path }:{ $line }:{ $col }：文件不是有效的 UTF-8：看起来是 GBK/GB18030，即 Windows 记事本和 WPS 默认保存的中文编码
save-as-utf8 = 请另存为 UTF-8：记事本中 另存为 → 编码 UTF-8；WPS 或 VS Code 中点右下角的编码 → UTF-8
text-too-long = { $file }：一段文字有 { $chars } 个字；一段文字最多 { $max } 个字
text-too-long-label = 这段文字太长
document-too-long = 文档的文字共 { $chars } 个字；一份文档最多 { $max } 个字
document-too-long-note = 其中 { $n } 个字在 { $path }
too-many-rows = { $file }：`{ $key }` 有 { $len } 行；一个列表最多 { $max } 行
too-many-rows-note = 真实的决算表只有几十行，部门汇总也只有几百行：这个文件像是生成的或已损坏
too-many-rows-label = 第 { $row } 行超出了上限
unknown-file-of-form = { $name } 不是格式 { $form } 的数据文件，已忽略
allowed-keys = 这里可以写的键：{ $keys }
allowed-values = 这里可以写的值：{ $values }

toml-invalid = TOML 格式有误：{ $what }
toml-invalid-label = 格式有误
toml-unknown-key = 未知的键 `{ $key }`
toml-unknown-key-label = 这里没有这个键
toml-missing-key = 缺少键 `{ $key }`
toml-missing-key-label = 这里必须填写{ $key }
toml-wrong-type = { $key }应为{ $expected }——实际是 { $found }
toml-wrong-type-label = 应为{ $expected }
toml-unknown-value = { $key }不能是 { $found }
toml-unknown-value-label = 不是允许的值
toml-bad-number = { $key }：{ $why }
toml-bad-number-label = 不是普通数字
toml-at-row = { $list } 第{ $row }行
toml-duplicate-key = 键 `{ $key }` 写了两次
toml-duplicate-table = 表 [{ $key }] 写了两次

type-whole = 不小于 0 的整数
type-integer = 整数
type-number = 数字，如 12.34
type-text = 加引号的文字，如 "名称"
type-list = 方括号中的列表 [ … ]
type-table = 由键组成的表
type-date = 日期，如 2021-09-30
type-bool = true 或 false
type-value = 另一种值
found-text = 文字 { $value }
found-number = { $value }
found-bool = { $value }
found-list = 一个列表
found-table = 一个表
found-date = 日期 { $value }
found-value = { $value }

typing-equals = 请用半角等号 `=`，不要用全角 `＝`：`{ $key } = { $value }`
typing-date = 日期按“年-月-日”书写：`{ $key } = { $date }`
typing-write = 请写成 `{ $key } = { $value }`
toml-bad-string = 文字没有结束：两端都要用半角直引号 "…"
toml-bad-key = 键只能由字母、数字、_ 和 - 组成，后面跟 =
toml-no-equals = 键后面要有 `=` 和值
toml-bad-list = 列表没有结束：[ … ]，值之间用逗号分隔
toml-bad-inline-table = 一行没有结束：{ "{" } 键 = 值, … { "}" } 要写在同一行
toml-bad-literal = 不是 TOML 能读的数字
toml-extra-equals = 多了一个 `=`：一行写作 `键 = 值`
toml-list-comma = 列表中的值用逗号分隔：[1, 2, 3]
toml-duplicate-key-here = 同一张表中有一个键写了两次
toml-parser-said = { $what }

number-not-decimal = `{ $value }` 不是普通的小数（请写成 1061.38 这样，不用指数，不加分隔符）
number-too-precise = `{ $value }` 的位数超过精确小数能容纳的范围（最多 28 位有效数字）
number-quoted = 数字按 TOML 数字书写，不加引号：请把 { $value } 的引号去掉
number-more-than-cents = `{ $value }` 超过两位小数：文档印出的是 { $shown }，而各比率会按读者看不到的数字计算；请写 { $shown }（或已公开的数字）

## 检查（src/validate*.rs）

row-number = 第{ $row }行
value-is = { $label } 为 { $value }
sum-mismatch = { $subject } 不等于 { $relation }
sum-rounding = { $subject } 与 { $relation } 因四舍五入而不同
sum-expected = 应为 { $expected }（{ $relation }），实际为 { $found }；相差 { $difference }
sum-within-rounding = 在 { $n } 个两位小数数字的四舍五入范围内（最多 { $limit }）；差额更大时为 错误[{ $code }]
suspect-all = 全部 { $n } 个不成立的合计
suspect-some = { $of } 个不成立的合计中的 { $n } 个
suspect = 此处为 { $would } 即可使{ $all }成立：{ $label } 很可能是写错的数字
suspect-label = 为 { $would } 即可使{ $all }成立
suspect-note = 一处笔误会使它所在的每个恒等式都不成立；下面的错误标出的是各式中的其他数字
too-large = 无法检查 { $subject }：数字太大，无法相加
too-large-note = 精确求和最多约 7.9 × 10^28；以万元计的数字远不会这么大
exceeds = { $subject } 超过 { $relation }
exceeds-rounding = { $subject } 因四舍五入而超过 { $relation }
exceeds-expected = 应不超过 { $expected }（{ $relation }），实际为 { $found }；超出 { $excess }
exceeds-within-rounding = 在 { $n } 个两位小数数字的四舍五入范围内（最多 { $limit }）；超出更多时为 错误[part-exceeds-whole]
negative = { $file } 的 `{ $path }` 是负数
negative-label = 负数
negative-note = 应为 0 或以上，实际为 { $found }；只有 { $allowed } 可以为负
placeholder = 还有 { $n } 个值标为“待填写”
placeholder-first = 第一个
placeholder-note = 把每个占位值换成数字或文字，并删去“待填写”标记
relation-sum-lines = 其下各{ $level }之和
relation-eight-incomes = 八类收入之和
relation-fund-income = 同一资金的 本年收入 + 年初财政拨款结转和结余
relation-item-budgets = 其下各项的年初预算数
relation-sum-columns = { $first } … { $last } 各栏之和
why-fiscal-part = 财政拨款支出（公开05、08、09表）是全部支出（公开03表）的一部分，逐科目、逐栏
why-table04-part = 公开04表只统计财政拨款，是公开01表全部资金的一部分
why-table06-basic = 公开06表只含基本支出；公开07表含基本支出和项目支出
why-operating-costs = 机关运行经费是一般公共预算基本支出中的公用经费
why-sme-part = 授予中小企业的合同是全部政府采购的一部分
why-small-micro-sme = 小微企业属于中小企业
why-small-micro = 小微企业属于中小企业
why-reserved-small-micro = 面向小微企业预留的也是面向中小企业预留的
why-awarded-reserved = 预留项目中授予的金额是预留金额的一部分
why-reserved-sme-budget = 面向中小企业预留的部分是政府采购预算的一部分
why-city-level = 其中：市本级安排资金是项目年度资金总额的一部分
why-covered = 自评覆盖全部项目支出，部门评价选取的项目在其中
lists-but = { $here } 列有 { $code }，{ $there } 却没有
lists-but-note = { $file } 中应有 { $code } 一行，其 { $column } 为 { $value }，实际没有
implausible-change = 上年{ $what } { $previous }：本年数是它的 { $factor }
implausible-completion = { $what } { $budget }：完成率为 { $factor }
implausible-note = 本年数为 { $figure }；已公开的文档中，增减变化和完成率都在 { $limit } 倍之内：这个数字是以万元为单位的吗？是不是写对了？
not-economic-code = `{ $code }` 不是经济分类科目编码
economic-code-label = 应为 3 位（类）或 5 位（款）数字
economic-code-note = 公开06表的经济分类科目编码形如 301 或 30101
without-class = { $table } 列有 { $code }，却没有其上级 { $parent }
parent-above = 这一行之上应有 { $parent } 一行
economic-class-note = 类的数字是其下各款之和
wrong-panel = { $code } { $name } 列在了{ $here }下
belongs-to = 属于{ $there }
panel-note = 人员经费 = 301 工资福利支出 + 303 对个人和家庭的补助；公用经费 = 其他各类
budget-no-item = { $code } 的预算数对应的不是{ $table }中的项
not-an-item = 不是{ $table }中的项（7 位编码的行）
budget-no-item-note = 年初预算数按公开05表的项填写；叙述中与各项的决算数配对
fund-items-note = [{ $section }] 的条目是{ $table }中的项，各有其年初预算数
missing-budget = 项 { $code } 没有年初预算数
missing-budget-label = 这个项没有 `budget`
missing-budget-note = 请填写其预算数，或在 document.toml 中写明当年的预算（budget = "../…"），从那里取数
missing-budget-entry = 项 { $code } { $name } 在 explanation.toml 中没有年初预算数
missing-budget-entry-label = 这个编码没有 [[general_budget.items]] 条目
missing-budget-entry-note = 叙述中只写其决算数，不写完成率
glossary-unknown-code = 名词解释解释了 { $code }，但它不是公开05表中的科目
glossary-unknown-code-label = table05.toml 中没有
glossary-unknown-code-note = 名词解释的编码从公开05表取其类/款/项名称
class-name = { $table } 中类 { $code } 的名称是 `{ $name }`
expected-value = 应为 { $value }
this-class = 这个类
class-name-note = 应为 `{ $standard }`（格式中的名称），实际是 `{ $name }`
code-two-names = { $table } 中 { $code } 的名称是 `{ $name }`，{ $first_table } 中是 `{ $first_name }`
code-two-names-note = 应为 `{ $first_name }`（与{ $first_table }相同），实际是 `{ $name }`；一个编码只有一个名称
parent-note = { $child }列在其{ $parent }之下，{ $parent }的数字是其下各行之和
function-code-class-only = 3 位数字：这张表只列类
function-code-lengths = 3 位（类）、5 位（款）或 7 位（项）数字
not-function-code = `{ $code }` 不是{ $table }的功能分类科目编码
function-code-note = 实际有 { $n } 个字符；编码只写数字，如 2080108
unknown-class = { $table } 列有类 { $code }，但格式 { $form } 没有这个类
unknown-class-label = 未知的类
unknown-class-note = 格式 { $form } 印出的类为 { $classes }；其他编码下的数字不会印出
duplicate = { $table } 中{ $what -> 
        [budget] 项目预算
        [line] 科目
        [code] 编码
        [term] 名词
       *[other] { $what }
    } { $key } 列了两次
duplicate-again = 这里又列了一次
duplicate-first = 第一次列在这里
bought-over-fleet = 本年购置 { $bought } 辆，保有量却只有 { $fleet } 辆
bought-label = 购置 { $bought } 辆
bought-over-fleet-note = 应不超过 { $fleet }（年末保有量包含本年购置的车辆），实际为 { $bought }
fleet-over-held = “三公”保有量 { $fleet } 辆超过了单位拥有的 { $held } 辆
fleet-over-held-note = 应不超过 { $held }（assets.toml 中的车辆），实际为 { $fleet }
spent-none-counted = { $what }为 { $money }，数量却是 0 { $unit }
counted-none-spent = { $what }为 0.00，数量却是 { $count } { $unit }
at-least-one = 至少 1 { $unit }
expected-found = 应为 { $expected }，实际为 { $found }
people-per-group-note = 每个团组至少一人次，没有团组就没有人次（{ $least } 或以上），实际为 { $people }
unit-empty = 单位名称为空
unit-empty-label = 这里填单位全称
unit-empty-note = 应为标题印出的单位全称，实际是空文字
short-name = 简称
text-empty = { $what }为空
empty = 空
text-empty-note = 没有内容时请删去这个键
year-implausible = 年度 { $year } 不是合理的会计年度
year-label = 应为年度，如 2020
year-note = 应为 1949 至 2200 年，实际为 { $year }
published-no-date = 公开日期没有写日
published-no-date-label = 应为日期，如 2021-09-30
published-no-date-note = PDF 的日期就是公开日期，必须写到日
published-early = { $year } 年决算的日期为 { $date }，早于会计年度结束
published-label = 公开于 { $date }
fiscal-year = 会计年度
fiscal-year-label = 会计年度 { $year }
published-early-note = 应在 { $year }-12-31 之后（决算在次年公开），实际为 { $date }
published-late = { $year } 年预算的日期为 { $date }，晚于该年度结束
budget-year-label = 预算年度 { $year }
published-late-note = 应在 { $before } 或 { $year } 年（预算在其年度之前或之中公开），实际为 { $date }
score-over-weight = 「{ $project }」 { $indicator }：得分 { $score } 超过分值 { $weight }
at-most-found = 应不超过 { $most }，实际为 { $found }
too-much-to-add = 大到无法相加
weights-not-100 = 「{ $project }」的指标分值合计为 { $sum }，不是 100
weights-label = 分值合计为 { $sum }
weights-note = 应为 100（全部指标的指标分值，包括资金执行率），实际为 { $sum }
rate-undefined = 无法计算（预算数为 0）
rate-too-large = 大到无法表示
execution-over-budget = 「{ $project }」 { $what }：全年执行数超过全年预算数
execution-note = 应不超过 { $budget }，实际为 { $executed }；资金执行率 { $rate } 的得分会超过其分值 { $weight }
other-implementer = 「{ $project }」写的实施单位不是本单位
the-unit = 本单位
expected-text = 应为 `{ $expected }`，实际是 `{ $found }`
other-supervisor = 「{ $project }」写的主管部门与 document.toml 不同
the-unit-supervisor = 本单位的主管部门
period-outside = 「{ $project }」的起止时间为 { $period }，不在会计年度 { $year } 之内
period-note = 应为包含 { $year } 年的期间，实际为 { $found }
grades-count = 评价了 { $projects } 个项目，但各等级合计为 { $graded }
projects-label = { $n } 个项目
grades-note = 各等级应合计为 { $projects }，实际为 { $graded }
examples-over = 评价了 { $projects } 个项目，却列举了 { $examples } 个
projects-evaluated = 评价的项目数
example = 列举的项目
relation-self-evaluation-funds = 自评的共涉及资金
relation-self-evaluation-fund-projects = 自评的政府性基金预算项目资金
coverage-over = 自评覆盖的资金超过{ $table }的项目支出
coverage-note = 应不超过 { $projects }（当年的项目支出），实际为 { $funds }；叙述中因此不写占比
ratings-count = 自评了 { $projects } 个项目，但各等级合计为 { $rated }
ratings-note = 各等级应合计为 { $projects }，实际为 { $rated }
problems-over = 发现 { $found } 个问题，已整改和正在整改的却有 { $handled } 个
problems-found-label = 发现 { $n } 个
problems-note = 应不超过 { $found }（发现的问题数），实际为 { $handled }
average-score = 平均得分为 { $score } 分
above-100 = 超过 100
not-economic-code-of = `{ $code }` 不是{ $table }的经济分类科目编码
economic-code-digits = 编码只写数字，类与款连写，如 30101
relation-sum-classes = 其下各类之和
costs-equal = 公开09表的机关运行经费应等于公开08表的公用经费，实际不等
costs-at-most = 公开09表的机关运行经费应不超过公开08表的公用经费，实际超过
costs-all-administrative = 机关运行经费是行政单位和参公单位的公用经费；本部门的每个单位都是（overview.toml）
costs-part = 机关运行经费是行政单位和参公单位的公用经费，是全部公用经费的一部分
costs-note = 应为 { $expected }（公用经费，以万元计，四舍五入），实际为 { $found }
targets-over-projects = 有绩效目标的项目的项目预算资金超过了公开03表的项目支出
explains-no-item = 预算编制说明解释了 { $code }，但它不是公开05表、06表或07表中的项
no-such-item = 没有这个项
explains-no-item-note = 应为一般公共预算、政府性基金或国有资本经营预算表中某个项的 7 位编码；其金额即该行的金额
item-unexplained = 预算编制说明没有解释项 { $code } { $name }
item-unexplained-label = 不在 explanation.toml 的 items 中
item-unexplained-note = 财政拨款支出主要内容列出财政拨款支出的每个项及其用途
duplicate-note = 每个{ $what -> 
        [budget] 项目预算
        [line] 科目
        [code] 编码
        [term] 名词
       *[other] { $what }
    }只应列一次；否则其数字会被算两次

## 关联的预算（src/link.rs）

link-no-use = `{ $key }` 写了一个文件夹，但{ $kind }用不到它
link-not-read = 未读取
link-no-use-note = 决算用 `budget` 写明当年的预算、用 `previous` 写明上年的决算；预算用 `previous_budget` 写明上年的预算
link-unreadable = 无法读取 `{ $key }` 写明的{ $doc }
link-unreadable-note = 它有 { $n } 个错误；运行 `juesuan check { $dir }` 查看
link-not-kind = `{ $key }` 写的是{ $found }，不是{ $doc }
link-is-kind = { $dir } 是{ $found }
link-not-kind-note = 请写{ $doc }公开的文件夹（其格式是{ $doc }格式）
link-year = `{ $key }` 写的是 { $year } 年的{ $doc }，不是 { $expected } 年的
link-year-label = { $year } 年的{ $doc }
link-year-note = 应为 { $expected } 年的{ $doc }
link-unit = `{ $key }` 写的是其他单位的{ $doc }
link-unit-label = { $unit } 的{ $doc }
link-unit-note = 本文档是 { $unit } 的；请写其自己的{ $doc }文件夹
link-disagrees = { $what } 与所写的{ $doc }不一致
link-here = 此处为 { $value }万元
link-in-budget = { $doc }中为 { $value }
link-disagrees-note = 应为 { $expected }（{ $doc }中的数字），实际为 { $found }；改正其中一个，或删去此处的数字以取{ $doc }中的

## 字体和字形

no-glyph = 字符“{ $char }”（{ $code }）在 { $fonts } 中没有字形
no-glyph-label = { $font } 中没有 { $code }
no-glyph-more = 它在 { $path } 中还出现了 { $n } 次
no-glyph-note = 请替换这个字符，或加入有这个字的字体（--font-path，document.toml 中的 [fonts]）
no-glyph-left-out = 另有 { $n } 个字符没有字形；只显示前 { $max } 个
font-substituted = { $style }：字体“{ $font }”不可用；改由内嵌的 { $embedded } 绘制该样式
font-substituted-label = 由 { $embedded } 代替
font-substituted-note = 用 --font-path 加入字体文件所在的文件夹；`juesuan fonts` 列出可用的字体

## juesuan new、preview

new-not-empty = { $dir } 不是空的：`juesuan new` 只写入新的或空的文件夹，不覆盖任何文件
new-not-a-folder = { $dir } 已存在，且不是文件夹
new-missing-unit = 缺少单位名称：请给出 --unit <名称>，或用 --from <上年的文件夹> 从那里取
new-empty-unit = 单位名称为空：请给出单位全称，如 --unit 金华市人力资源和社会保障局
new-missing-year = 缺少年度：请给出 --year <年度>，或用 --from <上年的文件夹> 取其下一年
new-implausible-year = { $year } 不是合理的会计年度：请给出 1949 至 2200 年之间的年度，如 --year 2021
new-no-form = 没有覆盖 { $year } 年的格式；已有的格式：{ $forms }
new-several-forms = 有多个格式覆盖 { $year } 年：请用 --form 选择一个（{ $forms }）
new-other-kind = --from 给出的文件夹是{ $last }，新文件夹是{ $new }：--from 要的是上年的{ $new }
preview-no-page = 文档共 { $count } 页；没有第 { $requested } 页（请用 --pages 1-{ $count } 或更少）

## 写入和取回

cannot-write = 无法写入 { $path }：{ $why }
cannot-create-folder = 无法建立文件夹 { $path }：{ $why }
pdf-too-large = { $path } 有 { $size } 字节；juesuan 只读不超过 { $max } 字节的 PDF
not-a-pdf = { $path } 不是 juesuan 能读的 PDF（已损坏、已加密或不是 PDF）
no-attachments = { $path } 没有附带数据文件：只有用 --standard a-3u、1.7 或 ua-1 生成的 PDF 才带（PDF/A-2 不允许附件）
attachment-damaged = { $path }：附件 { $name } 已损坏：{ $why }
attachment-unsafe = { $path }：附件名 { $name } 不是普通的文件名；未写入任何文件
attachment-twice = { $path }：附件 { $name } 出现了两次；未写入任何文件
extract-exists = { $path } 已存在；extract 从不覆盖文件，未写入任何文件

## 规则说明（src/rule.rs 每条规则的 what）

rule-data-folder = 数据文件夹存在，且是文件夹
rule-io = 数据文件可以读取：存在且是普通文件
rule-missing-section = 文档的格式所读的每个数据文件都在文件夹中
rule-unknown-file = 文件夹中不属于该格式的文件被忽略
rule-symlink-outside = 作为链接的数据文件指向数据文件夹之内
rule-file-too-large = 数据文件不超过 4 MiB
rule-invalid-utf8 = 数据文件是有效的 UTF-8
rule-text-too-long = 一段文字不超过 20,000 字，整份文档不超过 300,000 字
rule-too-many-rows = 一个列表不超过 2,000 行
rule-toml-syntax = 数据文件是有效的 TOML
rule-unknown-key = 每个键都是该文件有的键（拼错的键不会被悄悄忽略）
rule-missing-key = 该文件必填的键都已填写
rule-wrong-type = 值的类型与键相符（数字、文字、列表……）
rule-bad-number = 数字是普通小数：不加引号，不用指数
rule-unknown-value = 值是该键允许的值之一（如 kind = "单位" 或 "部门"）
rule-unknown-form = document.toml 写的格式是本版本已有的
rule-form-year = 文档的年度在其格式覆盖的年度之内
rule-missing-glyph = 每段文字的每个字在绘制它的字体中都有字形
rule-font-substituted = [fonts] 中写的字体可用（否则由内嵌字体绘制该样式）
rule-placeholder = `juesuan new` 标为“待填写”的值尚未填写
rule-document-facts = 单位名称和年度合理，公开日期在会计年度之后，自评表写明单位、主管部门和年度
rule-code-shape = 功能分类科目编码为 3、5 或 7 位，经济分类为 3 或 5 位；01/04表只列类
rule-code-parent = 同一表中，款列在其类之下，项列在其款之下（经济分类的款在其类之下）
rule-code-duplicate = 每个编码、项目预算或名词解释在一张表或一节中只出现一次
rule-unknown-class = 类在格式的分类中存在（01表：在格式印出的类之中）
rule-name-mismatch = 同一编码在各表（02、03、04、05、08、09）中名称相同，类的名称与格式一致
rule-economic-panel = 公开06表：人员经费只列 301 和 303；公用经费列其他各经济分类
rule-sum-mismatch = 合计等于各部分之和：上级科目、合计行、行合计、01/04/06/07表合计、所写的政府采购合计和一般公共预算年初预算
rule-balance-mismatch = 收入总计 = 支出总计；各资金（04表）和各科目（08/09表）的 年初结转和结余 + 收入 = 支出 + 年末结转和结余
rule-cross-table = 一个数字与别处对应的数字相等：01 = 02，01 = 03（按类），04 = 01，04 = 05/08/09（按类），04 = 08 结转，05 基本 = 06，07 公务接待费 = three_public.toml
rule-part-exceeds-whole = 部分不大于整体：05+08+09 ≤ 03（按科目和栏），04 ≤ 01，06 三公 ≤ 07，机关运行经费 ≤ 公用经费，中小企业 ≤ 政府采购，小微 ≤ 中小企业，授予 ≤ 预留，市本级 ≤ 年度资金，部门评价 ≤ 自评
rule-rounding = 数字与其恒等式相差不超过 n × 0.005（n 个两位小数的数字）
rule-negative-amount = 数字不为负，格式允许之处除外（validate::MAY_BE_NEGATIVE）
rule-count-mismatch = 数量与金额及彼此相符：三公的团组/人次/辆与金额，保有量 ≤ 车辆，等级数 = 评价项目数，整改问题 ≤ 发现问题
rule-unknown-code = explanation.toml 中写的编码是其表（05、08、09）中的项；名词解释的编码是公开05表中的科目
rule-missing-budget = 公开05表的项在 explanation.toml 中没有年初预算数
rule-score-mismatch = 自评指标分值合计为 100，得分不超过分值，平均得分不超过 100
rule-execution-rate = 项目的全年执行数不超过全年预算数（资金执行率 ≤ 100%）
rule-budget-link = document.toml 写的预算（budget、previous_budget）可以读取，年度正确，且与文档所写数字一致
rule-previous-link = document.toml 写的上年决算（previous）可以读取，是本单位上一年度的，且与文档所写的上年数一致
rule-coverage = 自评覆盖的资金不超过当年的项目支出（05/08表）
rule-suspect-value = 一个值出现在两个以上不成立的合计中，且改这一个数字就能让它们都成立：先在该值处指出
rule-implausible = 与上年相比的变化或完成率超出 10 倍（已公开的文档都在几百个百分点之内）：可能是以元为单位或打错了

## --help（src/cli.rs 的文档注释的中文；键为 cli-<命令>、cli-<命令>-long、cli-<命令>-<参数>）

cli-template = {"{"}before-help{"}"}{"{"}about-with-newline{"}"}
    用法：{"{"}usage{"}"}

    {"{"}all-args{"}"}{"{"}after-help{"}"}
cli-commands = 命令
cli-command = 命令
cli-options = 选项
cli-arguments = 参数
cli-help = 显示帮助（-h 为简要，--help 为详细）
cli-help-command = 显示本帮助，或所给命令的帮助
cli-version = 显示版本
cli = 把单位的决算、预算数据文件夹生成为正式的公开 PDF
cli-color = 诊断信息的颜色：auto（在终端上着色）、always 或 never。
cli-render = 检查数据文件夹并生成 PDF：一份文档生成一个文件，多份生成到一个文件夹
cli-render-long = 检查数据文件夹并生成 PDF：一份文档生成一个文件，多份生成到一个文件夹

    示例：juesuan render data/jinhua-hrss-dsc-2020 -o out.pdf
          juesuan render units/ -o pdf/          （units/ 下的每个文档文件夹，并行生成）
          juesuan render data/unit-2021 -o out.pdf --watch   （每次保存后重新生成）

    先检查数据；有任何错误时，该文档不写入任何文件，已有的输出文件保持原样。生成到文件夹时，
    每个 PDF 以其数据文件夹命名，一份文档的数据有错不影响其他文档（退出码表示有失败），
    自上次运行以来输入未变的文档（记录在该文件夹的 .juesuan-manifest.json 中）会跳过。
cli-render-dirs = 数据文件夹，或其子文件夹为文档的上级文件夹（含 document.toml 的文件夹即为一份文档）。
cli-render-output = 写到哪里：一份文档时为以 .pdf 结尾的文件，否则为输出文件夹（不存在则创建；一份文档时，为已有的文件夹或以 / 结尾的路径），每份文档生成 <文件夹名>.pdf。不写时，一份文档写在其文件夹旁（data/x → data/x.pdf）。
cli-render-standard = 输出的规范。a-2u（PDF/A-2u：存档用，每个字形都对应 Unicode，中文可搜索）为默认。a-3u（PDF/A-3u）相同，并附上数据文件夹的 TOML 文件，存档的 PDF 带着自己的数据：`juesuan extract` 可取回。PDF/A-2 不允许附件，所以 a-2u 和 a-2a+ua-1 不附。1.7 为普通 PDF，ua-1 为无障碍 PDF/UA-1（两者都附数据）；a-2a+ua-1 同时为 PDF/A-2a 和 PDF/UA-1。
cli-render-jobs = 生成到文件夹时：同时生成的文档数（默认：CPU 核数）。
cli-render-force = 生成到文件夹时：每份文档都重新生成，包括上次运行以来未变的。
cli-render-quiet = 不显示进度条和进度行（诊断信息和汇总仍会显示）。
cli-render-verbose = 每份文档一行，显示各阶段用时，以及各阶段合计。
cli-render-watch = 每次保存文件夹中的数据文件后重新生成，诊断信息显示在终端上，直到中断（Ctrl-C）。只用于一份文档：一个数据文件夹和一个以 .pdf 结尾的输出文件。有错误的一次生成不改动上一份正确的 PDF。
cli-render-font_path = 除内嵌的 Fandol 字体外可用于绘制的字体文件夹（.ttf .otf .ttc），如正式的方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312；可多次给出。`juesuan fonts` 显示此时每种样式由哪种字体绘制。
cli-render-final_only = 拒绝草稿：仍有标为“待填写”的值的文档不写入（退出码 1）。不加此项时，草稿照常写入，每页标有“草稿”。
cli-check = 检查一个或多个数据文件夹，不生成 PDF：所有规则，一次列出全部问题。
cli-check-long = 检查一个或多个数据文件夹，不生成 PDF：所有规则，一次列出全部问题。

    示例：juesuan check data/jinhua-hrss-dsc-2020 data/example-2021

    退出码 0：没有错误（可以有警告）；1：数据有错误；2：用法或读写错误。
cli-check-dirs = 数据文件夹。
cli-check-format = 输出格式：human 为便于阅读的诊断信息，json 为每个问题一个 JSON 对象。
cli-check-font_path = 除内嵌字体外用来检查字形的字体文件夹（同 render）。
cli-fonts = 列出可用的字体，以及每种样式（标题、一级、二级、正文、表格）由哪种字体绘制。
cli-fonts-long = 列出可用的字体，以及每种样式（标题、一级、二级、正文、表格）由哪种字体绘制。

    示例：juesuan fonts --font-path /usr/share/fonts/official data/jinhua-hrss-dsc-2020

    每种样式由 document.toml 的 [fonts] 所写的字体绘制（title、heading1、heading2、body、table），
    否则由第一个可用的正式字体，再否则由内嵌的 Fandol 字体绘制。
cli-fonts-dir = 要应用其 [fonts] 的文档文件夹（可不写）。
cli-fonts-font_path = 要加入的字体文件夹（同 render）。
cli-rules = 列出 check 使用的规则代码，以及每条检查什么。
cli-rules-long = 列出 check 使用的规则代码，以及每条检查什么。

    示例：juesuan rules

    check 的每个问题都在方括号中写明规则代码，如 错误[sum-mismatch]。
cli-diff = 显示一次更正改了什么：每个不同的数字和文字，以及因此而不同的每句叙述（更正说明的材料）。
cli-diff-long = 显示一次更正改了什么：每个不同的数字和文字，以及因此而不同的每句叙述（更正说明的材料）。

    示例：juesuan diff data/unit-2020-published data/unit-2020-corrected

    退出码 0：相同；1：不同；2：有文件夹无法读取或未通过 check。
cli-diff-old = 已公开的文档。
cli-diff-new = 更正后的文档。
cli-diff-format = 输出格式：human 为便于阅读的列表，json 为一个含 values 和 sentences 的 JSON 对象。
cli-diff-correction = 改为输出更正说明草稿：每处更正的数字和文字“原为……，更正为……”、随之改变的句子、单位和日期；如 `--correction > 更正说明.txt`。
cli-new = 新建文档：一个含该格式每个数据文件的数据文件夹，带中文注释，待填写
cli-new-long = 新建文档：一个含该格式每个数据文件的数据文件夹，带中文注释，待填写

    示例：juesuan new data/unit-2021 --unit 示例市示例局 --year 2021
          juesuan new data/unit-2024 --unit 上海市XX局 --year 2024 --kind 部门 --form shanghai-2024
          juesuan new data/unit-2021 --from data/unit-2020

    格式（`juesuan forms` 列出）决定各部分、各表和措辞：不写 --form 时，用上年的格式（如果它覆盖该年度），
    否则用覆盖该年度的唯一格式。
    数字初始为 0，文字为“待填写：…”，所以文件夹从一开始就能通过 check 并生成，可以一步步填写和检查。
    用 --from 时，沿用上年的职责、机构、名词解释、主管部门、字体和各表每一行的编码与名称（数字为 0），
    document.toml 写明上年的文件夹（previous = "../…"），上年数从中取得；单位、年度（上年 + 1）和类型默认取上年的。
    每个文件以 `#:schema` 行开头，支持 TOML schema 的编辑器（VS Code 加 Even Better TOML，或 taplo）
    在输入时补全键、用中文解释键并标出错误。文件夹必须是新的或空的：不覆盖任何文件。
cli-new-dir = 要创建的文件夹（或一个空文件夹）。
cli-new-unit = 单位全称，按标题要印出的写。
cli-new-year = 决算年度。
cli-new-kind = 单位（单位自身的决算，默认）或 部门（部门汇总）。
cli-new-from = 上年的数据文件夹：沿用其固定文字和各表的行，新文件夹写明它（previous），上年数从中取得。
cli-new-form = 格式，如 zhejiang-2020 或 shanghai-2024（`juesuan forms` 列出）。
cli-new-document = 决算 或 预算：不写 --form 且两种格式都覆盖该年度时，文档的种类。
cli-forms = 列出本版本已有的格式：地区、文档和各自覆盖的年度
cli-forms-long = 列出本版本已有的格式：地区、文档和各自覆盖的年度

    示例：juesuan forms

    文档在 document.toml 中写明其格式（`form = "zhejiang-2020"`）；`juesuan new --form` 以它新建文档。
cli-schema = 为编辑器写出每个数据文件的 JSON Schema（taplo、VS Code 加 Even Better TOML）
cli-schema-long = 为编辑器写出每个数据文件的 JSON Schema（taplo、VS Code 加 Even Better TOML）

    示例：juesuan schema --out data/unit-2021/.schema
          juesuan schema > schemas.json

    schema 由读取数据的同一组类型生成，每个键都有中文说明。以 `#:schema ./.schema/table01.json`
    开头的数据文件在输入时即被检查。`juesuan new` 会写到每个新文件夹中。不写 --out 时，输出一个 JSON 对象，
    把每个 schema 的名称对应到 schema。写 --form 时，只输出该格式读取的文件。
cli-schema-out = 写入 <文件>.json 的文件夹（不存在则创建）。
cli-schema-form = 只输出此格式的文件（默认：每个格式的每个文件）。
cli-completions = 输出 shell 补全脚本（命令、选项、文件名）
cli-completions-long = 输出 shell 补全脚本（命令、选项、文件名）

    示例：juesuan completions bash > ~/.local/share/bash-completion/completions/juesuan
          juesuan completions zsh > ~/.zfunc/_juesuan
          juesuan completions fish > ~/.config/fish/completions/juesuan.fish
          juesuan completions powershell >> $PROFILE
cli-completions-shell = 用于补全的 shell。
cli-preview = 把页面画成 PNG 图片，不用 PDF 阅读器也能快速查看。
cli-preview-long = 把页面画成 PNG 图片，不用 PDF 阅读器也能快速查看。

    示例：juesuan preview data/jinhua-hrss-dsc-2020 --pages 1-3 -o preview/

    先检查数据，同 render。页面写为 page-01.png、page-02.png……，144 dpi；同一页已有的图片会被替换。
cli-preview-dir = 数据文件夹。
cli-preview-pages = 要画的页，从 1 数起：1-3、5 或 1-3,7（默认：每一页）。
cli-preview-output = 写入图片的文件夹（不存在则创建）。
cli-preview-font_path = 除内嵌字体外用于绘制的字体文件夹（同 render）。
cli-export = 把文档的各表写成 xlsx 工作簿，版式与格式印出的相同
cli-export-long = 把文档的各表写成 xlsx 工作簿，版式与格式印出的相同

    示例：juesuan export data/jinhua-hrss-dsc-2020 -o tables.xlsx

    每张表一个工作表：表名、编制单位和金额单位行，含合并单元格的表头，数字为数值的各行（两位小数，
    分隔符与格式相同），列宽，冻结的表头行，A4 打印设置。先检查数据；有任何错误时不写入。
    `juesuan import` 可读回该工作簿。
cli-export-dir = 数据文件夹。
cli-export-output = 要写的工作簿（.xlsx）；已有的文件只在新文件完整写好后才被替换。
cli-import = 把含九张表的工作簿读成一个新的数据文件夹，然后检查
cli-import-long = 把含九张表的工作簿读成一个新的数据文件夹，然后检查

    示例：juesuan import tables.xlsx -o data/unit-2020
          juesuan import 2026年单位预算公开样张.xls -o data/x-2026 --unit 上海市普陀区XX单位

    可读本工具导出的、已公开的公开表工作簿，或上海的样张（xlsx、xls、ods）：每张表按表名找到工作表，
    按表头文字找到表头，按行次、编码或名称找到每一行；数字按工作表的单位行换算（元 ↔ 万元）。
    无法定位的单元格以 Sheet!C12 地址报告，并且不写入任何文件（除非 --partial）。每个导入的值都带
    注明其单元格的注释；表中没有的内容（原因、职责、上年数字）按 `juesuan new` 的方式生成，标为“待填写”。
cli-import-workbook = 工作簿（.xlsx、.xlsm、.xls、.ods）。
cli-import-output = 要创建的数据文件夹（新的或空的：不覆盖任何文件）。
cli-import-form = 格式（默认：工作簿表名所属的格式）。
cli-import-unit = 单位全称（默认：编制单位行）。
cli-import-year = 年度（默认：表名所写的年度）。
cli-import-kind = 单位 或 部门（默认：按表名，否则为 单位）。
cli-import-partial = 即使有单元格无法定位也写入文件夹（会列出这些单元格；未找到的表留待填写）。
cli-fill = 把文件夹中由项决定的款、类行和合计行就地写入
cli-fill-long = 把文件夹中由项决定的款、类行和合计行就地写入

    示例：juesuan fill data/unit-2021

    只需填写表中的项（公开06表为款）：上级科目是其下级之和，合计是各类之和，逐栏计算。fill 写入文件夹
    未写的每个这样的数字（以及缺少的上级科目行，名称标为“待填写”），保留所有注释，并列出写了什么。
    与明细不符的已填数字不会被覆盖：会列出来（退出码 1）。
cli-fill-dir = 数据文件夹。
cli-fill-dry_run = 只列出将写入的内容，不写入。
cli-extract = 把 PDF 附带的数据文件写回到一个文件夹。
cli-extract-long = 把 PDF 附带的数据文件写回到一个文件夹。

    示例：juesuan extract archived.pdf data/restored

    只有用 --standard a-3u（或 1.7、ua-1）生成的 PDF 带有数据；PDF/A-2 不允许附件。用相同的 --standard
    生成取回的文件夹，得到逐字节相同的 PDF。文件夹不存在则创建；已有的文件从不覆盖（此时不写入任何文件）。
cli-extract-pdf = 要读取的 PDF。
cli-extract-dir = 写入文件的文件夹。
