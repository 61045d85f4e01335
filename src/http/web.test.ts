import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configFromEnv, NCALAYER_DEFAULT_URL } from '../config.ts';
import { contentSecurityPolicy } from './web.ts';

test("NCALayer's address: the national default, another ws/wss address, or none; the page may connect only there", () => {
  assert.equal(configFromEnv({}).ncaLayerUrl, NCALAYER_DEFAULT_URL);
  assert.equal(configFromEnv({ NCALAYER_URL: 'ws://127.0.0.1:40001' }).ncaLayerUrl, 'ws://127.0.0.1:40001/');
  assert.equal(configFromEnv({ NCALAYER_URL: '' }).ncaLayerUrl, null);
  assert.throws(() => configFromEnv({ NCALAYER_URL: 'https://127.0.0.1:13579/' }), /NCALAYER_URL/);
  assert.throws(() => configFromEnv({ NCALAYER_URL: 'not a url' }), /NCALAYER_URL/);

  const connectSrc = (policy: string) => policy.split('; ').find((d) => d.startsWith('connect-src'));
  assert.equal(connectSrc(contentSecurityPolicy(NCALAYER_DEFAULT_URL)), "connect-src 'self' wss://127.0.0.1:13579");
  assert.equal(connectSrc(contentSecurityPolicy(null)), "connect-src 'self'");
});
