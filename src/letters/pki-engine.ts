// The WebCrypto engine pkijs works with (Node's built-in globalThis.crypto), and small PEM/DER
// helpers shared by the demo PKI and the CMS code.

import forge from 'node-forge';
import * as pkijs from 'pkijs';

/** pkijs crypto engine over Node's WebCrypto; passed explicitly to every pkijs call that signs. */
export const engine = new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: globalThis.crypto });

// Some pkijs internals ask the global engine; register ours unless the process already has one.
(() => {
  try {
    if (pkijs.getEngine().crypto) return;
  } catch {
    // not set yet
  }
  pkijs.setEngine('node-webcrypto', engine);
})();

export const OID = {
  // attribute types of names (X.520, PKCS #9)
  commonName: '2.5.4.3',
  surname: '2.5.4.4',
  serialNumber: '2.5.4.5',
  country: '2.5.4.6',
  organization: '2.5.4.10',
  organizationalUnit: '2.5.4.11',
  givenName: '2.5.4.42',
  emailAddress: '1.2.840.113549.1.9.1',
  // extensions
  subjectKeyIdentifier: '2.5.29.14',
  keyUsage: '2.5.29.15',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
  authorityKeyIdentifier: '2.5.29.35',
  extKeyUsage: '2.5.29.37',
  // key purposes
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
  // CMS
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentTypeAttr: '1.2.840.113549.1.9.3',
  messageDigestAttr: '1.2.840.113549.1.9.4',
  signingTimeAttr: '1.2.840.113549.1.9.5',
  signingCertificateAttr: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2Attr: '1.2.840.113549.1.9.16.2.47',
  // algorithms
  sha1: '1.3.14.3.2.26',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
  sha384WithRSAEncryption: '1.2.840.113549.1.1.12',
  sha512WithRSAEncryption: '1.2.840.113549.1.1.13',
} as const;

export function toPem(label: string, der: ArrayBuffer | Uint8Array): string {
  const b64 = Buffer.from(der instanceof Uint8Array ? der : new Uint8Array(der)).toString('base64');
  const lines = b64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** The DER bytes of the first PEM block with the given label. */
export function fromPem(pem: string, label: string): Uint8Array<ArrayBuffer> {
  const re = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`);
  const m = re.exec(pem);
  if (!m) throw new TypeError(`not a PEM ${label}`);
  return new Uint8Array(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64'));
}

/** A fresh ArrayBuffer holding exactly these bytes (pkijs and asn1js want ArrayBuffers). */
export function arrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}

type Pbkdf2 = (...args: unknown[]) => unknown;

/**
 * node-forge hands a password to PBKDF2 as a "binary string" (one byte per character), so a
 * password outside Latin-1 loses bits, while PKCS #5 / OpenSSL use its UTF-8 bytes. Run `fn` (a
 * synchronous forge PKCS #12 call) with forge's PBKDF2 given the UTF-8 bytes of `password`. The
 * PKCS #12 MAC and the legacy (3DES, RC2) key derivations use the BMPString form and are untouched.
 */
export function withUtf8Pbkdf2<T>(password: string, fn: () => T): T {
  const pkcs5 = forge.pkcs5 as unknown as { pbkdf2: Pbkdf2 };
  const original = pkcs5.pbkdf2;
  const utf8 = Buffer.from(password, 'utf8').toString('binary');
  if (utf8 === password) return fn();
  pkcs5.pbkdf2 = (p: unknown, ...rest: unknown[]) => original(p === password ? utf8 : p, ...rest);
  try {
    return fn();
  } finally {
    pkcs5.pbkdf2 = original;
  }
}
