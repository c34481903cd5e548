import type { AgentProfile } from './profile';

const CHECK = 'getsentry/sentry-python@064542dd:sentry_sdk/_compat.py:24-92';

export const SENTRY: AgentProfile = {
  id: 'sentry',
  name: 'Sentry',
  docs: 'https://docs.sentry.io/platforms/python/integrations/wsgi/',
  signals: {
    packages: ['sentry-sdk', 'raven'],
    configFiles: [],
    environment: ['SENTRY_DSN', 'SENTRY_ENVIRONMENT', 'SENTRY_RELEASE'],
    environmentPrefixes: [],
    wrappers: [],
    uwsgiImports: [],
    code: [/\bsentry_sdk\.init\s*\(/, /\bimport\s+sentry_sdk\b/, /\bfrom\s+sentry_sdk\b/, /\bSentryWsgiMiddleware\b/],
  },
  startCalls: [/\bsentry_sdk\.init\s*\(/],
  workerStart: ['import sentry_sdk', '', 'sentry_sdk.init()'],
  requirements: [
    {
      need: 'uwsgi-threads',
      impact: 'breaks',
      consequence: 'consequence.sentry.uwsgi-threads',
      explicitOnly: true,
      evidence: [
        { source: 'https://docs.sentry.io/platforms/python/integrations/wsgi/' },
        { source: CHECK, quote: 'We detected the use of uWSGI without thread support. This might lead to unexpected issues.' },
      ],
    },
    {
      need: 'uwsgi-fork-hooks',
      impact: 'breaks',
      consequence: 'consequence.sentry.uwsgi-fork-hooks',
      evidence: [
        {
          source: CHECK,
          quote: 'We detected the use of uWSGI in preforking mode without thread support. This might lead to crashing workers. Please run uWSGI with both "--enable-threads" and "--py-call-uwsgi-fork-hooks" for full support.',
        },
      ],
    },
  ],
};
