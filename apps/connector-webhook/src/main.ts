import { loadSettings, SettingsError } from './settings';
import { startConnector } from './worker';

function log(level: 'info' | 'error', msg: string, extra: object = {}): void {
  process.stdout.write(JSON.stringify({ level, time: new Date().toISOString(), service: 'connector-webhook', msg, ...extra }) + '\n');
}

async function main(): Promise<void> {
  let settings;
  try {
    settings = loadSettings(process.env);
  } catch (error) {
    if (error instanceof SettingsError) {
      log('error', `Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (settings.targets.length === 0) {
    log('info', 'Webhook connector disabled: WEBHOOK_TARGETS is empty. Nothing to do.');
    return;
  }
  const connector = await startConnector(settings, (msg, extra) => log('info', msg, extra));
  log('info', `Webhook connector running on ${connector.engine}`, { targets: settings.targets.map((t) => t.url) });
  const stop = async (signal: string) => {
    log('info', `Received ${signal}, finishing current jobs`);
    await connector.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  log('error', error instanceof Error ? error.message : String(error));
  process.exit(1);
});
