// Realistic OpenClaw configs for the bench, generated deterministically from a seed with the fuzzer's generator.
import { prng } from '../lsp/fuzz-core';

export interface ConfigSpec { agents: number; providers: number; modelsPerProvider: number; browserProfiles: number; seed?: number; basePort?: number; workspace?: string }


const APIS = ['openai-completions', 'openai-responses', 'anthropic-messages', 'google-generative-ai', 'ollama'];
const THINKING = ['off', 'low', 'medium', 'high'];
const SKILLS = ['github', 'weather', 'summarize', 'calendar', 'notion', 'browser', 'shell', 'docs'];

/**
 * A config valid for the schema of openclaw 2026.9.6 (checked against `openclaw config validate` in the run).
 * Plain JSON, because the JSON language service must parse the very same text.
 */
export function generateConfig({ agents, providers, modelsPerProvider, browserProfiles, seed = 1, basePort = 18789, workspace = '~/.openclaw/workspace' }: ConfigSpec): string {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const env = (id: string) => ({ source: 'env', provider: 'default', id });
  // Built as plain data and serialised; its shape is OpenClaw's, checked by the CLI in the run.
  const cfg: any = {
    gateway: { mode: 'local', port: basePort, bind: 'loopback', auth: { mode: 'token', token: env('OPENCLAW_GATEWAY_TOKEN') } },
    browser: { enabled: true, headless: true, defaultProfile: 'work', profiles: {} },
    agents: {
      ownership: 'explicit',
      defaults: { workspace, model: 'anthropic/claude-sonnet-4-5', thinkingDefault: 'low', timeoutSeconds: 600, maxConcurrent: 4, heartbeat: { agentId: 'agent-0' } },
      entries: {},
    },
    channels: {
      telegram: { enabled: true, dmPolicy: 'allowlist', groupPolicy: 'allowlist', allowFrom: [], botToken: env('TELEGRAM_BOT_TOKEN'), historyLimit: 50 },
      discord: { enabled: true, dmPolicy: 'pairing', groupPolicy: 'allowlist', token: env('DISCORD_BOT_TOKEN') },
    },
    models: { mode: 'merge', providers: {} },
    plugins: { enabled: true, entries: {} },
  };
  for (let i = 0; i < browserProfiles; i++) cfg.browser.profiles[i === 0 ? 'work' : `profile-${i}`] = { cdpPort: basePort + 11 + i, headless: r() < 0.5 };
  for (let i = 0; i < 8; i++) cfg.channels.telegram.allowFrom.push(100000 + Math.floor(r() * 900000));
  for (let p = 0; p < providers; p++) {
    const api = pick(APIS);
    const models: unknown[] = [];
    for (let m = 0; m < modelsPerProvider; m++) {
      models.push({
        id: `model-${p}-${m}`, name: `Model ${p}.${m}`, api, reasoning: r() < 0.5, input: r() < 0.5 ? ['text'] : ['text', 'image'],
        cost: { input: Math.round(r() * 300) / 100, output: Math.round(r() * 1500) / 100, cacheRead: 0.3, cacheWrite: 3.75 },
        contextWindow: pick([128000, 200000, 1000000]), maxTokens: pick([8192, 32000, 64000]),
      });
    }
    cfg.models.providers[`provider-${p}`] = { baseUrl: `https://llm-${p}.example.com/v1`, apiKey: env(`PROVIDER_${p}_API_KEY`), api, models };
  }
  for (let a = 0; a < agents; a++) {
    const p = a % Math.max(1, providers);
    cfg.agents.entries[`agent-${a}`] = {
      name: `Agent ${a}`, description: `Handles ${pick(SKILLS)} requests for team ${a % 7}`,
      workspace: `${workspace}-${a}`, model: `provider-${p}/model-${p}-0`, thinkingDefault: pick(THINKING),
      skills: [pick(SKILLS), pick(SKILLS)], identity: { name: `Bot ${a}`, emoji: '🤖' },
    };
  }
  for (const id of ['anthropic', 'openai', 'browser', 'memory-core', 'telegram', 'openrouter']) cfg.plugins.entries[id] = { enabled: true };
  return JSON.stringify(cfg, null, 2) + '\n';
}

export const DOCS: Record<string, ConfigSpec> = {
  '300-line': { agents: 4, providers: 3, modelsPerProvider: 2, browserProfiles: 4, seed: 1 },
  '5,000-line': { agents: 80, providers: 16, modelsPerProvider: 12, browserProfiles: 30, seed: 2 },
};

// "After an edit": every run checks a text that differs from the previous one, as when typing.
export function editedVariants(text: string): string[] {
  return [text, text.replace('"timeoutSeconds": 600', '"timeoutSeconds": 601')];
}
