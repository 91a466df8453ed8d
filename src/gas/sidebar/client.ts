/**
 * The sidebar page's script: loads the plan from the server, keeps the form validated with
 * the core's own validator, its plan simulated for the Confidence card and diagnosed for the
 * funnel's card, and runs Preview / Generate one at a time.
 */
import type { Confidence } from '../../core/confidence/confidence';
import type { PlanInput } from '../../core/planInput';
import { isLang, langOfTag } from '../../core/i18n/lang';
import type { Lang } from '../../core/stages';
import type { GenerateResponse, SidebarState } from '../sidebarContract';
import { Action, ActionBar } from './actionBar';
import { clear, el } from './dom';
import { PlanForm } from './planForm';
import { ConfidenceView } from './confidenceView';
import { DiagnosisView } from './diagnosisView';
import { ResultsView } from './resultsView';
import { callServer, errorMessage } from './serverCall';
import { SidebarText, sidebarText } from './sidebarText';
import { validateForm } from './validation';

function header(state: SidebarState, text: SidebarText): HTMLElement[] {
  const nodes: HTMLElement[] = [
    el('p', { className: 'intro', text: text.intro }),
    el('p', { className: 'muted origin', text: state.source === 'inputs-sheet' ? text.fromSheet : text.fromTemplate }),
  ];
  if (state.readProblems.length > 0) {
    nodes.push(
      el('div', { className: 'notice', attrs: { role: 'alert' } }, [
        el('p', { text: text.readProblems }),
        el('ul', {}, state.readProblems.map((problem) => el('li', { text: problem }))),
      ]),
    );
  }
  return nodes;
}

/**
 * Generate rewrote the Inputs sheet, so the next Generate must compare against that sheet, not
 * the one first loaded. The sheets are already written: a failed refresh is not the user's news.
 */
async function refreshedFingerprint(previous: string | null): Promise<string | null> {
  try {
    return (await callServer('getSidebarState')).inputsFingerprint;
  } catch {
    return previous;
  }
}

function mount(root: HTMLElement, state: SidebarState): void {
  const lang: Lang = isLang(state.lang) ? state.lang : 'en';
  const text = sidebarText(lang);
  document.documentElement.lang = lang;
  const form = new PlanForm(state.input, text);
  const results = new ResultsView(text);
  const confidence = new ConfidenceView(text, lang);
  const diagnosis = new DiagnosisView(text, lang);
  let fingerprint = state.inputsFingerprint;
  let busy = false;

  const bar = new ActionBar(text, (action) => void run(action));
  const revalidate = (): void => {
    const input = form.collect();
    const errors = validateForm(input, lang);
    form.errors.set(errors);
    // "Fix the fields marked in red" must not outlive the last red field.
    if (errors.length === 0) bar.clearMessage(text.fixErrors);
    confidence.follow(input, errors.length === 0);
    diagnosis.follow(input, errors.length === 0);
  };

  form.element.addEventListener('input', () => {
    revalidate();
    results.markStale();
  });
  form.element.addEventListener('change', () => {
    revalidate();
    results.markStale();
  });
  form.element.addEventListener('focusout', (event) => {
    const path = (event.target as HTMLElement | null)?.getAttribute?.('data-path');
    if (path) form.errors.touch(path);
  });

  function showInvalid(): void {
    form.errors.revealAll();
    form.openInvalid();
    bar.showMessage(text.fixErrors);
    form.errors.firstInvalid()?.focus();
  }

  function handle(response: GenerateResponse, input: PlanInput): void {
    if (response.ok) {
      results.show({ summary: response.summary, sheets: response.sheets, backups: response.backups, input });
      results.element.scrollIntoView({ block: 'start' });
    } else if (response.reason === 'invalid') {
      form.errors.set(response.errors);
      showInvalid();
    } else {
      bar.showMessage(response.message);
    }
  }

  async function run(action: Action): Promise<void> {
    // The buttons are disabled while busy too; this guard also covers clicks queued before that took effect.
    if (busy) return;
    const input = form.collect();
    const errors = validateForm(input, lang);
    form.errors.set(errors);
    if (errors.length > 0) {
      showInvalid();
      return;
    }
    busy = true;
    bar.setBusy(action);
    form.element.setAttribute('aria-busy', 'true');
    try {
      const response =
        action === 'generate'
          ? await callServer('generateFromSidebar', input, fingerprint, await confidenceOf(input))
          : await callServer('previewPlan', input);
      handle(response, input);
      if (action === 'generate' && response.ok) fingerprint = await refreshedFingerprint(fingerprint);
    } catch (error) {
      bar.showMessage(text.failed(errorMessage(error)));
    } finally {
      busy = false;
      bar.setIdle();
      form.element.removeAttribute('aria-busy');
    }
  }

  /**
   * The Confidence the server records with the plan: the card's when it is for this input, else
   * simulated now (a few hundred ms), after the busy buttons have had a frame to show.
   */
  async function confidenceOf(input: PlanInput): Promise<Confidence | null> {
    if (!confidence.has(input)) await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      return confidence.confidenceFor(input);
    } catch {
      // The plan is still worth writing without its confidence range.
      return null;
    }
  }

  clear(root);
  for (const node of header(state, text)) root.appendChild(node);
  root.appendChild(form.element);
  root.appendChild(bar.element);
  root.appendChild(confidence.element);
  root.appendChild(diagnosis.element);
  root.appendChild(results.element);
  revalidate();
}

/** Before the state arrives the sidebar does not know the plan's language; the browser's is the best guess. */
function guessLang(): Lang {
  return langOfTag(navigator.language || '') ?? 'en';
}

async function boot(): Promise<void> {
  const root = document.getElementById('app') ?? document.body;
  const guess = sidebarText(guessLang());
  clear(root);
  root.appendChild(el('p', { className: 'muted loading', text: guess.loading }));
  root.setAttribute('aria-busy', 'true');
  try {
    mount(root, await callServer('getSidebarState'));
  } catch (error) {
    clear(root);
    root.appendChild(el('p', { className: 'action-message', attrs: { role: 'alert' }, text: guess.failed(errorMessage(error)) }));
  } finally {
    root.removeAttribute('aria-busy');
  }
}

void boot();
