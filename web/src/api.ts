// The one place that knows the server's routes (api/openapi.yaml). Every call returns parsed JSON
// or throws an ApiError carrying the server's JSON error message.
import type { SessionSteps } from './steps';
import { addToOutbox, outboxItems, syncOutbox, type OutboxKind } from './outbox';

export class ApiError extends Error {
  constructor(public status: number, message: string, public body: unknown) {
    super(message);
  }
}

const BASE = '/api/v1';

export function personId(): string | null {
  return localStorage.getItem('kneecoach.person');
}

export function setPersonId(id: string): void {
  // A new person on this browser: forget the copies the service worker kept for the previous one
  // (docs/offline.md). What they saved offline still goes to their own address in the outbox.
  if (personId() !== id && 'caches' in window) void caches.delete('kc-data-v1').catch(() => undefined);
  localStorage.setItem('kneecoach.person', id);
}

function personBase(person?: string): string {
  const id = person ?? personId();
  if (!id) throw new ApiError(404, 'No program yet: answer the questions first.', null);
  return `${BASE}/people/${encodeURIComponent(id)}`;
}

/** An Idempotency-Key per user action: the same body sent again (a retry after a failure) reuses
 *  the key, so the server stores it once; a changed body is a new action with a fresh key. */
export class Action {
  private key = '';
  private body = '';
  keyFor(body: unknown): string {
    const text = JSON.stringify(body);
    if (!this.key || text !== this.body) {
      // getRandomValues works outside secure contexts too (randomUUID does not).
      this.key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
      this.body = text;
    }
    return this.key;
  }
  /** After a success: the next submit is a new action. */
  done(): void { this.key = ''; this.body = ''; }
}

/** One request to the API: parsed JSON, or an ApiError with the server's message (web/src/clinic uses it too). */
export async function call<T>(method: string, path: string, body?: unknown, action?: Action): Promise<T> {
  // Same origin only: the server answers the API only to its own pages, which hold the session
  // cookie (HttpOnly, SameSite=Strict; docs/security.md).
  const init: RequestInit = { method, headers: { Accept: 'application/json' }, mode: 'same-origin', credentials: 'same-origin' };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    (init.headers as Record<string, string>)['Content-Type'] = 'application/json';
  }
  if (action) (init.headers as Record<string, string>)['Idempotency-Key'] = action.keyFor(body);
  const res = await fetch(path, init);
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (!res.ok) {
    const j = json as { error?: unknown; message?: unknown } | null;
    const err = j && typeof j.error === 'object' && j.error !== null ? (j.error as { message?: string }).message : undefined;
    const msg = err ?? (typeof j?.error === 'string' ? j.error : undefined) ?? (typeof j?.message === 'string' ? j.message : undefined) ?? `${res.status} ${res.statusText}`;
    throw new ApiError(res.status, String(msg), json);
  }
  return json as T;
}

/** The person's own calendar day, YYYY-MM-DD: the day a check-in or a measure is for, sent with it
 *  so that one synced later still counts for the day it was done (docs/offline.md). */
export function localDay(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** What a save did: the server's reply, or kept on this phone until it can be sent (outbox.ts). */
export type Saved<T> = { queued: false; reply: T } | { queued: true };

/** POSTs `body` with the action's Idempotency-Key; when the network fails (offline, or no reply),
 *  or older saves still wait, keeps it in the outbox with that same key and body, to be sent in
 *  order. A reply from the server (2xx or an error) is returned or thrown as usual. */
async function saveOrQueue<T>(kind: OutboxKind, label: string, path: string, body: unknown, action: Action): Promise<Saved<T>> {
  const queue = async (): Promise<Saved<T>> => {
    await addToOutbox({ key: action.keyFor(body), kind, label, path, body, saved_at: new Date().toISOString() });
    action.done();
    if (navigator.onLine) void syncOutbox();
    return { queued: true };
  };
  const waiting = (await outboxItems().catch(() => [])).some((i) => !i.refused);
  if (waiting || !navigator.onLine) return queue();
  try {
    const reply = await call<T>('POST', path, body, action);
    action.done();
    return { queued: false, reply };
  } catch (e) {
    if (e instanceof ApiError) throw e;
    return queue();  // a network failure: the request may or may not have arrived; the key makes it once
  }
}

export type Level = 'emergency' | 'urgent' | 'see_clinician' | 'caution' | 'go';
export interface Triage { level: Level; reasons: { rule: string; message: string }[]; advice: string }

export interface Dose {
  sets: number; reps: number | null; reps_max?: number | null;
  hold_seconds: number | null; hold_seconds_max?: number | null; hold_breaths: number | null;
  sides: 'each' | 'alternate' | 'both';
  tempo: { up: number; hold: number; down: number } | null;
  rest_seconds: number; note?: string | null;
}
export interface PlanExercise {
  id: string; name: string; kind: string; block: string; groups: string[]; dose: Dose;
  dose_text: string; seconds: number; reason: string; start_easier: string | null; trimmed_to_fit: boolean;
  steps?: string[];
}
export interface PlanSession { id: string; kind: string; title: string; minutes: number; seconds: number; exercises: PlanExercise[] }
export interface Plan {
  start: string; end: string; weeks: number; triage_level: Level; pain: number; pain_band: string;
  minutes_per_session: number; days: string[]; strength_days: string[];
  week: { day: string; session: string | null }[]; sessions: PlanSession[];
  calendar: { date: string; week: number; day: string; session: string }[];
  reviews: { week: number; date: string; what: string }[];
  cautions: string[]; clearance?: Clearance | null; decisions: string[]; safety: string[]; sources?: string[];
}

/** One exercise at the dose in force (DoseInForce): when and why it last changed, if it did. */
export interface DoseInForce {
  plan_exercise: string; exercise: string; name: string; block: string; dose: Dose; dose_text: string;
  why: string; changed_on: string | null; change_reason: string;
}
/** The program on a day (ProgramInForce): the program week and every session at the doses in force. */
export interface ProgramInForce {
  date: string; week: number | null; week_text: string;
  sessions: { id: string; kind: string; title: string; minutes: number; exercises: DoseInForce[] }[];
}

export interface ServerQuestion {
  id: string; prompt: string; help: string; kind: 'yes_no' | 'whole_number' | 'number' | 'one_of' | 'many_of';
  hint: string; unit: string; default_answer: string; min?: number; max?: number; skip_word: string; min_choices?: number;
  choices: { value: string; label: string }[];
}
export interface IntakeTurn {
  next: ServerQuestion | null; relevant: string[]; answers: Record<string, unknown>; document: Record<string, unknown>;
  /** Set when a warning sign stopped the questions (next is then null): the referral, also what POST /people gives. */
  stopped: Triage | null;
}
export interface TodayExercise { position: number; exercise: string; name: string; block: string; dose: Dose; dose_text: string; reason: string; changed_on: string | null }
export interface Today {
  date: string; week: number | null; week_text: string; scheduled: boolean; done: boolean; session?: string; title?: string;
  exercises?: TodayExercise[]; next: { date: string; session: string } | null; review_due: boolean; see_clinician: boolean;
  /** The clinic server: a pause by the clinician, and their messages since the last session or check-in. */
  paused?: ProgramPause | null; messages?: PlanMessage[];
}
export interface DoseChange { exercise: string; now_doing: string; name: string; decision: string; from: Dose; to: Dose; reason: string }
export interface Review { due: boolean; date?: string; see_clinician: boolean; message: string }
export interface CreateResult { status: 'created' | 'referral' | 'too-little'; person: { id: string } | null; triage: Triage; plan?: Plan | null; shortfall?: { missing: { what: string; fix: string }[]; enough_alone?: string[] } }
/** A clinician's clearance ("I have been seen and cleared"): who, when, and their limits. The server
 *  decides which warning signs it covers (`flags`, the signs present) and checks every field. */
export interface Clearance {
  clinician: string; role: string; cleared_on: string; flags?: string[];
  limits: { no_kneeling: boolean; no_deep_knee_bend: boolean; pain_ceiling: number | null; avoid: string[]; note: string };
}
export interface CheckInRequest { next_morning_pain: number; red_flags: string[]; replace?: boolean; date?: string }
export interface CheckInResult { date: string; next_morning_pain: number; triage_level: Level; stopped: boolean; replaced: { check_in_id: number; next_morning_pain: number } | null; referral: Triage | null; cautions: string[]; dose_changes: DoseChange[]; review: Review }
/** GET /check-in-signs: the question asked first, then the warning signs (ids are red_flags values). */
export interface CheckInSigns { question: string; signs: { id: string; prompt: string }[] }
export interface Point { date: string; value: number }
/** What the camera coach saw of one exercise (api/openapi.yaml CameraLog): reps counted and, per rep, the
 *  form-fault ids flagged (content/cues `fault` ids; exactly `reps` lists). */
export interface CameraLog { reps: number; faults_per_rep: string[][]; frames: number }
/** A stored CameraLog read back, with its tallies (CameraSummary): fault id -> reps it was seen in. */
export interface CameraSummary extends CameraLog { reps_with_faults: number; faults: Record<string, number> }
/** One exercise of a session log sent to POST /sessions (SessionLogRequest.exercises[]). */
export interface SessionLogExercise {
  /** status: left out by the web app; the server judges it from the counts (session::judge). */
  position: number; status?: 'done' | 'partly' | 'skipped';
  sets?: number; reps?: number; holds?: number; seconds?: number; pain?: number;
  camera?: CameraLog | null;
  /** What the person said of it after the session; progression uses it (core/tracking/feedback.h). */
  feedback?: Feedback;
}
/** A coming session and the days it may move to (GET /people/{id}/moves). */
export interface MoveChoices { date: string; week: number; session: string; title: string; days: string[] }
export type Feedback = 'too-easy' | 'too-hard' | 'hurt';
/** An after-session decision for one exercise, changed or not, with its rule and reason. */
export interface SessionDecision { exercise: string; name: string; decision: 'progress' | 'hold' | 'ease'; rule: string; reason: string }
export interface SessionLogRequest {
  date?: string; session?: string; status: 'finished' | 'quit'; pain_during?: number; exercises: SessionLogExercise[];
}
/** One exercise of a logged session, read back (ExerciseLog). */
export interface ExerciseLog {
  position: number; exercise: string; name: string; outcome: 'done' | 'partly' | 'skipped';
  sets: number; reps: number; holds: number; seconds: number; pain: number | null; feedback: Feedback | null; camera: CameraSummary | null;
}
/** The program week in brief (WeekSummary): counts, pain against last week, changes, what comes next. */
export interface WeekSummary {
  week: number | null; first: string; last: string; planned: number; planned_so_far: number; done: number; partly: number;
  pain_this_week: number | null; pain_last_week: number | null; pain_trend: '' | 'lower' | 'higher' | 'about the same';
  dose_changes: DoseChange[]; next: { date: string; session: string } | null; review: string | null; lines: string[];
}
/** A band of the pain-monitoring model (PainBand): whole-number range on 0-10, inclusive. */
export interface PainBand { band: string; meaning: string; lowest: number; highest: number; label: string }
/** One week of the program (ProgramWeek): week 1 starts on the program's start date. */
export interface ProgramWeek { week: number; start: string; end: string }
export interface Progress {
  date: string; stopped: boolean; week: number | null; week_text: string; weeks: ProgramWeek[]; pain_bands: PainBand[];
  adherence: { planned: number; done: number; partly: number; percent: number };
  review: Review; series: Record<string, Point[]>; week_summary?: WeekSummary;
  sessions: { id: number; date: string; week: number | null; session: string; status: string; pain_during?: number | null; exercises?: ExerciseLog[] }[];
  /** Every check-in with the triage outcome it produced (CheckInRecord); absent from an older server. */
  check_ins?: CheckInRecord[];
  doses: { exercise: string; now_doing: string; name: string; dose: Dose; dose_text: string; reason: string; changed_on: string | null }[];
}
/** A stored check-in and what triage made of it when it was saved (the server's level and words). */
export interface CheckInRecord {
  id: number; date: string; at: string; next_morning_pain: number; triage_level: string; level_meaning: string;
  refers: boolean; stopped: boolean; signs: { id: string; prompt: string; name: string }[];
}

/** A measure's definition as the content states it (GET /api/v1/measures, MeasureDef). */
export interface NormBand { age_min: number; age_max: number; men: number; women: number }
export interface MeasureDef {
  id: string; name: string; kind: 'rating' | 'items' | 'timed-count'; purpose: string; instructions: string[];
  scale: { min: number; max: number } | null; anchors: { value: number; label: string }[];
  questions: { id: string; prompt: string }[]; items: { min: number; max: number } | null; item_prompt: string;
  seconds: number | null; max_count: number | null; norms: NormBand[];
  meaningful_change: { points: number; percent: number | null; text: string } | null; sources: string[];
}
export interface Measurement { id: number; measure: string; date: string; value: number; items: { label: string; value: number }[] }
/** Where the person stands on a measure (MeasureStanding): the server's change and verdict. */
export interface MeasureStanding {
  measure: 'psfs' | 'chair-stand' | 'grc'; name: string; count: number; first: Measurement | null; latest: Measurement | null;
  change: number | null; threshold: number | null; threshold_text: string; meaningful: boolean;
  direction: 'better' | 'worse' | 'same' | ''; summary: string; activities: string[]; norm: NormBand | null;
}
export interface MeasureRequest { measure: string; date?: string; value?: number; items?: { label: string; value: number }[]; note?: string }
export type SessionLogReply = { session_id: number; date: string; session: string; status: string; repeat: boolean; dose_changes: DoseChange[]; decisions: SessionDecision[] };

/** One exercise of the catalog as the content states it (GET /exercises/{id}, Exercise). */
export interface Variant { exercise?: string; parameter?: string; change: string }
export interface CatalogExercise {
  id: string; name: string; kind: string; purpose: string; benefit: string; steps: string[]; cues: string[]; mistakes: string[];
  equipment: { needed: string[]; optional: string[] }; variants: { easier: Variant[]; harder: Variant[] };
  cautions: { who: string; advice: string }[];
}

/** Whom to call, by country (GET /contacts): `dial` is the digits for a tel: link. */
export interface PhoneNumber { number: string; dial: string; label: string }
export interface CountryContacts { code: string; name: string; emergency: PhoneNumber; urgent: PhoneNumber | null; urgent_note: string; sources: string[] }

/** A change to the program, as the patient sees it (GET /plan "changes"; the clinic server). */
export interface PlanChange { kind: string; exercise?: string | null; by: string; at: string; reason?: string | null }
/** A clinician's message to the patient (GET /plan "messages"). */
export interface PlanMessage { id: string | number; by: string; at: string; text: string }
/** Who paused the program, when and why (the clinic server; null when it runs). */
export interface ProgramPause { by: string; at: string; date: string; reason: string }
export interface PlanReply {
  person: { id: string }; stopped: { at: string; reason: string } | null; plan: Plan; in_force: ProgramInForce;
  changes?: PlanChange[]; messages?: PlanMessage[]; paused?: ProgramPause | null;
}

export const api = {
  contacts: () => call<{ default: string; countries: CountryContacts[] }>('GET', `${BASE}/contacts`),
  exercises: () => call<{ exercises: CatalogExercise[] }>('GET', `${BASE}/exercises`),
  exercise: (id: string) => call<CatalogExercise>('GET', `${BASE}/exercises/${encodeURIComponent(id)}`),
  questions: () => call<{ version: number; questions: ServerQuestion[] }>('GET', `${BASE}/intake/questions`),
  /** One turn of the questionnaire: the answers so far checked, the next relevant question (IntakeTurn). */
  // `cleared`: the warning signs a clearance recorded after an earlier stop covers (they no longer stop the questions).
  answer: (answers: Record<string, unknown>, after?: string, cleared?: string[]) =>
    call<IntakeTurn>('POST', `${BASE}/intake/answer`, { answers, ...(after ? { after } : {}), ...(cleared?.length ? { cleared } : {}) }),
  triage: (answers: object) => call<Triage>('POST', `${BASE}/triage`, answers),
  /** Saves the answers and builds the program; a referral or a shortfall stores nothing. */
  create: async (answers: object, start?: string, action?: Action): Promise<CreateResult> => {
    try {
      return await call<CreateResult>('POST', `${BASE}/people`, start ? { answers, start } : { answers }, action);
    } catch (e) {
      if (e instanceof ApiError && e.status === 422 && e.body && (e.body as CreateResult).status === 'too-little') return e.body as CreateResult;
      throw e;
    }
  },
  /** The referral's answers with a clinician's clearance: the program is built keeping to its limits. */
  clear: (answers: object, clearance: Clearance, referredOn: string | undefined, action?: Action) =>
    call<CreateResult & { clearance?: Clearance }>('POST', `${BASE}/people`, referredOn ? { answers, clearance, referred_on: referredOn } : { answers, clearance }, action),
  /** "I have been seen and cleared" for this browser's person, whose program a check-in stopped: the server uses their stored answers. */
  clearStopped: (clearance: Clearance, action?: Action) =>
    call<CreateResult & { clearance?: Clearance }>('POST', `${personBase()}/clearance`, clearance, action),
  /** `person`: another person's record (a clinician's caseload); by default this browser's person. */
  plan: (person?: string) => call<PlanReply>('GET', `${personBase(person)}/plan`),
  today: () => call<Today>('GET', `${personBase()}/today`),
  /** The day's session laid out step by step, as every player plays it (SessionSteps). */
  session: (date?: string) => call<SessionSteps>('GET', `${personBase()}/session${date ? `?date=${encodeURIComponent(date)}` : ''}`),
  /** The coming session (on or after `date`) and the days it may move to (core/tracking/move_day.h's rule). */
  moves: (date?: string) => call<MoveChoices>('GET', `${personBase()}/moves${date ? `?date=${encodeURIComponent(date)}` : ''}`),
  move: (from: string, to: string, action?: Action) => call<{ from: string; date: string; week: number; session: string }>('POST', `${personBase()}/moves`, { from, to }, action),
  logSession: (log: SessionLogRequest, action?: Action) => call<SessionLogReply>('POST', `${personBase()}/sessions`, log, action),
  checkIn: (body: CheckInRequest, action?: Action) => call<CheckInResult>('POST', `${personBase()}/check-ins`, body, action),
  checkInSigns: () => call<CheckInSigns>('GET', `${BASE}/check-in-signs`),
  /** Saved now, or kept on this phone until it can be sent (outbox.ts). */
  saveSession: (log: SessionLogRequest, action: Action, label: string) => saveOrQueue<SessionLogReply>('session', label, `${personBase()}/sessions`, log, action),
  saveCheckIn: (body: CheckInRequest, action: Action, label: string) => saveOrQueue<CheckInResult>('check-in', label, `${personBase()}/check-ins`, body, action),
  saveMeasure: (body: MeasureRequest, action: Action, label: string) => saveOrQueue<Measurement>('measure', label, `${personBase()}/measures`, body, action),
  measureDefs: () => call<{ measures: MeasureDef[] }>('GET', `${BASE}/measures`),
  measures: (person?: string) => call<{ age: number; measures: MeasureStanding[] }>('GET', `${personBase(person)}/measures`),
  progress: (person?: string) => call<Progress>('GET', `${personBase(person)}/progress`),
  handoutUrl: () => `${personBase()}/handout.pdf`,
  calendarUrl: (tz: string) => `${personBase()}/calendar.ics?tz=${encodeURIComponent(tz)}`,
  svgUrl: (id: string) => `${BASE}/exercises/${encodeURIComponent(id)}/svg`,
  speechUrl: (text: string) => `${BASE}/speech?text=${encodeURIComponent(text)}`,
};
