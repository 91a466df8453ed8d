/** The one door to the Apps Script server: google.script.run, typed from the sidebar contract and wrapped in a Promise. */
import type { Confidence } from '../../core/confidence/confidence';
import type { PlanInput } from '../../core/planInput';
import type { GenerateResponse, SidebarServer as ContractServer } from '../sidebarContract';

/**
 * The server as the page calls it: Generate also takes the Confidence the page simulated for the
 * input it sends (null when it has none), which the server writes to the Confidence sheet. Named
 * here until the contract (sidebarContract.ts, the server's side) gives generateFromSidebar that argument.
 */
type SidebarServer = Omit<ContractServer, 'generateFromSidebar'> & {
  generateFromSidebar(input: PlanInput, inputsFingerprint: string | null, confidence: Confidence | null): GenerateResponse;
};

type ServerName = keyof SidebarServer;

/** google.script.run as the browser sees it: each server function returns nothing; results arrive in the handlers. */
type ScriptRun = {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
} & { [K in ServerName]: (...args: Parameters<SidebarServer[K]>) => void };

// Declared here rather than through @types/google-apps-script, whose server-side globals must not leak into browser code.
declare const google: { script: { run: ScriptRun } } | undefined;

/** The failure handler may receive an Error, a plain object with a message, or a string. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return (error as { message: string }).message;
  }
  return String(error);
}

export function callServer<K extends ServerName>(name: K, ...args: Parameters<SidebarServer[K]>): Promise<ReturnType<SidebarServer[K]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google.script || !google.script.run) {
      reject(new Error('google.script.run is not available: open this page from the Google Sheets add-on or `npm run preview`.'));
      return;
    }
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<SidebarServer[K]>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const call = runner[name] as (...a: Parameters<SidebarServer[K]>) => void;
    call.apply(runner, args);
  });
}
