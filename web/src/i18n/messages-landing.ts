/**
 * The strings of completeness and timeliness, each role's landing, small samples and the audit
 * log page, in both languages; spread into the two dictionaries (messages-zh.ts,
 * messages-en.ts), whose types keep them complete.
 */
export const landingZh = {
  'scheme.err.sample': '最小样本量应大于 0（留空表示不设）。',
};

export const landingEn: Record<keyof typeof landingZh, string> = {
  'scheme.err.sample': 'A minimum sample is above 0 (leave it empty for none).',
};
