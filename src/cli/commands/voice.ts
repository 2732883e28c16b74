import { type Command, Option } from 'commander';
import { formatCallReport } from '../../hotline/simulator/format-report.js';
import { simulateCall } from '../../hotline/simulator/simulate-call.js';
import { CliUsageError, parsePositiveInt, reportCliError } from '../cli-errors.js';

const E164 = /^\+[1-9]\d{6,14}$/;

interface SimulateOptions {
  to: string;
  say: string[];
  server: string;
  from: string;
  voice: string;
  authToken?: string;
  publicUrl?: string;
  json?: boolean;
  saveAudio?: string;
  interruptAfterMs?: string;
  hangupAfterMs: string;
  quiet?: boolean;
}

function serverUrl(value: string): string {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error();
    return url.toString().replace(/\/+$/, '');
  } catch {
    throw new CliUsageError(`--server must be an http(s) URL, got "${value}"`);
  }
}

export function registerVoiceCommand(program: Command) {
  const voice = program.command('voice').description('Voice and phone tools for the founder hotline');
  voice
    .command('simulate-call')
    .description(
      'Call a hotline number as a phone carrier would (Twilio Media Streams), speak each --say line ' +
        'with espeak-ng in real time, and print both sides of the transcript with per-turn latency',
    )
    .requiredOption('--to <number>', 'the hotline number to call (E.164, e.g. +14155550134)')
    .requiredOption('--say <text...>', 'what the caller says; repeat for each turn')
    .option('--server <url>', 'the Tandem server', `http://127.0.0.1:${process.env.PORT || 3000}`)
    .option('--from <number>', "the caller's number (E.164)", '+15005550006')
    .option('--voice <name>', 'espeak-ng voice for the caller (e.g. en-us, sv)', 'en-us')
    .addOption(
      new Option('--auth-token <token>', "the carrier account's auth token, to sign the webhook").env(
        'HOTLINE_CARRIER_AUTH_TOKEN',
      ),
    )
    .addOption(
      new Option('--public-url <url>', 'the URL the server signs against, when not --server').env(
        'HOTLINE_PUBLIC_URL',
      ),
    )
    .option(
      '--interrupt-after-ms <ms>',
      'barge-in: start each line this long after the persona starts speaking',
    )
    .option(
      '--hangup-after-ms <ms>',
      'after the last reply, hang up if the server has not ended the call',
      '15000',
    )
    .option('--save-audio <dir>', 'save the call as a stereo WAV (left caller, right persona) in this folder')
    .option('--json', 'print one JSON object instead of text')
    .option('--quiet', 'no progress lines on stderr')
    .action(async (opts: SimulateOptions) => {
      try {
        if (!E164.test(opts.to))
          throw new CliUsageError(`--to must be an E.164 number like +14155550134, got "${opts.to}"`);
        if (!E164.test(opts.from))
          throw new CliUsageError(`--from must be an E.164 number, got "${opts.from}"`);
        const lines = opts.say.map((s) => s.trim()).filter(Boolean);
        if (!lines.length) throw new CliUsageError('--say needs at least one non-empty line');
        const server = serverUrl(opts.server);
        const report = await simulateCall({
          server,
          to: opts.to,
          from: opts.from,
          lines,
          voice: opts.voice,
          authToken: opts.authToken || undefined,
          publicUrl: opts.publicUrl ? serverUrl(opts.publicUrl) : undefined,
          interruptAfterMs:
            opts.interruptAfterMs === undefined
              ? undefined
              : parsePositiveInt(opts.interruptAfterMs, '--interrupt-after-ms'),
          saveAudioDir: opts.saveAudio,
          timeouts: { hangupMs: parsePositiveInt(opts.hangupAfterMs, '--hangup-after-ms') },
          onProgress: opts.quiet || opts.json ? undefined : (m) => process.stderr.write(`· ${m}\n`),
        });
        process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatCallReport(report));
      } catch (err) {
        reportCliError(err);
      }
    });
}
