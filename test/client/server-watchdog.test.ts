import * as assert from 'node:assert/strict';
import { deathWindow, maxRestarts, ServerWatchdog } from '../../client/server-watchdog.js';

/** The extension's answer to a language server that dies: restart, say so once, give up after repeated deaths. */
describe('the language server watchdog in the extension', () => {
    function watch(clock: { now: number }) {
        const told: string[] = [];
        const failures: string[] = [];
        let logShown = 0;
        const ui = {
            warn: (message: string) => { told.push(message); },
            fail: async (message: string, button: string) => { failures.push(message); return button; },
            showLog: () => { logShown++; }
        };
        return { dog: new ServerWatchdog(ui, () => clock.now), told, failures, logShown: () => logShown };
    }

    it('restarts a server that died, and says so once', () => {
        const clock = { now: 0 };
        const { dog, told, failures } = watch(clock);
        for (let death = 0; death < maxRestarts; death++) {
            clock.now += 10_000;
            assert.equal(dog.serverDied(), 'restart');
        }
        assert.deepEqual(told, ['The Journey language server stopped unexpectedly and was restarted.']);
        assert.deepEqual(failures, []);
    });

    it('stops after repeated deaths and says what to report, with the server log a click away', async () => {
        const clock = { now: 0 };
        const { dog, failures, logShown } = watch(clock);
        for (let death = 0; death < maxRestarts; death++) dog.serverDied();
        assert.equal(dog.serverDied(), 'stop');
        assert.equal(failures.length, 1);
        assert.match(failures[0], /stopped 5 times in 3 minutes.*report it with the \.journey file.*server log/);
        await new Promise(resolve => setImmediate(resolve));
        assert.equal(logShown(), 1);
    });

    it('forgets deaths older than the window: a server that dies now and then keeps being restarted', () => {
        const clock = { now: 0 };
        const { dog } = watch(clock);
        for (let death = 0; death < 20; death++) {
            clock.now += deathWindow / 2;
            assert.equal(dog.serverDied(), 'restart');
        }
    });

    it('lets connection errors pass three times, then shuts the connection', () => {
        const { dog } = watch({ now: 0 });
        assert.equal(dog.connectionError(3), 'continue');
        assert.equal(dog.connectionError(4), 'shutdown');
    });
});
