/**
 * Codes of notifications (通报), supervision tasks and their evidence, responsible leaders, and
 * the residents' public survey.
 */
import { def, either } from '../types.ts';
import { zhName, zhNames } from '../terms-zh.ts';

const count = (n: number) => n.toLocaleString('en');

export const SUPERVISION_ERRORS = {
  notification_date_early: def(
    'invalid_input',
    { month: '2019-06', last: '2019-06-30', date: '2019-06-15' },
    (p) => `date: a notification of ${p.month} is dated after the month ends (${p.last}), not ${p.date}`,
    (p) => `date：${p.month} 的通报日期应在月底（${p.last}）之后，不能是 ${p.date}`,
  ),
  notification_already_issued: def(
    'conflict',
    { area: '220000000000', month: '2019-06', number: '吉公通〔2019〕7号', issued_on: '2019-07-05' },
    (p) =>
      `the notification of ${p.area} for ${p.month} was issued as ${p.number} on ${p.issued_on}; it cannot be issued again, only corrected (--corrects "${p.number}" --reason TEXT)`,
    (p) => `${p.area} ${p.month} 的通报已于 ${p.issued_on} 印发（${p.number}）；不能再次印发，只能更正`,
  ),
  correction_not_standing: def<{ corrects: string; area: string; month: string; standing: string | null }>(
    'conflict',
    { corrects: '吉公通〔2019〕6号', area: '220000000000', month: '2019-06', standing: '吉公通〔2019〕7号' },
    (p) =>
      `corrects: ${p.corrects} is not the standing notification of ${p.area} for ${p.month}${p.standing ? ` (that is ${p.standing})` : ' (none was issued)'}`,
    (p) =>
      `corrects：${p.corrects} 不是 ${p.area} ${p.month} 现行的通报${p.standing ? `（现行的是 ${p.standing}）` : '（尚未印发）'}`,
  ),
  correction_reason_required: def(
    'invalid_input',
    {},
    () => 'a correction needs a reason',
    () => '更正须说明理由',
  ),
  notification_not_found: def(
    'not_found',
    { id: '7' as string | number },
    (p) => `no notification ${p.id} was issued`,
    (p) => `没有印发过通报 ${p.id}`,
  ),
  notification_corrupt: def(
    'internal',
    { number: '吉公通〔2019〕7号' },
    (p) => `notification ${p.number}: the stored content no longer matches its SHA-256`,
    (p) => `通报 ${p.number}：存档内容与其 SHA-256 不再相符`,
  ),
  notification_outside_scope: def(
    'forbidden',
    { area: '220000000000', scope: '220100000000' },
    (p) => `area ${p.area} is outside your jurisdiction (${p.scope}); its notification is issued there or above`,
    (p) => `地区 ${p.area} 不在您的管辖范围（${p.scope}）内；它的通报由该地区或上级印发`,
  ),
  settings_corrupt: def(
    'internal',
    { what: 'notification', detail: 'deadline_days: expected number' },
    (p) => `the stored ${p.what} settings are not valid (${p.detail}); set them again`,
    (p) =>
      `已保存的${p.what === 'schedule' ? '定时任务' : p.what === 'completeness' ? '完整率' : '通报'}设置无效（${p.detail}）；请重新设置`,
  ),
  pdf_font_file_missing: def(
    'internal',
    { path: '/fonts/x.ttf' },
    (p) => `OUTPOST_PDF_FONT: no font file ${p.path}`,
    (p) => `OUTPOST_PDF_FONT：没有字体文件 ${p.path}`,
  ),
  pdf_font_none: def(
    'internal',
    {},
    () =>
      'no CJK font for PDF output: install fonts-wqy-microhei (apt-get install fonts-wqy-microhei) or set OUTPOST_PDF_FONT=/path/font.ttf',
    () => '没有可用于 PDF 的中文字体：请安装 fonts-wqy-microhei，或设置 OUTPOST_PDF_FONT=/字体路径.ttf',
  ),

  // Supervision tasks, their evidence and leaders.
  task_transition: def(
    'conflict',
    { from: 'open', to: 'verified', allowed: ['in_progress'] },
    (p) =>
      `a task that is ${p.from} cannot become ${p.to}${p.allowed.length ? `; it can become ${either(p.allowed)}` : ' (it is closed)'}`,
    (p) =>
      `“${zhName('task', p.from)}”的任务不能变为“${zhName('task', p.to)}”${p.allowed.length ? `；只能变为 ${zhNames('task', p.allowed)}` : '（任务已结束）'}`,
  ),
  send_back_needs_comment: def(
    'invalid_input',
    {},
    () => 'comment: say why the rectification is sent back',
    () => 'comment：请说明退回整改的理由',
  ),
  verify_outside_scope: def(
    'forbidden',
    { issuing: '220000000000', scope: '220100000000' },
    (p) => `only the notifying area ${p.issuing} or above verifies a rectification; your account reaches ${p.scope}`,
    (p) => `只有通报地区 ${p.issuing} 或其上级可以核验整改；您的账号只到 ${p.scope}`,
  ),
  verify_own_rectification: def(
    'forbidden',
    { id: 12, actor: 'user:zhang' },
    (p) => `task ${p.id} was marked rectified by your account (${p.actor}); another account verifies it (four eyes)`,
    (p) => `任务 ${p.id} 的整改由您的账号（${p.actor}）标记完成，须由另一账号核验`,
  ),
  leader_not_registered: def(
    'not_found',
    { area: '220100000000' },
    (p) => `leader: no responsible leader is registered for ${p.area} within your jurisdiction`,
    (p) => `leader：您的管辖范围内没有登记 ${p.area} 的责任领导`,
  ),
  task_assign_closed: def(
    'conflict',
    { id: 12, status: 'verified' },
    (p) => `task ${p.id} is ${p.status}; a closed task gets no new leader (nothing was assigned)`,
    (p) => `任务 ${p.id} 已“${zhName('task', p.status)}”，已结束的任务不能再指定责任领导（均未指定）`,
  ),
  task_withdrawn: def(
    'conflict',
    { id: 12 },
    (p) => `task ${p.id} was withdrawn by a correction; it takes no comments`,
    (p) => `任务 ${p.id} 已因更正撤回，不能再评论`,
  ),
  task_closed: def(
    'conflict',
    { id: 12, status: 'verified' },
    (p) => `task ${p.id} is ${p.status}; it takes no more evidence`,
    (p) => `任务 ${p.id} 已“${zhName('task', p.status)}”，不能再上传佐证`,
  ),
  task_not_found: def(
    'not_found',
    { id: 12, scoped: true },
    (p) => `no task ${p.id} exists${p.scoped ? ' within your jurisdiction' : ''}`,
    (p) => `${p.scoped ? '您的管辖范围内' : ''}没有任务 ${p.id}`,
  ),
  evidence_empty: def(
    'invalid_input',
    { name: 'photo.jpg' },
    (p) => `${p.name}: the file is empty`,
    (p) => `${p.name}：文件是空的`,
  ),
  evidence_too_large: def(
    'invalid_input',
    { name: 'video.mp4', bytes: 30000000, limit: 20971520 },
    (p) => `${p.name}: ${count(p.bytes)} bytes is over the evidence limit of ${count(p.limit)} bytes`,
    (p) => `${p.name}：${count(p.bytes)} 字节，超过佐证文件上限 ${count(p.limit)} 字节`,
  ),
  evidence_not_found: def(
    'not_found',
    { task: 12, evidence: 3 },
    (p) => `task ${p.task} has no evidence ${p.evidence}`,
    (p) => `任务 ${p.task} 没有佐证 ${p.evidence}`,
  ),
  evidence_bad_digest: def(
    'invalid_input',
    { sha256: 'abc' },
    (p) => `${p.sha256}: not a SHA-256 digest`,
    (p) => `${p.sha256}：不是 SHA-256 摘要`,
  ),
  evidence_hash_mismatch: def(
    'invalid_input',
    { file: 'ab/abcd', actual: 'ef01' },
    (p) => `the evidence file ${p.file} does not match its SHA-256 (its bytes hash to ${p.actual})`,
    (p) => `佐证文件 ${p.file} 与其 SHA-256 不符（实际摘要为 ${p.actual}）`,
  ),
  evidence_missing: def(
    'not_found',
    { file: 'ab/abcd', dir: '/var/outpost/evidence' },
    (p) => `the evidence file ${p.file} is missing from ${p.dir}`,
    (p) => `佐证文件 ${p.file} 不在 ${p.dir} 中`,
  ),
  evidence_corrupt: def(
    'internal',
    { file: 'ab/abcd' },
    (p) => `the evidence file ${p.file} no longer matches its SHA-256`,
    (p) => `佐证文件 ${p.file} 与其 SHA-256 不再相符`,
  ),
  leader_outside_scope: def(
    'forbidden',
    { area: '220200000000', scope: '220100000000' },
    (p) => `area ${p.area} is outside your jurisdiction (${p.scope}); its leader is set there or above`,
    (p) => `地区 ${p.area} 不在您的管辖范围（${p.scope}）内；其责任领导由该地区或上级设置`,
  ),

  // Appeals (申诉).
  appeal_not_found: def(
    'not_found',
    { id: 4, scoped: true },
    (p) => `no appeal ${p.id} exists${p.scoped ? ' within your jurisdiction' : ''}`,
    (p) => `${p.scoped ? '您的管辖范围内' : ''}没有申诉 ${p.id}`,
  ),
  appeal_other_area: def(
    'forbidden',
    { area: '510200000000', scope: '510100000000' },
    (p) => `area: you appeal your own area's score (${p.scope}), not that of ${p.area}`,
    (p) => `area：只能对本地区（${p.scope}）的得分申诉，不能替 ${p.area} 申诉`,
  ),
  appeal_not_ranked: def(
    'invalid_input',
    { area: '510101000000', number: '川公社〔2019〕2号' },
    (p) => `area: ${p.area} is not ranked in ${p.number}; only a ranked area appeals its score there`,
    (p) => `area：${p.area} 不在 ${p.number} 的排名中；只有被排名的地区可以对其得分申诉`,
  ),
  appeal_out_of_time: def(
    'conflict',
    { number: '川公社〔2019〕2号', until: '2019-07-12', today: '2019-07-20' },
    (p) => `${p.number} could be appealed until ${p.until}; today is ${p.today}`,
    (p) => `${p.number} 的申诉期限至 ${p.until}，今天是 ${p.today}，已过申诉期限`,
  ),
  appeal_superseded: def(
    'conflict',
    { number: '川公社〔2019〕2号', superseded_by: '川公社〔2019〕3号' },
    (p) => `${p.number} was superseded by the correction ${p.superseded_by}: appeal the figures of that one`,
    (p) => `${p.number} 已被更正通报 ${p.superseded_by} 取代，请针对更正后的通报提出申诉`,
  ),
  appeal_pending: def(
    'conflict',
    { id: 4, number: '川公社〔2019〕2号' },
    (p) => `appeal ${p.id} against ${p.number} for this area is still pending; add to it rather than appeal again`,
    (p) => `本地区对 ${p.number} 的申诉 ${p.id} 尚待处理，不能重复申诉`,
  ),
  appeal_decide_not_issuer: def(
    'forbidden',
    { issuing: '510000000000', scope: '510100000000' },
    (p) => `only the notifying area ${p.issuing} or above decides an appeal; your account reaches ${p.scope}`,
    (p) => `只有通报地区 ${p.issuing} 或其上级可以处理申诉；您的账号只到 ${p.scope}`,
  ),
  appeal_own_decision: def(
    'forbidden',
    { id: 4 },
    (p) => `appeal ${p.id} was filed by your account; another account decides it`,
    (p) => `申诉 ${p.id} 由您的账号提出，须由另一账号处理`,
  ),
  appeal_decided: def(
    'conflict',
    { id: 4, status: 'upheld', by: 'user:admin' },
    (p) => `appeal ${p.id} was already decided (${p.status}, by ${p.by}); it is decided once`,
    (p) =>
      `申诉 ${p.id} 已由 ${p.by} 处理（${p.status === 'upheld' ? '支持' : p.status === 'rejected' ? '驳回' : p.status}），不能再次处理`,
  ),

  // The residents' survey.
  community_not_found: def(
    'not_found',
    { area: '220102001001' },
    (p) => `no community or village ${p.area} exists`,
    (p) => `没有代码为 ${p.area} 的社区或村`,
  ),
  challenge_foreign: def(
    'forbidden',
    {},
    () => 'the challenge is not one of ours',
    () => '验证题不是本站发出的',
  ),
  challenge_expired: def(
    'forbidden',
    {},
    () => 'the challenge has expired; reload the page',
    () => '验证题已过期，请刷新页面',
  ),
  challenge_used: def(
    'forbidden',
    {},
    () => 'the challenge was already used',
    () => '验证题已使用过',
  ),
  proof_invalid: def(
    'forbidden',
    {},
    () => 'the proof of work does not hold',
    () => '工作量证明不成立',
  ),
  public_rate_limited: def(
    'rate_limited',
    { seconds: 1200 },
    (p) => `too many requests from this network; try again in ${p.seconds} seconds`,
    (p) => `此网络的请求过多，请 ${p.seconds} 秒后再试`,
  ),
  survey_already_answered: def(
    'conflict',
    {},
    () => 'this address has already answered for this community today',
    () => '此地址今天已为这个社区答过卷',
  ),
  answer_one_question: def(
    'invalid_input',
    {},
    () => 'answer at least one question',
    () => '请至少回答一个问题',
  ),
  backdate_needs_province: def(
    'forbidden',
    { scope: '220100000000' },
    (p) =>
      `backdate: only a province-wide account may date a status before today (yours is ${p.scope}); the status is dated today`,
    (p) => `backdate：只有全省范围的账号可以把状态日期提前（您的范围是 ${p.scope}）；状态按今天记录`,
  ),
  backdate_in_future: def(
    'invalid_input',
    { date: '2099-12-31', today: '2019-07-20' },
    (p) => `backdate.date: ${p.date} is after today (${p.today}); a status is never dated ahead`,
    (p) => `backdate.date：${p.date} 晚于今天（${p.today}）；状态日期不能提前到将来`,
  ),
  backdate_before_task: def(
    'invalid_input',
    { date: '2019-06-01', opened: '2019-07-05' },
    (p) => `backdate.date: ${p.date} is before the task was opened (${p.opened})`,
    (p) => `backdate.date：${p.date} 早于任务下发日期（${p.opened}）`,
  ),
  notification_number_taken: def(
    'conflict',
    { number: '吉林市公社〔2026〕1号', area: '220200000000' },
    (p) =>
      `notification number ${p.number} is already held by another notice; ${p.area}'s notice was not issued (give the issuing areas abbreviations of their own in the notification settings)`,
    (p) => `文号 ${p.number} 已被其他通报使用；${p.area} 的通报未印发（请在通报设置中为各印发单位设置互不相同的简称）`,
  ),
  issuer_abbr_taken: def(
    'conflict',
    { abbr: '吉公社', area: '220200000000', other: '220000000000' },
    (p) =>
      `issuers: ${p.area} cannot number as "${p.abbr}": ${p.other} already does, and their notices would share numbers`,
    (p) => `issuers：${p.area} 不能使用简称“${p.abbr}”：${p.other} 已在使用，两者的通报文号会重复`,
  ),
  pattern_needs_abbr_year: def(
    'invalid_input',
    {},
    () => 'the pattern must contain {abbr} and {year}, or two notices could share a number',
    () => '文号格式必须包含 {abbr} 和 {year}，否则不同通报的文号可能重复',
  ),
  pattern_needs_seq: def(
    'invalid_input',
    {},
    () => 'the pattern must contain {seq}',
    () => '文号格式必须包含 {seq}',
  ),
} as const;
