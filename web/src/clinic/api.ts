// The clinic server's routes for the web pages (api/openapi.yaml; docs/clinic-model.md): signing in,
// invites, the caseload with its flags, clinician notes and program changes. Every rule (who may see
// what, which flag, which change the planner forbids) is the server's; these calls only carry it.
import { ApiError, call } from '../api';

const CLINIC = '/api/v1/clinic';
const person = (id: string) => `${CLINIC}/people/${encodeURIComponent(id)}`;

export type Role = 'admin' | 'clinician' | 'patient';
export interface Account {
  id: number; username: string; role: Role; person: string | null;
  /** GET /me only: whether sign-in asks this account for a TOTP code. */
  totp_enabled?: boolean;
}

export type FlagKind = 'warning_sign' | 'pain_above_band' | 'pain_rising' | 'no_session_7d' | 'review_due';
export interface Flag { kind: FlagKind | string; since: string; detail: string; seen: boolean; seen_note: string | null }
/** One row of the caseload (contract A). The fields after unread_notifications come with the caseload
 *  work of issue 17; a server without them still lists the patients. */
export interface CaseloadRow {
  username: string; person: string; state: string; added_at: string; unread_notifications: number;
  flags?: Flag[]; attention?: number; adherence?: { done: number; planned: number; weeks: number };
  pain?: { date: string; pain: number }[]; last_check_in?: { at: string; pain: number; level: string } | null;
}
export interface Note { id: number | string; at: string; author: string; text: string }

export interface DoseSpec { sets?: number | null; reps?: number | null; hold_seconds?: number | null }
export interface ProgramExercise {
  id: string; exercise?: string; name: string; dose: unknown; dose_text?: string; limit: unknown; limit_text?: string | null;
  why: string; changed_on?: string | null; change_reason?: string;
}
export interface ProgramChange {
  id?: number | string; kind: string; exercise?: string | null; replacement?: string | null; dose?: DoseSpec | null;
  limit?: DoseSpec | null; text?: string | null; by: string; at: string; reason?: string | null; override_reason?: string | null;
  overridden_rule?: string | null;
}
export interface Candidate { id: string; name: string; allowed: boolean; why: string; kind?: string; in_program?: boolean; equipment?: string[] }
/** Who paused the program, when and why (contract B "pause"). */
export interface Pause { by: string; at: string; date: string; reason: string }
export interface ClinicProgram { exercises: ProgramExercise[]; paused: boolean; pause?: Pause | null; changes: ProgramChange[]; candidates: Candidate[] }
export type ChangeKind = 'add' | 'remove' | 'swap' | 'dose' | 'limit' | 'pause' | 'resume' | 'message';
export interface ChangeRequest {
  kind: ChangeKind; exercise?: string; replacement?: string; dose?: DoseSpec; limit?: DoseSpec;
  text?: string; reason?: string; override_reason?: string;
}

export const clinicApi = {
  /** Signs in; a 401 with field "totp" asks for the code of an account with TOTP on. */
  login: (username: string, password: string, totp?: string) =>
    call<{ account: Account }>('POST', `${CLINIC}/login`, totp ? { username, password, totp } : { username, password }),
  logout: () => call<{ signed_out: boolean }>('POST', `${CLINIC}/logout`, {}),
  me: () => call<{ account: Account }>('GET', `${CLINIC}/me`),
  /** Two-factor sign-in for one's own account: a new secret, confirmed by a current code; off with a code or the password. */
  totpEnable: () => call<{ secret: string; uri: string }>('POST', `${CLINIC}/totp/enable`, {}),
  totpConfirm: (code: string) => call<{ totp_enabled: boolean }>('POST', `${CLINIC}/totp/confirm`, { code }),
  totpDisable: (proof: { code?: string; password?: string }) => call<{ totp_enabled: boolean }>('POST', `${CLINIC}/totp/disable`, proof),
  /** Accepts an invite by its link's token, or by username and the short code; signs the patient in. */
  acceptInvite: (body: { token?: string; username?: string; code?: string; password: string }) =>
    call<{ account: Account }>('POST', `${CLINIC}/invites/accept`, body),
  caseload: (q = '', flag = '') => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (flag) params.set('flag', flag);
    const qs = params.toString();
    return call<{ patients: CaseloadRow[] }>('GET', `${CLINIC}/caseload${qs ? `?${qs}` : ''}`);
  },
  flagSeen: (id: string, kind: string, note: string) =>
    call<{ kind: string; seen_at: string; note: string }>('POST', `${person(id)}/flags/seen`, { kind, note }),
  notes: (id: string) => call<{ notes: Note[] }>('GET', `${person(id)}/notes`),
  addNote: (id: string, text: string) => call<Note>('POST', `${person(id)}/notes`, { text }),
  program: (id: string) => call<ClinicProgram>('GET', `${person(id)}/program`),
  changeProgram: (id: string, change: ChangeRequest) =>
    call<{ change: ProgramChange }>('POST', `${person(id)}/program/changes`, change),
};

/** Whether `e` is the server saying it has no such route (a part of issue 17 not on this server yet). */
export function missingRoute(e: unknown): boolean {
  return e instanceof ApiError && e.status === 404 && /^no such route/.test(e.message);
}
/** Whether `e` says the sign-in is gone (expired, signed out, or never made). */
export function signedOut(e: unknown): boolean {
  if (!(e instanceof ApiError)) return false;
  // The server's guard refuses a request without a valid session cookie with 403 "no_credential".
  return e.status === 401 || (e.status === 403 && (e.body as { error?: { code?: string } } | null)?.error?.code === 'no_credential');
}
