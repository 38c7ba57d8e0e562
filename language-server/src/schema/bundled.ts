// The bundled schema: a hand-written zod 4 description of the OpenClaw config file as of openclaw 2026.9.6, used when
// no OpenClaw CLI is installed to print its own schema (`openclaw config schema`).
//
// Facts (key names, types, enums, ranges, defaults and what each field means) were read from the installed
// openclaw@2026.9.6 package (its compiled src/config/zod-schema*.ts, the schema help/label tables and the gateway
// config docs) and cross-checked against the openclaw/openclaw repository. The code and the wording are our own.
//
// Scope:
// - The root is strict (unknown keys are errors) and has exactly the 44 top-level keys of 2026.9.6. Retired keys such
//   as `canvasHost` and `browser.controlPort` are therefore rejected as unknown keys, as the CLI does.
// - `gateway`, `browser` and `agents` are modelled field by field and are strict wherever OpenClaw is strict
//   (`gateway.tls` is the one non-strict object there: OpenClaw silently drops unknown keys in it).
// - Every other section only gets its outer type right (object, record, array, string, boolean) and accepts any content.
// - Single-field checks (ranges, patterns, "must not be blank") are here. Rules that relate two or more fields (a browser
//   profile needs cdpPort or cdpUrl, a roster of several agents needs agents.ownership "explicit", allow + alsoAllow in
//   one tool policy, ...) are not: they are checked in src/validate.
// - Hover metadata (title, description, and a default where OpenClaw documents one) sits on the outermost schema of
//   each field via `.meta()`. Defaults are documentation only: nothing here injects or rewrites values (no `.default()`,
//   no `.trim()`, no transforms), so a parse returns exactly what the file says.
import { z } from 'zod';

/** The OpenClaw release this schema describes. */
export const BUNDLED_SCHEMA_VERSION = '2026.9.6';

// ---------------------------------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------------------------------

/** An optional field with its hover metadata on the outermost (optional) schema. */
function opt<T extends z.ZodType>(schema: T, title: string, description: string, defaultValue?: unknown) {
  const meta: z.GlobalMeta = { title, description };
  if (defaultValue !== undefined) meta.default = defaultValue;
  return schema.optional().meta(meta);
}

/** A field that must be present when its parent object is, with hover metadata. */
function req<T extends z.ZodType>(schema: T, title: string, description: string) {
  return schema.meta({ title, description });
}

const posInt = () => z.number().int().positive();
const nonNegInt = () => z.number().int().nonnegative();
const portNumber = () => z.number().int().min(1).max(65535);
const stringList = () => z.array(z.string());

/** A string that must contain something other than whitespace (OpenClaw trims, then requires length >= 1). */
const nonBlank = (what = 'value') =>
  z
    .string()
    .min(1, { abort: true })
    .refine((v) => v.trim().length > 0, `${what} must not be blank`);

/** A string whose trimmed length lies in [min, max]; the value itself is left untouched. */
const trimmedLength = (min: number, max: number, what = 'value') =>
  z.string().min(min, { abort: true }).refine((v) => {
    const n = v.trim().length;
    return n >= min && n <= max;
  }, `${what} must be ${min}-${max} characters after trimming`);

const THINKING_LEVELS = ['off', 'minimal', 'low', 'medium', 'high', 'xhigh', 'adaptive', 'max', 'ultra'] as const;

/** Agent ids as OpenClaw accepts them for agents.entries keys. */
const AGENT_ENTRY_KEY = /^[a-z0-9_][a-z0-9_-]{0,63}$/i;
/** Agent ids as OpenClaw validates them in role definitions. */
const AGENT_ID = /^[a-z0-9][a-z0-9_-]{0,63}$/i;

/** Byte sizes: a plain number of bytes or a string such as "512kb", "20mb", "1gb". */
const BYTE_SIZE_STRING = /^\s*\d+(?:\.\d+)?\s*(?:b|kb|k|mb|m|gb|g|tb|t)?\s*$/i;
const ByteSize = () =>
  z.union([
    nonNegInt(),
    z.string().regex(BYTE_SIZE_STRING, 'Expected a byte size such as 512kb, 20mb or 1gb'),
  ]);

/** Durations: "30m", "2h", "1h30m", "500ms"; a bare number uses the field's default unit. */
const DURATION = /^\s*(?:\d+(?:\.\d+)?(?:ms|s|m|h|d)?|(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+)\s*$/i;

// ---------------------------------------------------------------------------------------------------------------------
// Secrets: a plain string or a SecretRef {source, provider, id}
// ---------------------------------------------------------------------------------------------------------------------

const SECRET_PROVIDER_ALIAS = /^[a-z][a-z0-9_-]{0,63}$/;
const ENV_VAR_NAME = /^[A-Z][A-Z0-9_]{0,127}$/;
export const FILE_SECRET_POINTER = /^(?:value|(?:\/(?:[^~/]|~[01])*)+)$/;
const EXEC_SECRET_ID = /^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,255}$/;

const secretProvider = () =>
  req(
    z.string().regex(SECRET_PROVIDER_ALIAS, 'Secret provider alias must match ^[a-z][a-z0-9_-]{0,63}$ (e.g. "default")'),
    'Secret Provider',
    'Alias of the secret provider to ask (a key of secrets.providers, or "default" for the built-in one).',
  );

const secretSource = <S extends 'env' | 'file' | 'exec' | 'store'>(source: S, description: string) =>
  req(z.literal(source), 'Secret Source', description);

const EnvSecretRef = z.strictObject({
  source: secretSource('env', 'Read the secret from an environment variable.'),
  provider: secretProvider(),
  id: req(
    z.string().regex(ENV_VAR_NAME, 'Env secret id must be an upper-case variable name such as "OPENAI_API_KEY"'),
    'Environment Variable',
    'Name of the environment variable that holds the secret (upper case, e.g. OPENCLAW_GATEWAY_TOKEN).',
  ),
});

const FileSecretRef = z.strictObject({
  source: secretSource('file', 'Read the secret from a file-backed secret provider.'),
  provider: secretProvider(),
  id: req(
    z.string().regex(FILE_SECRET_POINTER, 'File secret id must be an absolute JSON pointer such as "/gateway/token", or "value"'),
    'Secret Pointer',
    'Absolute JSON pointer into the provider file (e.g. "/gateway/token"), or "value" for a single-value file.',
  ),
});

const ExecSecretRef = z.strictObject({
  source: secretSource('exec', 'Obtain the secret by running the command of an exec secret provider.'),
  provider: secretProvider(),
  id: req(
    z
      .string()
      .regex(EXEC_SECRET_ID, 'Exec secret id must match ^[A-Za-z0-9][A-Za-z0-9._:/#-]{0,255}$')
      .refine((v) => v.split('/').every((s) => s !== '.' && s !== '..'), 'Exec secret id must not contain "." or ".." segments'),
    'Secret Id',
    'Identifier passed to the exec provider to select the secret.',
  ),
});

const StoreSecretRef = z.strictObject({
  source: secretSource('store', 'Read the secret from the OpenClaw secret store.'),
  provider: secretProvider(),
  id: req(
    z.string().regex(ENV_VAR_NAME, 'Store secret id must be an upper-case name such as "OPENAI_API_KEY"'),
    'Stored Secret Name',
    'Name of the stored secret (upper case, e.g. OPENAI_API_KEY).',
  ),
});

const SecretRef = z
  .discriminatedUnion('source', [EnvSecretRef, FileSecretRef, ExecSecretRef, StoreSecretRef])
  .meta({
    title: 'SecretRef',
    description: 'Reference to a secret resolved at runtime instead of storing it inline: {source: env|file|exec|store, provider, id}.',
  });

/** A secret written inline as a string, or a SecretRef. */
const SecretInput = () => z.union([z.string(), SecretRef]);

// ---------------------------------------------------------------------------------------------------------------------
// gateway
// ---------------------------------------------------------------------------------------------------------------------

const OPERATOR_SCOPES = [
  'operator.admin',
  'operator.read',
  'operator.write',
  'operator.sessions.read',
  'operator.sessions.write',
  'operator.approvals',
  'operator.questions',
  'operator.pairing',
  'operator.talk',
  'operator.talk.secrets',
] as const;
const OperatorScope = z.enum(OPERATOR_SCOPES);

const LOOPBACK_HTTP_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** A bare origin (no path, query, fragment or credentials); HTTPS, or HTTP on a loopback host. */
function isGatewayPublicOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!bare) return false;
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HTTP_HOSTS.has(url.hostname));
}

/** A bare DNS suffix (at least two labels, not an IP address) under which random portal host names can live. */
function isPortalIngressDomain(domain: string): boolean {
  if (domain.length === 0 || domain.length > 220 || !domain.includes('.')) return false;
  const labels = domain.split('.');
  const isIpv4 = labels.length === 4 && labels.every((l) => /^\d{1,3}$/.test(l) && Number(l) <= 255);
  if (isIpv4) return false;
  return labels.every((l) => /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i.test(l));
}

const GatewayPortalsSchema = z.strictObject({
  ingress: opt(
    z.strictObject({
      domain: req(
        z.string().refine(isPortalIngressDomain, 'Portal ingress domain must be a bare DNS domain'),
        'Portal Wildcard Domain',
        'Bare DNS domain under which random portal subdomains are created (e.g. previews.example.net). Needs wildcard DNS and HTTPS; keep it apart from the Gateway and Control UI host names.',
      ),
      port: req(
        portNumber(),
        'Portal Ingress Loopback Port',
        'Loopback HTTP port the private wildcard HTTPS proxy forwards to. It is the backend port, not the public one, and must differ from gateway.port.',
      ),
    }),
    'Private Portal Ingress',
    'Operator-run private HTTPS wildcard reverse proxy for portals. Forward the original Host, paths and WebSocket upgrades to the dedicated loopback listener; portal bearer auth still applies. Changing it needs a Gateway restart.',
  ),
});

const CONTROL_UI_ENVIRONMENT_COLORS = ['teal', 'amber', 'purple', 'coral', 'pink', 'blue', 'green', 'red', 'gray'] as const;

const GatewayControlUiSchema = z.strictObject({
  dangerouslyDisableDeviceAuth: opt(
    z.boolean(),
    'Disable Device Auth (Deprecated)',
    'Deprecated break-glass flag kept only so older configs can be migrated; `openclaw doctor` removes it. Do not set it.',
  ),
  enabled: opt(
    z.boolean(),
    'Control UI Enabled',
    'Serve the Control UI from the Gateway HTTP listener. Turn off when another control surface replaces it.',
    true,
  ),
  basePath: opt(z.string(), 'Control UI Base Path', 'URL prefix under which the Control UI is served (e.g. "/openclaw").'),
  experimental: opt(
    z.strictObject({
      customPlugins: opt(
        z.boolean(),
        'Custom Plugin UI',
        'Let user-installed plugins run native JavaScript inside the Control UI with the signed-in operator\'s permissions. Bundled plugin views work without it; enable only for trusted plugins.',
        false,
      ),
    }),
    'Experimental Control UI Features',
    'Opt-in Control UI experiments; they may change between releases and stay off unless enabled.',
  ),
  root: opt(z.string(), 'Control UI Assets Root', 'Filesystem directory to serve the Control UI assets from (defaults to the bundled dist/control-ui).'),
  environment: opt(
    z.strictObject({
      label: req(
        trimmedLength(1, 24, 'Control UI environment label'),
        'Control UI Environment Label',
        'Short environment name shown in the Control UI and the browser tab (1-24 characters after trimming).',
      ),
      color: req(
        z.enum(CONTROL_UI_ENVIRONMENT_COLORS),
        'Control UI Environment Color',
        'Named color used for the environment stripe, label and favicon.',
      ),
    }),
    'Control UI Environment',
    'Visible identity (label and color) that tells this Gateway\'s Control UI apart from others, e.g. "staging". Omit for the default look.',
  ),
  communityInvite: opt(
    z.boolean(),
    'Control UI Community Invitation',
    'Show the Discord community invitation in this Gateway\'s Control UI. Set false to hide it for every browser.',
    true,
  ),
  github: opt(
    z.strictObject({
      token: opt(
        SecretInput(),
        'Control UI GitHub Service Credential',
        'GitHub credential (string or SecretRef) used only for Control UI project discovery and GitHub hover previews. When unset, GH_TOKEN/GITHUB_TOKEN from the Gateway environment is used.',
      ),
    }),
    'Control UI GitHub',
    'GitHub access used by the Control UI itself.',
  ),
  sessionObserver: opt(
    z.boolean(),
    'Control UI Session Observer',
    'Produce live session status digests with each agent\'s utility model for subscribed Control UI clients. Set false to stop these model calls Gateway-wide.',
    true,
  ),
  embedSandbox: opt(
    z.enum(['strict', 'scripts', 'trusted']),
    'Control UI Embed Sandbox Mode',
    'Iframe sandbox for hosted Control UI embeds: "strict" runs no scripts, "scripts" allows scripts with origin isolation, "trusted" also grants same-origin privileges.',
    'scripts',
  ),
  allowExternalEmbedUrls: opt(
    z.boolean(),
    'Allow External Control UI Embed URLs',
    'DANGEROUS: let hosted embeds load absolute external http(s) URLs. Hosted canvas and a2ui content does not need it.',
    false,
  ),
  automaticallyFetchFavicons: opt(
    z.boolean(),
    'Automatically Fetch Link Favicons',
    'Fetch link favicons and page previews through the Gateway (with SSRF checks and without browser cookies). Set false to disable both.',
    true,
  ),
  allowedOrigins: opt(
    stringList(),
    'Control UI Allowed Origins',
    'Browser origins allowed to open Control UI/WebChat WebSocket connections, as full origins (e.g. https://control.example.com). Needed for non-loopback deployments; avoid ["*"].',
  ),
  dangerouslyAllowHostHeaderOriginFallback: opt(
    z.boolean(),
    'Dangerously Allow Host-Header Origin Fallback',
    'DANGEROUS: accept WebSocket origins based on the Host header when allowedOrigins does not decide. Prefer an explicit allowedOrigins list.',
  ),
});

const GatewayAuthRateLimitSchema = z.strictObject({
  maxAttempts: opt(z.number(), 'Max Failed Attempts', 'Failed authentication attempts allowed per IP within the window before it is locked out.', 10),
  windowMs: opt(z.number(), 'Rate-limit Window (ms)', 'Length of the sliding window, in milliseconds, over which failed attempts are counted.', 60000),
  lockoutMs: opt(z.number(), 'Lockout Duration (ms)', 'How long, in milliseconds, an IP stays blocked after exceeding the limit.', 300000),
  exemptLoopback: opt(z.boolean(), 'Exempt Loopback', 'Do not rate-limit failed attempts from localhost/loopback addresses.', true),
});

const GatewayTrustedProxyAuthSchema = z.strictObject({
  userHeader: req(
    z.string().min(1, 'userHeader is required for trusted-proxy mode'),
    'Trusted Proxy User Header',
    'Header carrying the authenticated user identity set by the proxy (e.g. "x-forwarded-user", "x-pomerium-claim-email"). Required.',
  ),
  requiredHeaders: opt(
    stringList(),
    'Trusted Proxy Required Headers',
    'Headers that must be present for a request to be trusted, to prove it came through the proxy (e.g. ["x-forwarded-proto"]).',
  ),
  allowUsers: opt(
    stringList(),
    'Trusted Proxy Allowed Users',
    'Identities allowed through. Empty or unset lets every user the proxy authenticated in.',
  ),
  allowLoopback: opt(
    z.boolean(),
    'Trusted Proxy Allow Loopback',
    'Accept loopback proxy sources (127.0.0.1, ::1). Enable only when a same-host reverse proxy is the trust boundary and direct access is otherwise locked down.',
    false,
  ),
  cloudflareAccessOidc: opt(
    z.strictObject({
      issuer: req(
        z
          .string()
          .regex(
            /^https:\/\/[a-z0-9](?:[a-z0-9.-]*[a-z0-9])?\.cloudflareaccess\.com$/u,
            'Expected a Cloudflare Access HTTPS issuer origin without a trailing slash',
          ),
        'Cloudflare Access Issuer',
        'Exact HTTPS origin of the trusted Cloudflare Access team (e.g. https://example.cloudflareaccess.com), no trailing slash.',
      ),
      providerId: req(
        nonBlank('providerId'),
        'Cloudflare Access OIDC Provider ID',
        'Exact Access identity-provider ID of the trusted OIDC integration (not its display name).',
      ),
      githubAccountIdClaim: req(
        nonBlank('githubAccountIdClaim'),
        'GitHub Account ID Claim',
        'Forwarded OIDC claim whose value is the verified numeric GitHub account ID (as a decimal string).',
      ),
    }),
    'Cloudflare Access OIDC GitHub Identity',
    'Take a verified GitHub identity from one trusted Cloudflare Access OIDC provider.',
  ),
  deviceAutoApprove: opt(
    z.strictObject({
      enabled: opt(
        z.boolean(),
        'Trusted Proxy Device Auto-Approval Enabled',
        'Automatically approve new browser/native UI operator devices and same-key scope upgrades once the proxy has authenticated an allowed user.',
        false,
      ),
      scopes: opt(
        z.array(z.string().min(1)),
        'Trusted Proxy Device Auto-Approval Scopes',
        'Upper bound of scopes granted to auto-approved devices (default: operator.read, operator.write, operator.approvals, operator.questions). Listing operator.admin grants full admin to every proxy user.',
      ),
    }),
    'Trusted Proxy Device Auto-Approval',
    'Policy for approving operator devices automatically after trusted-proxy authentication.',
  ),
});

const GatewayAuthSchema = z.strictObject({
  mode: opt(
    z.enum(['none', 'token', 'password', 'trusted-proxy']),
    'Gateway Auth Mode',
    'How clients authenticate: "none", "token" (gateway.auth.token), "password" (gateway.auth.password) or "trusted-proxy" (identity headers from a reverse proxy). Clients may send the shared secret in either connect field.',
  ),
  token: opt(
    SecretInput(),
    'Gateway Token',
    'Shared secret used when auth mode is "token" (the default of new local onboarding): a string or a SecretRef. Non-loopback binds need an auth mode that is enabled.',
  ),
  password: opt(
    SecretInput(),
    'Gateway Password',
    'Shared secret used when auth mode is "password": a string or a SecretRef. Tailscale Funnel requires password mode.',
  ),
  allowTailscale: opt(
    z.boolean(),
    'Gateway Auth Allow Tailscale Identity',
    'Let verified Tailscale identity headers satisfy Gateway auth when Tailscale serve is used.',
  ),
  identityScopes: opt(
    z.record(z.string().min(1), z.array(OperatorScope)),
    'Gateway Identity Scope Grants',
    'Operator scopes granted to verified trusted-proxy or Tailscale identities, keyed by identity (email keys match case-insensitively).',
  ),
  rateLimit: opt(
    GatewayAuthRateLimitSchema,
    'Gateway Auth Rate Limit',
    'Throttling of failed authentication attempts to slow down credential guessing.',
  ),
  trustedProxy: opt(
    GatewayTrustedProxyAuthSchema,
    'Gateway Trusted Proxy Auth',
    'Settings for auth mode "trusted-proxy": which proxy headers carry the user identity and who is allowed.',
  ),
});

const GatewayRoleNameSchema = () => trimmedLength(1, 128, 'Role name');

const GatewayRoleDefinitionSchema = z
  .strictObject({
    sessions: req(
      z.strictObject({
        others: req(
          z.enum(['none', 'view', 'suggest', 'write']),
          'Operator Role Access to Other Sessions',
          'Access to sessions created by other people: "none" hides them, "view" reads, "suggest" may suggest, "write" participates.',
        ),
      }),
      'Operator Role Session Access',
      'What this role may do with sessions started by other authenticated people; own sessions stay accessible.',
    ),
    sandbox: opt(
      z.enum(['inherit', 'required']),
      'Operator Role Sandbox Isolation',
      'Isolation of sessions this role creates: "inherit" follows the agent\'s sandbox policy, "required" always sandboxes and fails closed without a backend.',
      'inherit',
    ),
    agents: req(
      z.union([
        z.literal('*'),
        z.array(z.string().min(1, { abort: true }).refine((v) => AGENT_ID.test(v.trim()), 'Invalid agent id')),
      ]),
      'Operator Role Allowed Agents',
      'Agents this role may start sessions and runs with: "*" for all, a list of agent ids, or [] for none.',
    ),
    scopes: req(
      z.array(OperatorScope),
      'Operator Role Scope Ceiling',
      'Maximum operator scopes for connections of this role; requested and granted scopes are intersected with it.',
    ),
    accessPolicyPlugin: opt(
      trimmedLength(1, 128, 'accessPolicyPlugin'),
      'Operator Role Access Policy Plugin',
      'Exact id of a plugin whose access policy must also authorize this role; access is denied while it is missing or failing.',
    ),
  })
  .meta({
    title: 'Operator Role Definition',
    description: 'One named operator role: session sharing, sandbox requirement, allowed agents and scope ceiling.',
  });

const GatewayRolesSchema = z.strictObject({
  default: req(
    GatewayRoleNameSchema(),
    'Default Operator Role',
    'Role given to authenticated profiles without a valid explicit assignment. Must name one of the definitions.',
  ),
  definitions: req(
    z
      .record(GatewayRoleNameSchema(), GatewayRoleDefinitionSchema)
      .refine((d) => Object.keys(d).length > 0, 'gateway.roles.definitions must contain at least one role definition'),
    'Operator Role Definitions',
    'Role definitions keyed by administrator-chosen role names; at least one is required.',
  ),
});

const GatewayRemoteSchema = z.strictObject({
  url: opt(z.string(), 'Remote Gateway URL', 'WebSocket URL of the remote Gateway (ws:// or wss://).'),
  transport: opt(
    z.enum(['ssh', 'direct']),
    'Remote Gateway Transport',
    'How to reach the remote Gateway: "direct" connects to the URL, "ssh" tunnels the Gateway port over SSH.',
  ),
  remotePort: opt(portNumber(), 'Remote Gateway Port', 'Gateway port on the remote host (used by the SSH tunnel).'),
  token: opt(
    SecretInput(),
    'Remote Gateway Token',
    'Shared secret this client sends in the token field to the remote Gateway (string or SecretRef).',
  ),
  password: opt(
    SecretInput(),
    'Remote Gateway Password',
    'Shared secret this client sends in the password field to the remote Gateway (string or SecretRef).',
  ),
  edgeAuth: opt(
    z.record(z.string(), SecretInput()),
    'Remote Gateway Edge Auth Headers',
    'Secret-backed HTTP headers for an identity-aware proxy in front of the remote Gateway; sent only to the exact gateway.remote.url origin over WSS.',
  ),
  tlsFingerprint: opt(z.string(), 'Remote Gateway TLS Fingerprint', 'Expected SHA-256 TLS certificate fingerprint of the remote Gateway (pinning against MITM).'),
  sshTarget: opt(z.string(), 'Remote Gateway SSH Target', 'SSH destination for the tunnel, as user@host or user@host:port.'),
  sshIdentity: opt(z.string(), 'Remote Gateway SSH Identity', 'SSH identity file passed to ssh -i.'),
  sshHostKeyPolicy: opt(
    z.enum(['strict', 'openssh']),
    'Remote Gateway SSH Host-Key Policy',
    'macOS SSH host-key policy: "strict" needs an already trusted host key, "openssh" defers to the effective OpenSSH configuration.',
  ),
});

interface UrlFetchDefaults { allowUrl?: boolean; maxBytes?: number; maxRedirects?: number; timeoutMs?: number }

/** Limits for server-side URL fetches of files/images in the OpenAI-compatible HTTP endpoints. */
function urlFetchLimitsShape(what: string, defaults: UrlFetchDefaults = {}) {
  const What = what[0].toUpperCase() + what.slice(1);
  return {
    allowUrl: opt(z.boolean(), `Allow ${What} URLs`, `Let the Gateway fetch ${what} inputs given by URL (data URIs always work).`, defaults.allowUrl),
    urlAllowlist: opt(
      stringList(),
      `${What} URL Allowlist`,
      `Host names ${what} URLs may point to: exact hosts or *.example.com wildcards. Empty or unset means no host restriction.`,
    ),
    allowedMimes: opt(stringList(), `${What} MIME Allowlist`, `MIME types accepted for ${what} inputs (case-insensitive).`),
    maxBytes: opt(posInt(), `${What} Max Bytes`, `Largest fetched or decoded ${what} input, in bytes.`, defaults.maxBytes),
    maxRedirects: opt(nonNegInt(), `${What} Max Redirects`, `HTTP redirects followed when fetching ${what} URLs.`, defaults.maxRedirects),
    timeoutMs: opt(posInt(), `${What} Fetch Timeout (ms)`, `Timeout in milliseconds for fetching ${what} URLs.`, defaults.timeoutMs),
  };
}

const GatewayHttpSchema = z.strictObject({
  endpoints: opt(
    z.strictObject({
      chatCompletions: opt(
        z.strictObject({
          enabled: opt(
            z.boolean(),
            'OpenAI Chat Completions Endpoint',
            'Serve the OpenAI-compatible POST /v1/chat/completions endpoint.',
            false,
          ),
          images: opt(
            z.strictObject(urlFetchLimitsShape('image', { allowUrl: false, maxBytes: 10485760, maxRedirects: 3, timeoutMs: 10000 })),
            'OpenAI Chat Completions Image Limits',
            'Fetch and validation limits for image_url parts sent to the chat completions endpoint.',
          ),
        }),
        'OpenAI Chat Completions',
        'The OpenAI-compatible chat completions endpoint.',
      ),
      responses: opt(
        z.strictObject({
          enabled: opt(
            z.boolean(),
            'OpenResponses Endpoint',
            'Serve the OpenResponses-compatible POST /v1/responses endpoint (plus /v1/models and /v1/embeddings).',
            false,
          ),
          maxUrlParts: opt(nonNegInt(), 'Responses Max URL Parts', 'Most URL-based file/image parts accepted in one request.', 8),
          files: opt(
            z.strictObject({
              ...urlFetchLimitsShape('file', { allowUrl: true, maxBytes: 5242880, maxRedirects: 3, timeoutMs: 10000 }),
              maxChars: opt(posInt(), 'Responses File Max Chars', 'Most characters of extracted file text passed to the model.', 60000),
              pdf: opt(
                z.strictObject({
                  maxPages: opt(posInt(), 'PDF Max Pages', 'Most PDF pages rendered to images when a PDF has little text.', 4),
                  maxPixels: opt(posInt(), 'PDF Max Pixels', 'Pixel budget for rendering PDF pages to images.', 4000000),
                  minTextChars: opt(
                    nonNegInt(),
                    'PDF Min Text Chars',
                    'With less extracted text than this, the first pages are rendered to images instead.',
                    200,
                  ),
                }),
                'Responses PDF Limits',
                'Limits for PDF files given to the responses endpoint.',
              ),
            }),
            'Responses File Limits',
            'Fetch and extraction limits for file inputs of the responses endpoint.',
          ),
          images: opt(
            z.strictObject(urlFetchLimitsShape('image', { allowUrl: true, maxBytes: 10485760, maxRedirects: 3, timeoutMs: 10000 })),
            'Responses Image Limits',
            'Fetch and validation limits for image inputs of the responses endpoint.',
          ),
        }),
        'OpenResponses Endpoint',
        'The OpenResponses-compatible responses endpoint.',
      ),
    }),
    'Gateway HTTP Endpoints',
    'Optional HTTP API endpoints served by the Gateway; enable only the ones you need.',
  ),
  securityHeaders: opt(
    z.strictObject({
      strictTransportSecurity: opt(
        z.union([z.string(), z.literal(false)]),
        'Strict Transport Security Header',
        'Value of the Strict-Transport-Security response header; set it only on HTTPS origins you control, or false to disable it.',
      ),
    }),
    'Gateway HTTP Security Headers',
    'Security headers the Gateway adds to its own HTTP responses (often better set at the reverse proxy).',
  ),
});

const GatewayNodesSchema = z.strictObject({
  browser: opt(
    z.strictObject({
      mode: opt(
        z.enum(['auto', 'manual', 'off']),
        'Gateway Node Browser Mode',
        'Routing of browser work to nodes: "auto" prefers the host browser and falls back to a single connected browser node, "manual" needs an explicit node or pin, "off" disables node routing.',
        'auto',
      ),
      node: opt(z.string(), 'Gateway Node Browser Pin', 'Node id or name that browser routing is pinned to.'),
    }),
    'Gateway Node Browser Routing',
    'How browser requests are routed to node-hosted browser proxies.',
  ),
  pairing: opt(
    z.strictObject({
      autoApproveLocal: opt(
        z.boolean(),
        'Gateway Node Pairing Auto-Approve Local',
        'Approve trusted local device pairing and access upgrades silently; set false to approve every device by hand.',
        true,
      ),
      autoApproveCidrs: opt(
        stringList(),
        'Gateway Node Pairing Auto-Approve CIDRs',
        'CIDRs/IPs whose first-time node-role pairing requests without scopes are approved automatically. Off when unset.',
      ),
      sshVerify: opt(
        z.union([
          z.boolean(),
          z.strictObject({
            user: opt(z.string(), 'SSH Verify User', 'Remote user for the verification SSH connection (default: the Gateway process user).'),
            identity: opt(z.string(), 'SSH Verify Identity', 'SSH identity file for the verification connection.'),
            timeoutMs: opt(posInt(), 'SSH Verify Timeout (ms)', 'Timeout of the SSH verification probe in milliseconds.', 7000),
            cidrs: opt(stringList(), 'SSH Verify CIDRs', 'CIDRs/IPs eligible for SSH verification (default: private and CGNAT ranges).'),
          }),
        ]),
        'Gateway Node Pairing SSH Verification',
        'Approve first-time node pairing when an SSH connection back to the host shows the same device key (`openclaw node identity`). On by default; false disables it; an object tunes the probe.',
      ),
    }),
    'Gateway Node Pairing',
    'Pairing policy for node-role clients.',
  ),
  pluginTools: opt(
    z.strictObject({
      enabled: opt(
        z.boolean(),
        'Gateway Node Plugin Tools Enabled',
        'Accept agent-visible plugin tool descriptors published by paired nodes; false ignores and removes them.',
        true,
      ),
    }),
    'Gateway Node Plugin Tools',
    'Whether paired nodes may publish plugin tools to agents.',
  ),
  allowSkills: opt(
    z.boolean(),
    'Gateway Node Skills Enabled',
    'Accept skills published by paired nodes while they are connected.',
    true,
  ),
  commands: opt(
    z.strictObject({
      allow: opt(
        stringList(),
        'Gateway Node Allowlist (Extra Commands)',
        'node.invoke commands allowed in addition to the Gateway defaults. Dangerous commands here are flagged by `openclaw security audit`.',
      ),
      deny: opt(
        stringList(),
        'Gateway Node Denylist',
        'Node command names that stay blocked even if defaults or node claims allow them (exact names such as system.run).',
      ),
    }),
    'Gateway Node Commands',
    'Allow/deny adjustments for commands invoked on paired nodes.',
  ),
});

const GatewaySchema = z.strictObject({
  port: opt(
    portNumber(),
    'Gateway Port',
    'TCP port of the Gateway listener (WebSocket + HTTP: Control UI, health endpoints). Without it the port comes from OPENCLAW_GATEWAY_PORT, else 18789 for the default profile or a port derived from the name of a named profile. Browser control uses port+2 and CDP ports from port+11 on, so leave room between instances.',
  ),
  mode: opt(
    z.enum(['local', 'remote']),
    'Gateway Mode',
    '"local" runs channels and agents on this host; "remote" connects to another Gateway through gateway.remote. A Gateway will not start while this is unset.',
  ),
  bind: opt(
    z.enum(['auto', 'lan', 'loopback', 'custom', 'tailnet']),
    'Gateway Bind Mode',
    'Interfaces the Gateway listens on: "loopback" 127.0.0.1 only; "lan" 0.0.0.0; "auto" loopback if available, else all interfaces; "tailnet" the Tailscale IPv4 plus loopback; "custom" the IPv4 in customBindHost. Defaults to loopback (auto inside containers); anything non-loopback needs auth.',
  ),
  customBindHost: opt(
    z.string(),
    'Gateway Custom Bind Host',
    'IPv4 address to listen on when bind is "custom" (127.0.0.1 is bound as well for a specific address).',
  ),
  publicOrigin: opt(
    z
      .string()
      .refine(
        isGatewayPublicOrigin,
        'gateway.publicOrigin must be a bare HTTPS origin; HTTP is allowed only for localhost, 127.0.0.1, or [::1]',
      ),
    'Gateway Public Origin',
    'Externally reachable origin of this Gateway (HTTPS; HTTP only on localhost, 127.0.0.1 or [::1]), used for OAuth callback URLs and links into the Control UI.',
  ),
  portals: opt(GatewayPortalsSchema, 'Gateway Portals', 'Portal publishing and private ingress settings.'),
  controlUi: opt(GatewayControlUiSchema, 'Control UI', 'Serving and hardening of the browser Control UI.'),
  cliAgents: opt(
    z.strictObject({
      enabled: opt(
        z.boolean(),
        'CLI Agents Enabled',
        'Offer catalog-backed CLI agents (external session engines) in the Control UI new-session model picker.',
        true,
      ),
    }),
    'CLI Agents',
    'Control UI discovery of external CLI session engines.',
  ),
  terminal: opt(
    z.strictObject({
      enabled: opt(
        z.boolean(),
        'Operator Terminal Enabled',
        'Offer the operator terminal (a host shell for admin-scope clients). Set false where admins should not get a host shell.',
        true,
      ),
      shell: opt(
        z.string(),
        'Operator Terminal Shell',
        'Shell executable to launch; unset uses the login shell ($SHELL, or %ComSpec% on Windows).',
      ),
      detachedSessionTimeoutSeconds: opt(
        nonNegInt(),
        'Operator Terminal Detached Session Timeout',
        'Seconds a terminal session survives after its connection drops and can be reattached; 0 kills it immediately.',
        300,
      ),
    }),
    'Operator Terminal',
    'PTY-backed shell on the Gateway host for admin-scope Control UI and mobile clients, started in the agent workspace.',
  ),
  auth: opt(GatewayAuthSchema, 'Gateway Auth', 'How clients authenticate to the Gateway over HTTP and WebSocket. Keep auth on for any non-loopback bind.'),
  roles: opt(
    GatewayRolesSchema,
    'Gateway Operator Roles',
    'Profile-bound operator roles for team Gateways (session sharing, sandboxing, allowed agents, scope ceiling). Unset keeps the existing operator behavior.',
  ),
  trustedProxies: opt(
    stringList(),
    'Gateway Trusted Proxy CIDRs',
    'IPs/CIDRs of reverse proxies whose x-forwarded-for header is trusted to give the client IP.',
  ),
  allowRealIpFallback: opt(
    z.boolean(),
    'Gateway Allow x-real-ip Fallback',
    'Use x-real-ip when x-forwarded-for is missing (from trusted proxies only).',
    false,
  ),
  tools: opt(
    z.strictObject({
      deny: opt(stringList(), 'Gateway Tool Denylist', 'Tools blocked on the HTTP /tools/invoke endpoint, on top of the built-in denials.'),
      allow: opt(stringList(), 'Gateway Tool Allowlist', 'Tools removed from the default deny list of the HTTP /tools/invoke endpoint.'),
    }),
    'Gateway Tool Exposure Policy',
    'Which tools can be called through the Gateway HTTP /tools/invoke endpoint.',
  ),
  tailscale: opt(
    z.strictObject({
      mode: opt(
        z.enum(['off', 'serve', 'funnel']),
        'Gateway Tailscale Mode',
        'Publish the Gateway with Tailscale: "serve" inside the tailnet, "funnel" on the public internet (needs password auth), "off" not at all.',
        'off',
      ),
      preserveFunnel: opt(
        z.boolean(),
        'Gateway Tailscale External Funnel Migration Guard (Deprecated)',
        'Deprecated guard for mode "serve": leave an externally created Funnel in place and warn. Migrate to mode "funnel".',
      ),
    }),
    'Gateway Tailscale',
    'Tailscale Serve/Funnel exposure of the Gateway.',
  ),
  remote: opt(GatewayRemoteSchema, 'Remote Gateway', 'Connection to a remote Gateway, used when gateway.mode is "remote".'),
  reload: opt(
    z.strictObject({
      mode: opt(
        z.enum(['off', 'hybrid']),
        'Config Reload Mode',
        'How config edits are applied while running: "hybrid" applies safe changes live and restarts when needed, "off" ignores edits until restart.',
      ),
    }),
    'Config Reload',
    'Live reloading of config edits.',
  ),
  tls: opt(
    z.object({
      enabled: opt(z.boolean(), 'Gateway TLS Enabled', 'Terminate TLS in the Gateway so clients connect with HTTPS/WSS.'),
      autoGenerate: opt(z.boolean(), 'Gateway TLS Auto-Generate Cert', 'Generate a local certificate and key when none are configured (for local/dev use).'),
      certPath: opt(nonBlank('certPath'), 'Gateway TLS Certificate Path', 'Path of the TLS certificate file.'),
      keyPath: opt(nonBlank('keyPath'), 'Gateway TLS Key Path', 'Path of the TLS private key file; keep its permissions tight.'),
      caPath: opt(z.string(), 'Gateway TLS CA Path', 'CA bundle for client verification or a custom trust chain.'),
    }),
    'Gateway TLS',
    'TLS certificate settings for serving HTTPS/WSS directly from the Gateway. Unknown keys in this object are ignored rather than rejected.',
  ),
  http: opt(GatewayHttpSchema, 'Gateway HTTP API', 'Optional HTTP API endpoints and response headers of the Gateway.'),
  push: opt(
    z.strictObject({
      apns: opt(
        z.strictObject({
          relay: opt(
            z.strictObject({
              baseUrl: opt(z.string(), 'Gateway APNs Relay Base URL', 'HTTPS base URL of a custom APNs relay; must match the relay built into the iOS app.'),
              timeoutMs: opt(posInt(), 'Gateway APNs Relay Timeout (ms)', 'Timeout in milliseconds for send requests to the relay.', 10000),
            }),
            'Gateway APNs Relay',
            'Relay used for APNs pushes to official iOS builds (the hosted OpenClaw relay unless set).',
          ),
        }),
        'Gateway APNs Delivery',
        'Apple push delivery to paired iOS devices.',
      ),
    }),
    'Gateway Push Delivery',
    'Push notifications used to wake or notify paired devices.',
  ),
  nodes: opt(GatewayNodesSchema, 'Gateway Nodes', 'Policies for paired nodes: browser routing, pairing, published tools and skills, commands.'),
});

// ---------------------------------------------------------------------------------------------------------------------
// browser
// ---------------------------------------------------------------------------------------------------------------------

const BrowserSsrfPolicySchema = z.strictObject({
  dangerouslyAllowPrivateNetwork: opt(
    z.boolean(),
    'Browser Dangerously Allow Private Network',
    'Let browser tooling reach private-network addresses. Off when unset; enable only for trusted private destinations.',
  ),
  allowRfc2544BenchmarkRange: opt(
    z.boolean(),
    'Browser Allow RFC 2544 Benchmark Range',
    'Allow 198.18.0.0/15 addresses (used by fake-IP proxies).',
  ),
  allowIpv6UniqueLocalRange: opt(
    z.boolean(),
    'Browser Allow IPv6 Unique Local Range',
    'Allow IPv6 unique local addresses fc00::/7 (used by fake-IP proxies).',
  ),
  allowedHostnames: opt(stringList(), 'Browser Allowed Hostnames', 'Exact host names or IP literals always allowed; keep it short.'),
  blockedHostnames: opt(
    stringList(),
    'Browser Blocked Hostnames',
    'Host names denied before DNS and allow rules, even with private-network access on. "*.example.com" matches subdomains only; list the apex separately.',
  ),
});

const BROWSER_PROFILE_NAME = /^[a-z0-9-]+$/;

const BrowserProfileSchema = z
  .strictObject({
    cdpPort: opt(
      portNumber(),
      'Browser Profile CDP Port',
      'Local Chrome DevTools Protocol port of this profile, allocated once and kept. Must not collide with other profiles or other Gateways.',
    ),
    cdpUrl: opt(
      z.string(),
      'Browser Profile CDP URL',
      'CDP/DevTools endpoint URL of this profile, for remote browsers, tunnels or attaching to a running Chrome.',
    ),
    userDataDir: opt(
      z.string(),
      'Browser Profile User Data Dir',
      'Chromium user data directory for existing-session attachment through Chrome DevTools MCP (e.g. for Brave, Edge or a non-default Chrome profile). Only with driver "existing-session"; ~ expands to home.',
    ),
    mcpCommand: opt(z.string(), 'Browser Profile Chrome MCP Command', 'Chrome DevTools MCP command for existing-session profiles.', 'npx'),
    mcpArgs: opt(
      stringList(),
      'Browser Profile Chrome MCP Args',
      'Extra Chrome DevTools MCP arguments for existing-session profiles (endpoint arguments override automatic selection).',
    ),
    driver: opt(
      z.enum(['openclaw', 'clawd', 'existing-session', 'extension']),
      'Browser Profile Driver',
      'How the profile is driven: "openclaw" (or legacy "clawd") over CDP, "existing-session" via Chrome DevTools MCP, "extension" through the OpenClaw Chrome extension relay.',
      'openclaw',
    ),
    headless: opt(z.boolean(), 'Browser Profile Headless Mode', 'Launch this profile headless; falls back to browser.headless.'),
    executablePath: opt(
      z.string(),
      'Browser Profile Executable Path',
      'Browser executable for this profile; overrides browser.executablePath (~ expands to home).',
    ),
    attachOnly: opt(
      z.boolean(),
      'Browser Profile Attach-only Mode',
      'Never launch a browser for this profile, only attach to its endpoint; falls back to browser.attachOnly.',
    ),
  })
  .meta({
    title: 'Browser Profile',
    description: 'One named browser profile. It needs cdpPort or cdpUrl unless its driver is "existing-session" or "extension".',
  });

const BrowserSchema = z.strictObject({
  enabled: opt(z.boolean(), 'Browser Enabled', 'Enable the browser capability of the Gateway (browser tools and CDP-driven workflows).'),
  allowSystemProfileImport: opt(
    z.boolean(),
    'Allow System Profile Import',
    'macOS: allow importing cookies from a local Chrome-family profile into a managed profile (asks for Keychain consent).',
    true,
  ),
  evaluateEnabled: opt(
    z.boolean(),
    'Browser Evaluate Enabled',
    'Allow the browser act:evaluate action, which runs arbitrary JavaScript in the page.',
    true,
  ),
  cdpUrl: opt(
    z.string(),
    'Browser CDP URL',
    'CDP/DevTools endpoint of an externally managed browser to attach to. Default: loopback CDP on the port derived from the Gateway port.',
  ),
  executablePath: opt(
    z.string(),
    'Browser Executable Path',
    'Browser executable to launch when auto-detection is not enough (absolute, or starting with ~).',
  ),
  headless: opt(z.boolean(), 'Browser Headless Mode', 'Launch local browsers headless.', false),
  noSandbox: opt(
    z.boolean(),
    'Browser No-Sandbox Mode',
    'Pass --no-sandbox to Chromium (for Linux containers where the sandbox fails). Weakens isolation.',
    false,
  ),
  attachOnly: opt(
    z.boolean(),
    'Browser Attach-only Mode',
    'Never launch a browser; only attach to browsers that are already running.',
    false,
  ),
  defaultProfile: opt(z.string(), 'Browser Default Profile', 'Profile used when a caller does not name one.', 'openclaw'),
  snapshotDefaults: opt(
    z.strictObject({
      mode: opt(
        z.literal('efficient'),
        'Browser Snapshot Mode',
        'Default page snapshot mode when a caller gives none ("efficient" is the only value).',
      ),
    }),
    'Browser Snapshot Defaults',
    'Snapshot options applied when the browser tool or CLI does not pass any.',
  ),
  ssrfPolicy: opt(
    BrowserSsrfPolicySchema,
    'Browser SSRF Policy',
    'Guard rails that stop browser navigation from reaching internal hosts.',
  ),
  profiles: opt(
    z.record(
      z.string().regex(BROWSER_PROFILE_NAME, 'Profile names must be alphanumeric with hyphens only'),
      BrowserProfileSchema,
    ),
    'Browser Profiles',
    'Named browser profiles (names: lower-case letters, digits and hyphens), each routed to its own CDP port, URL or driver.',
  ),
  extraArgs: opt(
    stringList(),
    'Browser Extra Arguments',
    'Additional Chrome launch arguments, e.g. ["--window-size=1920,1080"].',
  ),
  tabCleanup: opt(
    z.strictObject({
      enabled: opt(
        z.boolean(),
        'Browser Tab Cleanup Enabled',
        'Close idle tracked tabs opened by primary-agent sessions (best effort).',
        true,
      ),
    }),
    'Browser Tab Cleanup',
    'Cleanup of browser tabs opened by primary-agent sessions.',
  ),
  extensionRelay: opt(
    z.strictObject({
      allowLegacyAuth: opt(
        z.boolean(),
        'Allow Legacy Browser Relay Auth',
        'Temporarily accept legacy bearer, basic and token-subprotocol relay auth. Set false once every extension and CDP client uses relay auth v2.',
        true,
      ),
    }),
    'Browser Extension Relay',
    'Authentication compatibility of the Chrome extension relay.',
  ),
});

// ---------------------------------------------------------------------------------------------------------------------
// agents: shared building blocks
// ---------------------------------------------------------------------------------------------------------------------

const ThinkingLevel = () => z.enum(THINKING_LEVELS);

/** "provider/model", or {primary, fallbacks}. */
const ModelRefSchema = () =>
  z.union([
    z.string(),
    z.strictObject({
      primary: opt(z.string(), 'Primary Model', 'Primary model as provider/model.'),
      fallbacks: opt(stringList(), 'Model Fallbacks', 'Ordered fallback models (provider/model) tried when the primary fails.'),
    }),
  ]);

/** A model for one capability (image, PDF, voice, ...): "provider/model", or {primary, fallbacks, timeoutMs}. */
const ToolModelSchema = (capability: string) =>
  z.union([
    z.string(),
    z.strictObject({
      primary: opt(z.string(), `${capability} Model`, `Model (provider/model) used for ${capability.toLowerCase()}.`),
      fallbacks: opt(stringList(), `${capability} Model Fallbacks`, `Ordered fallback models (provider/model) for ${capability.toLowerCase()}.`),
      timeoutMs: opt(posInt(), `${capability} Timeout (ms)`, 'Provider request timeout in milliseconds, where the capability supports one.'),
    }),
  ]);

const PICKER_RUNTIME_ID = /^[a-z][a-z0-9-]*$/;

const ModelEntrySchema = z
  .strictObject({
    alias: opt(z.string(), 'Model Alias', 'Short name that can be used instead of the full provider/model id.'),
    params: opt(
      z.record(z.string(), z.unknown()),
      'Model Params',
      'Provider-specific request parameters for this model (e.g. temperature, maxTokens, cacheRetention).',
    ),
    agentRuntime: opt(
      z.strictObject({
        id: opt(
          z.string(),
          'Model Runtime ID',
          'Runtime for this model: "openclaw", "auto", a plugin harness id such as "codex", or a CLI backend alias such as "claude-cli".',
        ),
      }),
      'Model Runtime',
      'Runtime policy for this model only, instead of switching the whole agent\'s runtime.',
    ),
    pickerRuntimes: opt(
      z
        .array(
          z
            .string()
            .refine((v) => {
              const t = v.trim();
              return t.length >= 1 && t.length <= 128 && PICKER_RUNTIME_ID.test(t) && t !== 'auto' && t !== 'default';
            }, 'Picker runtime ids are lower-case (a-z, 0-9, -), at most 128 characters, and not "auto" or "default"'),
        )
        .max(8),
      'Picker Runtimes',
      'Up to 8 extra runtimes offered for this exact provider/model in the model picker; the default runtime is unchanged.',
    ),
    codeMode: opt(
      z.boolean(),
      'Code Mode',
      'OpenClaw Code Mode for this exact provider/model: true forces it on, false off; unset inherits. Does not change the runtime.',
    ),
    streaming: opt(z.boolean(), 'Streaming', 'Stream responses from this model (on by default except for Ollama).'),
  })
  .meta({ title: 'Model Entry', description: 'Settings for one provider/model id: alias, params, runtime and Code Mode.' });

const ModelMapSchema = () => z.record(z.string(), ModelEntrySchema);

const ModelPolicySchema = (scope: string) =>
  z.strictObject({
    allow: opt(
      stringList(),
      'Allowed Models',
      `Model override refs ${scope} may switch to: aliases, provider/model refs and prefix wildcards such as "openai/*". Empty or unset allows any model.`,
    ),
  });

const SilentReplyPolicy = () => z.enum(['allow', 'disallow']);

const ContextInjection = () => z.enum(['always', 'continuation-skip', 'never']);

const ExperimentalAgentFlagsSchema = () =>
  z.strictObject({
    localModelLean: opt(
      z.boolean(),
      'Lean Local Model Mode (Experimental)',
      'Troubleshooting switch that withholds optional tools (browser, automations, message) from local models. Explicit tool allows are kept.',
    ),
  });

const ContextLimitsSchema = z.strictObject({
  memoryGetMaxChars: opt(
    z.number().int().min(1).max(250000),
    'memory_get Max Chars',
    'Characters memory_get returns before it truncates and adds a continuation notice.',
    12000,
  ),
  postCompactionMaxChars: opt(
    z.number().int().min(1).max(50000),
    'Post-compaction Max Chars',
    'Characters of AGENTS.md re-injected after a compaction.',
    1800,
  ),
});

const HumanDelaySchema = z.strictObject({
  mode: opt(
    z.enum(['off', 'natural', 'custom']),
    'Human Delay Mode',
    'Pause between block replies: "off", "natural" (800-2500 ms) or "custom" (minMs/maxMs).',
    'off',
  ),
  minMs: opt(nonNegInt(), 'Human Delay Min (ms)', 'Shortest pause in milliseconds for mode "custom".', 800),
  maxMs: opt(nonNegInt(), 'Human Delay Max (ms)', 'Longest pause in milliseconds for mode "custom".', 2500),
});

const TypingMode = () => z.enum(['never', 'instant', 'thinking', 'message']);

const HHMM_START = /^(?:[01]\d|2[0-3]):[0-5]\d$/;
const HHMM_END = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

/** Heartbeat fields shared by agents.defaults.heartbeat (which adds agentId) and agents.entries.<id>.heartbeat. */
function heartbeatShape() {
  return {
    every: opt(
      z.string().refine((v) => v === '' || DURATION.test(v), 'invalid duration (use ms, s, m, h)'),
      'Heartbeat Interval',
      'How often the heartbeat runs, as a duration (e.g. "30m", "1h"; bare numbers are minutes). Default 30m with API-key auth, 1h with OAuth; "0m" turns the schedule off.',
    ),
    activeHours: opt(
      z.strictObject({
        start: opt(
          z.string().refine((v) => v === '' || HHMM_START.test(v), 'invalid time (use "HH:MM" 24h format; start cannot be 24:00)'),
          'Active Hours Start',
          'Start of the daily window in which heartbeats run, as HH:MM (24 h).',
        ),
        end: opt(
          z.string().refine((v) => v === '' || HHMM_END.test(v), 'invalid time (use "HH:MM" 24h format; 24:00 is the only 24:xx value)'),
          'Active Hours End',
          'End of the daily window, as HH:MM (24 h); 24:00 means midnight.',
        ),
        timezone: opt(z.string(), 'Active Hours Timezone', 'IANA time zone of the window (defaults to the user time zone).'),
      }),
      'Heartbeat Active Hours',
      'Daily time window outside which heartbeats are skipped.',
    ),
    model: opt(z.string(), 'Heartbeat Model', 'Model override (provider/model) for heartbeat runs.'),
    session: opt(z.string(), 'Heartbeat Session', 'Session key the heartbeat runs in.'),
    target: opt(
      z.string(),
      'Heartbeat Target',
      'Where heartbeat output goes: "owner" (the owner\'s direct chat), "last" (the latest conversation), "none", or a channel id.',
    ),
    directPolicy: opt(
      z.enum(['allow', 'block']),
      'Heartbeat Direct Policy',
      'Whether heartbeat delivery may go to direct/DM chats ("allow") or not ("block").',
      'allow',
    ),
    to: opt(z.string(), 'Heartbeat Recipient', 'Recipient within an explicit channel target; ignored for "owner" or an unset target.'),
    accountId: opt(z.string(), 'Heartbeat Account', 'Channel account used to deliver heartbeat output.'),
    prompt: opt(z.string(), 'Heartbeat Prompt', 'Prompt sent to the agent on each heartbeat instead of the built-in one.'),
    timeoutSeconds: opt(
      posInt(),
      'Heartbeat Timeout (Seconds)',
      'Longest a heartbeat turn may run before it is aborted. Unset: agents.defaults.timeoutSeconds, else the interval capped at 600 s.',
    ),
    lightContext: opt(z.boolean(), 'Heartbeat Light Context', 'Run heartbeats with lightweight context, without workspace bootstrap files.', false),
    isolatedSession: opt(
      z.boolean(),
      'Heartbeat Isolated Session',
      'Run every heartbeat in a fresh session without prior conversation history (cheaper).',
      false,
    ),
  };
}

// Sandbox ---------------------------------------------------------------------------------------------------------------

const notHostNetwork = (what: string) =>
  z.string().refine((v) => v.trim().toLowerCase() !== 'host', `Sandbox security: ${what} network mode "host" is blocked`);
const notUnconfined = (what: string) =>
  z.string().refine((v) => v.trim().toLowerCase() !== 'unconfined', `Sandbox security: ${what} profile "unconfined" is blocked`);

const SandboxDockerSchema = z.strictObject({
  image: opt(z.string(), 'Sandbox Docker Image', 'Container image for sandboxed sessions.'),
  containerPrefix: opt(z.string(), 'Sandbox Container Prefix', 'Name prefix of sandbox containers.'),
  workdir: opt(z.string(), 'Sandbox Workdir', 'Working directory inside the container.'),
  readOnlyRoot: opt(z.boolean(), 'Sandbox Read-only Root', 'Mount the container root filesystem read-only.'),
  tmpfs: opt(stringList(), 'Sandbox tmpfs Mounts', 'tmpfs mounts for the container (docker --tmpfs).'),
  network: opt(
    notHostNetwork('docker'),
    'Sandbox Docker Network',
    'Docker network of the container (e.g. "none", "bridge" or a custom network). "host" is refused; "container:<id>" needs dangerouslyAllowContainerNamespaceJoin.',
  ),
  user: opt(z.string(), 'Sandbox User', 'User (uid[:gid] or name) the container runs as.'),
  capDrop: opt(stringList(), 'Sandbox Dropped Capabilities', 'Linux capabilities dropped from the container (docker --cap-drop).'),
  env: opt(z.record(z.string(), z.string()), 'Sandbox Environment', 'Environment variables set in the container.'),
  setupCommand: opt(
    z.union([z.string(), stringList()]),
    'Sandbox Setup Command',
    'Command run once when the container is created; a list is joined into lines.',
  ),
  pidsLimit: opt(posInt(), 'Sandbox PIDs Limit', 'Maximum number of processes in the container.'),
  memory: opt(z.union([z.string(), z.number()]), 'Sandbox Memory Limit', 'Container memory limit (e.g. "2g" or bytes).'),
  memorySwap: opt(z.union([z.string(), z.number()]), 'Sandbox Memory+Swap Limit', 'Container memory plus swap limit.'),
  cpus: opt(z.number().positive(), 'Sandbox CPUs', 'CPU quota for the container (e.g. 1.5).'),
  gpus: opt(
    z.string().min(1),
    'Sandbox Docker GPUs',
    'GPU passthrough value for docker --gpus (e.g. "all"); needs a runtime such as the NVIDIA Container Toolkit.',
  ),
  ulimits: opt(
    z.record(
      z.string(),
      z.union([
        z.string(),
        z.number(),
        z.strictObject({
          soft: opt(nonNegInt(), 'Soft Limit', 'Soft limit value.'),
          hard: opt(nonNegInt(), 'Hard Limit', 'Hard limit value.'),
        }),
      ]),
    ),
    'Sandbox ulimits',
    'Resource limits by name (e.g. nofile), as a value or {soft, hard}.',
  ),
  seccompProfile: opt(notUnconfined('seccomp'), 'Sandbox Seccomp Profile', 'Seccomp profile file for the container ("unconfined" is refused).'),
  apparmorProfile: opt(notUnconfined('AppArmor'), 'Sandbox AppArmor Profile', 'Named AppArmor profile for the container ("unconfined" is refused).'),
  dns: opt(stringList(), 'Sandbox DNS Servers', 'DNS servers for the container.'),
  extraHosts: opt(stringList(), 'Sandbox Extra Hosts', 'Extra host:IP entries for the container\'s /etc/hosts.'),
  binds: opt(
    stringList(),
    'Sandbox Bind Mounts',
    'Host directories mounted into the container, as host:container[:mode] with an absolute host path.',
  ),
  dangerouslyAllowReservedContainerTargets: opt(
    z.boolean(),
    'Sandbox Allow Reserved Container Targets',
    'DANGEROUS: allow bind mounts onto container paths OpenClaw reserves for itself.',
  ),
  dangerouslyAllowExternalBindSources: opt(
    z.boolean(),
    'Sandbox Allow External Bind Sources',
    'DANGEROUS: allow bind-mount sources outside the paths OpenClaw normally permits.',
  ),
  dangerouslyAllowContainerNamespaceJoin: opt(
    z.boolean(),
    'Sandbox Docker Allow Container Namespace Join',
    'DANGEROUS: allow network mode container:<id>, which joins another container\'s namespace and weakens isolation.',
  ),
});

const SandboxSshSchema = z.strictObject({
  target: opt(z.string().min(1), 'Sandbox SSH Target', 'SSH destination as user@host[:port].'),
  command: opt(z.string().min(1), 'Sandbox SSH Command', 'SSH client command.', 'ssh'),
  workspaceRoot: opt(
    z.string().min(1),
    'Sandbox SSH Workspace Root',
    'Absolute remote directory holding the per-scope workspaces.',
    '/tmp/openclaw-sandboxes',
  ),
  strictHostKeyChecking: opt(z.boolean(), 'Sandbox SSH Strict Host Key Checking', 'OpenSSH StrictHostKeyChecking.', true),
  updateHostKeys: opt(z.boolean(), 'Sandbox SSH Update Host Keys', 'OpenSSH UpdateHostKeys.', true),
  identityFile: opt(z.string().min(1), 'Sandbox SSH Identity File', 'Existing private key file passed to OpenSSH.'),
  certificateFile: opt(z.string().min(1), 'Sandbox SSH Certificate File', 'Existing certificate file passed to OpenSSH.'),
  knownHostsFile: opt(z.string().min(1), 'Sandbox SSH Known Hosts File', 'Existing known_hosts file passed to OpenSSH.'),
  identityData: opt(SecretInput(), 'Sandbox SSH Identity Data', 'Private key contents (inline or SecretRef), written to a temp file at runtime; wins over identityFile.'),
  certificateData: opt(SecretInput(), 'Sandbox SSH Certificate Data', 'Certificate contents (inline or SecretRef); wins over certificateFile.'),
  knownHostsData: opt(SecretInput(), 'Sandbox SSH Known Hosts Data', 'known_hosts contents (inline or SecretRef); wins over knownHostsFile.'),
});

const SandboxBrowserSchema = z.strictObject({
  enabled: opt(z.boolean(), 'Sandbox Browser Enabled', 'Give sandboxed sessions their own browser container.'),
  image: opt(z.string(), 'Sandbox Browser Image', 'Container image of the sandbox browser.'),
  containerPrefix: opt(z.string(), 'Sandbox Browser Container Prefix', 'Name prefix of sandbox browser containers.'),
  network: opt(
    notHostNetwork('browser'),
    'Sandbox Browser Network',
    'Docker network of the browser container. Use the dedicated default or a bridge network; "none" cannot work (CDP ports must be published) and "host" is refused.',
    'openclaw-sandbox-browser',
  ),
  cdpPort: opt(posInt(), 'Sandbox Browser CDP Port', 'CDP port of the sandbox browser.'),
  cdpSourceRange: opt(z.string(), 'Sandbox Browser CDP Source Range', 'CIDR allowed to reach CDP at the container edge (e.g. 172.21.0.1/32).'),
  vncPort: opt(posInt(), 'Sandbox Browser VNC Port', 'VNC port of the sandbox browser.'),
  noVncPort: opt(posInt(), 'Sandbox Browser noVNC Port', 'noVNC (web VNC) port of the sandbox browser.'),
  headless: opt(z.boolean(), 'Sandbox Browser Headless', 'Run the sandbox browser headless.'),
  noVncEnabled: opt(z.boolean(), 'Sandbox Browser noVNC Enabled', 'Serve noVNC for watching the sandbox browser.'),
  allowHostControl: opt(z.boolean(), 'Sandbox Browser Allow Host Control', 'Let sandboxed sessions drive the host browser.', false),
  autoStart: opt(z.boolean(), 'Sandbox Browser Auto Start', 'Start the browser container automatically when needed.'),
  autoStartTimeoutMs: opt(posInt(), 'Sandbox Browser Auto Start Timeout (ms)', 'How long to wait for an auto-started browser container.'),
  binds: opt(
    stringList(),
    'Sandbox Browser Bind Mounts',
    'Host directories mounted into the browser container only; when set (even []) it replaces docker.binds for it.',
  ),
});

const SandboxSchema = z.strictObject({
  mode: opt(
    z.enum(['off', 'non-main', 'all']),
    'Sandbox Mode',
    'Which sessions run sandboxed: "off" none, "non-main" all but the main session, "all" every session.',
    'off',
  ),
  backend: opt(z.string().min(1), 'Sandbox Backend', 'Sandbox runtime: "docker", "podman", "openshell", "ssh", or a plugin backend.', 'docker'),
  workspaceAccess: opt(
    z.enum(['none', 'ro', 'rw']),
    'Sandbox Workspace Access',
    'What the sandbox sees of the agent workspace: "none" (its own workspace), "ro" (mounted read-only at /agent), "rw" (mounted read/write at /workspace).',
    'none',
  ),
  sessionToolsVisibility: opt(
    z.enum(['spawned', 'all']),
    'Sandbox Session Tools Visibility',
    'Sessions a sandboxed session may target with session tools: only ones it spawned, or all.',
    'spawned',
  ),
  scope: opt(
    z.enum(['session', 'agent', 'shared']),
    'Sandbox Scope',
    'Container and workspace sharing: one per session, one per agent, or one shared by all.',
    'agent',
  ),
  workspaceRoot: opt(z.string(), 'Sandbox Workspace Root', 'Host directory holding sandbox workspaces (default under the state dir).'),
  docker: opt(SandboxDockerSchema, 'Sandbox Docker', 'Container settings for the docker (and podman) backends.'),
  ssh: opt(SandboxSshSchema, 'Sandbox SSH', 'Settings for the SSH backend.'),
  browser: opt(SandboxBrowserSchema, 'Sandbox Browser', 'Browser container available to sandboxed sessions.'),
  prune: opt(
    z.strictObject({
      idleHours: opt(nonNegInt(), 'Prune After Idle Hours', 'Remove sandboxes idle for this many hours.'),
      maxAgeDays: opt(nonNegInt(), 'Prune After Days', 'Remove sandboxes older than this many days.'),
    }),
    'Sandbox Pruning',
    'Automatic removal of old sandboxes.',
  ),
});

// Tools (per agent) -----------------------------------------------------------------------------------------------------

const ToolProfile = () => z.enum(['minimal', 'coding', 'messaging', 'full']);

const ToolPolicySchema = () =>
  z.strictObject({
    allow: opt(stringList(), 'Allowed Tools', 'Exact tool names allowed in this scope.'),
    alsoAllow: opt(stringList(), 'Also Allowed Tools', 'Tool names added to the inherited allowlist (cannot be combined with allow).'),
    deny: opt(stringList(), 'Denied Tools', 'Tool names denied after the allowlist is expanded; deny wins.'),
  });

const ToolPolicyWithProfileSchema = z.strictObject({
  allow: opt(stringList(), 'Allowed Tools', 'Exact tool names allowed for this provider.'),
  alsoAllow: opt(stringList(), 'Also Allowed Tools', 'Tool names added on top of the profile (cannot be combined with allow).'),
  deny: opt(stringList(), 'Denied Tools', 'Tool names denied for this provider; deny wins.'),
  profile: opt(ToolProfile(), 'Tool Profile', 'Tool profile baseline for this provider.'),
});

const CodeModeSchema = z.union([
  z.boolean(),
  z.literal('auto'),
  z.strictObject({
    enabled: opt(
      z.union([z.boolean(), z.literal('auto')]),
      'Enable Code Mode',
      'Activation: true engages tool-capable runs, "auto" engages catalog-preferred models; omitted stays off in the object form.',
    ),
    executor: opt(
      z.enum(['node', 'quickjs']),
      'Code Mode Executor',
      'JavaScript executor: "node" (default, not a security sandbox) or "quickjs" (bundled WASM guest).',
      'node',
    ),
    mode: opt(z.literal('only'), 'Code Mode Surface', 'Model-facing surface; only "only" exists: expose exec/wait and hide normal tools.'),
    timeoutMs: opt(posInt(), 'Code Mode Timeout', 'Longest one exec or wait call may take, in milliseconds.'),
    memoryLimitBytes: opt(posInt(), 'Code Mode Memory Limit', 'Heap budget in bytes for the guest (best effort under Node).'),
    maxOutputBytes: opt(posInt(), 'Code Mode Output Limit', 'Most serialized output bytes returned.'),
    maxSnapshotBytes: opt(posInt(), 'Code Mode Snapshot Limit', 'Most bytes kept for one suspended snapshot.'),
    maxPendingToolCalls: opt(posInt(), 'Code Mode Pending Tool Limit', 'Most nested tool calls running at once.'),
    snapshotTtlSeconds: opt(posInt(), 'Code Mode Snapshot TTL', 'How long a suspended run can be resumed with wait.'),
    searchDefaultLimit: opt(posInt(), 'Code Mode Default Search Results', 'Default number of catalog.search results.'),
    maxSearchLimit: opt(posInt(), 'Code Mode Max Search Results', 'Most catalog.search results a program may request.'),
  }),
]);

const SwarmSchema = z.union([
  z.boolean(),
  z.strictObject({
    enabled: opt(z.boolean(), 'Enable Swarm', 'Enable collector-mode subagents and agents_wait.', true),
    maxConcurrent: opt(posInt(), 'Swarm Concurrent Children', 'Most collector children running at once per swarm group.'),
    maxChildrenPerGroup: opt(posInt(), 'Swarm Live Children per Group', 'Most live collector children per swarm group.'),
    maxTotalPerGroup: opt(posInt(), 'Swarm Total Children per Group', 'Most collector spawns over the lifetime of a swarm group.'),
    waitTimeoutSecondsMax: opt(posInt(), 'Swarm Maximum Wait Timeout', 'Largest timeout agents_wait accepts, in seconds.'),
    defaultAgentId: opt(z.string(), 'Swarm Default Agent', 'Agent spawned when a swarm spawn names none.'),
  }),
]);

const ExecSchema = z.strictObject({
  host: opt(
    z.enum(['auto', 'sandbox', 'gateway', 'node']),
    'Exec Target',
    'Where shell commands run: "auto" (sandbox when available, else gateway), or pinned to sandbox, gateway or node.',
    'auto',
  ),
  mode: opt(
    z.enum(['deny', 'allowlist', 'ask', 'auto', 'full']),
    'Exec Mode',
    'Exec policy: "deny", "allowlist" (known-safe commands only), "ask" (a human reviews misses), "auto" (a model reviews misses) or "full". Do not combine with security/ask.',
  ),
  security: opt(z.enum(['deny', 'allowlist', 'full']), 'Exec Security (Legacy)', 'Legacy exec security level; prefer mode.'),
  ask: opt(z.enum(['off', 'on-miss', 'always']), 'Exec Ask (Legacy)', 'Legacy approval prompt setting; prefer mode.'),
  node: opt(z.string(), 'Exec Node Binding', 'Node id or name that runs commands when host is "node".'),
  pathPrepend: opt(stringList(), 'Exec PATH Prepend', 'Directories put in front of PATH for exec runs.'),
  safeBins: opt(stringList(), 'Exec Safe Bins', 'stdin-only binaries that may run without allowlist entries.'),
  strictInlineEval: opt(
    z.boolean(),
    'Require Inline-Eval Approval',
    'Always ask before interpreter inline-eval forms such as python -c or node -e.',
  ),
  commandHighlighting: opt(z.boolean(), 'Exec Command Highlighting', 'Highlight parsed commands in exec approval prompts.', false),
  grantExpiryDays: opt(
    z.number().int().min(1).max(3650),
    'Standing Grant Expiry (Days)',
    'Lifetime in days of standing grants created by allow-always; unset keeps them until revoked.',
  ),
  safeBinTrustedDirs: opt(stringList(), 'Exec Safe Bin Trusted Dirs', 'Extra directories trusted for safe-bin path checks (PATH is never trusted implicitly).'),
  safeBinProfiles: opt(
    z.record(
      z.string(),
      z.strictObject({
        minPositional: opt(nonNegInt(), 'Min Positional Args', 'Fewest positional arguments allowed.'),
        maxPositional: opt(nonNegInt(), 'Max Positional Args', 'Most positional arguments allowed.'),
        allowedValueFlags: opt(stringList(), 'Allowed Value Flags', 'Flags that may take a value.'),
        deniedFlags: opt(stringList(), 'Denied Flags', 'Flags that are never allowed.'),
      }),
    ),
    'Exec Safe Bin Profiles',
    'Per-binary argument limits for entries of safeBins.',
  ),
  reviewer: opt(
    z.strictObject({
      model: opt(ModelRefSchema(), 'Exec Reviewer Model', 'Model for the exec reviewer; unset reuses the agent\'s primary model.'),
      thinking: opt(
        z.enum(['minimal', 'low', 'medium', 'high', 'xhigh', 'max']),
        'Exec Reviewer Thinking',
        'Reasoning effort of the reviewer; unset keeps provider defaults.',
      ),
      fastMode: opt(z.boolean(), 'Exec Reviewer Fast Mode', 'Request priority (fast) processing for reviews where supported.'),
      timeoutMs: opt(posInt(), 'Exec Reviewer Timeout (ms)', 'Per-stage reviewer timeout before falling back to a human.', 30000),
    }),
    'Exec Reviewer',
    'Model-backed reviewer used by mode "auto" before asking a human.',
  ),
  backgroundMs: opt(posInt(), 'Exec Background After (ms)', 'Time after which a running command is moved to the background.'),
  approvalRunningNoticeMs: opt(
    nonNegInt(),
    'Exec Approval Running Notice (ms)',
    'Delay before an in-progress notice for an approved command that keeps running; 0 disables it.',
    10000,
  ),
  timeoutSeconds: opt(posInt(), 'Exec Timeout (Seconds)', 'Time after which a command is killed.'),
  cleanupMs: opt(posInt(), 'Exec Cleanup (ms)', 'How long finished sessions are kept in memory.'),
  notifyOnExit: opt(z.boolean(), 'Exec Notify On Exit', 'Emit a system event and heartbeat when a background command exits.', true),
  notifyOnExitEmptySuccess: opt(
    z.boolean(),
    'Exec Notify On Empty Success',
    'Also notify when a background command succeeds with no output.',
    false,
  ),
  applyPatch: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Enable apply_patch', 'Offer apply_patch to OpenAI models when tool policy allows it.', true),
      workspaceOnly: opt(z.boolean(), 'apply_patch Workspace-Only', 'Restrict apply_patch to paths inside the workspace.', true),
      allowModels: opt(stringList(), 'apply_patch Model Allowlist', 'Model ids allowed to use apply_patch (e.g. "gpt-5.4" or "openai/gpt-5.4").'),
    }),
    'apply_patch',
    'Settings of the apply_patch sub-tool.',
  ),
});

const GITHUB_PROFILE_ID = /^ghp_[a-f0-9]{32}$/u;

const GitHubIdentitySchema = z.strictObject({
  profileId: req(
    z.string().regex(GITHUB_PROFILE_ID, 'Expected a managed GitHub profile id (ghp_ followed by 32 hex digits)'),
    'GitHub Profile Version',
    'Opaque generated id of the managed credential version (ghp_ + 32 hex digits).',
  ),
  kind: opt(z.literal('oauth'), 'GitHub Credential Kind', 'Marks an OAuth profile whose refresh credential the Gateway rotates; omitted means a personal access token.'),
  gitAuthor: opt(
    z.strictObject({
      name: opt(nonBlank('Git author name'), 'Git Author Name', 'Git author/committer name for local tool processes.'),
      email: opt(nonBlank('Git author email'), 'Git Author Email', 'Git author/committer email for local tool processes.'),
    }),
    'Git Author',
    'Git author identity used by local tools.',
  ),
});

const MessageToolSchema = z.strictObject({
  crossContext: opt(
    z.strictObject({
      allowWithinProvider: opt(
        z.boolean(),
        'Cross-Context Messaging (Same Provider)',
        'Allow sending to other conversations on the same provider.',
        true,
      ),
      allowAcrossProviders: opt(z.boolean(), 'Cross-Context Messaging (Across Providers)', 'Allow sending to other providers.', true),
      marker: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Cross-Context Marker', 'Mark cross-context sends with their origin.', true),
          prefix: opt(z.string(), 'Cross-Context Marker Prefix', 'Text before the message; may contain {channel}.'),
          suffix: opt(z.string(), 'Cross-Context Marker Suffix', 'Text after the message; may contain {channel}.'),
        }),
        'Cross-Context Marker',
        'Origin marker added to cross-context sends.',
      ),
    }),
    'Cross-Context Messaging',
    'Whether the message tool may send outside the current conversation.',
  ),
  actions: opt(
    z.strictObject({
      allow: opt(stringList(), 'Message Action Allowlist', 'Message tool actions exposed and accepted (e.g. ["send"] for public agents).'),
    }),
    'Message Actions',
    'Which message tool actions exist.',
  ),
  broadcast: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Enable Message Broadcast', 'Enable the broadcast action.', true),
    }),
    'Message Broadcast',
    'The broadcast action of the message tool.',
  ),
});

const AgentToolsSchema = z.strictObject({
  profile: opt(ToolProfile(), 'Agent Tool Profile', 'Tool profile baseline for this agent, applied before allow/deny lists.'),
  allow: opt(stringList(), 'Agent Tool Allowlist', 'Tools this agent may use; replaces the profile-derived set.'),
  alsoAllow: opt(stringList(), 'Agent Tool Allowlist Additions', 'Tools added on top of the global and profile policy for this agent (cannot be combined with allow).'),
  deny: opt(stringList(), 'Agent Tool Denylist', 'Tools this agent may never use; deny wins.'),
  byProvider: opt(
    z.record(z.string(), ToolPolicyWithProfileSchema),
    'Agent Tool Policy by Provider',
    'Tool policy overrides keyed by provider id or "provider/model".',
  ),
  toolsBySender: opt(
    z.record(z.string(), ToolPolicySchema()),
    'Agent Tool Policy by Sender',
    'Tool policy overrides keyed by sender identity.',
  ),
  codeMode: opt(CodeModeSchema, 'Agent Code Mode', 'Per-agent Code Mode settings, merged over tools.codeMode; an explicit enabled wins over model and global activation.'),
  swarm: opt(SwarmSchema, 'Agent Swarm', 'Per-agent swarm settings, merged over tools.swarm.'),
  elevated: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Agent Elevated Enabled', 'Allow elevated mode for this agent (can only narrow tools.elevated).', true),
      allowFrom: opt(
        z.record(z.string(), z.array(z.union([z.string(), z.number()]))),
        'Agent Elevated Allow Rules',
        'Senders allowed to use /elevated, keyed by provider.',
      ),
    }),
    'Agent Elevated Access',
    'Per-agent gate for elevated exec.',
  ),
  exec: opt(ExecSchema, 'Agent Exec Tool', 'Exec tool defaults for this agent.'),
  github: opt(
    GitHubIdentitySchema,
    'Agent GitHub CLI Identity Override',
    'Complete managed GitHub CLI identity and Git author for this agent; omit to inherit the system identity.',
  ),
  fs: opt(
    z.strictObject({
      workspaceOnly: opt(
        z.boolean(),
        'Workspace-only FS Tools',
        'Restrict read/write/edit/apply_patch to the agent workspace.',
        false,
      ),
    }),
    'Agent Filesystem Tools',
    'Path guards of the filesystem tools.',
  ),
  loopDetection: opt(
    z.strictObject({
      enabled: opt(
        z.boolean(),
        'Tool-loop Detection',
        'Detect repetitive or stuck tool-call loops (true enables rolling detection and the post-compaction guard, false disables both).',
      ),
    }),
    'Agent Loop Detection',
    'Runtime detection of stuck tool-call loops.',
  ),
  message: opt(MessageToolSchema, 'Agent Message Tool', 'Message tool settings for this agent.'),
  sandbox: opt(
    z.strictObject({
      tools: opt(ToolPolicySchema(), 'Sandbox Tool Policy', 'Allow/deny policy applied while this agent runs sandboxed.'),
    }),
    'Agent Sandbox Tool Policy',
    'Tool policy for sandboxed runs of this agent.',
  ),
});

// Memory search, text-to-speech, identity, group chat (per agent) -----------------------------------------------------

const MemorySearchSchema = z.strictObject({
  enabled: opt(z.boolean(), 'Enable Memory Search', 'Index and search memory files for this agent.'),
  rememberAcrossConversations: opt(
    z.boolean(),
    'Remember Across Conversations',
    'Recall relevant context from this agent\'s other private conversations.',
  ),
  sources: opt(
    z.array(z.enum(['memory', 'sessions'])),
    'Memory Search Sources',
    'What is indexed: "memory" (MEMORY.md and memory files) and/or "sessions" (transcripts).',
  ),
  extraPaths: opt(
    z.array(
      z.union([
        z.string(),
        z.strictObject({
          path: req(z.string(), 'Extra Memory Path', 'Directory or file to index; relative paths start at the workspace.'),
          pattern: opt(z.string(), 'Extra Memory Path Pattern', 'Glob (relative to path) limiting which files are indexed.'),
        }),
      ]),
    ),
    'Extra Memory Paths',
    'Additional directories or .md files to index.',
  ),
  multimodal: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Enable Multimodal Memory', 'Index image and audio files from extraPaths (needs a cross-modal embedding model).'),
      modalities: opt(z.array(z.enum(['image', 'audio', 'all'])), 'Multimodal Modalities', 'Which media types are indexed.'),
      maxFileBytes: opt(posInt(), 'Multimodal Max File Bytes', 'Media files larger than this are skipped.'),
    }),
    'Memory Search Multimodal',
    'Indexing of image and audio files.',
  ),
  experimental: opt(
    z.strictObject({
      sessionMemory: opt(z.boolean(), 'Session Transcript Index (Experimental)', 'Index session transcripts into memory search.'),
    }),
    'Memory Search Experimental',
    'Experimental memory search switches.',
  ),
  provider: opt(z.string(), 'Memory Search Provider', 'Embedding backend (e.g. "openai", "gemini", "voyage", "ollama", "local").'),
  remote: opt(
    z.strictObject({
      baseUrl: opt(z.string(), 'Remote Embedding Base URL', 'Embedding API endpoint override (e.g. an OpenAI-compatible proxy).'),
      apiKey: opt(SecretInput(), 'Remote Embedding API Key', 'API key for embedding calls (string or SecretRef).'),
      headers: opt(z.record(z.string(), z.string()), 'Remote Embedding Headers', 'Extra HTTP headers for embedding requests.'),
      batch: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Remote Batch Embedding', 'Use provider batch APIs for large indexing runs.'),
        }),
        'Remote Batch Embedding',
        'Batch embedding settings.',
      ),
    }),
    'Remote Embeddings',
    'Connection settings of a remote embedding provider.',
  ),
  fallback: opt(z.string(), 'Memory Search Fallback', 'Provider used when the primary embedding provider fails, or "none".'),
  model: opt(z.string(), 'Memory Search Model', 'Embedding model override.'),
  inputType: opt(z.string().min(1), 'Memory Search Input Type', 'Provider input_type used for both queries and documents.'),
  queryInputType: opt(z.string().min(1), 'Memory Search Query Input Type', 'Provider input_type for query embeddings.'),
  documentInputType: opt(z.string().min(1), 'Memory Search Document Input Type', 'Provider input_type for document embeddings.'),
  outputDimensionality: opt(posInt(), 'Memory Search Output Dimensionality', 'Embedding vector size, where the provider supports choosing it.'),
  local: opt(
    z.strictObject({
      modelPath: opt(z.string(), 'Local Embedding Model Path', 'Local embedding model (GGUF path or hf: URI) for provider "local".'),
    }),
    'Local Embeddings',
    'Settings of the local embedding provider.',
  ),
  store: opt(
    z.strictObject({
      fts: opt(
        z.strictObject({
          tokenizer: opt(z.enum(['unicode61', 'trigram']), 'Full-text Tokenizer', 'SQLite FTS tokenizer.'),
        }),
        'Full-text Index',
        'Full-text search index settings.',
      ),
      vector: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Vector Index', 'Use the sqlite-vec vector index.'),
          extensionPath: opt(z.string(), 'Vector Extension Path', 'Path of the sqlite-vec extension library.'),
        }),
        'Vector Index',
        'Vector index settings.',
      ),
    }),
    'Memory Index Store',
    'Storage of the memory index.',
  ),
  query: opt(
    z.strictObject({
      maxResults: opt(posInt(), 'Memory Search Max Results', 'Most hits returned by a search.'),
      minScore: opt(z.number().min(0).max(1), 'Memory Search Min Score', 'Lowest relevance score (0-1) kept.'),
    }),
    'Memory Search Query',
    'Result limits of memory searches.',
  ),
  cache: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Embedding Cache', 'Cache chunk embeddings in SQLite to speed up reindexing.', true),
    }),
    'Embedding Cache',
    'Embedding cache settings.',
  ),
});

const TtsProviderConfigSchema = z
  .object({
    apiKey: opt(SecretInput(), 'TTS Provider API Key', 'API key of this speech provider (string or SecretRef).'),
  })
  .catchall(z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.unknown()), z.record(z.string(), z.unknown())]))
  .meta({ title: 'TTS Provider Config', description: 'Settings of one speech provider; keys other than apiKey belong to the provider plugin.' });

const TtsPersonaSchema = z
  .strictObject({
    label: opt(z.string(), 'Persona Label', 'Display name of the persona.'),
    description: opt(z.string(), 'Persona Description', 'What the persona sounds like.'),
    provider: opt(z.string().min(1), 'Persona Provider', 'Speech provider id of the persona.'),
    fallbackPolicy: opt(
      z.enum(['preserve-persona', 'provider-defaults', 'fail']),
      'Persona Fallback Policy',
      'What happens when the persona cannot be voiced as configured.',
    ),
    providers: opt(z.record(z.string(), TtsProviderConfigSchema), 'Persona Provider Bindings', 'Provider-specific settings of the persona, merged over tts.providers.'),
  })
  .meta({ title: 'TTS Persona', description: 'A named spoken identity with provider-specific bindings.' });

const AgentTtsSchema = z.strictObject({
  auto: opt(z.enum(['off', 'always', 'inbound', 'tagged']), 'TTS Auto', 'When replies are spoken automatically.'),
  enabled: opt(z.boolean(), 'TTS Enabled', 'Enable text-to-speech for this agent.'),
  mode: opt(z.enum(['final', 'all']), 'TTS Mode', 'Speak only the final reply or every reply block.'),
  provider: opt(z.string().min(1), 'TTS Provider', 'Speech provider id.'),
  persona: opt(z.string(), 'TTS Persona', 'Default persona id.'),
  personas: opt(z.record(z.string(), TtsPersonaSchema), 'TTS Personas', 'Named personas.'),
  summaryModel: opt(z.string(), 'TTS Summary Model', 'Model used to shorten long replies before speaking them.'),
  modelOverrides: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Model Overrides Enabled', 'Let the model adjust speech output through tags.'),
      allowText: opt(z.boolean(), 'Allow Text Override', 'Let the model change the spoken text.'),
      allowProvider: opt(z.boolean(), 'Allow Provider Override', 'Let the model pick the provider.'),
      allowVoice: opt(z.boolean(), 'Allow Voice Override', 'Let the model pick the voice.'),
      allowModelId: opt(z.boolean(), 'Allow Model Id Override', 'Let the model pick the speech model.'),
      allowVoiceSettings: opt(z.boolean(), 'Allow Voice Settings Override', 'Let the model change voice settings.'),
      allowNormalization: opt(z.boolean(), 'Allow Normalization Override', 'Let the model change text normalization.'),
      allowSeed: opt(z.boolean(), 'Allow Seed Override', 'Let the model set the generation seed.'),
    }),
    'TTS Model Overrides',
    'Which speech settings the model may override.',
  ),
  providers: opt(z.record(z.string(), TtsProviderConfigSchema), 'TTS Provider Settings', 'Provider-specific settings keyed by speech provider id.'),
  maxTextLength: opt(z.number().int().min(1), 'TTS Max Text Length', 'Longest text spoken in one request.'),
  timeoutMs: opt(z.number().int().min(1000).max(120000), 'TTS Timeout (ms)', 'Speech request timeout (1000-120000 ms).'),
  prefsPath: opt(z.string(), 'TTS Preferences Path', 'File holding this agent\'s local TTS preferences.'),
});

const IdentitySchema = z.strictObject({
  name: opt(z.string(), 'Identity Name', 'Display name of the agent (also used for mention patterns).'),
  theme: opt(z.string(), 'Identity Theme', 'Short description of the agent\'s persona.'),
  emoji: opt(z.string(), 'Identity Emoji', 'Emoji of the agent (also the default acknowledgement reaction).'),
  avatar: opt(z.string(), 'Identity Avatar', 'Avatar: workspace-relative path, http(s) URL or data: URI.'),
});

const AgentGroupChatSchema = z.strictObject({
  mentionPatterns: opt(stringList(), 'Group Mention Patterns', 'Case-insensitive regex patterns that count as mentioning this agent in groups.'),
  historyLimit: opt(nonNegInt(), 'Group History Limit', 'Prior group messages loaded as context per turn.'),
  unmentionedInbound: opt(
    z.enum(['user_request', 'room_event']),
    'Group Unmentioned Inbound',
    'How unmentioned group chatter is submitted: as a user request, or as quiet room context.',
  ),
});

// ---------------------------------------------------------------------------------------------------------------------
// agents.defaults
// ---------------------------------------------------------------------------------------------------------------------

const ownerAgentId = (title: string, description: string) =>
  opt(z.strictObject({ agentId: opt(nonBlank('agentId'), `${title} Owner`, description) }), `${title} Target`, description);

const AgentDefaultsSchema = z.strictObject({
  params: opt(
    z.record(z.string(), z.unknown()),
    'Default Provider Params',
    'Provider request parameters applied to every model before per-model and per-agent params (e.g. {cacheRetention: "long"}).',
  ),
  model: opt(ModelRefSchema(), 'Default Model', 'Primary model as "provider/model", or {primary, fallbacks}.'),
  modelSelectionScope: opt(
    z.enum(['session', 'agent', 'global']),
    'Model Selection Scope',
    'What a model change without explicit scope updates: only the session, also the agent\'s primary, or also agents.defaults.model.',
    'session',
  ),
  utilityModel: opt(
    z.string(),
    'Utility Model',
    'Cheaper model for short internal tasks such as titles and progress narration. Unset derives one from the primary provider; "" disables utility routing.',
  ),
  decisionModel: opt(
    z.string().max(512),
    'Decision Model',
    'provider/model for typed choices, scores and yes/no probabilities; unset or "" disables decision calls.',
  ),
  imageModel: opt(ToolModelSchema('Image'), 'Image Model', 'Model for image input when the primary model cannot read images.'),
  mediaModels: opt(
    z.strictObject({
      image: opt(ToolModelSchema('Image Generation'), 'Image Generation Model', 'Model used by image_generate.'),
      video: opt(ToolModelSchema('Video Generation'), 'Video Generation Model', 'Model used by video_generate.'),
      music: opt(ToolModelSchema('Music Generation'), 'Music Generation Model', 'Model used by music generation.'),
    }),
    'Media Generation Models',
    'Models for the shared image, video and music generation capabilities.',
  ),
  voiceModel: opt(ToolModelSchema('Voice'), 'Voice Model', 'Model for speech, transcription and realtime voice.'),
  pdfModel: opt(ToolModelSchema('PDF'), 'PDF Model', 'Model for the PDF tool; defaults to imageModel, then the session model.'),
  pdfMaxMb: opt(z.number().positive(), 'PDF Max Size (MB)', 'Largest PDF the PDF tool accepts, in MB.', 10),
  pdfMaxPages: opt(posInt(), 'PDF Max Pages', 'Most PDF pages the PDF tool processes.', 20),
  models: opt(ModelMapSchema(), 'Models', 'Per-model settings keyed by provider/model: aliases, params, runtime, Code Mode. Does not restrict which models can be used.'),
  modelPolicy: opt(ModelPolicySchema('sessions'), 'Model Policy', 'Which models sessions may switch to; unset or empty allow means any.'),
  workspace: opt(
    z.string(),
    'Workspace',
    'Default agent workspace (bootstrap and memory files), also the working directory when cwd is unset. Without it: OPENCLAW_WORKSPACE_DIR, else <state dir>/workspace.',
  ),
  cwd: opt(
    z.string(),
    'Working Directory',
    'Working directory of agent reply runs when it should differ from the workspace (~ and relative paths allowed; needs an unsandboxed run).',
  ),
  skills: opt(
    stringList(),
    'Skills',
    'Default skill allowlist for agents without their own; unset means unrestricted, [] means none. A per-agent list replaces it.',
  ),
  silentReply: opt(
    z.strictObject({
      group: opt(SilentReplyPolicy(), 'Group Silent Reply Policy', 'Whether the agent may stay silent in group conversations.'),
      internal: opt(SilentReplyPolicy(), 'Internal Silent Reply Policy', 'Whether the agent may stay silent in internal turns.'),
    }),
    'Silent Reply Policy',
    'Where an agent may choose not to reply.',
  ),
  repoRoot: opt(z.string(), 'Repo Root', 'Repository root shown in the system prompt (overrides detection).'),
  skipBootstrap: opt(
    z.boolean(),
    'Skip Workspace Bootstrap Creation',
    'Do not create workspace bootstrap files (existing ones are still injected; see contextInjection).',
  ),
  skipOptionalBootstrapFiles: opt(
    z.array(z.enum(['SOUL.md', 'USER.md', 'HEARTBEAT.md', 'IDENTITY.md'])),
    'Skipped Optional Bootstrap Files',
    'Optional bootstrap files not to create (HEARTBEAT.md is accepted but has no effect).',
  ),
  contextInjection: opt(
    ContextInjection(),
    'Context Injection',
    'Workspace bootstrap injection: "always", "continuation-skip" (skip eligible continuation turns) or "never".',
    'always',
  ),
  bootstrapMaxChars: opt(posInt(), 'Bootstrap Max Chars', 'Characters of each bootstrap file injected before truncation.', 20000),
  bootstrapTotalMaxChars: opt(posInt(), 'Bootstrap Total Max Chars', 'Characters of all bootstrap files injected together.', 60000),
  experimental: opt(ExperimentalAgentFlagsSchema(), 'Experimental Agent Flags', 'Preview switches; leave off unless testing.'),
  userTimezone: opt(z.string(), 'User Timezone', 'IANA time zone of the user, used for dates and daily memory files.'),
  startupContext: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Enable Startup Context', 'Preload recent daily memory into the first turn after a bare reset.', true),
      applyOn: opt(z.array(z.enum(['new', 'reset'])), 'Startup Context Apply On', 'Reset commands that get the prelude.', ['new', 'reset']),
      dailyMemoryDays: opt(z.number().int().min(1).max(14), 'Startup Context Daily Memory Days', 'Dated memory files loaded, counting back from today.', 2),
      maxFileBytes: opt(z.number().int().min(1).max(65536), 'Startup Context Max File Bytes', 'Daily memory files larger than this are skipped.', 16384),
      maxFileChars: opt(z.number().int().min(1).max(10000), 'Startup Context Max File Chars', 'Characters kept from each daily memory file.', 1200),
      maxTotalChars: opt(z.number().int().min(1).max(50000), 'Startup Context Max Total Chars', 'Characters kept across all loaded files.', 2800),
    }),
    'Startup Context',
    'Prelude of recent daily memory for the first turn after a bare /new or /reset.',
  ),
  contextPruning: opt(
    z.strictObject({
      mode: opt(z.enum(['off', 'cache-ttl']), 'Context Pruning Mode', 'Pruning of old tool results: "off" or "cache-ttl".'),
      ttl: opt(z.string(), 'Context Pruning TTL', 'How long the prompt cache counts as fresh before pruning may run (duration; bare numbers are minutes).'),
      tools: opt(
        z.strictObject({
          allow: opt(stringList(), 'Prunable Tools', 'Tool names whose results may be pruned.'),
          deny: opt(stringList(), 'Unprunable Tools', 'Tool names whose results are never pruned.'),
        }),
        'Context Pruning Tools',
        'Which tool results are prunable.',
      ),
      hardClear: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Hard Clear', 'Replace oversized old tool results with a placeholder under high pressure.'),
          placeholder: opt(z.string(), 'Hard Clear Placeholder', 'Text that replaces a cleared tool result.'),
        }),
        'Context Pruning Hard Clear',
        'The hard-clear step of pruning.',
      ),
    }),
    'Context Pruning',
    'Pruning of old tool results from the model context.',
  ),
  compaction: opt(
    z.strictObject({
      enabled: opt(z.boolean(), 'Embedded Auto-Compaction', 'Compact proactively when the context nears its limit (manual /compact and overflow recovery stay available).', true),
      mode: opt(z.enum(['default', 'safeguard']), 'Compaction Mode', '"safeguard" summarizes with guard rails that keep recent context; "default" without them.', 'safeguard'),
      provider: opt(z.string(), 'Compaction Provider', 'Registered compaction provider plugin to summarize with; falls back to the built-in one on failure.'),
      thinkingLevel: opt(
        z.enum([...THINKING_LEVELS, 'inherit']),
        'Compaction Thinking Level',
        'Thinking level for compaction summaries, or "inherit" for the session level. Unset: the provider preference, else "low".',
      ),
      keepRecentTokens: opt(posInt(), 'Compaction Keep Recent Tokens', 'Tokens of the most recent transcript kept verbatim.', 20000),
      identifierPolicy: opt(z.enum(['strict', 'off']), 'Compaction Identifier Policy', '"strict" tells the summarizer to keep opaque identifiers intact; "off" does not.', 'strict'),
      recentTurnsPreserve: opt(z.number().int().min(0).max(12), 'Compaction Preserve Recent Turns', 'Most recent user/assistant turns kept verbatim.', 3),
      qualityGuard: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Compaction Quality Guard Enabled', 'Audit safeguard summaries and regenerate failing ones (on by default in safeguard mode).'),
          maxRetries: opt(nonNegInt(), 'Compaction Quality Guard Max Retries', 'Regeneration attempts after a failed audit.'),
        }),
        'Compaction Quality Guard',
        'Quality audits of safeguard summaries.',
      ),
      midTurnPrecheck: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Compaction Mid-turn Precheck Enabled', 'Check context pressure after tool results, before the next model call.', false),
        }),
        'Compaction Mid-turn Precheck',
        'Context pressure check inside tool loops.',
      ),
      postIndexSync: opt(z.enum(['off', 'async', 'await']), 'Compaction Post-Index Sync', 'Session memory reindex after compaction.', 'async'),
      postCompactionSections: opt(stringList(), 'Post-Compaction Context Sections', 'AGENTS.md H2/H3 sections re-injected after compaction; unset or [] disables it.'),
      model: opt(z.string(), 'Compaction Model Override', 'provider/model or alias used only for compaction summaries.'),
      timeoutSeconds: opt(posInt(), 'Compaction Timeout (Seconds)', 'Time allowed for each compaction model request.', 180),
      memoryFlush: opt(
        z.strictObject({
          enabled: opt(z.boolean(), 'Compaction Memory Flush Enabled', 'Run a silent memory-writing turn before compaction.', true),
          model: opt(z.string(), 'Compaction Memory Flush Model Override', 'Exact provider/model for the memory flush turn (no fallbacks).'),
          softThresholdTokens: opt(nonNegInt(), 'Compaction Memory Flush Soft Threshold', 'Distance in tokens from the compaction threshold at which the flush runs.'),
          forceFlushTranscriptBytes: opt(ByteSize(), 'Compaction Memory Flush Transcript Size Threshold', 'Force the flush when the visible transcript reaches this size (bytes or "2mb"); 0 disables.'),
        }),
        'Compaction Memory Flush',
        'Memory flush before compaction.',
      ),
      maxActiveTranscriptBytes: opt(
        ByteSize(),
        'Compaction Active Transcript Size Threshold',
        'Compact before a run once the visible transcript reaches this size (bytes or "20mb"); 0 or unset disables.',
      ),
      notifyUser: opt(z.boolean(), 'Compaction Notify User', 'Tell the user when compaction starts and ends, or when the memory flush failed.', false),
    }),
    'Compaction',
    'How long sessions are compacted when the context nears its limit.',
  ),
  embeddedAgent: opt(
    z.strictObject({
      projectSettingsPolicy: opt(
        z.enum(['trusted', 'sanitize', 'ignore']),
        'Embedded OpenClaw Project Settings Policy',
        'Handling of workspace .openclaw/settings.json: "sanitize" strips shell settings, "ignore" skips it, "trusted" applies it as is.',
        'sanitize',
      ),
      executionContract: opt(
        z.enum(['default', 'strict-agentic']),
        'Embedded OpenClaw Execution Contract',
        '"strict-agentic" adds plan tracking and recovery of invisible turns for supported GPT-5-family runs.',
        'default',
      ),
      cyberFailover: opt(
        z.strictObject({
          mode: opt(z.enum(['auto', 'off']), 'Cyber Policy Failover Mode', 'Escalate replay-safe cyber-policy refusals automatically, or not.', 'auto'),
          model: opt(z.string().min(1), 'Cyber Policy Failover Model', 'provider/model to escalate to.'),
          cooloffMs: opt(posInt(), 'Cyber Policy Failover Cooloff', 'How long an unavailable target is skipped for the session (ms).'),
        }),
        'Cyber Policy Failover',
        'Automatic escalation of OpenAI cyber-policy refusals.',
      ),
    }),
    'Embedded OpenClaw',
    'Hardening of the embedded OpenClaw runner.',
  ),
  thinkingDefault: opt(ThinkingLevel(), 'Default Thinking Level', 'Thinking level used when no message or session override is set.'),
  fastModeDefault: opt(z.union([z.boolean(), z.literal('auto')]), 'Default Fast Mode', 'Default fast mode: true, false or "auto".'),
  verboseDefault: opt(z.enum(['off', 'on', 'full']), 'Default Verbose Level', 'Default verbosity of tool activity messages.', 'off'),
  toolProgressDetail: opt(
    z.enum(['explain', 'raw']),
    'Tool Progress Detail',
    'Tool summaries as compact labels ("explain") or with raw command details ("raw").',
    'explain',
  ),
  reasoningDefault: opt(z.enum(['off', 'on', 'stream']), 'Default Reasoning Visibility', 'Whether model reasoning is shown, and whether it is streamed.'),
  elevatedDefault: opt(z.enum(['off', 'on', 'ask', 'full']), 'Default Elevated Level', 'Default elevated level of sessions.', 'on'),
  blockStreamingDefault: opt(z.enum(['off', 'on']), 'Default Block Streaming', 'Send replies in blocks as they are generated.'),
  blockStreamingBreak: opt(z.enum(['text_end', 'message_end']), 'Block Streaming Break', 'Where block streaming splits messages.'),
  timeoutSeconds: opt(nonNegInt(), 'Agent Timeout (Seconds)', 'Longest an agent turn may run.'),
  mediaMaxMb: opt(z.number().positive(), 'Media Max Size (MB)', 'Largest media attachment processed, in MB.'),
  imageMaxDimensionPx: opt(posInt(), 'Image Max Dimension (px)', 'Longest image side kept when images in transcripts and tool results are downscaled.', 1200),
  imageQuality: opt(
    z.enum(['auto', 'efficient', 'balanced', 'high']),
    'Image Quality',
    'Image compression: "auto" adapts, "efficient" saves tokens, "balanced" middle ground, "high" keeps detail.',
  ),
  typingIntervalSeconds: opt(posInt(), 'Typing Interval (Seconds)', 'How often typing indicators are refreshed.', 6),
  systemAgent: ownerAgentId('System Agent', 'Agent whose model and credentials serve ambient system-agent and Custodian requests and unscoped operator reads.'),
  authInheritance: ownerAgentId('Auth Inheritance', 'Agent whose legacy credential store other agents inherit from (written during upgrades).'),
  sessionStore: ownerAgentId('Legacy Session Store', 'Agent owning retired main-agent or unscoped legacy session rows (written during upgrades).'),
  maxConcurrent: opt(posInt(), 'Max Concurrent Runs', 'Most agent runs across sessions at once (each session stays serialized).'),
  subagents: opt(
    z.strictObject({
      delegationMode: opt(
        z.enum(['suggest', 'prefer']),
        'Sub-agent Delegation Mode',
        'How strongly agents are told to delegate to sub-agents (default "prefer" in the main session, "suggest" elsewhere).',
      ),
      allowAgents: opt(stringList(), 'Sub-agent Allowed Agents', 'Agent ids sessions_spawn may target (["*"] = any).'),
      maxConcurrent: opt(posInt(), 'Sub-agent Max Concurrent', 'Most child runs at once.', 8),
      maxSpawnDepth: opt(z.number().int().min(1).max(5), 'Sub-agent Max Spawn Depth', 'Nesting depth of sub-agent spawning; 1 makes children leaves.', 5),
      maxChildrenPerAgent: opt(z.number().int().min(1).max(20), 'Sub-agent Max Children', 'Most active children one session may have.', 5),
      archiveAfterMinutes: opt(nonNegInt(), 'Sub-agent Archive After (Minutes)', 'Age after which finished sub-agent state is archived.', 60),
      model: opt(ModelRefSchema(), 'Sub-agent Model', 'Model for sub-agents.'),
      thinking: opt(z.string(), 'Sub-agent Thinking', 'Thinking level for sub-agents.'),
      runTimeoutSeconds: opt(nonNegInt(), 'Sub-agent Run Timeout (Seconds)', 'Longest a sub-agent run may take.'),
      announceTimeoutMs: opt(posInt(), 'Sub-agent Announce Timeout (ms)', 'Time allowed for announcing sub-agent results.'),
      requireAgentId: opt(z.boolean(), 'Sub-agent Require Agent Id', 'Reject sessions_spawn calls that name no agentId.', false),
    }),
    'Sub-agents',
    'Defaults for spawning sub-agents.',
  ),
  contextLimits: opt(ContextLimitsSchema, 'Default Context Limits', 'Size caps for selected excerpts and injected prompt blocks.'),
  blockStreamingChunk: opt(
    z.strictObject({
      minChars: opt(posInt(), 'Block Min Chars', 'Smallest block sent.'),
      maxChars: opt(posInt(), 'Block Max Chars', 'Largest block sent.'),
      breakPreference: opt(z.enum(['paragraph', 'newline', 'sentence']), 'Block Break Preference', 'Preferred boundary between blocks.'),
    }),
    'Block Streaming Chunking',
    'Sizes of streamed reply blocks.',
  ),
  blockStreamingCoalesce: opt(
    z.strictObject({
      minChars: opt(posInt(), 'Coalesce Min Chars', 'Blocks smaller than this are merged.'),
      maxChars: opt(posInt(), 'Coalesce Max Chars', 'Merged blocks stay below this size.'),
      idleMs: opt(nonNegInt(), 'Coalesce Idle (ms)', 'Idle time after which a pending block is sent.'),
    }),
    'Block Streaming Coalescing',
    'Merging of small streamed blocks.',
  ),
  humanDelay: opt(HumanDelaySchema, 'Human Delay', 'Randomized pause between block replies.'),
  typingMode: opt(TypingMode(), 'Typing Mode', 'When typing indicators start: "never", "instant", "thinking" or "message".'),
  heartbeat: opt(
    z.strictObject({
      ...heartbeatShape(),
      agentId: opt(nonBlank('agentId'), 'Heartbeat Agent', 'Agent that owns heartbeat runs when no agent has its own heartbeat block.'),
    }),
    'Heartbeat',
    'Periodic agent turns that check in and report.',
  ),
  sandbox: opt(SandboxSchema, 'Sandbox', 'Isolation of agent sessions in containers or remote runtimes.'),
});

// ---------------------------------------------------------------------------------------------------------------------
// agents.entries.<id>
// ---------------------------------------------------------------------------------------------------------------------

const AgentEntrySchema = z
  .strictObject({
    name: opt(z.string(), 'Agent Name', 'Display name of the agent.'),
    description: opt(z.string(), 'Agent Description', 'What this agent is for.'),
    workspace: opt(z.string(), 'Agent Workspace', 'Workspace of this agent (bootstrap and memory files); overrides agents.defaults.workspace.'),
    cwd: opt(z.string(), 'Agent Working Directory', 'Working directory of this agent\'s reply runs; overrides agents.defaults.cwd.'),
    agentDir: opt(z.string(), 'Agent Directory', 'Directory holding this agent\'s state (sessions, credentials).'),
    model: opt(ModelRefSchema(), 'Agent Model', 'Model of this agent; a string or {primary} has no fallbacks unless fallbacks are given.'),
    utilityModel: opt(z.string(), 'Agent Utility Model', 'Utility model of this agent; overrides agents.defaults.utilityModel.'),
    decisionModel: opt(z.string().max(512), 'Agent Decision Model', 'Decision model of this agent; "" disables decision calls.'),
    models: opt(ModelMapSchema(), 'Agent Model Overrides', 'Per-model settings for this agent, keyed by provider/model.'),
    modelPolicy: opt(ModelPolicySchema('this agent'), 'Agent Model Policy', 'Which models this agent may switch to; replaces the default policy.'),
    thinkingDefault: opt(ThinkingLevel(), 'Agent Thinking Default', 'Default thinking level of this agent.'),
    verboseDefault: opt(z.enum(['off', 'on', 'full']), 'Agent Verbose Default', 'Default verbosity of this agent.'),
    toolProgressDetail: opt(z.enum(['explain', 'raw']), 'Agent Tool Progress Detail', 'Tool progress detail of this agent.'),
    reasoningDefault: opt(z.enum(['on', 'off', 'stream']), 'Agent Reasoning Default', 'Default reasoning visibility of this agent.'),
    fastModeDefault: opt(z.union([z.boolean(), z.literal('auto')]), 'Agent Fast Mode Default', 'Default fast mode of this agent: true, false or "auto".'),
    contextInjection: opt(ContextInjection(), 'Agent Context Injection', 'Bootstrap injection of this agent; overrides agents.defaults.contextInjection.'),
    bootstrapMaxChars: opt(posInt(), 'Agent Bootstrap Max Chars', 'Per-file bootstrap injection cap of this agent.'),
    bootstrapTotalMaxChars: opt(posInt(), 'Agent Bootstrap Total Max Chars', 'Total bootstrap injection cap of this agent.'),
    experimental: opt(ExperimentalAgentFlagsSchema(), 'Agent Experimental Flags', 'Preview switches of this agent; unset fields inherit the defaults.'),
    skills: opt(stringList(), 'Agent Skill Filter', 'Skills this agent may use; replaces agents.defaults.skills; [] means none.'),
    subagents: opt(
      z.strictObject({
        delegationMode: opt(z.enum(['suggest', 'prefer']), 'Sub-agent Delegation Mode', 'Delegation strength for this agent.'),
        allowAgents: opt(stringList(), 'Sub-agent Allowed Agents', 'Agent ids this agent may spawn (["*"] = any).'),
        model: opt(ModelRefSchema(), 'Sub-agent Model', 'Model for sub-agents of this agent.'),
        thinking: opt(z.string(), 'Sub-agent Thinking', 'Thinking level for sub-agents of this agent.'),
        requireAgentId: opt(z.boolean(), 'Sub-agent Require Agent Id', 'Reject sessions_spawn calls that name no agentId.'),
      }),
      'Agent Sub-agents',
      'Sub-agent settings of this agent.',
    ),
    embeddedAgent: opt(
      z.strictObject({
        executionContract: opt(
          z.enum(['default', 'strict-agentic']),
          'Agent Embedded OpenClaw Execution Contract',
          'Execution contract of this agent ("strict-agentic" for supported GPT-5-family runs).',
        ),
      }),
      'Agent Embedded OpenClaw',
      'Embedded runner overrides of this agent.',
    ),
    params: opt(z.record(z.string(), z.unknown()), 'Agent Params', 'Provider request params for all of this agent\'s models.'),
    runtime: opt(
      z.discriminatedUnion('type', [
        z.strictObject({
          type: req(z.literal('embedded'), 'Agent Runtime Type', 'The built-in OpenClaw runtime.'),
        }),
        z.strictObject({
          type: req(z.literal('acp'), 'Agent Runtime Type', 'An external ACP harness.'),
          acp: opt(
            z.strictObject({
              agent: opt(z.string(), 'Agent ACP Harness Agent', 'ACP harness agent id (e.g. codex, claude, gemini).'),
              backend: opt(z.string(), 'Agent ACP Backend', 'ACP backend override (falls back to acp.backend).'),
              mode: opt(z.enum(['persistent', 'oneshot']), 'Agent ACP Mode', 'ACP session mode.'),
              cwd: opt(z.string(), 'Agent ACP Working Directory', 'Working directory of ACP sessions.'),
            }),
            'Agent ACP Runtime',
            'ACP defaults of this agent; binding-level settings win.',
          ),
        }),
      ]),
      'Agent Runtime',
      'Runtime of this agent: {type: "embedded"} or {type: "acp", acp: {...}}.',
    ),
    memory: opt(
      z.strictObject({
        search: opt(MemorySearchSchema, 'Agent Memory Search', 'Memory search overrides of this agent.'),
      }),
      'Agent Memory',
      'Memory settings of this agent.',
    ),
    humanDelay: opt(HumanDelaySchema, 'Agent Human Delay', 'Pause between block replies of this agent.'),
    typingMode: opt(TypingMode(), 'Agent Typing Mode', 'When typing indicators start for this agent.'),
    tts: opt(AgentTtsSchema, 'Agent Text-to-Speech', 'TTS overrides of this agent, deep-merged over the top-level tts section.'),
    skillsLimits: opt(
      z.strictObject({
        maxSkillsPromptChars: opt(nonNegInt(), 'Agent Skills Prompt Max Chars', 'Character budget of the skills prompt for this agent.'),
      }),
      'Agent Skills Limits',
      'Skills budgets of this agent.',
    ),
    contextLimits: opt(ContextLimitsSchema, 'Agent Context Limits', 'Context caps of this agent; unset fields inherit the defaults.'),
    heartbeat: opt(z.strictObject(heartbeatShape()), 'Agent Heartbeat', 'Heartbeat of this agent.'),
    identity: opt(IdentitySchema, 'Agent Identity', 'Name, theme, emoji and avatar of the agent.'),
    groupChat: opt(AgentGroupChatSchema, 'Agent Group Chat', 'Group chat behaviour of this agent.'),
    sandbox: opt(SandboxSchema, 'Agent Sandbox', 'Sandbox settings of this agent.'),
    tools: opt(AgentToolsSchema, 'Agent Tools', 'Tool policy and tool settings of this agent.'),
    default: opt(
      z.boolean(),
      'Default Agent (Legacy)',
      'Retired marker of the default agent; at most one entry may set it and it cannot be combined with agents.ownership "explicit".',
    ),
  })
  .meta({ title: 'Agent', description: 'One configured agent; its key in agents.entries is the agent id.' });

const AgentsSchema = z.strictObject({
  ownership: opt(
    z.literal('explicit'),
    'Agent Ownership Generation',
    'Multi-agent ownership marker: with "explicit", channels, heartbeat, Talk, cron and bare CLI operations must resolve an owner or fail. Required when agents.entries has several agents (unless a legacy default marker is used); omit for a sole agent.',
  ),
  defaults: opt(AgentDefaultsSchema, 'Agent Defaults', 'Settings inherited by every agent unless its entry overrides them.'),
  entries: opt(
    z.record(z.string().regex(AGENT_ENTRY_KEY, 'Invalid agent id'), AgentEntrySchema),
    'Agent List',
    'Configured agents keyed by agent id (letters, digits, _ and -, at most 64). Keep ids stable: bindings and sessions refer to them.',
  ),
});

// ---------------------------------------------------------------------------------------------------------------------
// Sections that are only typed at their outer level
// ---------------------------------------------------------------------------------------------------------------------

const looseSection = (title: string, description: string) => opt(z.looseObject({}), title, description);
const recordSection = (title: string, description: string) => opt(z.record(z.string(), z.unknown()), title, description);

// ---------------------------------------------------------------------------------------------------------------------
// Root
// ---------------------------------------------------------------------------------------------------------------------

const ROOT_KEYS = [
  '$schema', 'meta', 'env', 'wizard', 'diagnostics', 'logging', 'update', 'telemetry', 'browser', 'ui', 'secrets', 'auth',
  'accessGroups', 'acp', 'models', 'nodeHost', 'agents', 'worktreeRoot', 'worktreeAcceleration', 'tools', 'security',
  'bindings', 'broadcast', 'attachments', 'messages', 'tts', 'commands', 'approvals', 'session', 'cron', 'transcripts',
  'hooks', 'channels', 'discovery', 'talk', 'gateway', 'cloudWorkers', 'desktop', 'memory', 'mcp', 'skills', 'plugins',
  'surfaces', 'proxy',
] as const;

/** The 44 top-level keys of the OpenClaw 2026.9.6 config, in OpenClaw's order. */
export const TOP_LEVEL_KEYS: readonly string[] = ROOT_KEYS;

const rootShape = {
  $schema: opt(z.string(), 'JSON Schema', 'URL or path of a JSON Schema for editors; OpenClaw ignores it.'),
  meta: looseSection('Compatibility Metadata', 'Written by OpenClaw: the version that last touched the file and applied migrations.'),
  env: looseSection('Environment', 'Environment variables for the Gateway process: shell environment import and inline vars.'),
  wizard: looseSection('Setup Preferences', 'Preferences recorded by the setup wizard.'),
  diagnostics: looseSection('Diagnostics', 'Debug flags, OpenTelemetry export and cache tracing.'),
  logging: looseSection('Logging', 'Log level, log file, console style and redaction.'),
  update: looseSection('Updates', 'Update channel and automatic update checks.'),
  telemetry: looseSection('Telemetry', 'Consent to anonymous feature statistics.'),
  browser: opt(BrowserSchema, 'Browser', 'Browser automation: local or remote CDP browsers, named profiles, snapshot and SSRF settings.'),
  ui: looseSection('UI', 'Control UI appearance and preferences.'),
  secrets: looseSection('Secrets', 'Secret providers used by SecretRefs and their defaults.'),
  auth: looseSection('Auth', 'Model provider auth profiles and their failover order.'),
  accessGroups: recordSection('Access Groups', 'Named groups of senders or channel audiences used by access rules.'),
  acp: looseSection('ACP', 'Agent Client Protocol harnesses: dispatch, backends and allowed agents.'),
  models: looseSection('Models', 'Model providers and the model catalog.'),
  nodeHost: looseSection('Node Host', 'Capabilities this machine offers as a node (browser proxy, MCP, skills, runs).'),
  agents: opt(AgentsSchema, 'Agents', 'Agents: shared defaults in agents.defaults, each agent in agents.entries.<id>, and the ownership marker.'),
  worktreeRoot: opt(z.string(), 'Worktree Root', 'Directory for new managed worktrees (absolute or starting with ~); default <state dir>/worktrees.'),
  worktreeAcceleration: opt(z.boolean(), 'Worktree Acceleration', 'Use filesystem acceleration for new managed worktrees where supported.', true),
  tools: looseSection('Tools', 'Tool policy and tool settings shared by all agents.'),
  security: looseSection('Security', 'Security audit suppressions and install policy.'),
  bindings: opt(z.array(z.unknown()), 'Bindings', 'Routing rules that send conversations to agents (type "route") or bind them to ACP harnesses (type "acp").'),
  broadcast: recordSection('Agent Group Threads', 'Run several agents on one inbound conversation, each in its own session.'),
  attachments: looseSection('Attachments', 'Retention of staged media.'),
  messages: looseSection('Messages', 'Message handling shared by all agents: queueing, group chat, replies.'),
  tts: looseSection('Text-to-Speech', 'Speaking agent replies aloud.'),
  commands: looseSection('Commands', 'Chat command surfaces and owner gating.'),
  approvals: looseSection('Approvals', 'Forwarding of exec and plugin approval requests to chats.'),
  session: looseSection('Session', 'Session routing, reset and maintenance.'),
  cron: looseSection('Automations', 'Scheduler for stored automations (cron jobs).'),
  transcripts: looseSection('Transcripts', 'Meeting transcript capture and auto-start.'),
  hooks: looseSection('Hooks', 'Inbound webhooks mapped to wake or agent actions, plus internal hooks.'),
  channels: looseSection('Channels', 'Messaging channel providers (Telegram, Discord, Slack, WhatsApp, ...).'),
  discovery: looseSection('Discovery', 'mDNS and wide-area discovery of this Gateway.'),
  talk: looseSection('Talk', 'Voice conversation (Talk mode) settings.'),
  gateway: opt(GatewaySchema, 'Gateway', 'The Gateway server: port, bind address, auth, Control UI, remote mode, TLS, HTTP API and node policies.'),
  cloudWorkers: looseSection('Cloud Workers', 'Profiles for disposable remote worker environments.'),
  desktop: looseSection('Desktop', 'Desktop observation through a local VNC server.'),
  memory: looseSection('Memory', 'Built-in memory settings shared by all agents.'),
  mcp: looseSection('MCP', 'MCP servers managed by OpenClaw.'),
  skills: looseSection('Skills', 'Skill loading, installation, limits and per-skill settings.'),
  plugins: looseSection('Plugins', 'Plugin loading, allow/deny lists, slots and per-plugin settings.'),
  surfaces: recordSection('Surface Policies', 'Per-delivery-surface message policy overrides.'),
  proxy: looseSection('Managed Proxy', 'Forward proxy for OpenClaw\'s outbound HTTP(S) and WebSocket traffic.'),
} satisfies Record<(typeof ROOT_KEYS)[number], z.ZodType>;

/** The whole OpenClaw 2026.9.6 config file: strict at the root, detailed in gateway, browser and agents. */
export const bundledSchema = z.strictObject(rootShape).meta({
  title: 'OpenClaw Config',
  description: `OpenClaw configuration file (openclaw.json, JSON5), bundled schema for OpenClaw ${BUNDLED_SCHEMA_VERSION}.`,
});
