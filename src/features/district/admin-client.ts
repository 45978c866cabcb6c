/**
 * The district pages' only door to the server: typed calls to the admin API (docs/api.md §4, §6).
 *
 * The session rides on the HttpOnly cookie the login sets (`credentials: 'same-origin'`): the page
 * never sees or stores the token, so a script injected into the page could not carry it away. Every
 * answer is checked against its schema; every failure becomes an `AdminFailure` with the server's
 * kebab-case code (or `network-error` / `unexpected-response`), never a throw.
 */
import { z } from 'zod';
import {
  cooperativeAnswerSchema,
  cooperativesAnswerSchema,
  createdAnswerSchema,
  enrollmentCodeSchema,
  errorEnvelopeSchema,
  importAnswerSchema,
  loginAnswerSchema,
  meAnswerSchema,
  revokeAnswerSchema,
  type AdminIdentity,
  type CooperativeAnswer,
  type CooperativesAnswer,
  type CooperativeSummary,
  type DeviceView,
  type EnrollmentCode,
  type ImportAnswer,
} from './api-schemas.ts';

export const API_BASE = '/api/v1';

const logoutAnswerSchema = z.object({ ok: z.literal(true) });

export type AdminFailure = {
  readonly code: string;
  /** The server's own sentence (Indonesian), shown when the code has no text of ours. */
  readonly message: string;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** From `Retry-After`, for throttled logins. */
  readonly retryAfterSeconds: number | null;
};

export type AdminResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AdminFailure };

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export type NewCooperative = { readonly name: string; readonly village: string; readonly district: string };

export type AdminClient = {
  readonly me: () => Promise<AdminResult<AdminIdentity>>;
  readonly login: (username: string, password: string) => Promise<AdminResult<AdminIdentity>>;
  readonly logout: () => Promise<AdminResult<null>>;
  readonly cooperatives: () => Promise<AdminResult<CooperativesAnswer>>;
  readonly cooperative: (id: string) => Promise<AdminResult<CooperativeAnswer>>;
  readonly createCooperative: (input: NewCooperative) => Promise<AdminResult<CooperativeSummary>>;
  readonly createEnrollmentCode: (cooperativeId: string) => Promise<AdminResult<EnrollmentCode>>;
  readonly revokeDevice: (deviceId: string) => Promise<AdminResult<DeviceView>>;
  readonly report: <S extends z.ZodType>(
    cooperativeId: string,
    report: string,
    query: Readonly<Record<string, string>>,
    schema: S,
  ) => Promise<AdminResult<z.infer<S>>>;
  /** Sends the backup file's text as it is: re-serialising it could only lose something. */
  readonly importBackup: (cooperativeId: string, fileText: string) => Promise<AdminResult<ImportAnswer>>;
};

const failure = (code: string, message: string, status: number, retryAfterSeconds: number | null = null) =>
  ({ ok: false, error: { code, message, status, retryAfterSeconds } }) as const;

function retryAfter(response: Response): number | null {
  const header = response.headers.get('retry-after');
  if (header === null || !/^\d+$/.test(header.trim())) return null;
  return Number(header.trim());
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function createAdminClient(fetchImpl: FetchLike = (input, init) => fetch(input, init)): AdminClient {
  async function call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    schema: S,
    body?: string,
  ): Promise<AdminResult<z.infer<S>>> {
    let response: Response;
    try {
      response = await fetchImpl(`${API_BASE}${path}`, {
        method,
        credentials: 'same-origin',
        headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body }),
      });
    } catch {
      return failure('network-error', 'Tidak ada sambungan ke server.', 0);
    }
    const json = await readJson(response);
    if (!response.ok) {
      const envelope = errorEnvelopeSchema.safeParse(json);
      if (envelope.success) {
        return failure(envelope.data.error.code, envelope.data.error.message, response.status, retryAfter(response));
      }
      return failure('unexpected-response', `HTTP ${String(response.status)}`, response.status, retryAfter(response));
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return failure('unexpected-response', 'Jawaban server tidak dikenali.', response.status);
    return { ok: true, value: parsed.data };
  }

  const map = <A, B>(result: AdminResult<A>, f: (value: A) => B): AdminResult<B> =>
    result.ok ? { ok: true, value: f(result.value) } : result;
  const segment = encodeURIComponent;

  return {
    me: () => call('GET', '/admin/me', meAnswerSchema),
    login: async (username, password) =>
      map(await call('POST', '/admin/login', loginAnswerSchema, JSON.stringify({ username, password })), (answer) => ({
        // The token is not kept: the HttpOnly cookie carries the session.
        username: answer.username,
        expiresAt: answer.expiresAt,
      })),
    logout: async () => map(await call('POST', '/admin/logout', logoutAnswerSchema, '{}'), () => null),
    cooperatives: () => call('GET', '/admin/cooperatives', cooperativesAnswerSchema),
    cooperative: (id) => call('GET', `/admin/cooperatives/${segment(id)}`, cooperativeAnswerSchema),
    createCooperative: async (input) =>
      map(await call('POST', '/admin/cooperatives', createdAnswerSchema, JSON.stringify(input)), (answer) => answer.cooperative),
    createEnrollmentCode: (cooperativeId) =>
      call('POST', `/admin/cooperatives/${segment(cooperativeId)}/enrollment-codes`, enrollmentCodeSchema, '{}'),
    revokeDevice: async (deviceId) =>
      map(await call('POST', `/admin/devices/${segment(deviceId)}/revoke`, revokeAnswerSchema, '{}'), (answer) => answer.device),
    report: (cooperativeId, report, query, schema) => {
      const search = new URLSearchParams(query).toString();
      const path = `/cooperatives/${segment(cooperativeId)}/reports/${segment(report)}${search === '' ? '' : `?${search}`}`;
      return call('GET', path, schema);
    },
    importBackup: (cooperativeId, fileText) =>
      call('POST', `/admin/cooperatives/${segment(cooperativeId)}/import`, importAnswerSchema, fileText),
  };
}
