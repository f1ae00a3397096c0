import { provideHttpClient, withInterceptors } from '@angular/common/http';
import type { EnvironmentProviders, Provider } from '@angular/core';
import { provideApiConfiguration } from './generated/api-configuration';
import { authInterceptor } from './auth/auth.interceptor';

/** HTTP client, auth interceptor and the generated API client pointed at this origin. */
export function provideSignetApi(rootUrl = ''): (Provider | EnvironmentProviders)[] {
  return [provideHttpClient(withInterceptors([authInterceptor])), provideApiConfiguration(rootUrl)];
}
