// A test double of NCALayer, the signing tool of the national PKI that the web app talks to
// (web/src/api/ncalayer.ts): a plain WebSocket server on a free local port (the real one is wss on
// 127.0.0.1:13579 with its own certificate) that greets with its version and answers
// createCAdESFromBase64 of kz.gov.pki.knca.commonUtils as NCALayer does — {code: '200',
// responseObject: <base64 CMS>} — signing with the PKCS#12 the test hands it (where the real one
// lets the user pick a key), or {code: '500', message} when told to refuse.
import { WebSocketServer } from 'ws';
import { signDetached } from '../../src/letters/cms.ts';

export interface NcaLayerRequest {
  module: string;
  method: string;
  args: unknown[];
}

export interface NcaLayerDouble {
  url: string;
  /** Every request received, in order. */
  requests: NcaLayerRequest[];
  /** The key it signs with next (the user's choice in the real NCALayer's dialog). */
  useKey(pkcs12: Buffer, password: string): void;
  /** The next request is answered with this error message instead (e.g. 'action.canceled'). */
  refuseNext(message: string): void;
  close(): Promise<void>;
}

export async function startNcaLayerDouble(signingTime: Date): Promise<NcaLayerDouble> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise<void>((ok, fail) => {
    server.once('listening', ok);
    server.once('error', fail);
  });
  const requests: NcaLayerRequest[] = [];
  let key: { pkcs12: Buffer; password: string } | undefined;
  let refusal: string | undefined;

  server.on('connection', (socket) => {
    socket.send(JSON.stringify({ result: { version: '1.4' } }));
    socket.on('message', async (raw) => {
      const request = JSON.parse(String(raw)) as NcaLayerRequest;
      requests.push(request);
      const answer = async () => {
        if (refusal !== undefined) {
          const message = refusal;
          refusal = undefined;
          return { code: '500', message };
        }
        const [storage, keyType, data, attached] = request.args;
        if (request.module !== 'kz.gov.pki.knca.commonUtils' || request.method !== 'createCAdESFromBase64') return { code: '500', message: 'unknown method' };
        if (storage !== 'PKCS12' || keyType !== 'SIGNATURE' || typeof data !== 'string' || attached !== false || !key) return { code: '500', message: 'bad arguments' };
        const cms = await signDetached(Buffer.from(data, 'base64'), key.pkcs12, key.password, signingTime);
        return { code: '200', responseObject: Buffer.from(cms).toString('base64') };
      };
      socket.send(JSON.stringify(await answer()));
    });
  });

  return {
    url: `ws://127.0.0.1:${(server.address() as { port: number }).port}/`,
    requests,
    useKey(pkcs12, password) {
      key = { pkcs12, password };
    },
    refuseNext(message) {
      refusal = message;
    },
    close: () =>
      new Promise((ok) => {
        for (const c of server.clients) c.terminate();
        server.close(() => ok());
      }),
  };
}
