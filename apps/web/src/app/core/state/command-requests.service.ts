import { Injectable, signal } from '@angular/core';
import type { TerminalCommand } from '../../shell/command/command-parser';

type Of<K extends TerminalCommand['kind']> = Extract<TerminalCommand, { kind: K }>;

/**
 * What the command line asked a screen to prepare: the screen takes it (and clears it) when it
 * opens. Preparing never sends: the user still submits or confirms.
 */
@Injectable({ providedIn: 'root' })
export class CommandRequests {
  readonly ticket = signal<Of<'order'> | null>(null);
  readonly session = signal<Of<'start'> | Of<'stop'> | null>(null);
  readonly backtest = signal<Of<'backtest'> | null>(null);
}
