// A demo public-key infrastructure, generated at run time and never committed: a self-signed
// certificate authority and personal certificates shaped like those of Kazakhstan's National
// Certification Centre (ҰКО / НУЦ): RSA 2048 with SHA-256, the subject's IIN in the SERIALNUMBER
// attribute as 'IIN123456789012', the organization in O, key usage digitalSignature +
// nonRepudiation, handed to the user as a password-protected PKCS#12 file.
//
// Keys come from Node's WebCrypto (native, fast); certificates are built with pkijs; the PKCS#12
// container is written by node-forge (AES-256-CBC with PBKDF2-HMAC-SHA256 for the key, an
// HMAC-SHA1 MAC: what OpenSSL, Windows and Java all read).

import { randomBytes, webcrypto } from 'node:crypto';
import * as asn1js from 'asn1js';
import forge from 'node-forge';
import * as pkijs from 'pkijs';
import { OID, arrayBuffer, engine, fromPem, toPem, withUtf8Pbkdf2 } from './pki-engine.ts';

export interface DemoCa {
  certificatePem: string;
  /** The CA's private key, PKCS #8, unencrypted PEM ("-----BEGIN PRIVATE KEY-----"). */
  privateKeyPkcs8Pem: string;
}

export interface DemoSubject {
  /** e.g. 'СҮЛЕЙМЕНОВА ГҮЛНҰР' (the national PKI writes the surname and first name in capitals). */
  commonName: string;
  /** 12 digits; written as SERIALNUMBER=IIN<12 digits>. */
  iin?: string;
  organization?: string;
  email?: string;
}

export interface DemoCertificate {
  certificatePem: string;
  /** PKCS #12 (PFX) with the private key, this certificate and the CA certificate. */
  pkcs12: Uint8Array;
}

type P12Options = NonNullable<Parameters<typeof forge.pkcs12.toPkcs12Asn1>[3]>;

const RSA_KEY: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/** Validity of a demo CA certificate. */
export const DEMO_CA_YEARS = 10;

function addYears(d: Date, years: number): Date {
  const r = new Date(d.getTime());
  r.setUTCFullYear(r.getUTCFullYear() + years);
  return r;
}

// RFC 5280: UTCTime through 2049, GeneralizedTime from 2050.
function time(d: Date): pkijs.Time {
  return new pkijs.Time({ type: d.getUTCFullYear() < 2050 ? 0 : 1, value: d });
}

function utf8(type: string, value: string): pkijs.AttributeTypeAndValue {
  return new pkijs.AttributeTypeAndValue({ type, value: new asn1js.Utf8String({ value }) });
}

function printable(type: string, value: string): pkijs.AttributeTypeAndValue {
  return new pkijs.AttributeTypeAndValue({ type, value: new asn1js.PrintableString({ value }) });
}

function ia5(type: string, value: string): pkijs.AttributeTypeAndValue {
  return new pkijs.AttributeTypeAndValue({ type, value: new asn1js.IA5String({ value }) });
}

/** A positive 128-bit serial number without a leading zero byte. */
function serialNumber(): asn1js.Integer {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return new asn1js.Integer({ valueHex: arrayBuffer(bytes) });
}

/** A distinguished name with one attribute per RDN (pkijs alone would put them all in one SET). */
function distinguishedName(attributes: pkijs.AttributeTypeAndValue[]): pkijs.RelativeDistinguishedNames {
  const der = new asn1js.Sequence({
    value: attributes.map((a) => new asn1js.Set({ value: [a.toSchema()] })),
  }).toBER(false);
  return pkijs.RelativeDistinguishedNames.fromBER(der);
}

const SHA256_WITH_RSA = '1.2.840.113549.1.1.11';

/**
 * Sign a certificate with SHA-256 and RSA. pkijs's own sign() leaves out the NULL parameters of
 * the algorithm identifier, which RFC 4055 requires for sha256WithRSAEncryption (and which
 * node-forge writes back when it re-serializes a certificate into the PKCS #12 file).
 */
async function signCertificate(cert: pkijs.Certificate, issuerKey: CryptoKey): Promise<void> {
  const algorithm = (): pkijs.AlgorithmIdentifier => new pkijs.AlgorithmIdentifier({ algorithmId: SHA256_WITH_RSA, algorithmParams: new asn1js.Null() });
  cert.signature = algorithm();
  cert.signatureAlgorithm = algorithm();
  const tbs = cert.encodeTBS().toBER(false);
  cert.tbsView = new Uint8Array(tbs);
  const signature = await webcrypto.subtle.sign('RSASSA-PKCS1-v1_5', issuerKey, tbs);
  cert.signatureValue = new asn1js.BitString({ valueHex: signature });
}

function extension(extnID: string, critical: boolean, value: asn1js.BaseBlock): pkijs.Extension {
  return new pkijs.Extension({ extnID, critical, extnValue: value.toBER(false) });
}

// KeyUsage bit string (RFC 5280 §4.2.1.3), DER: trailing zero bits dropped.
function keyUsage(byte: number): asn1js.BitString {
  let unusedBits = 0;
  while (unusedBits < 7 && (byte & (1 << unusedBits)) === 0) unusedBits++;
  return new asn1js.BitString({ valueHex: arrayBuffer(new Uint8Array([byte])), unusedBits });
}
const KU_DIGITAL_SIGNATURE = 0x80;
const KU_NON_REPUDIATION = 0x40;
const KU_KEY_CERT_SIGN = 0x04;
const KU_CRL_SIGN = 0x02;

async function keyIdentifier(cert: pkijs.Certificate): Promise<ArrayBuffer> {
  const spk = cert.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return webcrypto.subtle.digest('SHA-1', spk);
}

async function generateKeyPair(): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(RSA_KEY, true, ['sign', 'verify'])) as CryptoKeyPair;
}

async function importSigningKey(pkcs8Pem: string): Promise<CryptoKey> {
  return webcrypto.subtle.importKey('pkcs8', fromPem(pkcs8Pem, 'PRIVATE KEY'), RSA_KEY, false, ['sign']);
}

function parseCertificate(pem: string): pkijs.Certificate {
  return pkijs.Certificate.fromBER(fromPem(pem, 'CERTIFICATE'));
}

/**
 * A self-signed demo certificate authority valid for DEMO_CA_YEARS years from `now`.
 * Subject: CN=<name>, C=KZ.
 */
export async function createDemoCa(name: string, now: Date): Promise<DemoCa> {
  const keys = await generateKeyPair();
  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = serialNumber();
  cert.subject = distinguishedName([utf8(OID.commonName, name), printable(OID.country, 'KZ')]);
  cert.issuer = cert.subject;
  cert.notBefore = time(now);
  cert.notAfter = time(addYears(now, DEMO_CA_YEARS));
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);
  const ski = await keyIdentifier(cert);
  cert.extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: true }).toSchema()),
    extension(OID.keyUsage, true, keyUsage(KU_KEY_CERT_SIGN | KU_CRL_SIGN)),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: ski })),
  ];
  await signCertificate(cert, keys.privateKey);
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  return {
    certificatePem: toPem('CERTIFICATE', cert.toSchema().toBER(false)),
    privateKeyPkcs8Pem: toPem('PRIVATE KEY', pkcs8),
  };
}

/**
 * A personal signing certificate issued by the demo CA, valid from `now` for `years` years (never
 * past the CA's own end of validity), and the PKCS #12 file holding it with its private key,
 * protected by `password`.
 *
 * Subject: CN=<commonName>, SERIALNUMBER=IIN<iin>, O=<organization>, C=KZ, E=<email>.
 */
export async function issueDemoCertificate(ca: DemoCa, subject: DemoSubject, password: string, now: Date, years = 2): Promise<DemoCertificate> {
  if (subject.iin !== undefined && !/^\d{12}$/.test(subject.iin)) {
    throw new TypeError('issueDemoCertificate: the IIN must be 12 digits');
  }
  const caCert = parseCertificate(ca.certificatePem);
  const caKey = await importSigningKey(ca.privateKeyPkcs8Pem);
  const keys = await generateKeyPair();

  const cert = new pkijs.Certificate();
  cert.version = 2;
  cert.serialNumber = serialNumber();
  cert.issuer = caCert.subject;
  const dn = [utf8(OID.commonName, subject.commonName)];
  if (subject.iin) dn.push(printable(OID.serialNumber, `IIN${subject.iin}`));
  if (subject.organization) dn.push(utf8(OID.organization, subject.organization));
  dn.push(printable(OID.country, 'KZ'));
  if (subject.email) dn.push(ia5(OID.emailAddress, subject.email));
  cert.subject = distinguishedName(dn);
  const caEnd = caCert.notAfter.value;
  const end = addYears(now, years);
  cert.notBefore = time(now);
  cert.notAfter = time(end.getTime() > caEnd.getTime() ? caEnd : end);
  await cert.subjectPublicKeyInfo.importKey(keys.publicKey, engine);

  const extensions = [
    extension(OID.basicConstraints, true, new pkijs.BasicConstraints({ cA: false }).toSchema()),
    extension(OID.keyUsage, true, keyUsage(KU_DIGITAL_SIGNATURE | KU_NON_REPUDIATION)),
    extension(OID.extKeyUsage, false, new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection, OID.clientAuth] }).toSchema()),
    extension(OID.subjectKeyIdentifier, false, new asn1js.OctetString({ valueHex: await keyIdentifier(cert) })),
    extension(
      OID.authorityKeyIdentifier,
      false,
      new pkijs.AuthorityKeyIdentifier({
        keyIdentifier: new asn1js.OctetString({ valueHex: await keyIdentifier(caCert) }),
      }).toSchema(),
    ),
  ];
  if (subject.email) {
    extensions.push(extension(OID.subjectAltName, false, new pkijs.AltName({ altNames: [new pkijs.GeneralName({ type: 1, value: subject.email })] }).toSchema()));
  }
  cert.extensions = extensions;
  await signCertificate(cert, caKey);

  const certificatePem = toPem('CERTIFICATE', cert.toSchema().toBER(false));
  const pkcs8 = await webcrypto.subtle.exportKey('pkcs8', keys.privateKey);
  const forgeKey = forge.pki.privateKeyFromPem(toPem('PRIVATE KEY', pkcs8));
  // forge re-serializes the certificates it puts in the file (from the TBSCertificate it keeps,
  // plus its own encoding of the outer signature algorithm): make sure that gives our bytes back.
  for (const pem of [certificatePem, ca.certificatePem]) {
    const again = forge.asn1.toDer(forge.pki.certificateToAsn1(forge.pki.certificateFromPem(pem))).getBytes();
    if (!Buffer.from(again, 'binary').equals(Buffer.from(fromPem(pem, 'CERTIFICATE')))) {
      throw new Error('issueDemoCertificate: node-forge would alter a certificate in the PKCS#12 file');
    }
  }
  // prfAlgorithm is passed on to the PBES2 key encryption (missing from @types/node-forge).
  const options: P12Options & { prfAlgorithm: 'sha256' } = {
    algorithm: 'aes256',
    prfAlgorithm: 'sha256',
    count: 10000,
    friendlyName: subject.commonName,
  };
  const p12 = withUtf8Pbkdf2(password, () => forge.pkcs12.toPkcs12Asn1(forgeKey, [forge.pki.certificateFromPem(certificatePem), forge.pki.certificateFromPem(ca.certificatePem)], password, options));
  const der = forge.asn1.toDer(p12).getBytes();
  return { certificatePem, pkcs12: new Uint8Array(Buffer.from(der, 'binary')) };
}
