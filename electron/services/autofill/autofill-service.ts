/**
 * Autofill runs: one at a time. `start` does every check that can refuse (template, record, ID
 * reveal, display, nut-js, the Esc listener) before answering, so a refusal is an error of the
 * call and nothing is typed; the countdown and the typing then go on in the background and are
 * reported as `autofill.run` events. Audit: who ran which template for which citizen, when, and
 * how it ended — never the values (privacy rule of the audit log).
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { AutofillError } from '../../../native/autofill/autofill-error';
import { assertTypeable, runPlan, type RunReport } from '../../../native/autofill/engine';
import type { Desktop } from '../../../native/autofill/ports';
import type { RunState, Template } from '../../api/autofill-schemas';
import { AppError, errorMessage, isErrorCode, toApiError } from '../../api/errors';
import type { AuditService } from '../audit/audit-service';
import type { Clock } from '../shared/clock';
import type { EventBus } from '../shared/event-bus';
import type { AutofillHost, EscapeSubscription } from './autofill-host';
import type { AutofillRecord } from './autofill-record';
import { compileTemplate, type Compiled } from './compile-template';

export interface StartRequest {
  template: Template;
  record: AutofillRecord;
  idRevealed: boolean;
  countdownMs: number;
  /** Audit only: the dossier the data belongs to, when known. */
  dossierCode?: string;
}

const PROBLEM_CODES = {
  UNKNOWN_FIELD: 'AUTOFILL_TEMPLATE_INVALID',
  UNKNOWN_KEY: 'AUTOFILL_TEMPLATE_INVALID',
  UNKNOWN_MODIFIER: 'AUTOFILL_TEMPLATE_INVALID',
  BAD_DATE_FORMAT: 'AUTOFILL_TEMPLATE_INVALID',
  VALUES_NOT_SEX: 'AUTOFILL_TEMPLATE_INVALID',
  FIELD_MISSING: 'AUTOFILL_FIELD_MISSING',
  ID_NOT_REVEALED: 'AUTOFILL_ID_NOT_REVEALED',
} as const;

/** The most fundamental problem decides the code: a broken template before missing data. */
function refusal(compiled: Compiled): AppError | null {
  const order = [
    'AUTOFILL_TEMPLATE_INVALID',
    'AUTOFILL_FIELD_MISSING',
    'AUTOFILL_ID_NOT_REVEALED',
  ] as const;
  for (const code of order) {
    const matching = compiled.problems.filter(
      (p) => PROBLEM_CODES[p.code as keyof typeof PROBLEM_CODES] === code,
    );
    if (matching.length > 0) return new AppError(code, { problems: matching });
  }
  return null;
}

function errorOf(thrown: unknown): { code: string; message: string } {
  const api = toApiError(thrown);
  return { code: api.code, message: isErrorCode(api.code) ? errorMessage(api.code) : api.message };
}

export interface AutofillServiceDeps {
  host: AutofillHost;
  audit: AuditService;
  events: EventBus;
  clock: Clock;
  onInternalError?: (error: unknown) => void;
}

export function createAutofillService(deps: AutofillServiceDeps) {
  let current: {
    runId: string;
    controller: AbortController;
    finished: Promise<RunState | null>;
  } | null = null;
  let last: RunState | null = null;

  const publish = (state: RunState) => {
    last = state;
    deps.events.publish({ type: 'autofill.run', at: deps.clock.now(), run: state });
  };

  async function execute(
    request: StartRequest,
    compiled: Compiled,
    desktop: Desktop,
    escape: EscapeSubscription | null,
    state: RunState,
    controller: AbortController,
  ): Promise<RunState> {
    const subject = request.record.citizen.idNumber;
    const detail = {
      templateId: request.template.id,
      templateName: request.template.name,
      fields: compiled.fields,
      idNumberTyped: compiled.typesIdNumber,
      ...(request.dossierCode ? { dossierCode: request.dossierCode } : {}),
    };
    try {
      try {
        await sleep(request.countdownMs, undefined, { signal: controller.signal });
      } catch {
        throw controller.signal.reason instanceof AutofillError
          ? controller.signal.reason
          : new AutofillError('AUTOFILL_ABORTED');
      }
      const guard = await deps.host.focusGuard(desktop);
      const report: RunReport = await runPlan(compiled.plan, desktop, {
        signal: controller.signal,
        guard,
        onTargetLocked: () => {
          // The moment personal data leaves the app: recorded before the first keystroke.
          deps.audit.record('autofill.run', subject, detail);
          publish((state = { ...state, phase: 'typing' }));
        },
        onProgress: ({ done, total }) => publish((state = { ...state, done, total })),
      });
      state = {
        ...state,
        phase: 'done',
        durationMs: report.durationMs,
        fieldMs: report.fieldMs.map((ms) => Math.round(ms * 10) / 10),
      };
    } catch (error) {
      const aborted = error instanceof AutofillError && error.code === 'AUTOFILL_ABORTED';
      if (!(error instanceof AutofillError)) deps.onInternalError?.(error);
      state = { ...state, phase: aborted ? 'aborted' : 'failed', error: errorOf(error) };
    } finally {
      escape?.stop();
    }
    deps.audit.record('autofill.end', subject, {
      templateId: request.template.id,
      outcome: state.phase,
      ...(state.error ? { code: state.error.code } : {}),
      actionsDone: state.done,
    });
    publish(state);
    current = null;
    return state;
  }

  return {
    compile: compileTemplate,

    async start(request: StartRequest): Promise<RunState> {
      if (current) throw new AppError('AUTOFILL_BUSY', { runId: current.runId });
      const compiled = compileTemplate(request.template, request.record, {
        idRevealed: request.idRevealed,
      });
      const refused = refusal(compiled);
      if (refused) throw refused;
      // Claim the slot before the first await: two clicks must not start two runs.
      const controller = new AbortController();
      const runId = randomUUID();
      const slot = { runId, controller, finished: Promise.resolve<RunState | null>(null) };
      current = slot;
      let escape: EscapeSubscription | null;
      let desktop: Desktop;
      try {
        desktop = await deps.host.openDesktop();
        assertTypeable(compiled.plan, (text) => desktop.keyboard.canType(text));
        escape = await deps.host.listenForEscape(() =>
          controller.abort(new AutofillError('AUTOFILL_ABORTED', { by: 'esc' })),
        );
      } catch (error) {
        current = null;
        throw error;
      }
      const state: RunState = {
        runId,
        templateId: request.template.id,
        templateName: request.template.name,
        phase: 'countdown',
        countdownEndsAt: deps.clock.now() + request.countdownMs,
        fields: compiled.fields,
        done: 0,
        total: compiled.plan.actions.length,
        escToAbort: escape !== null,
        error: null,
        durationMs: null,
        fieldMs: [],
      };
      publish(state);
      slot.finished = execute(request, compiled, desktop, escape, state, controller);
      return state;
    },

    abort(): RunState | null {
      current?.controller.abort(new AutofillError('AUTOFILL_ABORTED', { by: 'ui' }));
      return last;
    },

    status: (): RunState | null => last,

    /** Resolves when the current run (if any) has ended; for the CLI and tests. */
    finished: (): Promise<RunState | null> => current?.finished ?? Promise.resolve(last),
  };
}
export type AutofillService = ReturnType<typeof createAutofillService>;
