import type { ConfigurationProvider } from 'langium';
import { defaultTextLimits, type TextLimits } from './journey-text-guard.js';

/**
 * The size limits in force: the defaults (those of `journeymap check`), the editor's
 * `journey.maxFileSize` (MB) and `journey.maxLineLength` settings in the language server,
 * or what the CLI's options set.
 */
export class JourneyTextLimits {
    private last: TextLimits = defaultTextLimits;
    private fixed = false;

    constructor(private readonly configuration: ConfigurationProvider) {}

    /** The limits now, with the latest settings. */
    async current(): Promise<TextLimits> {
        if (this.fixed) return this.last;
        const [maxFileSize, maxLineLength] = await Promise.all([
            this.configuration.getConfiguration('journey', 'maxFileSize'),
            this.configuration.getConfiguration('journey', 'maxLineLength')
        ]);
        const megabytes = positive(maxFileSize);
        this.last = {
            maxFileBytes: megabytes !== undefined ? megabytes * 1024 * 1024 : defaultTextLimits.maxFileBytes,
            maxLineLength: positive(maxLineLength) ?? defaultTextLimits.maxLineLength
        };
        return this.last;
    }

    /** The limits last read (for a synchronous parse). */
    get known(): TextLimits {
        return this.last;
    }

    /** Sets the limits for good, whatever the settings say (the CLI's options). */
    use(limits: Partial<TextLimits>): void {
        this.last = { ...this.last, ...limits };
        this.fixed = true;
    }
}

function positive(value: unknown): number | undefined {
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}
