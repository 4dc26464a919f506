/** Types of early-signals.mjs. */
export declare const STOP_SIGNALS: readonly ['SIGINT', 'SIGTERM'];
/** Exits with 0 on SIGINT or SIGTERM until another handler for that signal is installed. */
export declare function exitOnEarlySignals(): void;
