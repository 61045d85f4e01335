// A file sent as it is (issue 10 item 11): the raw bytes with their name in X-File-Name, through
// XMLHttpRequest, whose upload reports its progress (fetch cannot). The server checks the type by
// the content; its refusal comes back as an ApiError like any other.
import { csrfToken, toApiError } from '../api/client.ts';
import { currentLang } from '../i18n/i18n.tsx';

export interface Uploaded {
  id: string;
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
}

/** Uploads `file` to `url`; `onProgress` gets 0..1 as the bytes go. */
export function uploadFile(url: string, file: File, onProgress: (share: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name));
    xhr.setRequestHeader('x-csrf-token', csrfToken());
    xhr.setRequestHeader('accept-language', currentLang());
    // a new key for each file: a retried request answers the file it stored, never a second one
    xhr.setRequestHeader('idempotency-key', Array.from(crypto.getRandomValues(new Uint8Array(16)), (x) => x.toString(16).padStart(2, '0')).join(''));
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status === 201) resolve(body as Uploaded);
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => reject(toApiError(0, undefined));
    xhr.send(file);
  });
}
