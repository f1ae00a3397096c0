import { loadSettings, SettingsError } from './settings';
import { startConnector } from './worker';

function log(level: 'info' | 'error', msg: string, extra: object = {}): void {
  process.stdout.write(JSON.stringify({ level, time: new Date().toISOString(), service: 'connector-netsuite', msg, ...extra }) + '\n');
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
  if (!settings) {
    log('info', 'NetSuite connector disabled: NETSUITE_BASE_URL, NETSUITE_ACCOUNT and the TBA credentials are not set. Nothing to do.');
    return;
  }
  const connector = await startConnector(settings, (msg, extra) => log('info', msg, extra));
  log('info', `NetSuite connector running on ${connector.engine}`, { baseUrl: settings.baseUrl, account: settings.credentials.account });
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
