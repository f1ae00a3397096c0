import type { TokenPairDto } from '../generated/models';

const KEY = 'signet.tokens';

export function readTokens(): TokenPairDto | null {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as TokenPairDto) : null;
  } catch {
    return null;
  }
}

export function writeTokens(tokens: TokenPairDto | null): void {
  if (tokens) localStorage.setItem(KEY, JSON.stringify(tokens));
  else localStorage.removeItem(KEY);
}
