import { t } from '../model/localisation.js';

/** After this many deaths within `deathWindow`, the server is not started again. */
export const maxRestarts = 4;
export const deathWindow = 3 * 60_000;

/** What the watchdog needs of the editor: a way to tell the user, and to show the server's log. */
export interface WatchdogUi {
    warn(message: string): void;
    /** Shows an error with one button; resolves with the button's title when it was clicked. */
    fail(message: string, button: string): Promise<string | undefined>;
    showLog(): void;
}

/**
 * Decides what the extension does when the language server's process dies: start it again
 * and say so once; after repeated deaths stop, and tell the user what to report. Connection
 * errors are let pass three times, as vscode-languageclient's own handler does.
 * (activate-journey.ts turns these decisions into the client's ErrorHandler.)
 */
export class ServerWatchdog {
    private readonly deaths: number[] = [];
    private toldRestart = false;

    constructor(private readonly ui: WatchdogUi, private readonly now: () => number = Date.now) {}

    serverDied(): 'restart' | 'stop' {
        const now = this.now();
        this.deaths.push(now);
        while (now - this.deaths[0] > deathWindow) this.deaths.shift();
        if (this.deaths.length > maxRestarts) {
            const showLog = t('Show Server Log');
            void this.ui
                .fail(
                    t(
                        'The Journey language server stopped {count} times in {minutes} minutes and will not be started again. Please report it with the .journey file you were editing and the server log (Output › Journey Language Server). Reload the window to start it again.',
                        { count: this.deaths.length, minutes: deathWindow / 60_000 }
                    ),
                    showLog
                )
                .then(choice => {
                    if (choice === showLog) this.ui.showLog();
                });
            return 'stop';
        }
        if (!this.toldRestart) {
            this.toldRestart = true;
            this.ui.warn(t('The Journey language server stopped unexpectedly and was restarted.'));
        }
        return 'restart';
    }

    connectionError(count: number | undefined): 'continue' | 'shutdown' {
        return count !== undefined && count <= 3 ? 'continue' : 'shutdown';
    }
}
