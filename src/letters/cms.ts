// Detached CMS (PKCS #7) SignedData over arbitrary bytes (the cover-letter PDF), RSA with SHA-256,
// as the national PKI of Kazakhstan signs documents (RFC 5652; CAdES-BES-shaped).
//
// Signing: the key and certificates come from the user's PKCS #12 file (read with node-forge,
// which understands both the legacy PKCS #12 encryption (3DES, RC2) and PBES2/AES). The CMS
// carries the signer certificate (and the rest of the chain found in the file), and the signed
// attributes contentType, messageDigest, signingTime and signingCertificateV2 (ESS, RFC 5035: binds
// the signature to the certificate).
//
// Verification: the message digest, the signature over the signed attributes, the ESS certificate
// binding, the path from the signer certificate to one of the trusted roots (names, issuer
// signatures, CA flags), and the validity of every certificate of that path at the signing time.
// Revocation (CRL/OCSP) and timestamps are not checked here.

import { X509Certificate, createHash, verify as rsaVerify } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { OID, arrayBuffer, engine, fromPem, toPem, withUtf8Pbkdf2 } from './pki-engine.ts';

// ---------------------------------------------------------------------------------------------
// PKCS #12

export type Pkcs12ErrorCode = 'wrongPassword' | 'unreadable' | 'noKeyOrCertificate' | 'unsupportedKey';

/** Raised when a PKCS #12 file cannot be opened; `code` says why. */
export class Pkcs12Error extends Error {
  constructor(
    readonly code: Pkcs12ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'Pkcs12Error';
  }
}

export interface Pkcs12Contents {
  /** The private key, PKCS #8 DER (RSA). */
  privateKeyPkcs8: Uint8Array;
  /** The certificate of that key, DER. */
  certificate: Uint8Array;
  /** The other certificates in the file (CA chain), DER. */
  chain: Uint8Array[];
}

const RAW = Symbol('der');
type RawCert = forge.pki.Certificate & { [RAW]?: forge.asn1.Asn1 };

type Pkcs12FromAsn1 = (obj: forge.asn1.Asn1, strict: boolean, password: string) => forge.pkcs12.Pkcs12Pfx;

function forgeBytes(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('binary');
}

function fromForgeBytes(s: string): Uint8Array {
  return new Uint8Array(Buffer.from(s, 'binary'));
}

/**
 * Open a PKCS #12 (.p12/.pfx) file: its RSA private key, the certificate of that key and the other
 * certificates. Throws Pkcs12Error ('wrongPassword' when the password does not open it).
 */
export function readPkcs12(pkcs12: Uint8Array, password: string): Pkcs12Contents {
  let p12: forge.pkcs12.Pkcs12Pfx;
  // forge models a certificate and writes it back in its own way (e.g. it adds the NULL parameters
  // of the signature algorithm when a CA left them out), which would break the CA's signature. Keep
  // the ASN.1 it parsed each certificate from: that re-serializes to the original bytes.
  const certificateFromAsn1 = forge.pki.certificateFromAsn1;
  forge.pki.certificateFromAsn1 = (obj: forge.asn1.Asn1, computeHash?: boolean) => {
    const cert = certificateFromAsn1(obj, computeHash) as RawCert;
    cert[RAW] = obj;
    return cert;
  };
  try {
    const asn = forge.asn1.fromDer(forgeBytes(pkcs12), false /* strict: tolerate BER */);
    p12 = withUtf8Pbkdf2(password, () => (forge.pkcs12.pkcs12FromAsn1 as unknown as Pkcs12FromAsn1)(asn, false, password));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    // forge: 'PKCS#12 MAC could not be verified. Invalid password?' (files with a MAC), 'Unable to
    // decrypt PKCS#8 ShroudedKeyBag, wrong password?' (files without one).
    if (/password/i.test(message)) {
      throw new Pkcs12Error('wrongPassword', 'The PKCS#12 password is wrong: the key container cannot be opened.');
    }
    if (/Unknown OID|Unsupported|Cannot read private key/i.test(message)) {
      throw new Pkcs12Error('unsupportedKey', `The PKCS#12 file uses an unsupported algorithm or key type (${message}).`);
    }
    throw new Pkcs12Error('unreadable', `The PKCS#12 file cannot be read (${message}).`);
  } finally {
    forge.pki.certificateFromAsn1 = certificateFromAsn1;
  }

  const keyBags = [...(p12.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag! })[forge.pki.oids.pkcs8ShroudedKeyBag!] ?? []), ...(p12.getBags({ bagType: forge.pki.oids.keyBag! })[forge.pki.oids.keyBag!] ?? [])];
  const certBags = p12.getBags({ bagType: forge.pki.oids.certBag! })[forge.pki.oids.certBag!] ?? [];
  const keyBag = keyBags.find((b) => b.key);
  if (!keyBag?.key) throw new Pkcs12Error('noKeyOrCertificate', 'The PKCS#12 file holds no private key.');
  const key = keyBag.key as forge.pki.rsa.PrivateKey;
  if (!key.n || !key.e) throw new Pkcs12Error('unsupportedKey', 'The PKCS#12 key is not an RSA key.');

  const certs = certBags.map((b) => {
    const asn = (b.cert as RawCert | null)?.[RAW] ?? (b as { asn1?: forge.asn1.Asn1 }).asn1;
    return { cert: b.cert, der: asn ? fromForgeBytes(forge.asn1.toDer(asn).getBytes()) : null };
  });
  const own = certs.find((c) => {
    const pub = c.cert?.publicKey as forge.pki.rsa.PublicKey | undefined;
    return pub?.n !== undefined && pub.n.equals(key.n) && pub.e.equals(key.e);
  });
  if (!own?.der) {
    throw new Pkcs12Error('noKeyOrCertificate', 'The PKCS#12 file holds no certificate for its private key.');
  }
  const privateKeyPkcs8 = fromForgeBytes(forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(key))).getBytes());
  return {
    privateKeyPkcs8,
    certificate: own.der,
    chain: certs.filter((c) => c !== own && c.der).map((c) => c.der!),
  };
}

// ---------------------------------------------------------------------------------------------
// Signing

function attribute(type: string, value: asn1js.BaseBlock): pkijs.Attribute {
  return new pkijs.Attribute({ type, values: [value] });
}

function asn1Time(d: Date): asn1js.BaseBlock {
  // RFC 5652 §11.3: UTCTime for 1950–2049, GeneralizedTime otherwise.
  const year = d.getUTCFullYear();
  return year >= 1950 && year < 2050 ? new asn1js.UTCTime({ valueDate: d }) : new asn1js.GeneralizedTime({ valueDate: d });
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** DER: the members of a SET OF are sorted by their encodings. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  return attributes
    .map((a) => ({ a, der: new Uint8Array(a.toSchema().toBER(false)) }))
    .sort((x, y) => compareBytes(x.der, y.der))
    .map((x) => x.a);
}

/**
 * Sign `data` with the key in `pkcs12`: a detached CMS SignedData (DER ContentInfo), RSA-SHA256,
 * with the signer certificate (and the chain from the file) and `signingTime` as the signing-time
 * attribute. Throws Pkcs12Error for a wrong password or an unusable file.
 */
export async function signDetached(data: Uint8Array, pkcs12: Uint8Array, password: string, signingTime: Date): Promise<Uint8Array> {
  const p12 = readPkcs12(pkcs12, password);
  let privateKey: CryptoKey;
  try {
    privateKey = await globalThis.crypto.subtle.importKey('pkcs8', arrayBuffer(p12.privateKeyPkcs8), { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, false, ['sign']);
  } catch (e) {
    throw new Pkcs12Error('unsupportedKey', `The PKCS#12 key cannot be used for RSA signing (${String(e)}).`);
  }
  const signer = pkijs.Certificate.fromBER(arrayBuffer(p12.certificate));
  const chain = p12.chain.map((der) => pkijs.Certificate.fromBER(arrayBuffer(der)));

  const digest = createHash('sha256').update(data).digest();
  const certHash = createHash('sha256').update(p12.certificate).digest();
  // SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }; ESSCertIDv2 with the
  // default hash algorithm (SHA-256) omitted, and the issuer and serial number of the certificate.
  const essCertId = new asn1js.Sequence({
    value: [
      new asn1js.OctetString({ valueHex: arrayBuffer(certHash) }),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [signer.issuer.toSchema()] })],
          }),
          signer.serialNumber,
        ],
      }),
    ],
  });
  const signedAttrs = derSorted([
    attribute(OID.contentTypeAttr, new asn1js.ObjectIdentifier({ value: OID.data })),
    attribute(OID.signingTimeAttr, asn1Time(signingTime)),
    attribute(OID.messageDigestAttr, new asn1js.OctetString({ valueHex: arrayBuffer(digest) })),
    attribute(OID.signingCertificateV2Attr, new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertId] })] })),
  ]);

  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: signer.issuer, serialNumber: signer.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes: signedAttrs }),
      }),
    ],
    certificates: [signer, ...chain],
  });
  await signedData.sign(privateKey, 0, 'SHA-256', arrayBuffer(data), engine);
  // RFC 4055: sha256WithRSAEncryption carries NULL parameters (pkijs leaves them out; the
  // signature does not cover this field).
  signedData.signerInfos[0]!.signatureAlgorithm = new pkijs.AlgorithmIdentifier({
    algorithmId: OID.sha256WithRSAEncryption,
    algorithmParams: new asn1js.Null(),
  });
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

// ---------------------------------------------------------------------------------------------
// Verification

export type VerifyFailure = 'digestMismatch' | 'badSignature' | 'untrustedChain' | 'expired' | 'malformed';

export interface SignerSummary {
  commonName: string;
  /** The SERIALNUMBER attribute of the subject: the national PKI writes the IIN as 'IIN123456789012'. */
  serialNumber?: string;
  /** The 12 digits of the IIN when serialNumber has that form. */
  iin?: string;
  organization?: string;
  /** Certificate serial number, lower-case hex. */
  certificateSerial: string;
  /** SHA-256 of the certificate's DER, lower-case hex: names the certificate exactly. */
  fingerprint: string;
  /** ISO 8601. */
  notBefore: string;
  notAfter: string;
}

export interface VerifyResult {
  valid: boolean;
  reason?: VerifyFailure;
  /** Present whenever the signer certificate was found, also for an invalid signature. */
  signer?: SignerSummary;
  /** ISO 8601, from the signing-time attribute. */
  signingTime?: string;
  /** The signer certificate (PEM), whenever it was found. */
  signerCertificate?: string;
}

class Cert {
  readonly node: X509Certificate;
  readonly pkijs: pkijs.Certificate;
  constructor(readonly der: Buffer) {
    this.node = new X509Certificate(der);
    this.pkijs = pkijs.Certificate.fromBER(arrayBuffer(der));
  }
  validAt(t: Date): boolean {
    return this.pkijs.notBefore.value.getTime() <= t.getTime() && t.getTime() <= this.pkijs.notAfter.value.getTime();
  }
  /** This certificate is signed by `issuer`, whose name (and key identifier) match, and which is a CA. */
  issuedBy(issuer: Cert): boolean {
    try {
      return issuer.node.ca && this.node.checkIssued(issuer.node) && this.node.verify(issuer.node.publicKey);
    } catch {
      return false;
    }
  }
}

function tryCert(der: Uint8Array): Cert | null {
  try {
    return new Cert(Buffer.from(der));
  } catch {
    return null;
  }
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && compareBytes(a, b) === 0;
}

const MAX_PATH = 8;

/** A path signer → … → trust anchor, or null. Every certificate of `anchors` is a trust anchor. */
function buildPath(cert: Cert, pool: Cert[], anchors: Cert[], seen: Set<Cert> = new Set()): Cert[] | null {
  if (anchors.some((a) => a.der.equals(cert.der))) return [cert];
  if (seen.size >= MAX_PATH) return null;
  for (const a of anchors) if (cert.issuedBy(a)) return [cert, a];
  seen.add(cert);
  for (const c of pool) {
    if (seen.has(c) || !cert.issuedBy(c)) continue;
    const rest = buildPath(c, pool, anchors, seen);
    if (rest) return [cert, ...rest];
  }
  seen.delete(cert);
  return null;
}

function nameAttribute(name: pkijs.RelativeDistinguishedNames, type: string): string | undefined {
  const tv = name.typesAndValues.find((x) => x.type === type);
  if (!tv) return undefined;
  const v = (tv.value as { valueBlock?: { value?: unknown } }).valueBlock?.value;
  return typeof v === 'string' ? v : undefined;
}

function hex(bytes: Uint8Array): string {
  let s = Buffer.from(bytes).toString('hex');
  while (s.length > 2 && s.startsWith('00')) s = s.slice(2);
  return s;
}

function summary(cert: Cert): SignerSummary {
  const c = cert.pkijs;
  const serialNumber = nameAttribute(c.subject, OID.serialNumber);
  const iin = serialNumber && /^IIN(\d{12})$/.exec(serialNumber)?.[1];
  const organization = nameAttribute(c.subject, OID.organization);
  return {
    commonName: nameAttribute(c.subject, OID.commonName) ?? '',
    ...(serialNumber ? { serialNumber } : {}),
    ...(iin ? { iin } : {}),
    ...(organization ? { organization } : {}),
    certificateSerial: hex(c.serialNumber.valueBlock.valueHexView),
    notBefore: c.notBefore.value.toISOString(),
    notAfter: c.notAfter.value.toISOString(),
    fingerprint: createHash('sha256').update(cert.der).digest('hex'),
  };
}

const DIGESTS: Record<string, 'sha256' | 'sha384' | 'sha512'> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};
const RSA_SIGNATURES: Record<string, 'sha256' | 'sha384' | 'sha512' | null> = {
  [OID.rsaEncryption]: null, // the digest algorithm of the SignerInfo
  [OID.sha256WithRSAEncryption]: 'sha256',
  [OID.sha384WithRSAEncryption]: 'sha384',
  [OID.sha512WithRSAEncryption]: 'sha512',
};

function findSignerCert(sid: pkijs.SignerInfo['sid'], certs: Cert[]): Cert | undefined {
  if (sid instanceof pkijs.IssuerAndSerialNumber) {
    return certs.find((c) => c.pkijs.issuer.isEqual(sid.issuer) && c.pkijs.serialNumber.isEqual(sid.serialNumber));
  }
  // [0] SubjectKeyIdentifier
  const ski = (sid as { valueBlock?: { valueHexView?: Uint8Array } }).valueBlock?.valueHexView;
  if (!ski) return undefined;
  return certs.find((c) => {
    const ext = c.pkijs.extensions?.find((e) => e.extnID === OID.subjectKeyIdentifier);
    return ext ? bytesEqual(ext.extnValue.valueBlock.valueHexView.subarray(2), ski) : false;
  });
}

/** Hashes named in an ESS signing-certificate attribute (v2: its hash algorithm; v1: SHA-1). */
function essCertHashes(attr: pkijs.Attribute, v2: boolean): { algorithm: string; hash: Uint8Array }[] | null {
  try {
    const signingCertificate = attr.values[0] as asn1js.Sequence;
    const certs = signingCertificate.valueBlock.value[0] as asn1js.Sequence;
    return certs.valueBlock.value.map((id) => {
      const parts = (id as asn1js.Sequence).valueBlock.value;
      let algorithm = v2 ? 'sha256' : 'sha1';
      let i = 0;
      if (v2 && parts[0] instanceof asn1js.Sequence) {
        const oid = (parts[0].valueBlock.value[0] as asn1js.ObjectIdentifier).valueBlock.toString();
        algorithm = oid === OID.sha1 ? 'sha1' : (DIGESTS[oid] ?? 'unknown');
        i = 1;
      }
      const hash = (parts[i] as asn1js.OctetString).valueBlock.valueHexView;
      return { algorithm, hash };
    });
  } catch {
    return null;
  }
}

function timeValue(v: unknown): Date | undefined {
  if (v instanceof asn1js.UTCTime || v instanceof asn1js.GeneralizedTime) return v.toDate();
  return undefined;
}

function keyUsageAllowsSigning(c: pkijs.Certificate): boolean {
  const ext = c.extensions?.find((e) => e.extnID === OID.keyUsage);
  if (!ext) return true;
  try {
    const bits = asn1js.fromBER(ext.extnValue.valueBlock.valueHexView).result as asn1js.BitString;
    const first = bits.valueBlock.valueHexView[0] ?? 0;
    return (first & 0xc0) !== 0; // digitalSignature or nonRepudiation
  } catch {
    return false;
  }
}

/**
 * Verify a detached CMS signature over `data`.
 *
 * `trustedRoots` are PEM certificates; each one is a trust anchor (a root or an intermediate CA
 * the caller trusts directly). Certificates are checked at `at` when given, else at the signing
 * time the CMS carries, else now; 'expired' means some certificate of the path was not valid at
 * that instant (expired or not yet valid).
 */
export async function verifyDetached(data: Uint8Array, cms: Uint8Array, trustedRoots: string[], at?: Date): Promise<VerifyResult> {
  const anchors = trustedRoots.map((pem) => {
    const c = tryCert(fromPem(pem, 'CERTIFICATE'));
    if (!c) throw new TypeError('verifyDetached: a trusted root is not a readable certificate');
    return c;
  });

  // Structure.
  let signedData: pkijs.SignedData;
  try {
    const parsed = asn1js.fromBER(arrayBuffer(cms));
    if (parsed.offset === -1 || parsed.offset !== cms.byteLength) return { valid: false, reason: 'malformed' };
    const contentInfo = new pkijs.ContentInfo({ schema: parsed.result });
    if (contentInfo.contentType !== OID.signedData) return { valid: false, reason: 'malformed' };
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    return { valid: false, reason: 'malformed' };
  }
  const signerInfo = signedData.signerInfos.length === 1 ? signedData.signerInfos[0] : undefined;
  // Detached: the content is not inside.
  if (!signerInfo || signedData.encapContentInfo.eContent) return { valid: false, reason: 'malformed' };

  const certs = (signedData.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => tryCert(new Uint8Array(c.toSchema().toBER(false))))
    .filter((c): c is Cert => c !== null);
  const signerCert = findSignerCert(signerInfo.sid, certs);
  if (!signerCert) return { valid: false, reason: 'malformed' };
  const signer = summary(signerCert);

  // Signed attributes: contentType, messageDigest (required), signingTime, ESS binding.
  const attrs = signerInfo.signedAttrs?.attributes ?? [];
  const one = (type: string) => {
    const found = attrs.filter((a) => a.type === type);
    return found.length === 1 && found[0]!.values.length === 1 ? found[0]! : undefined;
  };
  const contentType = one(OID.contentTypeAttr)?.values[0];
  const messageDigest = one(OID.messageDigestAttr)?.values[0];
  const signingTimeAttr = attrs.find((a) => a.type === OID.signingTimeAttr);
  const signingTime = signingTimeAttr ? timeValue(signingTimeAttr.values[0]) : undefined;
  const base: VerifyResult = { valid: false, signer, signerCertificate: toPem('CERTIFICATE', signerCert.der), ...(signingTime ? { signingTime: signingTime.toISOString() } : {}) };
  if (
    !signerInfo.signedAttrs ||
    !(contentType instanceof asn1js.ObjectIdentifier) ||
    contentType.valueBlock.toString() !== signedData.encapContentInfo.eContentType ||
    !(messageDigest instanceof asn1js.OctetString) ||
    (signingTimeAttr && !signingTime)
  ) {
    return { ...base, reason: 'malformed' };
  }
  const digestName = DIGESTS[signerInfo.digestAlgorithm.algorithmId];
  const signatureOid = signerInfo.signatureAlgorithm.algorithmId;
  if (!digestName || !(signatureOid in RSA_SIGNATURES)) return { ...base, reason: 'malformed' };

  // 1. The message digest.
  const digest = createHash(digestName).update(data).digest();
  if (!bytesEqual(digest, messageDigest.valueBlock.valueHexView)) return { ...base, reason: 'digestMismatch' };

  // 2. The signature over the DER of the signed attributes (as a SET, tag 0x31).
  const signed = new Uint8Array(signerInfo.signedAttrs.encodedValue.slice(0));
  signed[0] = 0x31;
  let signatureOk = false;
  try {
    const hash = RSA_SIGNATURES[signatureOid] ?? digestName;
    signatureOk = signerCert.node.publicKey.asymmetricKeyType === 'rsa' && rsaVerify(hash, signed, signerCert.node.publicKey, signerInfo.signature.valueBlock.valueHexView);
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) return { ...base, reason: 'badSignature' };

  // 3. The ESS signing-certificate attribute, when present, names this certificate.
  for (const [type, v2] of [
    [OID.signingCertificateV2Attr, true],
    [OID.signingCertificateAttr, false],
  ] as const) {
    const attr = attrs.find((a) => a.type === type);
    if (!attr) continue;
    const first = essCertHashes(attr, v2)?.[0];
    if (!first || first.algorithm === 'unknown') return { ...base, reason: 'malformed' };
    const expected = createHash(first.algorithm).update(signerCert.der).digest();
    if (!bytesEqual(expected, first.hash)) return { ...base, reason: 'badSignature' };
  }

  // 4. The certificate path to a trusted root, and the signer certificate's key usage.
  const path = buildPath(signerCert, certs, anchors);
  if (!path || !keyUsageAllowsSigning(signerCert.pkijs)) return { ...base, reason: 'untrustedChain' };

  // 5. Every certificate of the path valid at the signing time.
  const when = at ?? signingTime ?? new Date();
  if (!path.every((c) => c.validAt(when))) return { ...base, reason: 'expired' };

  return { ...base, valid: true };
}
