/**
 * Stopping browser mode on Ctrl+C (SIGINT) or SIGTERM, correctly at any moment of its life. The handlers are
 * installed before anything opens: a signal that came between printing the URL and installing them used to end the
 * process by the default action, with no exit code and nothing closed. Whatever is open when the signal comes is
 * closed, newest first, then the process exits with 0; a second signal exits at once.
 */
import { errorMessage } from '#shared/base/errors';

/** What a signal handler needs: where signals arrive and how the process ends (tests pass fakes). */
interface ShutdownOptions {
  signals?: Pick<NodeJS.EventEmitter, 'on'>;
  exit?: (code: number) => void;
  /** Where the one-line notices go. */
  log?: (line: string) => void;
  /** How long closing may take before the process exits anyway: a stuck close must not keep a stopped lab alive. */
  closeTimeoutMs?: number;
}

interface Shutdown {
  /** Registers something to close on shutdown; closed in the reverse order of registration. */
  add(close: () => Promise<void>): void;
  /** True once a signal asked to stop. */
  readonly requested: boolean;
}

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;
const CLOSE_TIMEOUT_MS = 10_000;

export function installShutdown(options: ShutdownOptions = {}): Shutdown {
  const {
    signals = process,
    exit = (code: number) => process.exit(code),
    log = (line: string) => console.error(line),
  } = options;
  const closers: Array<() => Promise<void>> = [];
  let requested = false;

  const stop = async () => {
    const late = setTimeout(() => {
      log('Closing took too long; stopping anyway.');
      exit(1);
    }, options.closeTimeoutMs ?? CLOSE_TIMEOUT_MS);
    late.unref();
    for (const close of closers.reverse())
      await close().catch((error: unknown) => log(`While stopping: ${errorMessage(error)}`));
    clearTimeout(late);
    exit(0);
  };

  for (const signal of SIGNALS) {
    signals.on(signal, () => {
      if (requested) return exit(1);
      requested = true;
      void stop();
    });
  }
  return {
    add: (close) => closers.push(close),
    get requested() {
      return requested;
    },
  };
}
