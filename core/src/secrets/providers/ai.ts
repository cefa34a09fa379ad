import type { SecretProvider } from '../provider';
import { ALNUM, ASSIGN, B64URL, HEX, LETTERS, LOWER, mixedCase, plausible, rnd, word, words } from './util';

/**
 * A prefix-less key on a line that names the provider: `cohere`/`mistral` anywhere before the value
 * on the same line (`new CohereClient({ token: "…" })`, `MISTRAL_API_KEY=…`).
 */
function sameLine(name: string, value: string): RegExp {
  return new RegExp(`${name}[^\\n]{0,80}?['"\`=:\\s](?<secret>${value})(?![\\w-])`, 'g');
}

/** Hugging Face tokens are 34 random letters; a camelCase identifier that long has far fewer capitals. */
function randomLetters(s: string): boolean {
  const body = s.replace(/^(?:hf|api_org)_/, '');
  return (body.match(/[A-Z]/g) ?? []).length >= 8 && (body.match(/[a-z]/g) ?? []).length >= 8;
}

export const ai: readonly SecretProvider[] = [
  {
    id: 'openai-api-key',
    name: 'OpenAI API key',
    envName: 'OPENAI_API_KEY',
    keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'sk-none-', 't3blbkfj'],
    // Project, service-account and admin keys have their own prefix; legacy user keys are `sk-` +
    // 20 + `T3BlbkFJ` (base64 of "OpenAI") + 20, and only that marker tells them from other `sk-` keys.
    pattern: /(?<![\w-])sk-(?:(?:proj|svcacct|admin|None)-[\w-]{40,250}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![\w-])/g,
    minEntropy: 4,
    validate: mixedCase,
    tps: [
      `OPENAI_API_KEY=${'sk-proj-' + rnd(B64URL, 74, 'oa-1') + 'T3Blbk' + 'FJ' + rnd(B64URL, 74, 'oa-2')}`,
      `const openai = new OpenAI({ apiKey: "${'sk-' + rnd(ALNUM, 20, 'oa-3') + 'T3Blbk' + 'FJ' + rnd(ALNUM, 20, 'oa-4')}" });`,
      `OPENAI_ADMIN_KEY=${'sk-admin-' + rnd(B64URL, 58, 'oa-5') + 'T3Blbk' + 'FJ' + rnd(B64URL, 58, 'oa-6')}`,
    ],
    fps: [
      'OPENAI_API_KEY=sk-proj-...',
      `OPENAI_API_KEY=sk-proj-${'x'.repeat(63)}`,
      `const key = 'sk-${rnd(ALNUM, 48, 'oa-7')}'; // no OpenAI marker`,
      `OPENAI_API_KEY=sk-proj-${rnd(ALNUM, 12, 'oa-8')}`,
    ],
  },
  {
    id: 'anthropic-api-key',
    name: 'Anthropic API key',
    envName: 'ANTHROPIC_API_KEY',
    keywords: ['sk-ant-api03-'],
    pattern: /(?<![\w-])sk-ant-api03-[\w-]{93}AA(?![\w-])/g,
    minEntropy: 4,
    tps: [
      `ANTHROPIC_API_KEY=${'sk-ant-api03-' + rnd(B64URL, 93, 'an-1') + 'AA'}`,
      `const anthropic = new Anthropic({ apiKey: '${'sk-ant-api03-' + rnd(B64URL, 93, 'an-2') + 'AA'}' });`,
    ],
    fps: ['ANTHROPIC_API_KEY=sk-ant-api03-...', `ANTHROPIC_API_KEY=sk-ant-api03-${rnd(B64URL, 40, 'an-3')}AA`],
  },
  {
    id: 'anthropic-admin-key',
    name: 'Anthropic admin API key',
    envName: 'ANTHROPIC_ADMIN_KEY',
    keywords: ['sk-ant-admin01-'],
    pattern: /(?<![\w-])sk-ant-admin01-[\w-]{93}AA(?![\w-])/g,
    minEntropy: 4,
    tps: [
      `ANTHROPIC_ADMIN_KEY=${'sk-ant-admin01-' + rnd(B64URL, 93, 'ana-1') + 'AA'}`,
      `headers: { 'x-api-key': '${'sk-ant-admin01-' + rnd(B64URL, 93, 'ana-2') + 'AA'}' }`,
    ],
    fps: ['ANTHROPIC_ADMIN_KEY=sk-ant-admin01-<key>', `ANTHROPIC_ADMIN_KEY=sk-ant-admin01-${'x'.repeat(95)}`],
  },
  {
    id: 'huggingface-token',
    name: 'Hugging Face access token',
    envName: 'HF_TOKEN',
    keywords: ['hf_', 'api_org_'],
    pattern: /(?<![\w-])(?:hf|api_org)_[A-Za-z]{34}(?![\w-])/g,
    minEntropy: 4,
    validate: randomLetters,
    tps: [`HF_TOKEN=${'hf_' + rnd(LETTERS, 34, 'hf-1')}`, `login(token="${'hf_' + rnd(LETTERS, 34, 'hf-2')}")`],
    fps: [
      'const 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 = load();',
      `HF_TOKEN=hf_${'x'.repeat(34)}`,
      `HF_TOKEN=hf_${rnd(LOWER, 34, 'hf-3')}`,
    ],
  },
  {
    id: 'replicate-api-token',
    name: 'Replicate API token',
    envName: 'REPLICATE_API_TOKEN',
    keywords: ['r8_'],
    pattern: /(?<![\w-])r8_[A-Za-z0-9]{37,40}(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`REPLICATE_API_TOKEN=${'r8_' + rnd(ALNUM, 37, 'r8-1')}`, `const replicate = new Replicate({ auth: "${'r8_' + rnd(ALNUM, 37, 'r8-2')}" });`],
    fps: ['REPLICATE_API_TOKEN=r8_**********', `const r8_register = 0x${rnd(HEX, 8, 'r8-3')};`],
  },
  {
    id: 'groq-api-key',
    name: 'Groq API key',
    envName: 'GROQ_API_KEY',
    keywords: ['gsk_'],
    pattern: /(?<![\w-])gsk_[A-Za-z0-9]{52}(?![\w-])/g,
    minEntropy: 4,
    validate: plausible,
    tps: [`GROQ_API_KEY=${'gsk_' + rnd(ALNUM, 20, 'gq-1') + 'WGdyb3FY' + rnd(ALNUM, 24, 'gq-2')}`, `const groq = new Groq({ apiKey: '${'gsk_' + rnd(ALNUM, 52, 'gq-3')}' });`],
    fps: ['GROQ_API_KEY=gsk_...', `GROQ_API_KEY=gsk_${rnd(ALNUM, 30, 'gq-4')}`],
  },
  {
    id: 'perplexity-api-key',
    name: 'Perplexity API key',
    envName: 'PERPLEXITY_API_KEY',
    keywords: ['pplx-'],
    pattern: /(?<![\w-])pplx-[A-Za-z0-9]{48,56}(?![\w-])/g,
    minEntropy: 3.5,
    validate: plausible,
    tps: [`PERPLEXITY_API_KEY=${'pplx-' + rnd(ALNUM, 48, 'px-1')}`, `headers: { Authorization: 'Bearer ${'pplx-' + rnd(HEX, 48, 'px-2')}' }`],
    fps: [`PERPLEXITY_API_KEY=pplx-${'x'.repeat(8)}`, `model: 'pplx-70b-online'`],
  },
  {
    id: 'xai-api-key',
    name: 'xAI (Grok) API key',
    envName: 'XAI_API_KEY',
    keywords: ['xai-'],
    pattern: /(?<![\w-])xai-[A-Za-z0-9]{80}(?![\w-])/g,
    minEntropy: 4,
    validate: plausible,
    tps: [`XAI_API_KEY=${'xai-' + rnd(ALNUM, 80, 'xai-1')}`, `const client = new OpenAI({ baseURL: 'https://api.x.ai/v1', apiKey: "${'xai-' + rnd(ALNUM, 80, 'xai-2')}" });`],
    fps: ['XAI_API_KEY=xai-...', `const model = 'xai-grok-2-latest';`],
  },
  {
    id: 'openrouter-api-key',
    name: 'OpenRouter API key',
    envName: 'OPENROUTER_API_KEY',
    keywords: ['sk-or-v1-'],
    pattern: /(?<![\w-])sk-or-v1-[a-f0-9]{64}(?![\w-])/g,
    minEntropy: 3,
    tps: [`OPENROUTER_API_KEY=${'sk-or-v1-' + rnd(HEX, 64, 'or-1')}`, `apiKey: "${'sk-or-v1-' + rnd(HEX, 64, 'or-2')}",`],
    fps: ['OPENROUTER_API_KEY=sk-or-v1-<key>', `OPENROUTER_API_KEY=sk-or-v1-${'0'.repeat(64)}`],
  },
  {
    id: 'cohere-api-key',
    name: 'Cohere API key',
    envName: 'CO_API_KEY',
    keywords: ['cohere', 'co_api_key'],
    // 40 mixed-case alphanumerics and no prefix: the line must mention cohere (or CO_API_KEY). Mixed
    // case keeps 40-hex-digit git SHAs on such a line out.
    pattern: sameLine(`(?:${words('cohere')}|CO_API_KEY)`, '[A-Za-z0-9]{40}'),
    minEntropy: 4,
    validate: mixedCase,
    tps: [`CO_API_KEY=${rnd(ALNUM, 40, 'co-1')}`, `const cohere = new CohereClient({ token: "${rnd(ALNUM, 40, 'co-2')}" });`],
    fps: [`cohere_model_revision = "${rnd(HEX, 40, 'co-3')}"`, 'const cohere = new CohereClient({ token: process.env.CO_API_KEY });'],
  },
  {
    id: 'mistral-api-key',
    name: 'Mistral AI API key',
    envName: 'MISTRAL_API_KEY',
    keywords: ['mistral'],
    pattern: sameLine(words('mistral'), '[A-Za-z0-9]{32}'),
    minEntropy: 4,
    validate: mixedCase,
    tps: [`MISTRAL_API_KEY=${rnd(ALNUM, 32, 'mi-1')}`, `const client = new Mistral({ apiKey: '${rnd(ALNUM, 32, 'mi-2')}' });`],
    fps: [`MISTRAL_MODEL_ID=${rnd(HEX, 32, 'mi-3')}`, `model: 'mistral-large-latest', apiKey: process.env.MISTRAL_API_KEY`],
  },
  {
    id: 'deepgram-api-key',
    name: 'Deepgram API key',
    envName: 'DEEPGRAM_API_KEY',
    keywords: ['deepgram'],
    pattern: new RegExp(`${word('deepgram')}[\\w.-]{0,20}?(?:key|Key|KEY|token|Token|TOKEN|secret|Secret|SECRET)${ASSIGN}(?<secret>[a-f0-9]{40})(?![\\w-])`, 'g'),
    minEntropy: 3,
    validate: plausible,
    tps: [`DEEPGRAM_API_KEY=${rnd(HEX, 40, 'dg-1')}`, `deepgram:\n  deepgramApiKey: "${rnd(HEX, 40, 'dg-2')}"`],
    fps: [`DEEPGRAM_PROJECT_ID=${rnd(HEX, 40, 'dg-3')}`, 'DEEPGRAM_API_KEY=${DEEPGRAM_API_KEY}'],
  },
];
