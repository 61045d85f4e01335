// NCALayer, the signing tool of Kazakhstan's national PKI (pki.gov.kz): a program on the user's
// machine that answers on a local WebSocket (wss://127.0.0.1:13579/) and signs with the user's own
// key, which never leaves it. Its protocol: a JSON request {module, method, args} per message; the
// answer {code: '200', responseObject} or {code: '500', message}; newer versions greet with
// {result: {version}} first. The address comes from the server (GET /me ncaLayerUrl).

const MODULE = 'kz.gov.pki.knca.commonUtils';

/** NCALayer refused or failed; `cancelled` when the user closed its key dialog. */
export class NcaLayerError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
  }
}

interface Answer {
  code?: string;
  message?: string;
  responseObject?: unknown;
  result?: { version?: string };
}

export class NcaLayer {
  private pending: { resolve(a: Answer): void; reject(e: Error): void } | null = null;

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (e) => {
      let answer: Answer;
      try {
        answer = JSON.parse(String(e.data)) as Answer;
      } catch {
        return;
      }
      if (answer.result?.version !== undefined && answer.code === undefined) return; // the greeting
      const p = this.pending;
      this.pending = null;
      p?.resolve(answer);
    });
    socket.addEventListener('close', () => {
      const p = this.pending;
      this.pending = null;
      p?.reject(new NcaLayerError('NCALayer closed the connection'));
    });
  }

  /** Connects; rejects when nothing answers there within the timeout (NCALayer not running). */
  static connect(url: string, timeoutMs = 3000): Promise<NcaLayer> {
    return new Promise((resolve, reject) => {
      let socket: WebSocket;
      try {
        socket = new WebSocket(url);
      } catch (e) {
        reject(e);
        return;
      }
      const timer = setTimeout(() => {
        socket.close();
        reject(new NcaLayerError('NCALayer did not answer'));
      }, timeoutMs);
      socket.addEventListener('open', () => {
        clearTimeout(timer);
        resolve(new NcaLayer(socket));
      });
      socket.addEventListener('error', () => {
        clearTimeout(timer);
        reject(new NcaLayerError('NCALayer is not reachable'));
      });
    });
  }

  get open(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.socket.close();
  }

  /** A CMS (CAdES-BES) signature over the data, by a key the user picks in NCALayer's dialog from a
   *  PKCS#12 file; detached unless `attached`. Both in base64. `keyType`: the signing key, or the
   *  AUTHENTICATION key that proves who signs in (the citizen portal's sign-in). */
  async createCAdESFromBase64(data: string, attached = false, keyType: 'SIGNATURE' | 'AUTHENTICATION' = 'SIGNATURE'): Promise<string> {
    const answer = await this.call('createCAdESFromBase64', ['PKCS12', keyType, data, attached]);
    if (typeof answer.responseObject !== 'string' || answer.responseObject === '') throw new NcaLayerError('NCALayer returned no signature');
    return answer.responseObject;
  }

  private call(method: string, args: unknown[]): Promise<Answer> {
    // closed since (NCALayer quit): sending would do nothing and nothing would answer
    if (!this.open) return Promise.reject(new NcaLayerError('NCALayer closed the connection'));
    if (this.pending) return Promise.reject(new NcaLayerError('NCALayer is busy'));
    return new Promise<Answer>((resolve, reject) => {
      this.pending = { resolve, reject };
      this.socket.send(JSON.stringify({ module: MODULE, method, args }));
    }).then((answer) => {
      if (answer.code === '200') return answer;
      const message = answer.message || `NCALayer: ${answer.code ?? 'no answer code'}`;
      throw new NcaLayerError(message, message === 'action.canceled');
    });
  }
}
